# Reference values for SubgroupEffectsTest: regression adjustment (Stata teffects ra) within each subgroup of mmarried
# on cattaneo2.dta (synergia-testdata): in each subgroup, a linear regression of bweight on prenatal1, mage and fbaby
# in each arm of mbsmoke, the ATE as the mean over the subgroup of the difference of the two predictions, and the
# ATT as that mean over the subgroup's smokers; computed in base R. Run from the repository root:
#   Rscript synergia-effects/src/test/resources/reference/subgroups_cattaneo2.R
library(haven); library(jsonlite)
d <- as.data.frame(read_dta("synergia-testdata/src/main/resources/org/synergia/testdata/datasets/cattaneo2.dta"))
out <- list()
for (g in c(0, 1)) {
  s <- d[d$mmarried == g, ]
  f1 <- lm(bweight ~ prenatal1 + mage + fbaby, data = s[s$mbsmoke == 1, ])
  f0 <- lm(bweight ~ prenatal1 + mage + fbaby, data = s[s$mbsmoke == 0, ])
  diff <- predict(f1, newdata = s) - predict(f0, newdata = s)
  out[[as.character(g)]] <- list(n = nrow(s), ate = mean(diff), att = mean(diff[s$mbsmoke == 1]))
}
writeLines(toJSON(out, digits = NA, auto_unbox = TRUE, pretty = TRUE),
           "synergia-effects/src/test/resources/reference/subgroups_cattaneo2.json")
