# reference_values_designs.R -- recomputes every numeric value of reference_values_designs.json.
#
#   senate_rd_options  rdrobust(vote, margin) on rdrobust_senate.csv with bwselect msetwo, cerrd,
#                      certwo; vce hc1, hc3; cluster = state (the default vce 'nn', which
#                      rdrobust 4.0 turns into CR1 with a cluster);
#                      covariates termshouse, termssenate, population WITH vce = "hc1" (the committed
#                      values are reproduced only with hc1; with the default vce = "nn" h is 18.0678,
#                      not 17.9769); p = 2, kernel uniform, h = 20
#   fuzzy_rd           rdrobust(y, score, fuzzy = take) on rd_fuzzy_dev.csv: default and
#                      kernel = "epanechnikov", vce = "hc2"
#   panel_did          DRDID on did_panel_dev.csv (panel, id, period 2016/2019, treated, ~x1+x2+x3):
#                      drdid 'imp' / 'trad', ipwdid normalized TRUE / FALSE, ordid, and TWFE =
#                      DRDID::twfe_did_panel (pooled lm y ~ d:post + post + d + x, influence-function
#                      SE, no clustering; the 'village' column is not used)
#
# Versions used: R 4.2.2, rdrobust 4.0.0 (rdpackages/rdrobust snapshot 34aac07, DESCRIPTION date
# 2026-05-15), DRDID 1.2.3, jsonlite 1.8.4.
#
# Run from this folder (first argument = folder holding the CSV files):
#   Rscript reference_values_designs.R . > out.json
#   Rscript compare_reference.R out.json reference_values_designs.json

suppressPackageStartupMessages({ library(jsonlite); library(rdrobust); library(DRDID) })

args <- commandArgs(trailingOnly = TRUE)
dir <- if (length(args) >= 1) args[1] else "."
csv <- function(f) read.csv(file.path(dir, f))

rd_entry <- function(r) list(
  h = unname(r$bws["h", ]), b = unname(r$bws["b", ]),
  coef = unname(r$coef[, 1]),    # conventional, bias-corrected, robust
  se = unname(r$se[, 1]),
  ci_robust = unname(r$ci[3, ]),
  n_eff = as.integer(r$N_h)
)

# ---- Senate RD options ---------------------------------------------------------------------------
sen <- csv("rdrobust_senate.csv")
covs <- cbind(sen$termshouse, sen$termssenate, sen$population)
senate_rd_options <- list(
  note = "coef and se rows: conventional, bias-corrected, robust",
  msetwo = rd_entry(rdrobust(sen$vote, sen$margin, bwselect = "msetwo")),
  cerrd = rd_entry(rdrobust(sen$vote, sen$margin, bwselect = "cerrd")),
  certwo = rd_entry(rdrobust(sen$vote, sen$margin, bwselect = "certwo")),
  hc1 = rd_entry(rdrobust(sen$vote, sen$margin, vce = "hc1")),
  hc3 = rd_entry(rdrobust(sen$vote, sen$margin, vce = "hc3")),
  cluster_state = rd_entry(rdrobust(sen$vote, sen$margin, cluster = sen$state)),
  covariates = rd_entry(rdrobust(sen$vote, sen$margin, covs = covs, vce = "hc1")),
  covariates_note = "covs = termshouse, termssenate, population; rows with missing covariates dropped by rdrobust",
  p2_uniform_h20 = rd_entry(rdrobust(sen$vote, sen$margin, p = 2, kernel = "uniform", h = 20))
)

# ---- fuzzy RD ------------------------------------------------------------------------------------
fz <- csv("rd_fuzzy_dev.csv")
fuzzy_rd <- list(
  data = "rd_fuzzy_dev.csv: outcome y, running score, cutoff 0, treatment take",
  default = rd_entry(rdrobust(fz$y, fz$score, fuzzy = fz$take)),
  epanechnikov_hc2 = rd_entry(rdrobust(fz$y, fz$score, fuzzy = fz$take,
                                       kernel = "epanechnikov", vce = "hc2"))
)

# ---- panel DiD -----------------------------------------------------------------------------------
pd <- csv("did_panel_dev.csv")
pa <- list(yname = "y", tname = "period", idname = "id", dname = "treated",
           xformla = ~ x1 + x2 + x3, data = pd, panel = TRUE)
did_entry <- function(r) list(att = as.numeric(r$ATT), se = as.numeric(r$se))
# TWFE: wide panel, covariates from the first period (they are time-invariant in this file)
pd <- pd[order(pd$id, pd$period), ]
p0 <- pd[pd$period == 2016, ]; p1 <- pd[pd$period == 2019, ]
stopifnot(identical(p0$id, p1$id))
twfe <- twfe_did_panel(y1 = p1$y, y0 = p0$y, D = p0$treated,
                       covariates = cbind(1, as.matrix(p0[, c("x1", "x2", "x3")])))
panel_did <- list(
  data = "did_panel_dev.csv: panel, id, period 2016/2019, group treated, covariates x1 x2 x3, cluster village; true ATT 1.5",
  drdid_improved = did_entry(do.call(drdid, c(pa, estMethod = "imp"))),
  drdid_traditional = did_entry(do.call(drdid, c(pa, estMethod = "trad"))),
  ipw_normalized = did_entry(do.call(ipwdid, c(pa, normalized = TRUE))),
  ipw_unnormalized = did_entry(do.call(ipwdid, c(pa, normalized = FALSE))),
  outcome_regression = did_entry(do.call(ordid, pa)),
  twfe = did_entry(twfe)
)

out <- list(senate_rd_options = senate_rd_options, fuzzy_rd = fuzzy_rd, panel_did = panel_did)
cat(toJSON(out, auto_unbox = TRUE, digits = NA, pretty = TRUE), "\n")
