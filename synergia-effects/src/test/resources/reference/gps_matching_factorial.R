# Reference values for GpsMatchingReferenceTest: matching on the generalised propensity score with four treatment
# levels (Yang et al. 2016) on factorial_sim.csv (800 units, arm 0-3, x1 continuous, x2 binary), from R
# multilevelMatching 1.0.0 (cran/multilevelMatching snapshot 4a5faa9): multiMatch(match_on = "existing") on the
# scores of a multinomial logit arm ~ x1 + x2 (nnet::multinom, converged to reltol 1e-14), one match per unit and one
# for the conditional variance. Its potential-outcome means, pairwise contrasts and their AI2006 variances; and the
# synergy mu_3 - mu_1 - mu_2 + mu_0 with the variance of the same formula (Abadie & Imbens 2006, Theorem 7) for the
# contrast's weights, computed from the package's imputations (Yiw), match counts (Kiw) and conditional variances
# (sigsqiw); the script first checks that this formula reproduces the package's pairwise variances.
# Run from the repository root:  Rscript synergia-effects/src/test/resources/reference/gps_matching_factorial.R
library(multilevelMatching); library(nnet); library(jsonlite)
d <- read.csv("synergia-effects/src/test/resources/reference/factorial_sim.csv")
fit <- multinom(factor(arm) ~ x1 + x2, data = d, reltol = 1e-14, maxit = 5000, trace = FALSE)
gps <- fitted(fit)
# multiMatch wants rows that sum to exactly 1 (rowSums(X) != 1 is refused): put the rounding into the largest column
fix <- function(p) { k <- which.max(p); for (it in 1:4) p[k] <- p[k] + (1 - sum(p)); p }
gps <- t(apply(gps, 1, fix)); stopifnot(all(rowSums(gps) == 1))
r <- suppressWarnings(multiMatch(Y = d$y, W = d$arm, X = gps, trimming = FALSE, match_on = "existing",
                                 model_options = list(reference_level = "0")))
a <- r$estimate_args
variance <- function(cw) {
  theta <- sum(cw * a$mean_Yiw)
  v <- drop(a$Yiw %*% cw) - theta
  km <- a$Kiw / a$M_matches
  own <- cw[match(a$W, a$trt_levels)]
  (mean(v^2) + mean(own^2 * (km^2 + (2 * a$M_matches - 1) / a$M_matches * km) * a$sigsqiw)) / a$N
}
pairs <- r$results
for (k in seq_len(nrow(pairs))) {
  cw <- rep(0, 4); cw[match(pairs$Trt2[k], a$trt_levels)] <- 1; cw[match(pairs$Trt1[k], a$trt_levels)] <- -1
  stopifnot(isTRUE(all.equal(variance(cw), pairs$Variance[k], tolerance = 1e-12)))
}
synergy <- c(1, -1, -1, 1)
out <- list(source = "R multilevelMatching 1.0.0, multiMatch(match_on = 'existing'), M = J = 1",
            means = unname(a$mean_Yiw),
            contrasts = lapply(seq_len(nrow(pairs)), function(k) list(treated = pairs$Trt2[k], control = pairs$Trt1[k],
                                                                      estimate = pairs$Estimate[k], variance = pairs$Variance[k])),
            synergy = list(estimate = sum(synergy * a$mean_Yiw), variance = variance(synergy)))
write_json(out, "synergia-effects/src/test/resources/reference/gps_matching_factorial.json", digits = NA,
           auto_unbox = TRUE, pretty = TRUE)
