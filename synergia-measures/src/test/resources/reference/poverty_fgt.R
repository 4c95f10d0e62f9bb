# References for org.synergia.measures.poverty on eusilc.csv of synergia-testdata.
# Run: Rscript poverty_fgt.R <folder of eusilc.csv; default synergia-testdata's reference folder>   (writes poverty_fgt.csv)
# FGT(0,1,2) at a fixed line as design-based means of g^alpha (R survey svymean / svyby, households
# as PSUs in region strata, weights), overall and by sex; Gini and S80/S20 from laeken. The terms
# "negative:..." do the same on eq_income - 5000, which makes 288 incomes negative (laeken computes the
# Gini and S80/S20 of such incomes; the Theil index is undefined there).
library(survey)
library(laeken)
args <- commandArgs(TRUE)
ref_dir <- if (length(args)) args[1] else "../../../../../synergia-testdata/src/main/resources/org/synergia/testdata/reference"
e <- read.csv(file.path(ref_dir, "eusilc.csv"))
z <- 10000
g <- pmax(0, (z - e$eq_income) / z)
e$FGT0 <- as.numeric(e$eq_income < z)
e$FGT1 <- g
e$FGT2 <- g^2
d <- svydesign(id = ~household, strata = ~region, weights = ~weight, data = e, nest = TRUE)
out <- data.frame()
add <- function(term, est, se) {
  out <<- rbind(out, data.frame(term = term, estimate = sprintf("%.17g", est), se = sprintf("%.17g", se)))
}
m <- svymean(~FGT0 + FGT1 + FGT2, d)
for (t in c("FGT0", "FGT1", "FGT2")) add(t, coef(m)[t], SE(m)[t])
b <- svyby(~FGT0 + FGT1 + FGT2, ~sex, d, svymean)
for (s in rownames(b)) for (t in c("FGT0", "FGT1", "FGT2")) add(paste0(t, "[", s, "]"), b[s, t], b[s, paste0("se.", t)])
add("Gini", gini(e$eq_income, e$weight)$value / 100, NA)
add("S80S20", qsr(e$eq_income, e$weight)$value, NA)
add("Gini[female]", gini(e$eq_income[e$sex == "female"], e$weight[e$sex == "female"])$value / 100, NA)
neg <- e$eq_income - 5000
gn <- pmax(0, (z - neg) / z)
e$N0 <- as.numeric(neg < z)
e$N1 <- gn
e$N2 <- gn^2
dn <- svydesign(id = ~household, strata = ~region, weights = ~weight, data = e, nest = TRUE)
mn <- svymean(~N0 + N1 + N2, dn)
for (a in 0:2) add(paste0("negative:FGT", a), coef(mn)[paste0("N", a)], SE(mn)[paste0("N", a)])
add("negative:Gini", gini(neg, e$weight)$value / 100, NA)
add("negative:S80S20", qsr(neg, e$weight)$value, NA)
write.csv(out, "poverty_fgt.csv", row.names = FALSE, quote = FALSE)
print(out)
