# Reference values for BalanceSummaryReferenceTest: covariate balance after IPW on cattaneo2.dta, computed in
# base R from the formulas of Stata's [TE] tebalance summarize (Methods and formulas): raw columns with the
# n - 1 variance; weighted columns with the IPW weights rescaled to sum to N, weighted means and the
# frequency-weight variance sum w (x - m)^2 / (sum w - 1); standardised difference (m1 - m0) / sqrt((v1 + v0) / 2),
# variance ratio v1 / v0. KS: the largest difference of the weighted eCDFs at the pooled distinct values (cobalt).
# common_support: the interval where both arms' scores lie and the units outside it. With sampling weights, the raw
# columns are weighted by them (rescaled to sum to N) and the adjusted ones by their product with the IPW weights.
# The formulas are checked against the Stata log published on Statalist (thread 1419349, the case "ate" below;
# its values are in tebalance_cattaneo2_stata.json). Run from the repository root:
#   Rscript synergia-effects/src/test/resources/reference/tebalance_cattaneo2.R
library(haven); library(nnet); library(jsonlite)
d <- as.data.frame(read_dta("synergia-testdata/src/main/resources/org/synergia/testdata/datasets/cattaneo2.dta"))
norm <- function(w) w * length(w) / sum(w)
wmom <- function(x, w) { m <- sum(w * x) / sum(w); c(m, sum(w * (x - m)^2) / (sum(w) - 1)) }
wecdf_max <- function(x, w, g) {
  v <- sort(unique(x)); f1 <- sapply(v, function(u) sum(w[g & x <= u]) / sum(w[g]))
  f0 <- sapply(v, function(u) sum(w[!g & x <= u]) / sum(w[!g])); max(abs(f1 - f0))
}
# s: sampling weights, rescaled to sum to N (unit weights without them), which the raw columns use
contrast <- function(X, arm, a, w, s = rep(1, nrow(X))) {
  keep <- arm == a | arm == 0; g <- arm[keep] == a; wk <- w[keep]; sk <- norm(s)[keep]
  rows <- lapply(colnames(X), function(v) {
    x <- X[keep, v]
    r1 <- wmom(x[g], sk[g]); r0 <- wmom(x[!g], sk[!g])
    a1 <- wmom(x[g], wk[g]); a0 <- wmom(x[!g], wk[!g])
    list(variable = v, smd_raw = (r1[1] - r0[1]) / sqrt((r1[2] + r0[2]) / 2), smd_adjusted = (a1[1] - a0[1]) / sqrt((a1[2] + a0[2]) / 2),
         vr_raw = r1[2] / r0[2], vr_adjusted = a1[2] / a0[2], ks_raw = wecdf_max(x, sk, g), ks_adjusted = wecdf_max(x, wk, g))
  })
  list(rows = rows, raw = c(sum(g), sum(!g)), adjusted = c(sum(wk[g]), sum(wk[!g])),
       ess = c(sum(wk[g])^2 / sum(wk[g]^2), sum(wk[!g])^2 / sum(wk[!g]^2)))
}
covs <- c("foreign", "alcohol", "mage", "medu", "fage", "fedu")
X <- as.matrix(d[, covs]); t <- d$mbsmoke
p <- fitted(glm(reformulate(covs, "mbsmoke"), family = binomial, data = d))
support <- c(max(min(p[t == 1]), min(p[t == 0])), min(max(p[t == 1]), max(p[t == 0])))
out <- list(
  common_support = list(low = support[1], high = support[2], outside = sum(p < support[1] | p > support[2])),
  ate = contrast(X, t, 1, norm(ifelse(t == 1, 1 / p, 1 / (1 - p)))),
  att = contrast(X, t, 1, norm(ifelse(t == 1, 1, p / (1 - p)))))
# three arms: msmoke (0 none, 1: 1-5, 2: 6-10, 3: 11+ cigarettes a day) recoded to 0, 1 (1-5), 2 (6+)
arm <- pmin(d$msmoke, 2)
mcovs <- c("mage", "medu", "mmarried")
fit <- multinom(reformulate(mcovs, "factor(arm)"), data = cbind(d, arm = arm), reltol = 1e-14, maxit = 2000, trace = FALSE)
P <- fitted(fit); own <- P[cbind(seq_along(arm), arm + 1)]
Xm <- as.matrix(d[, mcovs])
out$multi <- lapply(1:2, function(a) contrast(Xm, arm, a, norm(1 / own)))
# sampling weights s_i = 1 + (i mod 3) / 2 (i = 1..N): the treatment model fitted with them (weighted logit), the raw
# columns weighted by s, the adjusted ones by s times the IPW weight
s <- 1 + (seq_len(nrow(d)) %% 3) / 2
ps <- suppressWarnings(fitted(glm(reformulate(covs, "mbsmoke"), family = binomial, data = d, weights = s)))
out$ate_sampling_weights <- contrast(X, t, 1, norm(s * ifelse(t == 1, 1 / ps, 1 / (1 - ps))), s)
writeLines(toJSON(out, digits = NA, auto_unbox = TRUE, pretty = TRUE),
           "synergia-effects/src/test/resources/reference/tebalance_cattaneo2.json")
