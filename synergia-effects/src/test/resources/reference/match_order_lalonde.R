# Reference values for MatchOrderReferenceTest: 1:1 nearest-neighbour matching on the logit propensity score
# without replacement, treated units taking in turn the nearest control not yet taken, in data order, by descending
# score ("largest") or by ascending score ("smallest"), on lalonde.csv (synergia-testdata), computed in base R from
# that definition (score: glm logit; a tie in distance goes to the lower score, then the lower row). R MatchIt 4.5.1
# names the same orders (m.order), but its matcher does not always take the nearest available control (on these data
# with m.order = "largest", 18 of 185 matches differ from the definition; printed below), so it is not the reference.
# Run from the repository root:  Rscript synergia-effects/src/test/resources/reference/match_order_lalonde.R
library(MatchIt); library(jsonlite)
d <- read.csv("synergia-testdata/src/main/resources/org/synergia/testdata/reference/lalonde.csv")
f <- treat ~ age + educ + black + hispan + married + nodegree + re74 + re75
p <- fitted(glm(f, family = binomial, data = d))
tr <- which(d$treat == 1); co <- which(d$treat == 0)
greedy <- function(order) {
  seqo <- switch(order, data = tr, largest = tr[order(-p[tr])], smallest = tr[order(p[tr])])
  free <- co; match <- integer(length(tr)); names(match) <- tr
  for (t in seqo) {
    dist <- abs(p[t] - p[free])
    best <- free[order(dist, p[free], free)[1]]
    match[as.character(t)] <- best; free <- setdiff(free, best)
  }
  list(treated = tr, control = unname(match[as.character(tr)]), att = mean(d$re78[tr]) - mean(d$re78[match]))
}
out <- lapply(c(data = "data", largest = "largest", smallest = "smallest"), greedy)
m <- matchit(f, data = d, method = "nearest", distance = "glm", replace = FALSE, m.order = "largest")
cat("MatchIt m.order = largest: matches that differ from the definition:",
    sum(as.integer(m$match.matrix[as.character(tr), 1]) != out$largest$control), "of", length(tr), "\n")
writeLines(toJSON(out, digits = NA, auto_unbox = TRUE),
           "synergia-effects/src/test/resources/reference/match_order_lalonde.json")
