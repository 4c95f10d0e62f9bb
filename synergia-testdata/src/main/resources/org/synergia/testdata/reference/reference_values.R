# reference_values.R -- recomputes every numeric value of reference_values.json from the CSV files.
#
#   lalonde        glm logit propensity score; Matching::Match PSM on the fitted score
#                  (ATT/ATE M=1, ATT M=3, ATT caliper=0.1; replace=TRUE, ties=TRUE, Var.calc=0,
#                  i.e. Abadie-Imbens 2006 SE treating the score as known; caliper in SD units)
#   senate_rd      rdrobust on rdrobust_senate.csv: default, h=15, kernel='uniform' p=2
#   bcg_meta       metafor::rma REML, DL, FE, REML with test='knha', meta-regression on ablat (REML)
#   sim_rc_did     DRDID on drdid_sim_rc.csv (panel=FALSE, xformla ~x1+x2+x3+x4):
#                  drdid estMethod 'imp' and 'trad', ipwdid normalized=TRUE, ordid
#   eusilc_poverty laeken::gini and laeken::arpr (60% of the weighted median) with weights
#   apistrat_survey survey::svydesign(id=~1, strata=~stype, weights=~pw, fpc=~fpc); svymean, svytotal
#
# Versions used: R 4.2.2, Matching 4.10-8, rdrobust 4.0.0 (rdpackages/rdrobust snapshot 34aac07,
# DESCRIPTION date 2026-05-15), metafor 3.8-1, DRDID 1.2.3, laeken 0.5.2, survey 4.1-1, jsonlite 1.8.4.
#
# Run from this folder (first argument = folder holding the CSV files):
#   Rscript reference_values.R . > out.json
#   Rscript compare_reference.R out.json reference_values.json

suppressPackageStartupMessages({
  library(jsonlite); library(Matching); library(rdrobust); library(metafor)
  library(DRDID); library(laeken); library(survey)
})

args <- commandArgs(trailingOnly = TRUE)
dir <- if (length(args) >= 1) args[1] else "."
csv <- function(f) read.csv(file.path(dir, f))

# ---- lalonde: logit score and propensity-score matching --------------------------------------
lal <- csv("lalonde.csv")
ps_formula <- treat ~ age + educ + black + hispan + married + nodegree + re74 + re75
logit <- glm(ps_formula, family = binomial(), data = lal)
ps <- fitted(logit)
psm <- function(...) Match(Y = lal$re78, Tr = lal$treat, X = ps, replace = TRUE, ties = TRUE,
                           Var.calc = 0, ...)
att1 <- psm(estimand = "ATT", M = 1)
ate1 <- psm(estimand = "ATE", M = 1)
att3 <- psm(estimand = "ATT", M = 3)
attc <- psm(estimand = "ATT", M = 1, caliper = 0.1)

lalonde <- list(
  data = "lalonde.csv (614 rows; also lalonde.dta, Stata 14 format)",
  logit_ps = list(
    formula = "treat ~ age + educ + black + hispan + married + nodegree + re74 + re75",
    coef = as.list(coef(logit)),
    loglik = as.numeric(logLik(logit))
  ),
  psm_att_m1 = list(
    source = "R Matching 4.10.8 Match(Y=re78,Tr=treat,X=fitted logit pscore, estimand='ATT', M=1, replace=TRUE, ties=TRUE); se = Abadie-Imbens (2006) SE treating the pscore as known",
    estimate = att1$est[1, 1], se_ai = att1$se,
    n_treated_matched = length(unique(att1$index.treated))
  ),
  psm_ate_m1 = list(source = "as above with estimand='ATE'",
                    estimate = ate1$est[1, 1], se_ai = ate1$se),
  psm_att_m3 = list(source = "as above with M=3",
                    estimate = att3$est[1, 1], se_ai = att3$se),
  psm_att_caliper = list(
    source = "as psm_att_m1 with caliper=0.1 (in SD units of the pscore); treated dropped",
    estimate = attc$est[1, 1], se_ai = attc$se, n_dropped = attc$ndrops
  )
)

