# reference_values_rddensity.R -- recomputes every value of reference_values_rddensity.json:
# R rddensity 3.0 (manipulation testing, Cattaneo, Jansson and Ma 2020) and its rdbwdensity and
# rdplotdensity (with lpdensity 2.5) on the simulated running variables of make_rddensity_data.R,
# issue 15 item 1.
#
#   s  rddensity_smooth_dev.csv    smooth density through the cutoff 0 (no manipulation)
#   b  rddensity_bunching_dev.csv  bunching just above the cutoff 0 (manipulation)
#   t  rddensity_ties_dev.csv      rounded to one decimal: mass points, 52 units at the cutoff
#   c  rddensity_shifted_dev.csv   scores on 0..100, cutoff 40
#
# Every entry of "tests" holds the exact call ("call"), the bandwidths h (left, right), the sample
# sizes N (full, left, right, eff_left, eff_right), the bias-corrected (order q) densities "hat"
# (left, right, diff = right - left), their standard errors "sd" of the call's vce (sd_jk for the
# jackknife, sd_asy for the plug-in), the test "test" (t, p) of that vce, with all = TRUE the same of
# the order-p fit ("hat_p", "sd_p", "test_p"), the binomial tests "bino" (window half-lengths and
# counts left and right, p-values), and when the bandwidths were estimated rdbwdensity's table "bw"
# for the same options (rows l, r, diff, sum; columns bw, variance, biassq). Every entry of "plots"
# holds rdplotdensity's lpdensity estimates on each side (grid, nh, f_p, f_q, se_p, se_q).
#
# Versions used: R 4.2.2, rddensity 3.0 (rdpackages/rddensity snapshot 94a4583), lpdensity 2.5
# (cran/lpdensity snapshot 2eba61e), jsonlite 1.8.4.
# Run from this folder (first argument = folder holding the CSV files):
#   Rscript reference_values_rddensity.R . > out.json
#   Rscript compare_reference.R out.json reference_values_rddensity.json

suppressPackageStartupMessages({ library(jsonlite); library(rddensity); library(lpdensity) })

args <- commandArgs(trailingOnly = TRUE)
dir <- if (length(args) >= 1) args[1] else "."
csv <- function(f) read.csv(file.path(dir, f))$x
s <- csv("rddensity_smooth_dev.csv")
b <- csv("rddensity_bunching_dev.csv")
t <- csv("rddensity_ties_dev.csv")
c40 <- csv("rddensity_shifted_dev.csv")

num <- function(v) { v <- unname(unlist(v)); ifelse(is.na(v), NA, v) }

run <- function(call) {
  r <- suppressWarnings(eval(parse(text = call)))
  jk <- r$opt$vce == "jackknife"
  e <- list(
    call = call,
    h = c(r$h$left, r$h$right),
    N = as.integer(c(r$N$full, r$N$left, r$N$right, r$N$eff_left, r$N$eff_right)),
    hat = num(r$hat),
    sd = num(if (jk) r$sd_jk else r$sd_asy),
    test = num(if (jk) r$test[c("t_jk", "p_jk")] else r$test[c("t_asy", "p_asy")])
  )
  if (r$opt$all) {
    e$hat_p <- num(r$hat_p)
    e$sd_p <- num(if (jk) r$sd_jk_p else r$sd_asy_p)
    e$test_p <- num(if (jk) r$test_p[c("t_jk", "p_jk")] else r$test_p[c("t_asy", "p_asy")])
  }
  if (r$opt$bino) {
    e$bino <- list(left_window = r$bino$LeftWindow, right_window = r$bino$RightWindow,
                   left_n = as.integer(r$bino$LeftN), right_n = as.integer(r$bino$RightN), pval = r$bino$pval)
  }
  if (r$opt$bwselectl != "mannual") {
    X <- eval(parse(text = sub("^rddensity\\(([a-z0-9]+).*$", "\\1", call)))
    o <- r$opt
    bw <- suppressWarnings(rdbwdensity(X, c = o$c, p = o$p, fitselect = o$fitselect, kernel = o$kernel, vce = o$vce,
                                       massPoints = o$massPoints, regularize = o$regularize,
                                       nLocalMin = o$nLocalMin, nUniqueMin = o$nUniqueMin))$h
    e$bw <- lapply(1:4, function(i) num(bw[i, ]))
    names(e$bw) <- rownames(bw)
  }
  e
}

