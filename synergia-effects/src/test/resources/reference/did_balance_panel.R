# Reference values for DidBalanceTest: covariate balance of the treated and comparison units of the panel
# did_panel_dev.csv (synergia-testdata) under the logit propensity score of the IPW DiD estimators (R DRDID's
# ipwdid: a binomial glm of the group on the pre-period covariates), by the formulas of Stata's tebalance
# summarize (see tebalance_cattaneo2.R): weights treated 1, comparison p/(1-p), rescaled to sum to the number of
# units; frequency-weight variances; KS of the weighted eCDFs. Run from the repository root:
#   Rscript synergia-effects/src/test/resources/reference/did_balance_panel.R
library(jsonlite)
d <- read.csv("synergia-testdata/src/main/resources/org/synergia/testdata/reference/did_panel_dev.csv")
u <- d[d$period == min(d$period), ]
u <- u[order(u$id), ]
covs <- c("x1", "x2", "x3")
g <- u$treated == 1
p <- fitted(glm(treated ~ x1 + x2 + x3, family = binomial, data = u))
w <- ifelse(g, 1, p / (1 - p)); w <- w * length(w) / sum(w)
wmom <- function(x, w) { m <- sum(w * x) / sum(w); c(m, sum(w * (x - m)^2) / (sum(w) - 1)) }
wks <- function(x, w) { v <- sort(unique(x))
  max(abs(sapply(v, function(z) sum(w[g & x <= z]) / sum(w[g])) - sapply(v, function(z) sum(w[!g & x <= z]) / sum(w[!g])))) }
rows <- lapply(covs, function(v) {
  x <- u[[v]]; r1 <- c(mean(x[g]), var(x[g])); r0 <- c(mean(x[!g]), var(x[!g])); a1 <- wmom(x[g], w[g]); a0 <- wmom(x[!g], w[!g])
  list(variable = v, smd_raw = (r1[1] - r0[1]) / sqrt((r1[2] + r0[2]) / 2), smd_adjusted = (a1[1] - a0[1]) / sqrt((a1[2] + a0[2]) / 2),
       vr_raw = r1[2] / r0[2], vr_adjusted = a1[2] / a0[2], ks_raw = wks(x, rep(1, length(x))), ks_adjusted = wks(x, w))
})
out <- list(rows = rows, raw = c(sum(g), sum(!g)), adjusted = c(sum(w[g]), sum(w[!g])))
writeLines(toJSON(out, digits = NA, auto_unbox = TRUE, pretty = TRUE),
           "synergia-effects/src/test/resources/reference/did_balance_panel.json")
