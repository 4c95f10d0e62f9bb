# staggered_did.R -- reference values of staggered-adoption DiD (Callaway & Sant'Anna 2021) for
# StaggeredDidReferenceTest of synergia-effects (issue 15, item 3): R did::att_gt with bstrap = FALSE
# (estimates, analytic SEs, the Wald pre-test W / Wpval) and did::aggte of each type ("simple",
# "dynamic", "group", "calendar", also with bstrap = FALSE), under never- and not-yet-treated
# comparison groups, est_method "dr", "ipw", "reg", with and without covariates, anticipation 1, the
# universal base period, sampling weights, a balanced panel, an unbalanced panel
# (allow_unbalanced_panel = TRUE) and repeated cross-sections (panel = FALSE).
#
# Data (simulated for this project, written once by this script with `--simulate`):
#   staggered_did_panel.csv       balanced panel, 1,200 units x 6 years (2010-2015): id, year, cohort
#                                 (first treated year: 2012, 2013, 2014, 2015; 0 never treated; 22 units
#                                 2010, treated from the first year), x1 (varies a little over time),
#                                 x2 (0/1, fixed), w (sampling weight, fixed within a unit), y
#   staggered_did_unbalanced.csv  the same panel with about 12% of its rows removed at random
#   staggered_did_rc.csv          repeated cross-sections, 3,000 rows, each a different unit observed in one
#                                 year: id (row number), year, cohort, x1, x2, w, y
# Trends depend on x1, so the comparisons need covariates; effects grow with event time and x2.
#
# Every entry holds its exact call ("call"). Values per entry:
#   cells      att_gt: group, t, att, se (null where did reports NA: the universal base period's
#              reference cells), W and Wpval (did rounds Wpval to 5 digits)
#   simple     aggte(type = "simple"): att, se
#   dynamic    aggte(type = "dynamic"): e, att, se by event time; overall att and se (mean over e >= 0)
#   group      aggte(type = "group"): g, att, se by group; overall att; "se_did" is did 2.1.2's overall SE,
#              "se" the same with the influence function of the estimated group shares taken at each
#              group (did 2.1.2 passes the cell-level `group` vector instead of `glist` to wif() here, a bug
#              fixed upstream in bcallaway11/did pull request 223, did >= 2.5.0); both are kept
#   calendar   aggte(type = "calendar"): t, att, se by year; overall att and se
# Entry "critical_values" (seeded, biters = 20000, Rademacher multipliers as did draws them):
#   att_gt(bstrap = TRUE, cband = TRUE)$c, and aggte(..., bstrap = FALSE, cband = TRUE)$crit.val.egt of
#   types dynamic, group and calendar: uniform-band critical values, Monte Carlo numbers.
#
# Versions used: R 4.2.2, did 2.1.2 (CRAN snapshot), DRDID 1.2.3, BMisc 1.4.6, jsonlite 1.8.4.
# Run from this folder (first argument = folder holding the CSV files):
#   Rscript staggered_did.R . > out.json
#   Rscript compare_reference.R out.json staggered_did.json
# (Rscript staggered_did.R . --simulate first rewrites the three CSV files from the seed.)

suppressPackageStartupMessages({ library(jsonlite); library(did) })

args <- commandArgs(trailingOnly = TRUE)
dir <- if (length(args) >= 1) args[1] else "."

# ---- simulation (run once) -----------------------------------------------------------------------
years <- 2010:2015
cohorts <- c(0, 2012, 2013, 2014, 2015)
draw_units <- function(n) {
  x1 <- rnorm(n); x2 <- rbinom(n, 1, 0.4)
  eta <- cbind(0, 0.2 + 0.5 * x1, 0.1 + 0.3 * x1 - 0.3 * x2, -0.1 + 0.1 * x1 + 0.3 * x2, -0.2 * x1)
  p <- exp(eta) / rowSums(exp(eta))
  g <- apply(p, 1, function(q) sample(cohorts, 1, prob = q))
  g[runif(n) < 0.02] <- 2010
  data.frame(x1b = x1, x2 = x2, cohort = g)
}
outcome <- function(u, t, alpha) {
  k <- t - 2010
  e <- t - u$cohort
  effect <- ifelse(u$cohort > 0 & e >= 0, (1 + 0.25 * e) * (1 + 0.3 * u$x2) + 0.1 * (u$cohort - 2012), 0)
  alpha + 0.5 * k + (0.3 + 0.4 * u$x1b) * k + 0.2 * u$x2 * k + effect + rnorm(nrow(u))
}
if ("--simulate" %in% args) {
  set.seed(20270301)
  n <- 1200
  u <- draw_units(n)
  u$id <- seq_len(n)
  u$w <- round(exp(rnorm(n, 0, 0.4)), 3)
  alpha <- rnorm(n) + 0.5 * u$x1b + 0.3 * (u$cohort > 0)
  panel <- do.call(rbind, lapply(years, function(t) {
    data.frame(id = u$id, year = t, cohort = u$cohort, x1 = round(u$x1b + 0.2 * rnorm(n), 6), x2 = u$x2,
               w = u$w, y = round(outcome(u, t, alpha), 6))
  }))
  panel <- panel[order(panel$id, panel$year), ]
  write.csv(panel, file.path(dir, "staggered_did_panel.csv"), row.names = FALSE)
  unbalanced <- panel[runif(nrow(panel)) > 0.12, ]
  write.csv(unbalanced, file.path(dir, "staggered_did_unbalanced.csv"), row.names = FALSE)
  m <- 3000
  r <- draw_units(m)
  r$year <- sample(years, m, replace = TRUE)
  r$w <- round(exp(rnorm(m, 0, 0.4)), 3)
  alpha <- rnorm(m) + 0.5 * r$x1b + 0.3 * (r$cohort > 0)
  rc <- data.frame(id = seq_len(m), year = r$year, cohort = r$cohort, x1 = round(r$x1b + 0.2 * rnorm(m), 6),
                   x2 = r$x2, w = r$w, y = round(outcome(r, r$year, alpha), 6))
  write.csv(rc, file.path(dir, "staggered_did_rc.csv"), row.names = FALSE)
}

