# reference_values_rd_fidelity.R -- recomputes every value of reference_values_rd_fidelity.json:
# R rdrobust 4.0.0 on simulated designs with a discrete running variable (mass points, the
# masspoints and bwcheck options) and with clusters (vce nn, hc0, hc1 -> CR1, hc2 -> CR2,
# hc3 -> CR3; the CER bandwidths with clusters), issue 22 items 3 and 4.
#
#   rd_discrete_dev.csv   running variable rounded to integers (78 distinct values)
#   rd_fewmass_dev.csv    running variable on -8..8;  rd_fewmass12_dev.csv  on -12..12
#   rd_cluster_dev.csv    50 villages on both sides of the cutoff
# (drawn by make_rd_fidelity_data.R). Every entry holds the exact call ("call"), the bandwidths,
# the three rows' coefficients and SEs (conventional, bias-corrected, robust), the robust interval,
# the effective sizes, rdrobust's numbers of distinct values M and, with clusters, of clusters on
# each side (n_clust). Cases where rdrobust's final h or b holds fewer distinct values on a side than
# the polynomial has coefficients are left out: rdrobust then inverts a singular matrix (MASS::ginv
# or a near-zero Cholesky pivot) and its numbers are arbitrary (e.g. p = 2 with masspoints "check"
# on rd_fewmass12_dev.csv stops with "infinite or missing values").
#
# Versions used: R 4.2.2, rdrobust 4.0.0 (rdpackages/rdrobust snapshot 34aac07), jsonlite 1.8.4.
# Run from this folder (first argument = folder holding the CSV files):
#   Rscript reference_values_rd_fidelity.R . > out.json
#   Rscript compare_reference.R out.json reference_values_rd_fidelity.json

suppressPackageStartupMessages({ library(jsonlite); library(rdrobust) })

args <- commandArgs(trailingOnly = TRUE)
dir <- if (length(args) >= 1) args[1] else "."
csv <- function(f) read.csv(file.path(dir, f))
d <- csv("rd_discrete_dev.csv")
f8 <- csv("rd_fewmass_dev.csv")
f12 <- csv("rd_fewmass12_dev.csv")
cl <- csv("rd_cluster_dev.csv")

run <- function(call) {
  r <- suppressWarnings(eval(parse(text = call)))
  e <- list(
    call = call,
    h = unname(r$bws["h", ]), b = unname(r$bws["b", ]),
    coef = unname(r$coef[, 1]),    # conventional, bias-corrected, robust
    se = unname(r$se[, 1]),
    ci_robust = unname(r$ci[3, ]),
    n_eff = as.integer(r$N_h),
    M = as.integer(r$M)
  )
  if (!is.null(r$n_clust)) e$n_clust <- as.integer(r$n_clust)
  e
}

