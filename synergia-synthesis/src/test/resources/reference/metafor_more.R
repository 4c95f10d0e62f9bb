# More metafor references for org.synergia.synthesis: ML, PM, tau2 Q-profile CI, prediction
# interval, Knapp-Hartung meta-regression, escalc SMD1 / SMD1H / ROM.
# Root-finding tolerances are tightened (control tol/threshold 1e-12): metafor's defaults
# (uniroot tol = eps^0.25) leave PM's tau2 and the Q-profile bounds accurate only to ~1e-5.
# Run: Rscript metafor_more.R <folder of dat_bcg.csv; default synergia-testdata's reference folder>  (writes metafor_more.csv)
library(metafor)
args <- commandArgs(TRUE)
ref_dir <- if (length(args)) args[1] else "../../../../../synergia-testdata/src/main/resources/org/synergia/testdata/reference"
dat <- read.csv(file.path(ref_dir, "dat_bcg.csv"))
out <- data.frame()
add <- function(name, value) out <<- rbind(out, data.frame(name = name, value = sprintf("%.17g", value)))
for (m in c("ML", "PM")) {
  r <- rma(yi, vi, data = dat, method = m, control = list(tol = 1e-12, threshold = 1e-12))
  add(paste0(m, ".estimate"), coef(r)); add(paste0(m, ".se"), r$se); add(paste0(m, ".tau2"), r$tau2)
  add(paste0(m, ".I2"), r$I2); add(paste0(m, ".H2"), r$H2)
}
r <- rma(yi, vi, data = dat, method = "REML")
ci <- confint(r, control = list(tol = 1e-12))$random
add("REML.tau2.ci.lb", ci["tau^2", "ci.lb"]); add("REML.tau2.ci.ub", ci["tau^2", "ci.ub"])
p <- predict(r)
add("REML.pi.lb", p$pi.lb); add("REML.pi.ub", p$pi.ub)
add("REML.Q_p", r$QEp)
rk <- rma(yi, vi, mods = ~ ablat, data = dat, method = "REML", test = "knha")
add("REML_knha_ablat.intrcpt", coef(rk)[1]); add("REML_knha_ablat.ablat", coef(rk)[2])
add("REML_knha_ablat.se.intrcpt", rk$se[1]); add("REML_knha_ablat.se.ablat", rk$se[2])
add("REML_knha_ablat.QM", rk$QM); add("REML_knha_ablat.QMp", rk$QMp)
rz <- rma(yi, vi, mods = ~ ablat, data = dat, method = "REML")
add("REML_ablat.QM", rz$QM); add("REML_ablat.QMp", rz$QMp); add("REML_ablat.QE", rz$QE)
add("REML_ablat.I2", rz$I2)
e1 <- escalc("SMD1", m1i = 12, sd1i = 5, n1i = 40, m2i = 10, sd2i = 4, n2i = 30)
e2 <- escalc("SMD1H", m1i = 12, sd1i = 5, n1i = 40, m2i = 10, sd2i = 4, n2i = 30)
e3 <- escalc("ROM", m1i = 12, sd1i = 5, n1i = 40, m2i = 10, sd2i = 4, n2i = 30)
add("SMD1.yi", e1$yi); add("SMD1.vi", e1$vi); add("SMD1H.yi", e2$yi); add("SMD1H.vi", e2$vi)
add("ROM.yi", e3$yi); add("ROM.vi", e3$vi)
write.csv(out, "metafor_more.csv", row.names = FALSE, quote = FALSE)
print(out)
# subgroups by latitude (>= 35 degrees), REML in each, and the test of subgroup differences: a
# fixed-effect meta-analysis of the subgroup estimates (its Q is Q_between)
g <- ifelse(dat$ablat >= 35, "far", "near")
rf <- rma(yi, vi, data = dat, subset = g == "far")
rn <- rma(yi, vi, data = dat, subset = g == "near")
qb <- rma(c(coef(rf), coef(rn)), sei = c(rf$se, rn$se), method = "FE")
sub <- data.frame(name = c("sub.far.estimate", "sub.far.tau2", "sub.near.estimate", "sub.near.tau2", "sub.Q_between",
  "sub.Q_between_p"), value = sprintf("%.17g", c(coef(rf), rf$tau2, coef(rn), rn$tau2, qb$QE, qb$QEp)))
write.csv(rbind(read.csv("metafor_more.csv", colClasses = "character"), sub), "metafor_more.csv",
  row.names = FALSE, quote = FALSE)
