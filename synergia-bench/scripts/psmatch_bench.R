# R side of the matching benchmark in docs/benchmarks.md: Rscript psmatch_bench.R ROWS
# (R 4.2.2, Matching 4.10.8, MatchIt 4.5.1; same design as org.synergia.bench.PsMatchBenchmark).
suppressMessages({library(Matching); library(MatchIt)})
args <- commandArgs(trailingOnly = TRUE)
n <- as.integer(args[1]); k <- 10
set.seed(2024)
X <- matrix(rnorm(n * k), n, k)
p <- plogis(-0.5 + X %*% rep(0.15, k))
tr <- rbinom(n, 1, p)
y <- X %*% rep(0.5, k) + tr + runif(n) - 0.5
d <- data.frame(y = y, tr = tr, X)
t1 <- system.time({ g <- glm(tr ~ ., family = binomial, data = d[, -1]); ps <- fitted(g);
  m <- Match(Y = d$y, Tr = d$tr, X = ps, estimand = "ATT", M = 1) })
t2 <- system.time({ mi <- matchit(tr ~ ., data = d[, -1], method = "nearest", replace = TRUE) })
cat(sprintf("n=%d Matching(glm+Match+AI SE) %.2f s; MatchIt nearest %.2f s; est %.4f se %.4f\n", n, t1[3], t2[3], m$est, m$se))
