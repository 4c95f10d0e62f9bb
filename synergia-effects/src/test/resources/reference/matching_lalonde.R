# Reference values for synergia-effects matching tests (run from this directory:
#   Rscript matching_lalonde.R ../../../../../synergia-testdata/src/main/resources/org/synergia/testdata/reference/lalonde.csv   (from this directory)
# writes matching_lalonde.json and matchit_weights.csv).
# R 4.2.2, Matching 4.10.8, MatchIt 4.5.1, jsonlite.
suppressMessages({library(Matching); library(MatchIt); library(jsonlite)})
args <- commandArgs(trailingOnly = TRUE)
d <- read.csv(args[1])
f <- treat ~ age + educ + black + hispan + married + nodegree + re74 + re75
g <- glm(f, family = binomial, data = d)
p <- fitted(g)
lin <- predict(g, type = "link")
run <- function(...) {
  m <- Match(Y = d$re78, Tr = d$treat, ...)
  list(estimate = unname(m$est[1, 1]), se = unname(m$se), n_dropped = m$ndrops)
}
out <- list(
  source = paste("R", getRversion(), "Matching", packageVersion("Matching"), "Match(Y = re78, Tr = treat, X = ...,",
                 "ties = TRUE); se = Abadie-Imbens with Var.calc as named"),
  att_m1_var2 = run(X = p, estimand = "ATT", M = 1, Var.calc = 2),
  ate_m1_var2 = run(X = p, estimand = "ATE", M = 1, Var.calc = 2),
  att_m3_var3 = run(X = p, estimand = "ATT", M = 3, Var.calc = 3),
  ate_m3 = run(X = p, estimand = "ATE", M = 3),
  ate_caliper = run(X = p, estimand = "ATE", M = 1, caliper = 0.1),
  att_linear = run(X = lin, estimand = "ATT", M = 1)
)
# Matching on covariates (age, educ, re74, re75): Weight = 2 is Mahalanobis, Weight = 1 inverse variance.
X <- as.matrix(d[, c("age", "educ", "re74", "re75")])
out$nn_maha_att <- run(X = X, estimand = "ATT", M = 1, Weight = 2)
out$nn_ivar_ate <- run(X = X, estimand = "ATE", M = 1, Weight = 1)
out$nn_maha_att_biasadj <- run(X = X, estimand = "ATT", M = 1, Weight = 2, BiasAdjust = TRUE)
out$nn_maha_att_var2 <- run(X = X, estimand = "ATT", M = 1, Weight = 2, Var.calc = 2)
# MatchIt nearest-neighbour matching with replacement on the same score: its weights, and its
# balance summary (standardised by the treated SD) for checking the balance statistics.
mi <- matchit(f, data = d, method = "nearest", distance = p, replace = TRUE, ratio = 1)
s <- summary(mi, un = TRUE)
tab <- function(x) lapply(split(as.data.frame(x), rownames(x)), as.list)
out$matchit <- list(
  source = paste("R MatchIt", packageVersion("MatchIt"), "matchit(method = 'nearest', distance = p, replace = TRUE);",
                 "summary(un = TRUE)"),
  before = tab(s$sum.all[, c("Means Treated", "Means Control", "Std. Mean Diff.", "Var. Ratio", "eCDF Mean", "eCDF Max")]),
  after = tab(s$sum.matched[, c("Means Treated", "Means Control", "Std. Mean Diff.", "Var. Ratio", "eCDF Mean", "eCDF Max")]),
  ess_control_after = unname(s$nn["Matched (ESS)", "Control"]))
write.csv(data.frame(weight = mi$weights), "matchit_weights.csv", row.names = FALSE)
writeLines(toJSON(out, auto_unbox = TRUE, digits = NA, pretty = TRUE, na = "null"), "matching_lalonde.json")
