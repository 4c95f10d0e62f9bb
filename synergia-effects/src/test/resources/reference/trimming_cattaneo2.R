# Reference values for ScoreTrimmingReferenceTest: trimming of the estimated propensity score on cattaneo2.dta
# (synergia-testdata), logit of mbsmoke on foreign, alcohol, mage, medu, fage and fedu:
#  - Crump et al. (2009) optimal rule: R PSweight 1.1.2 PStrim(optimal = TRUE) (installed from the snapshot of
#    github.com/cran/PSweight at commit 3402624, the release whose imports Debian provides), its delta and the units kept;
#  - fixed bounds [0.1, 0.9]: the units kept;
#  and in both cases the IPW ATE (normalised weights, as Stata teffects ipw) after refitting the logit on the units kept.
# Run from the repository root:  Rscript synergia-effects/src/test/resources/reference/trimming_cattaneo2.R
library(haven); library(PSweight); library(jsonlite)
d <- as.data.frame(read_dta("synergia-testdata/src/main/resources/org/synergia/testdata/datasets/cattaneo2.dta"))
d <- d[, c("bweight", "mbsmoke", "foreign", "alcohol", "mage", "medu", "fage", "fedu")]
f <- mbsmoke ~ foreign + alcohol + mage + medu + fage + fedu
ipw_ate <- function(k) {
  p <- fitted(glm(f, family = binomial, data = k)); t <- k$mbsmoke == 1
  sum(k$bweight[t] / p[t]) / sum(1 / p[t]) - sum(k$bweight[!t] / (1 - p[!t])) / sum(1 / (1 - p[!t]))
}
p <- fitted(glm(f, family = binomial, data = d))
crump <- PStrim(data = d, ps.formula = f, optimal = TRUE)
bounds <- d[p >= 0.1 & p <= 0.9, ]
out <- list(n = nrow(d),
  crump = list(alpha = crump$delta, kept = nrow(crump$data), ate = ipw_ate(crump$data)),
  bounds = list(low = 0.1, high = 0.9, kept = nrow(bounds), ate = ipw_ate(bounds)))
writeLines(toJSON(out, digits = NA, auto_unbox = TRUE, pretty = TRUE),
           "synergia-effects/src/test/resources/reference/trimming_cattaneo2.json")
