# did_trim_weights.R -- reference values of two-period DiD with propensity-score trimming and
# sampling weights (did_trim_weights.json), for DrDidTrimmingReferenceTest of synergia-effects.
#
# Data (simulated for this project, written once by this script with `--simulate`):
#   did_trim_panel.csv  panel, 2,000 units x 2 periods (2015, 2018): id, period, treated, x1, x2, x3,
#                       w (sampling weight, fixed within a unit), y
#   did_trim_rc.csv     repeated cross-sections, 2,000 rows: id, year (2015, 2018), treated, x1, x2, x3, w, y
# Take-up follows a steep logit in x1 except in a pocket (x3 > 0.9, x1 > 1) where it is 0.5, so the
# fitted logit gives some comparison units a score of at least 0.995; the calibrated score of
# dr-improved (inverse probability tilting) stays below 0.995, so every method is also run at
# trim.level = 0.9, where both scores trim comparison units.
#
# Values, each on both files, without and with weightsname = "w" (keys "unweighted", "weighted"):
#   dr_improved, dr_traditional   drdid(estMethod = "imp" / "trad", trim.level = L)
#   ipw_normalized, ipw_unnormalized   ipwdid(normalized = TRUE / FALSE, trim.level = L)
#     for L = 0.995 (keys "trim_0.995") and L = 0.9 ("trim_0.9"), with the number of comparison units
#     (panel) or rows (cross-sections) whose capped score is at or above L: "trimmed_logit" (the
#     logit of the traditional and IPW estimators) and "trimmed_ipt" (DRDID's pscore.cal)
#   outcome_regression   ordid(); twfe   twfe_did_panel() / twfe_did_rc() with covariates cbind(1, x)
#     and i.weights = w (neither trims)
# Calls: yname = "y", tname = "period" / "year", idname = "id", dname = "treated",
# xformla = ~ x1 + x2 + x3, panel = TRUE / FALSE.
#
# Versions used: R 4.2.2, DRDID 1.2.3 (pedrohcgs/DRDID snapshot 654531e), fastglm 0.0.4,
# trust 0.1.8, jsonlite 1.8.4.
#
# Run from this folder (first argument = folder holding the CSV files):
#   Rscript did_trim_weights.R . > out.json
#   Rscript compare_reference.R out.json did_trim_weights.json
# (Rscript did_trim_weights.R . --simulate first rewrites the two CSV files from the seed.)

suppressPackageStartupMessages({ library(jsonlite); library(DRDID) })

args <- commandArgs(trailingOnly = TRUE)
dir <- if (length(args) >= 1) args[1] else "."

# ---- simulation (run once) -----------------------------------------------------------------------
draw <- function(n) {
  x1 <- rnorm(n, 0, 1.2); x2 <- rbinom(n, 1, 0.5); x3 <- runif(n)
  p <- plogis(-0.8 + 4 * x1 + 0.5 * x2 - 0.8 * x3)
  p[x3 > 0.9 & x1 > 1] <- 0.5
  treated <- rbinom(n, 1, p)
  w <- round(exp(rnorm(n, 0.2 * x2, 0.5)), 4)
  data.frame(x1 = round(x1, 6), x2 = x2, x3 = round(x3, 6), treated = treated, w = w)
}
if ("--simulate" %in% args) {
  set.seed(20270114)
  n <- 2000
  u <- draw(n)
  y0 <- 1 + u$x1 + 0.5 * u$x2 + u$x3 + rnorm(n)
  y1 <- y0 + 0.5 + 0.6 * u$x1 - 0.4 * u$x3 + u$treated * (1.5 + 0.5 * u$x1) + rnorm(n)
  panel <- rbind(data.frame(id = seq_len(n), period = 2015, u, y = round(y0, 6)),
                 data.frame(id = seq_len(n), period = 2018, u, y = round(y1, 6)))
  panel <- panel[order(panel$id, panel$period), c("id", "period", "treated", "x1", "x2", "x3", "w", "y")]
  write.csv(panel, file.path(dir, "did_trim_panel.csv"), row.names = FALSE)
  r <- draw(n)
  post <- rbinom(n, 1, 0.5)
  y <- 1 + r$x1 + 0.5 * r$x2 + r$x3 + post * (0.5 + 0.6 * r$x1 - 0.4 * r$x3) +
    post * r$treated * (1.5 + 0.5 * r$x1) + 0.3 * r$treated + rnorm(n)
  rc <- data.frame(id = seq_len(n), year = ifelse(post == 1, 2018, 2015), r, y = round(y, 6))
  write.csv(rc[, c("id", "year", "treated", "x1", "x2", "x3", "w", "y")], file.path(dir, "did_trim_rc.csv"),
            row.names = FALSE)
}

