# Reference values for RaImpliedWeightsReferenceTest: the implied weights of RA's separate linear outcome
# regressions on cattaneo2.dta (R lmw 0.0.2, Chattopadhyay & Zubizarreta 2023, method "MRI": one regression per
# treatment level, as Stata's teffects ra fits them), for the ATE and the ATT, and the balance they give:
# weighted means, and the standardised difference, variance ratio and KS computed from lmw's weights with the
# formulas of BalanceSummary (tebalance summarize: raw columns with the n - 1 variance; weighted columns with
# weighted means and the frequency-weight variance sum w (x - m)^2 / (sum w - 1); KS: the largest difference of the
# weighted eCDFs at the pooled distinct values). lmw scales the weights to mean 1 within each treatment level.
# Three levels: msmoke recoded to 0 (none), 1 (1-5 a day), 2 (6+), each against 0.
# Run from the repository root (R with haven, jsonlite and lmw; tools/r-peers.sh installs them):
#   Rscript synergia-effects/src/test/resources/reference/ra_implied_weights_cattaneo2.R
library(haven); library(jsonlite); library(lmw)
d <- as.data.frame(read_dta("synergia-testdata/src/main/resources/org/synergia/testdata/datasets/cattaneo2.dta"))
d <- data.frame(bweight = d$bweight, mbsmoke = d$mbsmoke, msmoke = factor(pmin(d$msmoke, 2)), mage = d$mage, medu = d$medu,
                fbaby = d$fbaby)
wmom <- function(x, w) { m <- sum(w * x) / sum(w); c(m, sum(w * (x - m)^2) / (sum(w) - 1)) }
wecdf_max <- function(x, w, g) {
  v <- sort(unique(x)); f1 <- sapply(v, function(u) sum(w[g & x <= u]) / sum(w[g]))
  f0 <- sapply(v, function(u) sum(w[!g & x <= u]) / sum(w[!g])); max(abs(f1 - f0))
}
balance <- function(X, arm, a, w) {
  keep <- arm == a | arm == 0; g <- arm[keep] == a; wk <- w[keep]
  lapply(colnames(X), function(v) {
    x <- X[keep, v]
    r1 <- c(mean(x[g]), var(x[g])); r0 <- c(mean(x[!g]), var(x[!g]))
    a1 <- wmom(x[g], wk[g]); a0 <- wmom(x[!g], wk[!g])
    list(contrast = paste0(a, "vs0"), variable = v, mean_treated_adjusted = a1[1], mean_control_adjusted = a0[1],
         smd_raw = (r1[1] - r0[1]) / sqrt((r1[2] + r0[2]) / 2), smd_adjusted = (a1[1] - a0[1]) / sqrt((a1[2] + a0[2]) / 2),
         vr_raw = r1[2] / r0[2], vr_adjusted = a1[2] / a0[2], ks_adjusted = wecdf_max(x, wk, g))
  })
}
covs <- c("mage", "medu", "fbaby")
X <- as.matrix(d[, covs])
case <- function(treat, estimand, focal = NULL) {
  f <- reformulate(covs)
  fit <- if (is.null(focal)) lmw(f, data = d, treat = treat, method = "MRI", estimand = estimand)
         else lmw(f, data = d, treat = treat, method = "MRI", estimand = estimand, focal = focal)
  w <- fit$weights
  arm <- as.numeric(as.character(d[[treat]]))
  est <- lmw_est(fit, outcome = "bweight")
  list(weights_head = w[1:20], weights_sum_by_arm = tapply(w, arm, sum), coefficients = unname(coef(est)),
       rows = do.call(c, lapply(setdiff(sort(unique(arm)), 0), function(a) balance(X, arm, a, w))))
}
out <- list(source = "R lmw 0.0.2 (cran/lmw snapshot 7e78862), method MRI", ate = case("mbsmoke", "ATE"),
            att = case("mbsmoke", "ATT", focal = 1), three_ate = case("msmoke", "ATE"))
write_json(out, "synergia-effects/src/test/resources/reference/ra_implied_weights_cattaneo2.json", digits = NA,
           auto_unbox = TRUE, pretty = TRUE)
