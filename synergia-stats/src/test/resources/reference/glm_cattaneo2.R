# Formula-based GLM references on cattaneo2.dta of synergia-testdata (Cattaneo 2010, written by Stata 14).
# Run from this directory: Rscript glm_cattaneo2.R ../../../../../synergia-testdata/src/main/resources/org/synergia/testdata/datasets/cattaneo2.dta
# (R 4.2.2, haven 2.5.1, sandwich 3.0-2). Writes glm_cattaneo2.csv: model, term, quantity, value.
# Coefficients R reports as NA (aliased, i.e. collinear) are written as NA.
suppressPackageStartupMessages({ library(sandwich); library(haven) })
args <- commandArgs(trailingOnly = TRUE)
d <- zap_labels(read_dta(if (length(args)) args[1] else "cattaneo2.dta"))
d <- as.data.frame(d)
ctl <- glm.control(epsilon = 1e-14, maxit = 100)
polish <- function(f) { for (k in 1:30) f <- update(f, start = ifelse(is.na(coef(f)), 0, coef(f))); f }
out <- list()
put <- function(model, terms, quantity, values) {
  out[[length(out) + 1]] <<- data.frame(model = model, term = terms, quantity = quantity,
                                        value = ifelse(is.na(values), "NA", sprintf("%.17g", values)))
}
record <- function(model, fit) {
  tn <- names(coef(fit))
  ok <- !is.na(coef(fit))
  put(model, tn, "coef", coef(fit))
  se <- function(v) { s <- rep(NA, length(tn)); s[ok] <- sqrt(diag(v)); s }
  put(model, tn, "se_model", se(vcov(fit)[ok, ok, drop = FALSE]))
  put(model, tn, "se_hc0", se(vcovHC(fit, type = "HC0")))
  put(model, tn, "se_hc1", se(vcovHC(fit, type = "HC1")))
  put(model, tn, "se_cl_hc0", se(vcovCL(fit, cluster = ~birthmonth, type = "HC0")))
  put(model, tn, "se_cl_hc1", se(vcovCL(fit, cluster = ~birthmonth, type = "HC1")))
  put(model, "(model)", "loglik", as.numeric(logLik(fit)))
  put(model, "(model)", "nobs", nobs(fit))
}
record("ols", polish(glm(bweight ~ mage + I(mage^2) + factor(msmoke) + mbsmoke:mage + mmarried*fbaby + factor(prenatal):medu,
                         gaussian(), d, control = ctl)))
record("logit_noint", polish(glm(mbsmoke ~ 0 + factor(prenatal) + mage + I(mage^2) + mmarried + fbaby + medu,
                                 binomial(), d, control = ctl)))
record("poisson", polish(glm(nprenatal ~ mage + medu + factor(msmoke) + mmarried:fbaby, poisson(), d, control = ctl)))
# glm's QR tolerance is min(1e-7, epsilon / 1000): epsilon = 1e-10 so that it detects the collinearity
record("probit_collinear", polish(glm(lbweight ~ mage + factor(msmoke) + mbsmoke + mmarried, binomial(link = "probit"),
                                      d, control = glm.control(epsilon = 1e-10, maxit = 100))))
write.csv(do.call(rbind, out), "glm_cattaneo2.csv", row.names = FALSE, quote = TRUE)
cat(R.version.string, "haven", as.character(packageVersion("haven")), "sandwich", as.character(packageVersion("sandwich")), "\n")
