# Makes the missing-value test files of this folder and prints their reference values.
#   cd synergia-testdata/src/main/resources/org/synergia/testdata/reference/missing
#   Rscript make_missing.R > make_missing.out
# Needs R (haven, survey, jsonlite) and GNU PSPP (`pspp` on the PATH) for the .sav file.
# Deterministic: no random numbers; a rerun rewrites the files with the same values, only the
# time stamps in the .dta and .sav headers change.
suppressPackageStartupMessages({ library(haven); library(survey); library(jsonlite) })
options(digits = 17)
cat("# R:", R.version.string, "\n")
for (p in c("haven", "survey", "jsonlite")) cat("#", p, as.character(packageVersion(p)), "\n")
cat("# PSPP:", system("pspp --version", intern = TRUE)[1], "\n")

# ---- 1. apistrat with values set missing (survey's own data, as ../apistrat.csv) -------------
api <- read.csv("../apistrat.csv", colClasses = c(cds = "character"))
row <- seq_len(nrow(api))
api$api00[row %% 7 == 0] <- NA          # 28 rows
api$enroll[row %% 11 == 3] <- NA        # 18 rows; the script reports how many miss both
write.csv(api, "apistrat_missing.csv", row.names = FALSE, na = "NA")
cat("# apistrat_missing.csv: api00 missing in", sum(is.na(api$api00)), "rows, enroll in",
    sum(is.na(api$enroll)), "rows, both in", sum(is.na(api$api00) & is.na(api$enroll)), "rows\n")
d <- svydesign(id = ~1, strata = ~stype, weights = ~pw, fpc = ~fpc, data = api)
m <- svymean(~api00, d, na.rm = TRUE, deff = TRUE)
t <- svytotal(~enroll, d, na.rm = TRUE, deff = TRUE)
both <- svymean(~api00 + enroll, d, na.rm = TRUE)  # complete cases of both as the domain
by <- svyby(~api00, ~stype, d, svymean, na.rm = TRUE)
line <- 650
api$fgt0 <- as.numeric(api$api00 < line)
api$fgt1 <- pmax(line - api$api00, 0) / line
api$fgt2 <- (pmax(line - api$api00, 0) / line)^2
d2 <- svydesign(id = ~1, strata = ~stype, weights = ~pw, fpc = ~fpc, data = api)
fgt <- svymean(~fgt0 + fgt1 + fgt2, d2, na.rm = TRUE)
# a one-stage cluster sample (survey's apiclus1: 15 districts), api00 set missing in every 5th row
data(api, package = "survey")
clus <- apiclus1[, c("cds", "dnum", "stype", "api00", "enroll", "pw", "fpc")]
clus$api00[seq_len(nrow(clus)) %% 5 == 0] <- NA
write.csv(clus, "apiclus1_missing.csv", row.names = FALSE, na = "NA")
dc <- svydesign(id = ~dnum, weights = ~pw, fpc = ~fpc, data = clus)
mc <- svymean(~api00, dc, na.rm = TRUE, deff = TRUE)
sub <- svydesign(id = ~dnum, weights = ~pw, fpc = ~fpc, data = clus[!is.na(clus$api00), ])
cat("# apiclus1_missing.csv:", sum(is.na(clus$api00)), "of", nrow(clus), "api00 missing; the SE of the complete-case",
    "subset taken as a new design would be", as.numeric(SE(svymean(~api00, sub))), "\n")
ref <- list(
  clus1_mean_api00 = list(estimate = unname(coef(mc)), se = as.numeric(SE(mc)), deff = unname(deff(mc))),
  mean_api00 = list(estimate = unname(coef(m)), se = as.numeric(SE(m)), deff = unname(deff(m))),
  total_enroll = list(estimate = unname(coef(t)), se = as.numeric(SE(t)), deff = unname(deff(t))),
  mean_api00_both = list(estimate = unname(coef(both)[1]), se = unname(SE(both)[1])),
  mean_api00_by_stype = list(stype = as.character(by$stype), estimate = by$api00, se = by$se),
  fgt_api00_line650 = list(estimate = unname(coef(fgt)), se = as.numeric(SE(fgt))))

