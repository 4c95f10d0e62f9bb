# Reference values for synergia-stats GLM and variance tests, computed on lalonde.csv of synergia-testdata.
# Run from this directory:  Rscript glm_lalonde.R ../../../../../synergia-testdata/src/main/resources/org/synergia/testdata/reference/lalonde.csv
# (R 4.2.2, sandwich 3.0-2, nnet 7.3-18). Writes glm_lalonde.csv: model, term, quantity, value.
suppressPackageStartupMessages({ library(sandwich); library(nnet) })
args <- commandArgs(trailingOnly = TRUE)
d <- read.csv(if (length(args)) args[1] else "lalonde.csv")
n <- nrow(d)
# deterministic extras used by the tests (the Java tests build the same columns)
d$w <- 1 + (d$age %% 3) / 2                 # sampling weights 1, 1.5, 2
d$f <- 1 + (seq_len(n) %% 3)                 # frequency weights 1, 2, 3 by row position
d$re78k <- round(d$re78 / 1000)              # a count outcome
d$race <- ifelse(d$black == 1, 1, ifelse(d$hispan == 1, 2, 0))  # 0 white, 1 black, 2 hispanic
d$re74k <- d$re74 / 1000
ctl <- glm.control(epsilon = 1e-14, maxit = 100)
# glm stops on the relative change in deviance; Fisher scoring converges only linearly for the
# probit link, so restart from the estimate until the score is zero to rounding
polish <- function(f) { for (k in 1:30) f <- update(f, start = coef(f)); f }
out <- list()
put <- function(model, terms, quantity, values) {
  out[[length(out) + 1]] <<- data.frame(model = model, term = terms, quantity = quantity,
                                        value = sprintf("%.17g", values))
}
record <- function(model, fit, cluster = ~educ) {
  tn <- names(coef(fit))
  put(model, tn, "coef", coef(fit))
  put(model, tn, "se_model", sqrt(diag(vcov(fit))))
  put(model, tn, "se_hc0", sqrt(diag(vcovHC(fit, type = "HC0"))))
  put(model, tn, "se_hc1", sqrt(diag(vcovHC(fit, type = "HC1"))))
  put(model, tn, "se_cl_hc0", sqrt(diag(vcovCL(fit, cluster = cluster, type = "HC0"))))  # G/(G-1)
  put(model, tn, "se_cl_hc1", sqrt(diag(vcovCL(fit, cluster = cluster, type = "HC1"))))  # Stata CR1
  vc <- vcovCL(fit, cluster = cluster, type = "HC1")       # the whole matrix, row-major
  put(model, as.vector(t(outer(tn, tn, paste, sep = "|"))), "vcov_cl_hc1", as.vector(t(vc)))
  put(model, "(model)", "loglik", as.numeric(logLik(fit)))
  put(model, "(model)", "deviance", deviance(fit))
}
ps <- treat ~ age + educ + black + hispan + married + nodegree + re74 + re75
record("logit", polish(glm(ps, binomial(link = "logit"), d, control = ctl)))
record("probit", polish(glm(ps, binomial(link = "probit"), d, control = ctl)))
record("poisson", polish(glm(re78k ~ age + educ + black + married + treat, poisson(link = "log"), d, control = ctl)))
record("ols", polish(glm(re78 ~ treat + age + educ + black + hispan + married + re74 + re75, gaussian(), d, control = ctl)))
# sampling weights: the weighted estimating equations; only the sandwich variances are meaningful
lw <- suppressWarnings(polish(glm(ps, binomial(link = "logit"), d, weights = w, control = ctl)))
put("logit_pw", names(coef(lw)), "coef", coef(lw))
put("logit_pw", names(coef(lw)), "se_hc0", sqrt(diag(vcovHC(lw, type = "HC0"))))
put("logit_pw", names(coef(lw)), "se_cl_hc0", sqrt(diag(vcovCL(lw, cluster = ~educ, type = "HC0"))))
# frequency weights: identical to the expanded data set
de <- d[rep(seq_len(n), d$f), ]
lf <- polish(glm(ps, binomial(link = "logit"), de, control = ctl))
put("logit_fw", names(coef(lf)), "coef", coef(lf))
put("logit_fw", names(coef(lf)), "se_model", sqrt(diag(vcov(lf))))
put("logit_fw", names(coef(lf)), "se_hc1", sqrt(diag(vcovHC(lf, type = "HC1"))))
put("logit_fw", "(model)", "loglik", as.numeric(logLik(lf)))
# multinomial logit, base level 0 (white), by nnet's BFGS with a tight tolerance
mn <- multinom(factor(race) ~ age + educ + married + nodegree + re74k, d, Hess = TRUE,
               reltol = 1e-15, abstol = 1e-300, maxit = 5000, trace = FALSE)
cf <- coef(mn); se <- sqrt(diag(solve(mn$Hessian)))
for (k in rownames(cf)) {
  put("mlogit", paste0(k, ":", colnames(cf)), "coef", cf[k, ])
  put("mlogit", paste0(k, ":", colnames(cf)), "se_model", se[grep(paste0("^", k, ":"), names(se))])
}
put("mlogit", "(model)", "loglik", as.numeric(logLik(mn)))
write.csv(do.call(rbind, out), "glm_lalonde.csv", row.names = FALSE, quote = TRUE)
cat(R.version.string, "sandwich", as.character(packageVersion("sandwich")),
    "nnet", as.character(packageVersion("nnet")), "\n")
