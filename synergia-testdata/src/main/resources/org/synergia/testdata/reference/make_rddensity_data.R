# make_rddensity_data.R -- draws the simulated running variables of reference_values_rddensity.json
# (issue 15, item 1: the manipulation test of Cattaneo, Jansson and Ma). Simulated for this project:
# no real persons. R 4.2.2 (the default Mersenne-Twister / Inversion / Rejection generators).
#
#   rddensity_smooth_dev.csv    2,500 rows: x ~ N(0.2, 1), a smooth density through the cutoff 0
#                               (no manipulation)
#   rddensity_bunching_dev.csv  2,500 rows: x ~ N(0, 1), then 45% of the units in [-0.4, 0) moved to
#                               U(0, 0.15): missing mass just below the cutoff 0, bunching just above
#   rddensity_ties_dev.csv      3,000 rows: x ~ N(0.5, 2) rounded to one decimal (about 130 distinct
#                               values, many observations at the cutoff 0 itself): mass points
#   rddensity_shifted_dev.csv   1,500 rows: an exam-like score 100 * Beta(2, 3), cutoff 40, smooth
#
# Run from this folder: Rscript make_rddensity_data.R .   (writes the four CSV files; rows are in the
# order drawn, not sorted)

args <- commandArgs(trailingOnly = TRUE)
dir <- if (length(args) >= 1) args[1] else "."
out <- function(d, f) write.csv(d, file.path(dir, f), row.names = FALSE)

set.seed(20261215)
out(data.frame(x = signif(rnorm(2500, 0.2, 1), 10)), "rddensity_smooth_dev.csv")

set.seed(20261216)
x <- rnorm(2500)
moved <- which(x >= -0.4 & x < 0)
moved <- moved[runif(length(moved)) < 0.45]
x[moved] <- runif(length(moved), 0, 0.15)
out(data.frame(x = signif(x, 10)), "rddensity_bunching_dev.csv")

set.seed(20261217)
out(data.frame(x = round(rnorm(3000, 0.5, 2), 1)), "rddensity_ties_dev.csv")

set.seed(20261218)
out(data.frame(x = signif(100 * rbeta(1500, 2, 3), 10)), "rddensity_shifted_dev.csv")