# ---- 2. a small survey with missing values, as Stata 114 and 117 and SPSS .sav files ---------
n <- 40
i <- 0:(n - 1)
small <- data.frame(
  id = i + 1,
  income = round(200 + 37 * ((i * 13) %% 29) + 5.25 * (i %% 4), 2),
  weight = round(1 + ((i * 7) %% 11) / 4, 3),
  age = 18 + (i * 5) %% 50)
miss_income <- c(3, 12, 20, 27, 33)     # rows (1-based) whose income is missing
miss_w <- c(8, 27)                      # rows whose weight is missing (row 27 misses both)
miss_age <- c(5)
# Stata: extended missing values .a (refused) .b (don't know) and the system missing value
st <- small
# (haven: a one-letter name such as `w` is refused as a Stata name, hence `weight`)
st$income[miss_income] <- c(tagged_na("a"), tagged_na("b"), NA, tagged_na("a"), tagged_na("z"))
st$weight[miss_w] <- c(tagged_na("c"), NA)
st$age[miss_age] <- tagged_na("d")
write_dta(st, "survey_missing_114.dta", version = 10)   # haven: version 10/11 write format 114
write_dta(st, "survey_missing_117.dta", version = 13)   # version 13 writes format 117
for (f in c("survey_missing_114.dta", "survey_missing_117.dta")) {
  b <- readBin(f, "raw", 40)
  cat("#", f, "starts with", if (b[1] == as.raw(60)) rawToChar(b[1:31]) else paste("format byte", as.integer(b[1])), "\n")
  back <- read_dta(f)
  cat("#   read back: tagged NA in income:", paste(na_tag(back$income)[miss_income], collapse = " "),
      "; in weight:", paste(na_tag(back$weight)[miss_w], collapse = " "), "\n")
}
# SPSS: user-missing codes -9 (refused), -8 (don't know) for income, a range 9000 THRU HIGHEST
# for weight, 999 for age, and one system-missing income; written by PSPP from a CSV file
sp <- small
sp$income[miss_income] <- c(-9, -8, NA, -9, -8)
sp$weight[miss_w] <- c(9999, 9000)
sp$age[miss_age] <- 999
write.csv(sp, "survey_missing_sav.csv", row.names = FALSE, na = "")
writeLines(c(
  "GET DATA /TYPE=TXT /FILE='survey_missing_sav.csv' /ARRANGEMENT=DELIMITED /DELIMITERS=','",
  "  /FIRSTCASE=2 /VARIABLES=id F4.0 income F10.2 weight F8.3 age F4.0.",
  "MISSING VALUES income (-9, -8) /weight (9000 THRU HIGHEST) /age (999).",
  "VARIABLE LABELS income 'Monthly income' /weight 'Sampling weight'.",
  "SAVE OUTFILE='survey_missing.sav'.",
  "DISPLAY DICTIONARY."), "survey_missing.sps")
out <- system("pspp survey_missing.sps", intern = TRUE)
cat(paste("#   pspp:", trimws(grep("income|weight|age", out, value = TRUE))), sep = "\n")
unlink("survey_missing_sav.csv")
sav <- read_sav("survey_missing.sav")               # user-missing codes become NA
sav_user <- read_sav("survey_missing.sav", user_na = TRUE)
cat("#   survey_missing.sav: user-missing in income:", sum(is.na(sav$income)) - sum(is.na(unclass(sav_user$income))),
    ", system-missing:", sum(is.na(unclass(sav_user$income))), "\n")

weighted <- function(x, w) {
  ok <- !is.na(x) & !is.na(w)
  des <- svydesign(id = ~1, weights = ~w, data = data.frame(x = x, w = w)[!is.na(w), ])
  s <- svymean(~x, des, na.rm = TRUE)
  list(weighted_mean = weighted.mean(x[ok], w[ok]), se = as.numeric(SE(s)), rows_used = sum(ok), rows_dropped = sum(!ok))
}
st114 <- read_dta("survey_missing_114.dta")
st117 <- read_dta("survey_missing_117.dta")
ref$dta114_income_weight <- weighted(as.numeric(st114$income), as.numeric(st114$weight))
ref$dta117_income_weight <- weighted(as.numeric(st117$income), as.numeric(st117$weight))
ref$sav_income_weight <- weighted(as.numeric(sav$income), as.numeric(sav$weight))
ref$sav_age_weight <- weighted(as.numeric(sav$age), as.numeric(sav$weight))
cat(toJSON(ref, digits = NA, auto_unbox = TRUE, pretty = TRUE), "\n")