# ---- reference values ----------------------------------------------------------------------------
pd <- read.csv(file.path(dir, "staggered_did_panel.csv"))
ub <- read.csv(file.path(dir, "staggered_did_unbalanced.csv"))
rc <- read.csv(file.path(dir, "staggered_did_rc.csv"))
nn <- pd[!(pd$cohort %in% c(0, 2010)), ]  # no never-treated (nor always-treated) units

num <- function(x) { x <- as.numeric(x); ifelse(is.na(x), NA, x) }

# did's group shares P(G = g) and the influence function of the group aggregation with the shares'
# estimation effect taken at each group g (did >= 2.5.0's wif(..., group = glist))
group_se_fixed <- function(a, ag) {
  dp <- a$DIDparams
  data <- dp$data
  dta <- if (dp$panel) data[data[, dp$tname] == dp$tlist[1], ] else
    suppressWarnings(stats::aggregate(data, list(data[, dp$idname]), mean)[, -1])
  w <- dta$.w
  G <- dta[, dp$gname]
  glist <- ag$egt
  pg <- sapply(glist, function(g) mean(w * (G == g)))
  centred <- sapply(seq_along(glist), function(k) w * (G == glist[k]) - pg[k])
  wif <- centred / sum(pg) - rowSums(centred) %*% t(pg / sum(pg)^2)
  inf <- ag$inf.function$selective.inf.func.g %*% (pg / sum(pg)) + wif %*% ag$att.egt
  sqrt(mean(inf^2) / length(inf))
}

run <- function(call, dynamic_args = "", group_args = "") {
  a <- suppressWarnings(eval(parse(text = call)))
  agg <- function(type, extra = "") {
    suppressWarnings(eval(parse(text = paste0("aggte(a, type = \"", type, "\", bstrap = FALSE, cband = FALSE",
                                              extra, ")"))))
  }
  s <- agg("simple")
  d <- agg("dynamic", dynamic_args)
  g <- agg("group", group_args)
  k <- agg("calendar")
  list(
    call = call,
    cells = list(group = a$group, t = a$t, att = num(a$att), se = num(a$se)),
    W = if (is.null(a$W)) NULL else as.numeric(a$W),
    Wpval = if (is.null(a$Wpval)) NULL else as.numeric(a$Wpval),
    simple = list(att = s$overall.att, se = s$overall.se),
    dynamic = list(args = dynamic_args, e = d$egt, att = num(d$att.egt), se = num(d$se.egt),
                   overall_att = d$overall.att, overall_se = d$overall.se),
    group = list(args = group_args, g = g$egt, att = num(g$att.egt), se = num(g$se.egt), overall_att = g$overall.att,
                 overall_se_did = g$overall.se, overall_se = group_se_fixed(a, g)),
    calendar = list(t = k$egt, att = num(k$att.egt), se = num(k$se.egt), overall_att = k$overall.att,
                    overall_se = k$overall.se))
}

base <- 'yname = "y", tname = "year", gname = "cohort", bstrap = FALSE, cband = FALSE'
P <- paste0('att_gt(', base, ', idname = "id", data = pd')
U <- paste0('att_gt(', base, ', idname = "id", allow_unbalanced_panel = TRUE, data = ub')
R <- paste0('att_gt(', base, ', panel = FALSE, data = rc')
N <- paste0('att_gt(', base, ', idname = "id", data = nn')
x <- ', xformla = ~ x1 + x2'
ny <- ', control_group = "notyettreated"'

