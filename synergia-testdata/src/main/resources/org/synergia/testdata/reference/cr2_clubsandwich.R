# cr2_clubsandwich.R -- reference values of the CR2 cluster-robust variance and its Satterthwaite
# (Bell-McCaffrey) degrees of freedom (cr2_clubsandwich.json), for Cr2ReferenceTest of synergia-stats
# (issue 15, item 4: inference with few clusters).
#
# Data (simulated for this project, no real persons; written once by this script with `--simulate`):
#   cr2_balanced.csv    12 clusters (village) of 15 rows: y, x (row level), treat (cluster level, 5 of
#                       the 12 villages), z (row level, 0/1), w (sampling weight varying within villages),
#                       wc (sampling weight constant within each village), village
#   cr2_unbalanced.csv  9 clusters of 2 to 41 rows (110 rows): the same columns, treat in 4 villages,
#                       and region (1, 2, 3: constant within villages, three villages each)
# y has a village random effect and heteroskedastic row errors.
#
# Values: for each case, the exact call, the coefficients (beta), the CR2 standard errors (se), the
# Satterthwaite degrees of freedom (df) and p-values (p) of coef_test, and the CR1 standard errors of
# vcovCR(type = "CR1S") (Stata's G/(G-1) (N-1)/(N-K)) for comparison. Cases: unweighted and weighted
# (lm(weights = w), clubSandwich's default working model Phi = I), balanced and unbalanced, with weights
# constant within clusters, and with a regressor constant within clusters (factor(region)), which makes
# some clusters' design rank-deficient.
#
# Versions used: R 4.2.2, clubSandwich 0.5.8, sandwich 3.0-2, jsonlite 1.8.4.
# Run from this folder (first argument = folder holding the CSV files):
#   Rscript cr2_clubsandwich.R . > out.json
#   Rscript compare_reference.R out.json cr2_clubsandwich.json
# (Rscript cr2_clubsandwich.R . --simulate first rewrites the two CSV files from the seed.)

suppressPackageStartupMessages({ library(jsonlite); library(clubSandwich) })

args <- commandArgs(trailingOnly = TRUE)
dir <- if (length(args) >= 1) args[1] else "."

# ---- simulation (run once) -----------------------------------------------------------------------
draw <- function(sizes, treated) {
  G <- length(sizes)
  village <- rep(seq_len(G), sizes)
  n <- length(village)
  treat <- as.integer(village %in% treated)
  x <- rnorm(n, 0.3 * treat, 1)
  z <- rbinom(n, 1, 0.4)
  u <- rnorm(G, 0, 0.7)[village]
  y <- 1 + 0.5 * x + 0.2 * treat - 0.4 * z + u + rnorm(n, 0, 0.5 + 0.5 * abs(x))
  w <- round(exp(rnorm(n, 0, 0.4)), 4)
  wc <- round(exp(rnorm(G, 0, 0.6)), 4)[village]
  data.frame(y = round(y, 8), x = round(x, 8), treat = treat, z = z, w = w, wc = wc, village = village)
}
if ("--simulate" %in% args) {
  set.seed(20270615)
  b <- draw(rep(15, 12), c(2, 3, 7, 10, 11))
  write.csv(b, file.path(dir, "cr2_balanced.csv"), row.names = FALSE)
  u <- draw(c(2, 5, 41, 8, 3, 17, 12, 6, 16), c(1, 3, 5, 8))
  u$region <- c(1, 1, 1, 2, 2, 2, 3, 3, 3)[u$village]
  write.csv(u, file.path(dir, "cr2_unbalanced.csv"), row.names = FALSE)
}

# ---- reference values ----------------------------------------------------------------------------
bal <- read.csv(file.path(dir, "cr2_balanced.csv"))
unb <- read.csv(file.path(dir, "cr2_unbalanced.csv"))

run <- function(call, data) {
  fit <- eval(parse(text = call))
  cr2 <- vcovCR(fit, cluster = data$village, type = "CR2")
  t <- coef_test(fit, vcov = cr2, test = "Satterthwaite")
  cr1 <- vcovCR(fit, cluster = data$village, type = "CR1S")
  list(call = call, terms = names(coef(fit)), beta = unname(coef(fit)), se = unname(t$SE),
       df = unname(t$df_Satt), p = unname(t$p_Satt), se_cr1 = unname(sqrt(diag(cr1))))
}

calls <- list(
  balanced            = list('lm(y ~ x + treat + z, data = bal)', bal),
  balanced_weighted   = list('lm(y ~ x + treat + z, data = bal, weights = w)', bal),
  balanced_cluster_weights = list('lm(y ~ x + treat + z, data = bal, weights = wc)', bal),
  unbalanced          = list('lm(y ~ x + treat + z, data = unb)', unb),
  unbalanced_weighted = list('lm(y ~ x + treat + z, data = unb, weights = w)', unb),
  unbalanced_region   = list('lm(y ~ x + treat + factor(region), data = unb)', unb),
  unbalanced_region_weighted = list('lm(y ~ x + treat + factor(region), data = unb, weights = w)', unb)
)
out <- list(note = paste("clubSandwich 0.5.8: vcovCR(fit, cluster = village, type = 'CR2'),",
                         "coef_test(test = 'Satterthwaite'); se_cr1: type = 'CR1S'"))
for (name in names(calls)) out[[name]] <- run(calls[[name]][[1]], calls[[name]][[2]])
cat(toJSON(out, auto_unbox = TRUE, digits = NA, pretty = TRUE), "\n")
