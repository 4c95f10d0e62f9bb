# Reference values for RosenbaumBoundsReferenceTest: Rosenbaum bounds of the matched pairs of 1:1
# nearest-neighbour ATT matching on the logit propensity score, from R rbounds 2.2 (psens: signed-rank
# p-value bounds; hlsens: Hodges-Lehmann bounds), and of the lead example of psens' help page. Run from the
# repository root:
#   Rscript synergia-effects/src/test/resources/reference/rosenbaum_matching.R
# writes synergia-effects/src/test/resources/reference/rosenbaum_matching.json.
# R 4.2.2, rbounds 2.2 (tools/r-peers.sh on a snapshot of github.com/cran/rbounds), Matching 4.10.8, haven.
#
# Pairs: one per matched treated unit, its control value the mean outcome of its matched controls (the
# nearest and every tie, each weighing 1/#J), the input psens takes (one control per treated unit).
#  - lalonde.csv: Matching::Match(Y = re78, Tr = treat, X = p, estimand = "ATT", M = 1, ties = TRUE) with the
#    default distance.tolerance = 1e-5; the control value is the weighted mean of Y[index.control] by
#    index.treated (Synergia: --tie-tolerance 1e-5). The effect is positive: psens(treated, control).
#  - cattaneo2.dta: exact ties, as Stata's teffects psmatch and Synergia's default (--tie-tolerance 0).
#    Matching::Match cannot do that (even with distance.tolerance = 0 it ties controls whose distances
#    differ by about 3e-9, 12 of the 864 treated units, ATT -221.94 against Stata's -224.5927), so the
#    matches are found here in base R by brute force: every control at the smallest |p_i - p_j|. Their mean
#    difference reproduces Stata 18's ATET (-224.5927, cattaneo2_teffects_stata18.json). The effect is
#    negative: psens(control, treated) and hlsens(control, treated), the Hodges-Lehmann bounds then negated
#    back to the scale treated minus control.
# Unrounded values: psens rounds its p-values to 4 decimals and hlsens its bounds to 5 significant digits
# inside the returned objects, so each is also run with round/signif shadowed by the identity (the same
# rbounds code, without the rounding); both are written. Gamma* (the smallest Gamma at which the upper
# bound of the p-value reaches 0.05) is the root, by uniroot to 1e-13, of the unrounded psens upper bound
# minus 0.05.
# Hodges-Lehmann bounds: T(tau), the signed-rank statistic of all N differences minus tau, is the number of
# Walsh averages above tau; with the M = N(N+1)/2 averages sorted decreasingly, w(1) >= ... >= w(M),
# sup{tau: T(tau) > c} = w(floor(c) + 1) and inf{tau: T(tau) < c} = w(ceiling(c)). The exact bounds
# (hl_lower, hl_upper; Rosenbaum's Hodges-Lehmann solution, the midpoint of the two) are computed so, in
# base R, for c = M Gamma/(1+Gamma) (lower) and c = M/(1+Gamma) (upper); at Gamma = 1 this is the median
# of the Walsh averages, the Hodges-Lehmann estimate. hlsens steps outwards by pr from wilcox.test's
# estimate until T(tau) reaches c, so at Gamma > 1 its upper bound lies in [sup, sup + pr) and its lower
# bound in (inf - pr, inf] (checked below); where T(tau) = c on an interval (c an integer), the exact
# midpoint lies half that interval (hl_*_plateau) further out. At Gamma = 1 hlsens returns wilcox.test's
# estimate (zeros dropped, continuity-corrected), not the Walsh median.
suppressMessages({library(Matching); library(rbounds); library(haven); library(jsonlite)})
unrounded <- function(f) {
  environment(f) <- list2env(list(round = function(x, digits = 0) x, signif = function(x, digits = 6) x),
                             parent = asNamespace("rbounds"))
  f
}
psens_raw <- unrounded(psens)
hlsens_raw <- unrounded(hlsens)
gammas <- seq(1, 3, by = 0.25)
# c(sup{tau: T(tau) > c}, inf{tau: T(tau) < c}) for the differences d
walsh_crossings <- function(d, c) {
  w <- outer(d, d, "+") / 2
  w <- sort(w[upper.tri(w, diag = TRUE)], decreasing = TRUE)
  c(w[floor(c) + 1], w[ceiling(c)])
}
bounds <- function(trt, ctrl, pr) {
  less <- mean(trt - ctrl) < 0
  x <- if (less) ctrl else trt
  y <- if (less) trt else ctrl
  ps <- psens(x, y, Gamma = 3, GammaInc = 0.25)$bounds
  pr_ <- psens_raw(x, y, Gamma = 3, GammaInc = 0.25)$bounds
  hl <- hlsens_raw(x, y, pr = pr, Gamma = 3, GammaInc = 0.25)$bounds
  excess <- function(g) tail(psens_raw(x, y, Gamma = g, GammaInc = g - 1)$bounds[["Upper bound"]], 1) - 0.05
  gstar <- uniroot(excess, c(1 + 1e-9, 20), tol = 1e-13)$root
  d <- x - y
  m <- length(d) * (length(d) + 1) / 2
  up <- sapply(gammas, function(g) walsh_crossings(d, m / (1 + g)))
  lo <- sapply(gammas, function(g) walsh_crossings(d, m * g / (1 + g)))
  k <- gammas > 1
  stopifnot(hl[k, 3] >= up[1, k] - 1e-9, hl[k, 3] < up[1, k] + pr + 1e-9,
            hl[k, 2] <= lo[2, k] + 1e-9, hl[k, 2] > lo[2, k] - pr - 1e-9)
  ex_up <- colMeans(up); ex_lo <- colMeans(lo)
  list(alternative = if (less) "less" else "greater", n_pairs = length(d), zero_differences = sum(d == 0),
       gamma = gammas, p_upper = pr_[["Upper bound"]], p_lower = pr_[["Lower bound"]],
       p_upper_rounded = ps[["Upper bound"]], p_lower_rounded = ps[["Lower bound"]], gamma_star = gstar,
       hlsens_pr = pr,
       hlsens_lower = if (less) -hl[["Upper bound"]] else hl[["Lower bound"]],
       hlsens_upper = if (less) -hl[["Lower bound"]] else hl[["Upper bound"]],
       hl_lower = if (less) -ex_up else ex_lo, hl_upper = if (less) -ex_lo else ex_up,
       hl_lower_plateau = if (less) up[2, ] - up[1, ] else lo[2, ] - lo[1, ],
       hl_upper_plateau = if (less) lo[2, ] - lo[1, ] else up[2, ] - up[1, ])
}