calls <- list(
  panel_never_dr_x        = paste0(P, x, ', est_method = "dr")'),
  panel_never_ipw_x       = paste0(P, x, ', est_method = "ipw")'),
  panel_never_reg_x       = paste0(P, x, ', est_method = "reg")'),
  panel_never_dr          = paste0(P, ', est_method = "dr")'),
  panel_never_reg         = paste0(P, ', est_method = "reg")'),
  panel_notyet_dr_x       = paste0(P, x, ny, ', est_method = "dr")'),
  panel_notyet_ipw_x      = paste0(P, x, ny, ', est_method = "ipw")'),
  panel_notyet_reg_x      = paste0(P, x, ny, ', est_method = "reg")'),
  panel_notyet_ipw        = paste0(P, ny, ', est_method = "ipw")'),
  panel_never_dr_x_antic1 = paste0(P, x, ', est_method = "dr", anticipation = 1)'),
  panel_notyet_reg_x_antic1 = paste0(P, x, ny, ', est_method = "reg", anticipation = 1)'),
  panel_never_dr_x_universal = paste0(P, x, ', est_method = "dr", base_period = "universal")'),
  panel_notyet_ipw_x_universal = paste0(P, x, ny, ', est_method = "ipw", base_period = "universal")'),
  panel_never_dr_x_weighted = paste0(P, x, ', est_method = "dr", weightsname = "w")'),
  panel_notyet_reg_x_weighted = paste0(P, x, ny, ', est_method = "reg", weightsname = "w")'),
  nonever_notyet_dr_x     = paste0(N, x, ny, ', est_method = "dr")'),
  nonever_notyet_reg_antic1 = paste0(N, ny, ', est_method = "reg", anticipation = 1)'),
  unbalanced_never_dr_x   = paste0(U, x, ', est_method = "dr")'),
  unbalanced_never_ipw_x  = paste0(U, x, ', est_method = "ipw")'),
  unbalanced_never_reg_x  = paste0(U, x, ', est_method = "reg")'),
  unbalanced_notyet_dr_x  = paste0(U, x, ny, ', est_method = "dr")'),
  unbalanced_notyet_reg   = paste0(U, ny, ', est_method = "reg")'),
  unbalanced_never_dr_x_universal = paste0(U, x, ', est_method = "dr", base_period = "universal")'),
  unbalanced_notyet_ipw_x_weighted = paste0(U, x, ny, ', est_method = "ipw", weightsname = "w")'),
  rc_never_dr_x           = paste0(R, x, ', est_method = "dr")'),
  rc_never_ipw_x          = paste0(R, x, ', est_method = "ipw")'),
  rc_never_reg_x          = paste0(R, x, ', est_method = "reg")'),
  rc_never_dr             = paste0(R, ', est_method = "dr")'),
  rc_notyet_dr_x          = paste0(R, x, ny, ', est_method = "dr")'),
  rc_notyet_ipw_x         = paste0(R, x, ny, ', est_method = "ipw")'),
  rc_notyet_reg_x         = paste0(R, x, ny, ', est_method = "reg")'),
  rc_never_reg_x_antic1   = paste0(R, x, ', est_method = "reg", anticipation = 1)'),
  rc_notyet_dr_x_universal = paste0(R, x, ny, ', est_method = "dr", base_period = "universal")'),
  rc_never_dr_x_weighted  = paste0(R, x, ', est_method = "dr", weightsname = "w")')
)
window <- list(panel_never_dr_x = ", min_e = -3, max_e = 2", panel_notyet_reg_x = ", balance_e = 1",
               rc_never_dr_x = ", max_e = 1")
# cohort 2014 of nonever_notyet_reg_antic1 has no post-treatment cell (with anticipation 1 the data end in
# 2013): its group effect is NA, so that entry's group aggregation leaves it out (na.rm = TRUE)
group_window <- list(nonever_notyet_reg_antic1 = ", na.rm = TRUE")

out <- list(note = paste("did 2.1.2 att_gt and aggte with bstrap = FALSE; cells in did's order (by group, then t);",
                         "dynamic.args and group.args are the extra arguments of that entry's aggregations"))
for (k in names(calls)) {
  out[[k]] <- run(calls[[k]], if (is.null(window[[k]])) "" else window[[k]],
                  if (is.null(group_window[[k]])) "" else group_window[[k]])
}

set.seed(20270302)
cv_call <- paste0('att_gt(yname = "y", tname = "year", gname = "cohort", idname = "id", data = pd', x,
                  ', est_method = "dr", bstrap = TRUE, cband = TRUE, biters = 20000)')
a <- suppressWarnings(eval(parse(text = cv_call)))
crit <- function(type) {
  suppressWarnings(aggte(a, type = type, bstrap = FALSE, cband = TRUE, biters = 20000))$crit.val.egt
}
out$critical_values <- list(call = cv_call, biters = 20000, att_gt = as.numeric(a$c),
                            dynamic = as.numeric(crit("dynamic")), group = as.numeric(crit("group")),
                            calendar = as.numeric(crit("calendar")))
cat(toJSON(out, auto_unbox = TRUE, digits = NA, pretty = TRUE, na = "null", null = "null"), "\n")
