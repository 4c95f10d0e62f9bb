# Reference values for CaliperRuleReferenceTest: R Matching's caliper conventions with several neighbours
# (a unit is dropped unless all its M matches lie inside the caliper; the caliper is measured in the score's
# SD with divisor N; with Var.calc, the same-arm variance neighbours are limited to the caliper too).
# Run from this directory:
#   Rscript matching_caliper_rules.R ../../../../../synergia-testdata/src/main/resources/org/synergia/testdata/reference/lalonde.csv
# writes matching_caliper_rules.json. R 4.2.2, Matching 4.10.8, jsonlite.
suppressMessages({library(Matching); library(jsonlite)})
args <- commandArgs(trailingOnly = TRUE)
d <- read.csv(args[1])
f <- treat ~ age + educ + black + hispan + married + nodegree + re74 + re75
p <- fitted(glm(f, family = binomial, data = d))
run <- function(...) {
  m <- Match(Y = d$re78, Tr = d$treat, X = p, ...)
  list(estimate = unname(m$est[1, 1]), se = unname(m$se), n_dropped = m$ndrops.matches)
}
# A caliper just below the largest nearest-control distance of a treated unit in units of the SD with divisor
# N: that unit is dropped by R, and would be kept by the SD with divisor N - 1.
nearest <- sapply(which(d$treat == 1), function(i) min(abs(p[i] - p[d$treat == 0])))
sdN <- sqrt(mean((p - mean(p))^2))
edge <- max(nearest) / sdN * (1 - 1e-4)
out <- list(
  source = paste("R", getRversion(), "Matching", packageVersion("Matching"), "Match(Y = re78, Tr = treat, X = p,",
                 "ties = TRUE, distance.tolerance = 1e-5) with the options named; n_dropped = ndrops.matches"),
  edge_caliper = edge,
  att_m3_caliper = run(estimand = "ATT", M = 3, caliper = 0.05),
  att_m3_caliper_var2 = run(estimand = "ATT", M = 3, caliper = 0.05, Var.calc = 2),
  ate_m2_caliper = run(estimand = "ATE", M = 2, caliper = 0.1),
  ate_m2_caliper_var3 = run(estimand = "ATE", M = 2, caliper = 0.1, Var.calc = 3),
  att_m1_edge = run(estimand = "ATT", M = 1, caliper = edge)
)
writeLines(toJSON(out, auto_unbox = TRUE, digits = NA, pretty = TRUE), "matching_caliper_rules.json")