calls <- c(
  # ---- running variable rounded to integers -----------------------------------------------------
  d_p1_mserd_adjust   = 'rdrobust(d$y, d$x)',
  d_p1_msetwo_adjust  = 'rdrobust(d$y, d$x, bwselect = "msetwo")',
  d_p1_cerrd_adjust   = 'rdrobust(d$y, d$x, bwselect = "cerrd")',
  d_p1_certwo_adjust  = 'rdrobust(d$y, d$x, bwselect = "certwo")',
  d_p1_mserd_check    = 'rdrobust(d$y, d$x, masspoints = "check")',
  d_p1_msetwo_check   = 'rdrobust(d$y, d$x, bwselect = "msetwo", masspoints = "check")',
  d_p1_mserd_off      = 'rdrobust(d$y, d$x, masspoints = "off")',
  d_p1_certwo_off     = 'rdrobust(d$y, d$x, bwselect = "certwo", masspoints = "off")',
  d_p2_mserd_adjust   = 'rdrobust(d$y, d$x, p = 2)',
  d_p2_msetwo_adjust  = 'rdrobust(d$y, d$x, p = 2, bwselect = "msetwo")',
  d_p2_cerrd_adjust   = 'rdrobust(d$y, d$x, p = 2, bwselect = "cerrd")',
  d_p2_certwo_adjust  = 'rdrobust(d$y, d$x, p = 2, bwselect = "certwo")',
  d_p2_mserd_check    = 'rdrobust(d$y, d$x, p = 2, masspoints = "check")',
  d_p2_cerrd_check    = 'rdrobust(d$y, d$x, p = 2, bwselect = "cerrd", masspoints = "check")',
  d_p2_msetwo_off     = 'rdrobust(d$y, d$x, p = 2, bwselect = "msetwo", masspoints = "off")',
  d_bwcheck25         = 'rdrobust(d$y, d$x, bwcheck = 25)',
  d_msetwo_bwcheck30  = 'rdrobust(d$y, d$x, bwselect = "msetwo", bwcheck = 30)',
  d_check_bwcheck20   = 'rdrobust(d$y, d$x, masspoints = "check", bwcheck = 20)',
  d_off_bwcheck25_nn  = 'rdrobust(d$y, d$x, masspoints = "off", bwcheck = 25)',
  d_off_bwcheck25_hc1 = 'rdrobust(d$y, d$x, masspoints = "off", bwcheck = 25, vce = "hc1")',
  d_hc2_adjust        = 'rdrobust(d$y, d$x, vce = "hc2")',
  d_epanechnikov_hc3  = 'rdrobust(d$y, d$x, kernel = "epanechnikov", vce = "hc3")',
  d_uniform_msetwo    = 'rdrobust(d$y, d$x, kernel = "uniform", bwselect = "msetwo")',
  d_fuzzy             = 'rdrobust(d$y, d$x, fuzzy = d$take)',
  d_covariates_hc1    = 'rdrobust(d$y, d$x, covs = d$z, vce = "hc1")',
  d_cluster_nn        = 'rdrobust(d$y, d$x, cluster = d$school)',
  d_cluster_hc2_cerrd = 'rdrobust(d$y, d$x, cluster = d$school, vce = "hc2", bwselect = "cerrd")',
  d_cluster_hc3_p2    = 'rdrobust(d$y, d$x, cluster = d$school, vce = "hc3", p = 2)',
  # ---- few mass points -------------------------------------------------------------------------
  f8_p1_mserd         = 'rdrobust(f8$y, f8$x)',
  f8_p1_msetwo        = 'rdrobust(f8$y, f8$x, bwselect = "msetwo")',
  f8_p1_hc1           = 'rdrobust(f8$y, f8$x, vce = "hc1")',
  f8_p1_hc3           = 'rdrobust(f8$y, f8$x, vce = "hc3")',
  f12_p1_mserd        = 'rdrobust(f12$y, f12$x)',
  f12_p1_msetwo       = 'rdrobust(f12$y, f12$x, bwselect = "msetwo")',
  f12_p1_cerrd        = 'rdrobust(f12$y, f12$x, bwselect = "cerrd")',
  f12_p1_certwo       = 'rdrobust(f12$y, f12$x, bwselect = "certwo")',
  f12_p1_msetwo_check = 'rdrobust(f12$y, f12$x, bwselect = "msetwo", masspoints = "check")',
  f12_p2_mserd        = 'rdrobust(f12$y, f12$x, p = 2)',
  f12_p2_msetwo       = 'rdrobust(f12$y, f12$x, p = 2, bwselect = "msetwo")',
  # ---- clusters --------------------------------------------------------------------------------
  cl_nn_mserd         = 'rdrobust(cl$y, cl$x, cluster = cl$village)',
  cl_nn_msetwo        = 'rdrobust(cl$y, cl$x, cluster = cl$village, bwselect = "msetwo")',
  cl_nn_cerrd         = 'rdrobust(cl$y, cl$x, cluster = cl$village, bwselect = "cerrd")',
  cl_nn_certwo        = 'rdrobust(cl$y, cl$x, cluster = cl$village, bwselect = "certwo")',
  cl_hc0_mserd        = 'rdrobust(cl$y, cl$x, cluster = cl$village, vce = "hc0")',
  cl_hc0_msetwo       = 'rdrobust(cl$y, cl$x, cluster = cl$village, vce = "hc0", bwselect = "msetwo")',
  cl_hc0_cerrd        = 'rdrobust(cl$y, cl$x, cluster = cl$village, vce = "hc0", bwselect = "cerrd")',
  cl_hc0_certwo       = 'rdrobust(cl$y, cl$x, cluster = cl$village, vce = "hc0", bwselect = "certwo")',
  cl_hc1_mserd        = 'rdrobust(cl$y, cl$x, cluster = cl$village, vce = "hc1")',
  cl_hc1_msetwo       = 'rdrobust(cl$y, cl$x, cluster = cl$village, vce = "hc1", bwselect = "msetwo")',
  cl_hc1_cerrd        = 'rdrobust(cl$y, cl$x, cluster = cl$village, vce = "hc1", bwselect = "cerrd")',
  cl_hc1_certwo       = 'rdrobust(cl$y, cl$x, cluster = cl$village, vce = "hc1", bwselect = "certwo")',
  cl_hc2_mserd        = 'rdrobust(cl$y, cl$x, cluster = cl$village, vce = "hc2")',
  cl_hc2_msetwo       = 'rdrobust(cl$y, cl$x, cluster = cl$village, vce = "hc2", bwselect = "msetwo")',
  cl_hc2_cerrd        = 'rdrobust(cl$y, cl$x, cluster = cl$village, vce = "hc2", bwselect = "cerrd")',
  cl_hc2_certwo       = 'rdrobust(cl$y, cl$x, cluster = cl$village, vce = "hc2", bwselect = "certwo")',
  cl_hc3_mserd        = 'rdrobust(cl$y, cl$x, cluster = cl$village, vce = "hc3")',
  cl_hc3_msetwo       = 'rdrobust(cl$y, cl$x, cluster = cl$village, vce = "hc3", bwselect = "msetwo")',
  cl_hc3_cerrd        = 'rdrobust(cl$y, cl$x, cluster = cl$village, vce = "hc3", bwselect = "cerrd")',
  cl_hc3_certwo       = 'rdrobust(cl$y, cl$x, cluster = cl$village, vce = "hc3", bwselect = "certwo")',
  cl_hc2_p2           = 'rdrobust(cl$y, cl$x, cluster = cl$village, vce = "hc2", p = 2)',
  cl_hc3_p2_certwo    = 'rdrobust(cl$y, cl$x, cluster = cl$village, vce = "hc3", p = 2, bwselect = "certwo")',
  cl_hc2_epanechnikov = 'rdrobust(cl$y, cl$x, cluster = cl$village, vce = "hc2", kernel = "epanechnikov")',
  cl_hc3_uniform      = 'rdrobust(cl$y, cl$x, cluster = cl$village, vce = "hc3", kernel = "uniform")',
  cl_hc2_fuzzy        = 'rdrobust(cl$y, cl$x, fuzzy = cl$take, cluster = cl$village, vce = "hc2")',
  cl_hc3_fuzzy        = 'rdrobust(cl$y, cl$x, fuzzy = cl$take, cluster = cl$village, vce = "hc3", bwselect = "cerrd")',
  cl_hc1_covariates   = 'rdrobust(cl$y, cl$x, covs = cl$z, cluster = cl$village, vce = "hc1")',
  cl_hc3_covariates   = 'rdrobust(cl$y, cl$x, covs = cl$z, cluster = cl$village, vce = "hc3")',
  cl_hc2_h_equals_b   = 'rdrobust(cl$y, cl$x, cluster = cl$village, vce = "hc2", h = 0.3)',
  cl_hc3_h_equals_b   = 'rdrobust(cl$y, cl$x, cluster = cl$village, vce = "hc3", h = 0.3)',
  cl_hc2_h_b          = 'rdrobust(cl$y, cl$x, cluster = cl$village, vce = "hc2", h = 0.3, b = 0.5)',
  cl_hc3_h_b_sides    = 'rdrobust(cl$y, cl$x, cluster = cl$village, vce = "hc3", h = c(0.3, 0.35), b = c(0.25, 0.5))'
)

out <- list(note = "coef and se rows: conventional, bias-corrected, robust; M: distinct running values left, right")
for (k in names(calls)) out[[k]] <- run(calls[[k]])
cat(toJSON(out, auto_unbox = TRUE, digits = NA, pretty = TRUE), "\n")