plot_run <- function(call, plot_args) {
  r <- suppressWarnings(eval(parse(text = call)))
  X <- eval(parse(text = sub("^rddensity\\(([a-z0-9]+).*$", "\\1", call)))
  pc <- paste0("rdplotdensity(r, X", plot_args, ", noPlot = TRUE)")
  p <- suppressWarnings(eval(parse(text = pc)))
  side <- function(est) {
    m <- est$Estimate
    list(grid = unname(m[, "grid"]), nh = as.integer(m[, "nh"]), f_p = unname(m[, "f_p"]), f_q = unname(m[, "f_q"]),
         se_p = unname(m[, "se_p"]), se_q = unname(m[, "se_q"]))
  }
  list(call = call, plot = sub("^rdplotdensity\\(r, X", "rdplotdensity(rdd, X", pc),
       left = side(p$Estl), right = side(p$Estr))
}

calls <- c(
  # ---- smooth density, cutoff 0 -----------------------------------------------------------------
  s_default            = 'rddensity(s)',
  s_p1                 = 'rddensity(s, p = 1)',
  s_p3                 = 'rddensity(s, p = 3)',
  s_q4                 = 'rddensity(s, q = 4)',
  s_uniform            = 'rddensity(s, kernel = "uniform")',
  s_epanechnikov       = 'rddensity(s, kernel = "epanechnikov")',
  s_each               = 'rddensity(s, bwselect = "each")',
  s_diff               = 'rddensity(s, bwselect = "diff")',
  s_sum                = 'rddensity(s, bwselect = "sum")',
  s_plugin             = 'rddensity(s, vce = "plugin")',
  s_plugin_each        = 'rddensity(s, vce = "plugin", bwselect = "each")',
  s_plugin_p1          = 'rddensity(s, vce = "plugin", p = 1)',
  s_plugin_uniform     = 'rddensity(s, vce = "plugin", kernel = "uniform")',
  s_plugin_epa_p3      = 'rddensity(s, vce = "plugin", kernel = "epanechnikov", p = 3)',
  s_restricted         = 'rddensity(s, fitselect = "restricted")',
  s_restricted_diff    = 'rddensity(s, fitselect = "restricted", bwselect = "diff")',
  s_restricted_sum     = 'rddensity(s, fitselect = "restricted", bwselect = "sum")',
  s_restricted_plugin  = 'rddensity(s, fitselect = "restricted", vce = "plugin")',
  s_restricted_plugin_p1_sum = 'rddensity(s, fitselect = "restricted", vce = "plugin", p = 1, bwselect = "sum")',
  s_restricted_p3_uniform    = 'rddensity(s, fitselect = "restricted", p = 3, kernel = "uniform")',
  s_restricted_epa_plugin_p3 = 'rddensity(s, fitselect = "restricted", kernel = "epanechnikov", vce = "plugin", p = 3)',
  s_h                  = 'rddensity(s, h = 0.8)',
  s_h_pair             = 'rddensity(s, h = c(0.6, 0.9))',
  s_h_pair_plugin      = 'rddensity(s, h = c(0.6, 0.9), vce = "plugin")',
  s_restricted_h       = 'rddensity(s, fitselect = "restricted", h = 0.7)',
  s_restricted_h_plugin = 'rddensity(s, fitselect = "restricted", h = 0.7, vce = "plugin")',
  s_all                = 'rddensity(s, all = TRUE)',
  s_all_plugin_p1      = 'rddensity(s, all = TRUE, vce = "plugin", p = 1)',
  s_all_restricted     = 'rddensity(s, all = TRUE, fitselect = "restricted")',
  s_noregularize       = 'rddensity(s, regularize = FALSE)',
  s_nlocalmin          = 'rddensity(s, nLocalMin = 700, nUniqueMin = 0)',
  s_cutoff             = 'rddensity(s, c = 0.5)',
  s_bino_w             = 'rddensity(s, binoW = 0.05, binoNW = 5)',
  s_bino_w_pair        = 'rddensity(s, binoW = c(0.04, 0.06), binoWStep = c(0.02, 0.03), binoNW = 4, binoP = 0.45)',
  s_bino_n             = 'rddensity(s, binoN = 30, binoNStep = 15, binoNW = 6)',
  # ---- bunching just above the cutoff -----------------------------------------------------------
  b_default            = 'rddensity(b)',
  b_plugin             = 'rddensity(b, vce = "plugin")',
  b_restricted         = 'rddensity(b, fitselect = "restricted")',
  b_p1_each            = 'rddensity(b, p = 1, bwselect = "each")',
  b_all                = 'rddensity(b, all = TRUE)',
  b_epanechnikov_diff  = 'rddensity(b, kernel = "epanechnikov", bwselect = "diff")',
  b_h                  = 'rddensity(b, h = 0.3)',
  # ---- mass points ------------------------------------------------------------------------------
  t_default            = 'rddensity(t)',
  t_nomasspoints       = 'rddensity(t, massPoints = FALSE)',
  t_plugin             = 'rddensity(t, vce = "plugin")',
  t_restricted         = 'rddensity(t, fitselect = "restricted")',
  t_restricted_plugin  = 'rddensity(t, fitselect = "restricted", vce = "plugin")',
  t_each_uniform       = 'rddensity(t, bwselect = "each", kernel = "uniform")',
  t_p1_sum             = 'rddensity(t, p = 1, bwselect = "sum")',
  t_h                  = 'rddensity(t, h = c(1, 1.5))',
  t_all                = 'rddensity(t, all = TRUE)',
  t_cutoff             = 'rddensity(t, c = 1.05)',
  t_noregularize       = 'rddensity(t, regularize = FALSE)',
  t_nunique0           = 'rddensity(t, nUniqueMin = 0)',
  # ---- scores on 0..100, cutoff 40 --------------------------------------------------------------
  c_default            = 'rddensity(c40, c = 40)',
  c_plugin_restricted  = 'rddensity(c40, c = 40, vce = "plugin", fitselect = "restricted")',
  c_each_p3            = 'rddensity(c40, c = 40, bwselect = "each", p = 3)',
  c_h_pair             = 'rddensity(c40, c = 40, h = c(8, 12))'
)

plots <- list(
  s_default      = c('rddensity(s)', ''),
  t_default      = c('rddensity(t)', ''),
  b_default      = c('rddensity(b)', ', plotN = 15, plotGrid = "qs"'),
  c_h_pair       = c('rddensity(c40, c = 40, h = c(8, 12))', ', plotRange = c(20, 60), plotN = c(12, 8)'),
  t_nomasspoints = c('rddensity(t, massPoints = FALSE)', ''),
  s_p1_uniform   = c('rddensity(s, p = 1, kernel = "uniform")', ', plotN = 7'),
  s_epa_q4       = c('rddensity(s, kernel = "epanechnikov", q = 4)', '')
)

out <- list(note = paste("h, hat, sd: left, right (and diff = right - left); N: full, left, right, eff_left, eff_right;",
                         "test: t, p; bw rows: bw, variance, biassq"),
            tests = list(), plots = list())
for (k in names(calls)) out$tests[[k]] <- run(calls[[k]])
for (k in names(plots)) out$plots[[k]] <- plot_run(plots[[k]][1], plots[[k]][2])
cat(toJSON(out, auto_unbox = TRUE, digits = NA, pretty = TRUE, na = "null"), "\n")