# ---- Senate RD -----------------------------------------------------------------------------------
sen <- csv("rdrobust_senate.csv")
rd_entry <- function(call, r) list(
  call = call,
  h = unname(r$bws["h", ]), b = unname(r$bws["b", ]),
  coef_conventional = r$coef[1, 1], coef_bias_corrected = r$coef[2, 1],
  se_conventional = r$se[1, 1], se_robust = r$se[3, 1],
  ci_robust = unname(r$ci[3, ]),
  n_eff = as.integer(r$N_h)
)
senate_rd <- list(
  data = "rdrobust_senate.csv; outcome vote, running variable margin, cutoff 0",
  default = rd_entry("rdrobust(vote, margin): mserd bandwidth, triangular kernel, p=1, q=2, vce=nn(3)",
                     rdrobust(sen$vote, sen$margin)),
  h15 = rd_entry("rdrobust(vote, margin, h=15)", rdrobust(sen$vote, sen$margin, h = 15)),
  uniform_p2 = rd_entry("rdrobust(vote, margin, kernel='uniform', p=2)",
                        rdrobust(sen$vote, sen$margin, kernel = "uniform", p = 2))
)

# ---- BCG meta-analysis ---------------------------------------------------------------------------
bcg <- csv("dat_bcg.csv")
meta_entry <- function(r) list(
  estimate = as.numeric(r$b), se = r$se, ci = c(r$ci.lb, r$ci.ub),
  tau2 = r$tau2, I2 = r$I2, H2 = r$H2, Q = r$QE
)
mreg <- rma(yi, vi, mods = ~ ablat, data = bcg, method = "REML")
bcg_meta <- list(
  data = "dat_bcg.csv; yi = log risk ratio, vi = sampling variance (metafor escalc measure RR)",
  REML = meta_entry(rma(yi, vi, data = bcg, method = "REML")),
  DL = meta_entry(rma(yi, vi, data = bcg, method = "DL")),
  FE = meta_entry(rma(yi, vi, data = bcg, method = "FE")),
  REML_knha = meta_entry(rma(yi, vi, data = bcg, method = "REML", test = "knha")),
  metareg_ablat = list(
    coef = setNames(as.list(as.numeric(mreg$b)), rownames(mreg$b)),
    se = mreg$se, tau2 = mreg$tau2
  )
)

# ---- DRDID on sim_rc (repeated cross-sections) ----------------------------------------------------
rc <- csv("drdid_sim_rc.csv")
rc_args <- list(yname = "y", tname = "post", idname = "id", dname = "d",
                xformla = ~ x1 + x2 + x3 + x4, data = rc, panel = FALSE)
did_entry <- function(r) list(att = as.numeric(r$ATT), se = as.numeric(r$se))
sim_rc_did <- list(
  data = "drdid_sim_rc.csv; repeated cross-sections; y outcome, post period, d treated group, covariates x1..x4",
  drdid_improved = did_entry(do.call(drdid, c(rc_args, estMethod = "imp"))),
  drdid_traditional = did_entry(do.call(drdid, c(rc_args, estMethod = "trad"))),
  ipw_normalized = did_entry(do.call(ipwdid, c(rc_args, normalized = TRUE))),
  outcome_regression = did_entry(do.call(ordid, rc_args))
)

# ---- EU-SILC poverty -----------------------------------------------------------------------------
eu <- csv("eusilc.csv")
g <- gini(eu$eq_income, weights = eu$weight)
a <- arpr(eu$eq_income, weights = eu$weight, p = 0.6)
eusilc_poverty <- list(
  data = "eusilc.csv (laeken's synthetic EU-SILC, 14827 persons); eq_income, weight",
  gini_percent = as.numeric(g$value),
  arpr_percent = as.numeric(a$value),
  arpt_threshold = as.numeric(a$threshold)
)

# ---- apistrat survey -----------------------------------------------------------------------------
api <- csv("apistrat.csv")
des <- svydesign(id = ~1, strata = ~stype, weights = ~pw, fpc = ~fpc, data = api)
mn <- svymean(~api00, des)
tt <- svytotal(~enroll, des)
apistrat_survey <- list(
  data = "apistrat.csv; stratified by stype, weights pw, fpc",
  mean_api00 = list(estimate = unname(coef(mn)), se = unname(SE(mn)[1])),
  total_enroll = list(estimate = unname(coef(tt)), se = unname(SE(tt)[1]))
)

out <- list(lalonde = lalonde, senate_rd = senate_rd, bcg_meta = bcg_meta,
            sim_rc_did = sim_rc_did, eusilc_poverty = eusilc_poverty,
            apistrat_survey = apistrat_survey)
cat(toJSON(out, auto_unbox = TRUE, digits = NA, pretty = TRUE), "\n")
