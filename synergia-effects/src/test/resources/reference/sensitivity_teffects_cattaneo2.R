# Reference values for OutcomeRegressionSensitivityTest: the sensitivity of an effect to unobserved
# confounding through the pooled outcome regression, by R sensemakr 0.1.6 and EValue 4.1.4 (installed with
# tools/r-peers.sh from snapshots of github.com/cran/sensemakr, cran/MetaUtility and cran/EValue), on
# datasets/cattaneo2.dta of synergia-testdata. The E-values are those of Stata's teffects ra ATE and its SE
# (cattaneo2_teffects_stata.json, beside this script). Run from the repository root:
#   Rscript synergia-effects/src/test/resources/reference/sensitivity_teffects_cattaneo2.R
library(haven); library(sensemakr); library(EValue); library(jsonlite)
d <- as.data.frame(read_dta("synergia-testdata/src/main/resources/org/synergia/testdata/datasets/cattaneo2.dta"))
stata <- fromJSON("synergia-effects/src/test/resources/reference/cattaneo2_teffects_stata.json")
stats <- function(model, treatment, benchmark) {
  s <- sensemakr(model, treatment = treatment, benchmark_covariates = benchmark, kd = 1:3, q = 1, alpha = 0.05)
  st <- s$sensitivity_stats; b <- s$bounds
  list(estimate = st$estimate, se_classical = st$se, t_classical = st$t_statistic, r2yd_x = st$r2yd.x,
       rv_q = st$rv_q, rv_qa = st$rv_qa, dof = st$dof,
       bounds = lapply(seq_len(nrow(b)), function(i) list(kd = i, r2dz_x = b$r2dz.x[i], r2yz_dx = b$r2yz.dx[i],
         adjusted_estimate = b$adjusted_estimate[i], adjusted_se = b$adjusted_se[i], adjusted_t = b$adjusted_t[i],
         adjusted_ci_low = b$adjusted_lower_CI[i], adjusted_ci_high = b$adjusted_upper_CI[i])))
}
out <- list()
# binary treatment: the outcome model of the Stata reference, bweight ~ prenatal1 + mmarried + mage + fbaby
out$binary <- stats(lm(bweight ~ mbsmoke + prenatal1 + mmarried + mage + fbaby, data = d), "mbsmoke", "mmarried")
e <- evalues.OLS(stata$ra$ATE$estimate, stata$ra$ATE$se, sd = sd(d$bweight))
out$binary$e_value <- e["E-values", "point"]
out$binary$e_value_ci <- if (is.na(e["E-values", "upper"])) e["E-values", "lower"] else e["E-values", "upper"]
# three levels: arm = min(msmoke, 2), the effect of level 2 against 0
d$arm <- pmin(d$msmoke, 2)
out$multi <- stats(lm(bweight ~ factor(arm) + prenatal1 + mmarried + mage + fbaby, data = d), "factor(arm)2", "mage")
# four levels for a synergy 3=1+2: arm4 = mbsmoke + 2 fbaby; the synergy is the coefficient of C = 1(arm4 == 3)
# with A = 1(arm4 in 1, 3) and B = 1(arm4 in 2, 3) beside it
d$A <- as.numeric(d$mbsmoke == 1); d$B <- as.numeric(d$fbaby == 1); d$C <- d$A * d$B
out$synergy <- stats(lm(bweight ~ A + B + C + prenatal1 + mmarried + mage, data = d), "C", "mmarried")
writeLines(toJSON(out, digits = NA, auto_unbox = TRUE, pretty = TRUE),
           "synergia-effects/src/test/resources/reference/sensitivity_teffects_cattaneo2.json")
