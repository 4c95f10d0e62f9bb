# Simulated household survey for the LEWIE survey-calibration test, and reference values.
# R 4.x, survey (svyratio, domain estimation with subset), sandwich (vcovCL, HC1).
# Run: Rscript lewie_survey.R   (writes lewie_survey.csv and lewie_survey_reference.csv)
suppressMessages({library(survey); library(sandwich)})
set.seed(20171)
n <- 600
cluster <- rep(1:30, each = 20)
group <- ifelse(runif(n) < 0.45, "eligible", "ineligible")
w <- round(runif(n, 20, 80), 2)
elig <- group == "eligible"
labour <- round(exp(rnorm(n, ifelse(elig, 4.0, 4.4), 0.4)), 1)
land <- round(exp(rnorm(n, ifelse(elig, -0.5, 0.2), 0.5)), 3)
capital <- round(exp(rnorm(n, ifelse(elig, 6, 7), 0.6)), 0)
grows <- runif(n) < 0.85
crop_value <- ifelse(grows, round(exp(2.0 + 0.30 * log(labour) + 0.45 * log(land) + 0.25 * log(capital) + rnorm(n, 0, 0.3)), 2), 0)
crop_inputs_retail <- round(crop_value * runif(n, 0.05, 0.15), 2)
shop <- !elig & runif(n) < 0.3
shop_labour <- ifelse(shop, round(exp(rnorm(n, 4.5, 0.3)), 1), 0)
shop_capital <- ifelse(shop, round(exp(rnorm(n, 8, 0.4)), 0), 0)
retail_value <- ifelse(shop, round(exp(1.0 + 0.4 * log(pmax(shop_labour, 1)) + 0.6 * log(pmax(shop_capital, 1)) + rnorm(n, 0, 0.25)), 2), 0)
retail_inputs_manuf <- round(retail_value * runif(n, 0.5, 0.7), 2)
spend_total <- round(exp(rnorm(n, ifelse(elig, 8.6, 9.3), 0.3)), 2)
s_crops <- runif(n, 0.2, 0.35); s_retail <- runif(n, 0.3, 0.45)
spend_crops <- round(spend_total * s_crops, 2)
spend_retail <- round(spend_total * s_retail, 2)
spend_manuf <- round(spend_total - spend_crops - spend_retail, 2)
savings <- round(spend_total * runif(n, 0, 0.1), 2)
outside <- round(spend_total * runif(n, 0.02, 0.15), 2)
transfers_out <- round(spend_total * ifelse(runif(n) < 0.3, runif(n, 0, 0.1), 0), 2)
wage_income <- round(ifelse(elig, runif(n, 0, 900), runif(n, 0, 300)), 2)
d <- data.frame(hhid = 1:n, cluster, group, w, labour, land, capital, crop_value, crop_inputs_retail,
                shop_labour, shop_capital, retail_value, retail_inputs_manuf,
                spend_crops, spend_retail, spend_manuf, savings, outside, transfers_out, wage_income)
write.csv(d, "lewie_survey.csv", row.names = FALSE)

d <- read.csv("lewie_survey.csv")
d$spend <- d$spend_crops + d$spend_retail + d$spend_manuf
d$income <- d$spend + d$savings + d$outside + d$transfers_out
des <- svydesign(ids = ~cluster, weights = ~w, data = d)
ref <- data.frame(group = character(), quantity = character(), value = numeric(), se = numeric())
add <- function(g, q, v, s) ref[nrow(ref) + 1, ] <<- list(g, q, v, s)
ratio <- function(g, num, den) {
  r <- svyratio(as.formula(paste0("~", num)), as.formula(paste0("~", den)), subset(des, group == g))
  c(coef(r), sqrt(vcov(r)))
}
for (g in c("eligible", "ineligible")) {
  s <- d[d$group == g, ]
  add(g, "households", sum(s$w), 0)
  add(g, "expenditure", weighted.mean(s$spend, s$w), 0)
  add(g, "wage_income", weighted.mean(s$wage_income, s$w), 0)
  for (v in c("spend_crops", "spend_retail", "spend_manuf")) { r <- ratio(g, v, "spend"); add(g, paste0("budget:", v), r[1], r[2]) }
  for (v in c("savings", "outside", "transfers_out")) { r <- ratio(g, v, "income"); add(g, paste0("outflow:", v), r[1], r[2]) }
  add(g, "output:crops", weighted.mean(s$crop_value, s$w), 0)
  r <- ratio(g, "crop_inputs_retail", "crop_value"); add(g, "intermediate:crops:retail", r[1], r[2])
  p <- s[s$crop_value > 0 & s$labour > 0 & s$land > 0 & s$capital > 0, ]
  fit <- lm(log(crop_value / capital) ~ log(labour / capital) + log(land / capital), data = p, weights = w)
  V <- vcovCL(fit, cluster = ~cluster, type = "HC1")
  b <- coef(fit)
  add(g, "rows:crops", nrow(p), 0)
  add(g, "share:crops:labour", b[2], sqrt(V[2, 2]))
  add(g, "share:crops:land", b[3], sqrt(V[3, 3]))
  add(g, "share:crops:capital", 1 - b[2] - b[3], sqrt(sum(V[2:3, 2:3])))
  if (g == "ineligible") {
    add(g, "output:retail", weighted.mean(s$retail_value, s$w), 0)
    r <- ratio(g, "retail_inputs_manuf", "retail_value"); add(g, "intermediate:retail:manufactured", r[1], r[2])
    p <- s[s$retail_value > 0 & s$shop_labour > 0 & s$shop_capital > 0, ]
    fit <- lm(log(retail_value / shop_capital) ~ log(shop_labour / shop_capital), data = p, weights = w)
    V <- vcovCL(fit, cluster = ~cluster, type = "HC1")
    add(g, "share:retail:labour", coef(fit)[2], sqrt(V[2, 2]))
    add(g, "share:retail:capital", 1 - coef(fit)[2], sqrt(V[2, 2]))
  }
}
write.csv(format(ref, digits = 17), "lewie_survey_reference.csv", row.names = FALSE)