# lalonde: Matching's pairs
l <- read.csv("synergia-testdata/src/main/resources/org/synergia/testdata/reference/lalonde.csv")
lp <- fitted(glm(treat ~ age + educ + black + hispan + married + nodegree + re74 + re75, family = binomial, data = l))
m <- Match(Y = l$re78, Tr = l$treat, X = lp, estimand = "ATT", M = 1, ties = TRUE)
lrow <- sort(unique(m$index.treated))
lctrl <- (tapply(l$re78[m$index.control] * m$weights, m$index.treated, sum) /
          tapply(m$weights, m$index.treated, sum))[as.character(lrow)]
lal <- c(list(att = unname(m$est[1, 1]), treated_row = lrow, control = unname(lctrl)),
         bounds(l$re78[lrow], unname(lctrl), pr = 0.1))

# cattaneo2: exact nearest neighbours by brute force
d <- as.data.frame(read_dta("synergia-testdata/src/main/resources/org/synergia/testdata/datasets/cattaneo2.dta"))
p <- fitted(glm(mbsmoke ~ mmarried + mage + fage + medu + prenatal1, family = binomial, data = d))
tr <- which(d$mbsmoke == 1); co <- which(d$mbsmoke == 0)
cctrl <- sapply(tr, function(i) { dist <- abs(p[co] - p[i]); mean(d$bweight[co[dist == min(dist)]]) })
cat2 <- c(list(att = mean(d$bweight[tr] - cctrl), stata_atet = -224.5927, treated_row = tr, control = cctrl),
          bounds(d$bweight[tr], cctrl, pr = 0.01))

# Rosenbaum (2002, ch. 4) lead example of rbounds' psens help page: blood lead of 33 exposed children and
# their matched controls (Morton et al. 1982), given as pairs.
lead_trt <- c(38, 23, 41, 18, 37, 36, 23, 62, 31, 34, 24, 14, 21, 17, 16, 20, 15, 10, 45, 39, 22, 35, 49, 48, 44,
              35, 43, 39, 34, 13, 73, 25, 27)
lead_ctrl <- c(16, 18, 18, 24, 19, 11, 10, 15, 16, 18, 18, 13, 19, 10, 16, 16, 24, 13, 9, 14, 21, 19, 7, 18, 19,
               12, 11, 22, 25, 16, 13, 11, 13)

out <- list(
  source = paste("R", getRversion(), "rbounds", packageVersion("rbounds"), "psens/hlsens (Gamma = 3, GammaInc = 0.25),",
                 "Matching", packageVersion("Matching"), "(lalonde pairs); rosenbaum_matching.R"),
  lalonde = c(list(model = "treat ~ age + educ + black + hispan + married + nodegree + re74 + re75", outcome = "re78"), lal),
  cattaneo2 = c(list(model = "mbsmoke ~ mmarried + mage + fage + medu + prenatal1", outcome = "bweight"), cat2),
  lead = c(list(treated = lead_trt, control = lead_ctrl), bounds(lead_trt, lead_ctrl, pr = 0.001)))
writeLines(toJSON(out, auto_unbox = TRUE, digits = NA, pretty = TRUE),
           "synergia-effects/src/test/resources/reference/rosenbaum_matching.json")
