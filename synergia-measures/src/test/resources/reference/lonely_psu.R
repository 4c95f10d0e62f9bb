# References for LonelyPsuReferenceTest: a stratum with a single PSU under R survey's
# options(survey.lonely.psu = "remove" | "adjust" | "average"). Data: R survey's apistrat, schools
# (PSUs: districts, nested in school-type strata) of types E and M, and of type H only the schools of
# one district, so stratum "H" has one PSU (design "strata"); and at stage 2, R survey's apiclus2 as two
# stages where the 10 districts with one sampled school are given one more school in the population
# (fpc2 + 1), so each is a PSU with a single, non-certainty second-stage unit (design "stage2").
# Run: Rscript lonely_psu.R  (writes apistrat_lonely.csv, apiclus2_lonely.csv and lonely_psu.csv).
# R 4.2.2, survey 4.1-1.
suppressMessages(library(survey))
data(api)
s <- apistrat[, c("dnum", "snum", "stype", "api00", "pw")]
s$stype <- as.character(s$stype)
one <- s$dnum[s$stype == "H"][1]
s <- s[s$stype != "H" | s$dnum == one, ]
write.csv(s, "apistrat_lonely.csv", row.names = FALSE)
out <- data.frame()
c2 <- apiclus2[, c("dnum", "snum", "api00", "fpc1", "fpc2")]
c2$fpc1 <- as.numeric(c2$fpc1)
lone <- table(c2$dnum) == 1
c2$fpc2 <- as.numeric(c2$fpc2) + ifelse(lone[as.character(c2$dnum)], 1, 0)
write.csv(c2, "apiclus2_lonely.csv", row.names = FALSE)
for (rule in c("remove", "adjust", "average")) {
  options(survey.lonely.psu = rule)
  designs <- list(strata = svydesign(id = ~dnum, strata = ~stype, weights = ~pw, data = s, nest = TRUE),
                  stage2 = svydesign(id = ~dnum + snum, fpc = ~fpc1 + fpc2, data = c2))
  for (nm in names(designs)) for (stat in c("mean", "total")) {
    e <- if (stat == "mean") svymean(~api00, designs[[nm]]) else svytotal(~api00, designs[[nm]])
    out <- rbind(out, data.frame(design = nm, rule = rule, statistic = stat, estimate = sprintf("%.17g", coef(e)[1]),
                                 se = sprintf("%.17g", SE(e)[1])))
  }
}
write.csv(out, "lonely_psu.csv", row.names = FALSE, quote = FALSE)
print(out)
