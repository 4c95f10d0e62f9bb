# make_rd_fidelity_data.R -- draws the four simulated RD data sets of reference_values_rd_fidelity.json
# (issue 22, items 3 and 4: discrete running variables and clusters). Simulated for this project:
# no real persons. R 4.2.2 (the default Mersenne-Twister / Inversion / Rejection generators).
#
#   rd_discrete_dev.csv  3,000 rows: running variable rounded to integers (about 70 distinct values),
#                        outcome y, treatment received take (fuzzy), covariate z, cluster school (80)
#   rd_fewmass_dev.csv   1,200 rows: running variable on the 17 integers -8..8 (8 left of the cutoff 0,
#                        9 at or right of it), outcome y
#   rd_fewmass12_dev.csv 2,000 rows: running variable on the 25 integers -12..12, outcome y
#   rd_cluster_dev.csv   2,000 rows: continuous running variable, 50 villages of unequal sizes whose
#                        units lie on both sides of the cutoff, outcome y with a village effect,
#                        treatment received take, covariate z
#
# Run from this folder: Rscript make_rd_fidelity_data.R .   (writes the four CSV files; rows are
# in the order drawn, not sorted by the running variable)

args <- commandArgs(trailingOnly = TRUE)
dir <- if (length(args) >= 1) args[1] else "."
out <- function(d, f) write.csv(d, file.path(dir, f), row.names = FALSE)

set.seed(20261208)
n <- 3000
x <- round(rnorm(n, 0, 12))
school <- sample.int(80, n, replace = TRUE)
u <- rnorm(80, 0, 0.3)[school]
z <- 0.5 * u + rnorm(n)
take <- as.integer(runif(n) < 0.15 + 0.6 * (x >= 0))
y <- 0.5 + 0.04 * x - 0.0008 * x^2 + 0.8 * take + 0.3 * z + u + rnorm(n)
out(data.frame(y = signif(y, 10), x = x, take = take, z = signif(z, 10), school = school), "rd_discrete_dev.csv")

set.seed(20261209)
n <- 1200
x <- sample(-8:8, n, replace = TRUE)
y <- 1 + 0.1 * x + 0.02 * x^2 + 0.5 * (x >= 0) + rnorm(n)
x12 <- sample(-12:12, 2000, replace = TRUE)
y12 <- 1 + 0.15 * x12 - 0.01 * x12^2 + 0.6 * (x12 >= 0) + rnorm(2000)
out(data.frame(y = signif(y, 10), x = x), "rd_fewmass_dev.csv")
out(data.frame(y = signif(y12, 10), x = x12), "rd_fewmass12_dev.csv")

set.seed(20261210)
G <- 50
size <- rexp(G)
village <- sample.int(G, 2000, replace = TRUE, prob = size)
centre <- runif(G, -0.6, 0.6)
x <- centre[village] + rnorm(2000, 0, 0.3)
v <- rnorm(G, 0, 0.5)[village]
z <- 0.6 * v + rnorm(2000)
take <- as.integer(runif(2000) < 0.2 + 0.6 * (x >= 0))
y <- 0.3 + 1.2 * x - 0.5 * x^2 + 0.4 * take + 0.2 * z + v + rnorm(2000, 0, 0.8)
out(data.frame(y = signif(y, 10), x = signif(x, 10), take = take, z = signif(z, 10), village = village),
    "rd_cluster_dev.csv")
