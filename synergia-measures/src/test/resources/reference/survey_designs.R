# References for org.synergia.measures.survey: two-stage, one-stage cluster and ultimate-cluster
# designs on R survey's api data. Run: Rscript survey_designs.R  (writes apiclus2.csv, apiclus1.csv
# and survey_designs.csv: one row per design x statistic x variable).
library(survey)
data(api)
out <- data.frame()
add <- function(design_name, stat, variable, obj) {
  v <- attr(obj, "var"); d <- attr(obj, "deff")
  out <<- rbind(out, data.frame(design = design_name, statistic = stat, variable = variable,
    estimate = sprintf("%.17g", coef(obj)[1]), se = sprintf("%.17g", SE(obj)[1]),
    deff = sprintf("%.17g", if (is.null(d)) NA else d[1])))
}
c2 <- apiclus2[, c("cds", "dnum", "snum", "stype", "api00", "api99", "pw", "fpc1", "fpc2")]
c2$fpc1 <- as.numeric(c2$fpc1); c2$fpc2 <- as.numeric(c2$fpc2)
c2$frac1 <- 40 / c2$fpc1            # 40 districts sampled at stage 1
write.csv(c2, "apiclus2.csv", row.names = FALSE)
designs <- list(
  # two stages, population counts, weights from the fpc
  twostage_fpc = svydesign(id = ~dnum + snum, fpc = ~fpc1 + fpc2, data = c2),
  # same, with explicit weights
  twostage_fpc_weights = svydesign(id = ~dnum + snum, fpc = ~fpc1 + fpc2, weights = ~pw, data = c2),
  # ultimate cluster: PSUs and weights, no fpc
  ultimate_cluster = svydesign(id = ~dnum, weights = ~pw, data = c2)
)
for (nm in names(designs)) {
  d <- designs[[nm]]
  for (v in c("api00", "api99")) {
    f <- as.formula(paste0("~", v))
    add(nm, "mean", v, svymean(f, d, deff = TRUE))
    add(nm, "total", v, svytotal(f, d, deff = TRUE))
  }
  add(nm, "ratio", "api00/api99", svyratio(~api00, ~api99, d))
  # domain estimates by school type (svyby over the full design)
  for (stat in c("mean", "total")) {
    b <- svyby(~api00, ~stype, d, if (stat == "mean") svymean else svytotal)
    for (s in rownames(b)) out <<- rbind(out, data.frame(design = nm, statistic = paste0(stat, "_by_stype"),
      variable = paste0("api00[", s, "]"), estimate = sprintf("%.17g", b[s, "api00"]), se = sprintf("%.17g", b[s, "se"]),
      deff = NA))
  }
}
# one-stage cluster sample with the fpc given as a sampling fraction
c1 <- apiclus1[, c("cds", "dnum", "stype", "api00", "enroll", "pw", "fpc")]
c1$fpc <- as.numeric(c1$fpc)
c1$frac <- 15 / c1$fpc
write.csv(c1, "apiclus1.csv", row.names = FALSE)
d1 <- svydesign(id = ~dnum, fpc = ~frac, data = c1)
add("onestage_fraction", "mean", "api00", svymean(~api00, d1, deff = TRUE))
add("onestage_fraction", "total", "enroll", svytotal(~enroll, d1, deff = TRUE))
write.csv(out, "survey_designs.csv", row.names = FALSE, quote = FALSE)
print(out)
