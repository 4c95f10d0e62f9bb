# Reference values for LinearSensitivityTest: R sensemakr 0.1.6 and EValue 4.1.4 on the Darfur data of
# Cinelli & Hazlett (2020), the example of their paper and of sensemakr's documentation.
# Writes darfur.csv (the model's variables, from sensemakr's data(darfur)) and sensitivity_darfur.json.
# Run from this folder: Rscript sensitivity_darfur.R   (R packages installed by tools/r-peers.sh)
library(sensemakr)
library(EValue)
library(jsonlite)
data(darfur)
vars <- c("peacefactor", "directlyharmed", "age", "farmer_dar", "herder_dar", "pastvoted", "hhsize_darfur", "female", "village")
d <- darfur[, vars]
d$village <- as.character(d$village)
write.csv(d, "darfur.csv", row.names = FALSE)
m <- lm(peacefactor ~ directlyharmed + age + farmer_dar + herder_dar + pastvoted + hhsize_darfur + female + factor(village), data = d)
s <- sensemakr(m, treatment = "directlyharmed", benchmark_covariates = "female", kd = 1:3)
est <- unname(coef(m)["directlyharmed"])
se <- unname(summary(m)$coefficients["directlyharmed", 2])
ev <- evalues.OLS(est = est, se = se, sd = sd(d$peacefactor))
half <- function(alpha) unname(robustness_value(m, covariates = "directlyharmed", q = 0.5, alpha = alpha))
out <- list(
  source = paste("R", getRversion(), "sensemakr", packageVersion("sensemakr"), "EValue", packageVersion("EValue")),
  n = nobs(m), dof = m$df.residual, estimate = est, se = se,
  r2yd_x = unname(s$sensitivity_stats$r2yd.x),
  rv_q = unname(s$sensitivity_stats$rv_q), rv_qa = unname(s$sensitivity_stats$rv_qa),
  rv_q_half = half(1), rv_qa_half = half(0.05),
  bounds = lapply(seq_len(nrow(s$bounds)), function(i) list(kd = i,
    r2dz_x = s$bounds$r2dz.x[i], r2yz_dx = s$bounds$r2yz.dx[i],
    adjusted_estimate = s$bounds$adjusted_estimate[i], adjusted_se = s$bounds$adjusted_se[i],
    adjusted_t = s$bounds$adjusted_t[i], adjusted_ci_low = s$bounds$adjusted_lower_CI[i],
    adjusted_ci_high = s$bounds$adjusted_upper_CI[i])),
  e_value = unname(ev["E-values", "point"]), e_value_ci = unname(ev["E-values", "lower"]))
write_json(out, "sensitivity_darfur.json", auto_unbox = TRUE, digits = NA, pretty = TRUE)
