# R 4.2.2: the same IPWRA point estimate on the same kind of data (1e6 x 10), glm logit + 2 weighted lm + predictions;
# no stacked SEs (R has no teffects equivalent); timing only
set.seed(20171); n <- 1e6; k <- 10
X <- matrix(rnorm(n * k), n, k); colnames(X) <- paste0("x", 1:k)
eta <- -0.2 + 0.1 * rowSums(X); t <- as.numeric(runif(n) < plogis(eta)); y <- 1 + 0.3 * rowSums(X) + 2 * t + rnorm(n)
d <- data.frame(y = y, t = t, X)
f <- as.formula(paste("~", paste(colnames(X), collapse = " + ")))
tm <- system.time({
  ps <- fitted(glm(update(f, t ~ .), family = binomial, data = d))
  w <- ifelse(d$t == 1, 1 / ps, 1 / (1 - ps))
  m1 <- lm(update(f, y ~ .), data = d, weights = w, subset = t == 1)
  m0 <- lm(update(f, y ~ .), data = d, weights = w, subset = t == 0)
  ate <- mean(predict(m1, d)) - mean(predict(m0, d))
})
cat("R IPWRA point estimate", ate, "elapsed", tm[["elapsed"]], "user", tm[["user.self"]], "\n")
