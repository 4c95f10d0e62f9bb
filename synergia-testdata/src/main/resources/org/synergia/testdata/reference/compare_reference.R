# compare_reference.R -- compares two JSON files of reference values, leaf by leaf.
#
# Prints every numeric leaf whose relative difference |a - b| / max(|a|, |b|) exceeds the
# tolerance (default 1e-6), every key or array element present on one side only, and every
# type or string mismatch; then a summary line. Exits 1 if anything was printed, 0 otherwise.
#
#   Rscript compare_reference.R NEW.json REFERENCE.json [tolerance]
# e.g. in this folder:
#   Rscript reference_values.R . > out.json && Rscript compare_reference.R out.json reference_values.json
#
# Needs jsonlite (1.8.4 used).

suppressPackageStartupMessages(library(jsonlite))
args <- commandArgs(trailingOnly = TRUE)
if (length(args) < 2) {
  cat("usage: Rscript compare_reference.R NEW.json REFERENCE.json [tolerance]\n")
  quit(status = 2)
}
tol <- if (length(args) >= 3) as.numeric(args[3]) else 1e-6
a <- fromJSON(args[1], simplifyVector = FALSE)
b <- fromJSON(args[2], simplifyVector = FALSE)

problems <- 0L; n_num <- 0L; max_rel <- 0; max_path <- ""
report <- function(...) { problems <<- problems + 1L; cat(..., "\n", sep = "") }
is_num <- function(x) is.numeric(x) && length(x) == 1
leaf_str <- function(x) if (is.null(x)) "null" else format(x, digits = 15)

walk <- function(x, y, path) {
  if (is.list(x) && is.list(y)) {
    nx <- names(x); ny <- names(y)
    if (!is.null(nx) || !is.null(ny)) {            # objects
      if (is.null(nx) || is.null(ny)) return(report(path, ": object on one side, array on the other"))
      for (k in setdiff(nx, ny)) report(path, "/", k, ": missing in ", args[2])
      for (k in setdiff(ny, nx)) report(path, "/", k, ": missing in ", args[1])
      for (k in intersect(nx, ny)) walk(x[[k]], y[[k]], paste0(path, "/", k))
    } else {                                        # arrays
      if (length(x) != length(y))
        report(path, ": array length ", length(x), " vs ", length(y))
      for (i in seq_len(min(length(x), length(y)))) walk(x[[i]], y[[i]], paste0(path, "[", i - 1, "]"))
    }
  } else if (is_num(x) && is_num(y)) {
    n_num <<- n_num + 1L
    d <- abs(x - y); s <- max(abs(x), abs(y))
    rel <- if (d == 0) 0 else d / s
    if (rel > max_rel) { max_rel <<- rel; max_path <<- path }
    if (rel > tol)
      report(path, ": ", leaf_str(x), " vs ", leaf_str(y), "  rel.diff ", format(rel, digits = 3))
  } else if (is.list(x) || is.list(y) || is_num(x) != is_num(y)) {
    report(path, ": type differs (", leaf_str(x), " vs ", leaf_str(y), ")")
  } else if (!identical(x, y)) {
    report(path, ": value differs (", leaf_str(x), " vs ", leaf_str(y), ")")
  }
}
walk(a, b, "")
cat(sprintf("%d numeric leaves compared; max rel.diff %.3g%s; %d problem(s) at tolerance %g\n",
            n_num, max_rel, if (nzchar(max_path)) paste0(" at ", max_path) else "", problems, tol))
quit(status = if (problems > 0) 1 else 0)