# ---- reference values ----------------------------------------------------------------------------
entry <- function(r) list(att = as.numeric(r$ATT), se = as.numeric(r$se))
levels <- c(0.995, 0.9)

# comparison units at or above each trimming level under the logit and the calibrated score, as the
# DRDID functions compute them (weights normalised to mean one, scores capped at 1 - 1e-6); refuses
# data where a score lies within 1e-6 of a level, which rounding could put on either side
trimmed_counts <- function(d, x, w, level) {
  w <- w / mean(w)
  logit <- pmin(as.vector(suppressWarnings(fastglm::fastglm(x = x, y = d, family = binomial(), weights = w,
                                                            intercept = FALSE, method = 3))$fitted.values), 1 - 1e-6)
  ipt <- pmin(DRDID:::pscore.cal(d, x, i.weights = w, n = length(d))$pscore, 1 - 1e-6)
  stopifnot(min(abs(c(logit, ipt)[c(d, d) == 0] - level)) > 1e-6)
  list(trimmed_logit = sum(d == 0 & logit >= level), trimmed_ipt = sum(d == 0 & ipt >= level))
}

design <- function(data, tname, panel, weighted) {
  a <- list(yname = "y", tname = tname, idname = "id", dname = "treated", xformla = ~ x1 + x2 + x3,
            data = data, panel = panel)
  if (weighted) a$weightsname <- "w"
  first <- if (panel) data[data[[tname]] == min(data[[tname]]), ] else data
  first <- first[order(first$id), ]
  x <- cbind(1, as.matrix(first[, c("x1", "x2", "x3")]))
  w <- if (weighted) first$w else rep(1, nrow(first))
  out <- list()
  for (level in levels) {
    t <- c(a, trim.level = level)
    out[[paste0("trim_", level)]] <- c(
      trimmed_counts(first$treated, x, w, level),
      list(dr_improved = entry(do.call(drdid, c(t, estMethod = "imp"))),
           dr_traditional = entry(do.call(drdid, c(t, estMethod = "trad"))),
           ipw_normalized = entry(do.call(ipwdid, c(t, normalized = TRUE))),
           ipw_unnormalized = entry(do.call(ipwdid, c(t, normalized = FALSE)))))
  }
  out$outcome_regression <- entry(do.call(ordid, a))
  if (panel) {
    last <- data[data[[tname]] == max(data[[tname]]), ]
    last <- last[order(last$id), ]
    stopifnot(identical(first$id, last$id))
    out$twfe <- entry(twfe_did_panel(y1 = last$y, y0 = first$y, D = first$treated, covariates = x, i.weights = w))
  } else {
    post <- as.numeric(data[[tname]] == max(data[[tname]]))
    out$twfe <- entry(twfe_did_rc(y = first$y, post = post[order(data$id)], D = first$treated, covariates = x,
                                  i.weights = w))
  }
  out
}

pd <- read.csv(file.path(dir, "did_trim_panel.csv"))
rc <- read.csv(file.path(dir, "did_trim_rc.csv"))
out <- list(
  panel = list(data = "did_trim_panel.csv: panel, id, period 2015/2018, group treated, covariates x1 x2 x3, weights w",
               unweighted = design(pd, "period", TRUE, FALSE), weighted = design(pd, "period", TRUE, TRUE)),
  repeated_cross_sections = list(
    data = "did_trim_rc.csv: repeated cross-sections, year 2015/2018, group treated, covariates x1 x2 x3, weights w",
    unweighted = design(rc, "year", FALSE, FALSE), weighted = design(rc, "year", FALSE, TRUE)))
cat(toJSON(out, auto_unbox = TRUE, digits = NA, pretty = TRUE), "\n")
