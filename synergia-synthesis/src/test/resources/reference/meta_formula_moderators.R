# Reference for MetaModeratorFormulaTest: meta-regression moderators written as a formula, as glm's are
# (a factor of a text variable and a function of a sum), on the BCG trials with their allocation method.
# Run: Rscript meta_formula_moderators.R  (writes dat_bcg_alloc.csv and meta_formula_moderators.csv).
# R 4.2.2, metafor 3.8.1 (metadat's dat.bcg).
suppressMessages(library(metafor))
dat <- escalc(measure = "RR", ai = tpos, bi = tneg, ci = cpos, di = cneg, data = dat.bcg)
d <- data.frame(trial = dat$trial, alloc = dat$alloc, ablat = dat$ablat, year = dat$year,
                yi = as.numeric(dat$yi), vi = as.numeric(dat$vi))
write.csv(d, "dat_bcg_alloc.csv", row.names = FALSE)
r <- rma(yi, vi, mods = ~ factor(alloc) + log(ablat + 1), data = d, method = "REML")
out <- data.frame(term = names(coef(r)), estimate = sprintf("%.17g", coef(r)), se = sprintf("%.17g", r$se))
out <- rbind(out, data.frame(term = "tau2", estimate = sprintf("%.17g", r$tau2), se = NA))
write.csv(out, "meta_formula_moderators.csv", row.names = FALSE, quote = FALSE)
print(out)
