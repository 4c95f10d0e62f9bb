# General-equilibrium cross-check of the LEWIE model, written independently from the equations in
# docs/lewie.md (Taylor and Filipski 2014): economy lewie_two_group.yaml, transfer of 500 to
# workers, labour supply elasticity 0.8 (the labour-constrained scenario). Base R 4.x, nested uniroot.
# Run: Rscript lewie_two_group.R  (writes lewie_two_group.csv)
Q0 <- 100 * 20; inter <- 0.1; bL <- 0.4; bT <- 0.6
VA0 <- Q0 * (1 - inter); L0 <- bL * VA0; T0 <- bT * VA0
A <- Q0 / (T0^bT * L0^bL)
E <- c(farmers = 100 * 50, workers = 50 * 40)
af <- c(0.6, 0.7); leak <- c(0.15, 0.10)
Y0 <- E / (1 - leak)
theta <- 50 * 6 / L0
exo <- Y0 - c(VA0 - L0, theta * L0)
X <- Q0 - inter * Q0 - sum(af * E)
eta <- 0.8; Tr <- c(0, 500)
state <- function(P, w) {
  pva <- P * (1 - inter)
  Q <- (A * T0^bT * (bL * pva / w)^bL)^(1 / (1 - bL))
  L <- bL * pva * Q / w
  Y <- c(pva * Q - w * L, theta * w * L) + exo + Tr
  cpi <- af * P + (1 - af)
  C <- af * (1 - leak) * Y / P
  cpiz <- sum(E * cpi) / sum(E)
  list(Q = Q, L = L, Y = Y, cpi = cpi, C = C, cpiz = cpiz)
}
wage <- function(P) uniroot(function(w) { s <- state(P, w); s$L - L0 * (w / s$cpiz)^eta },
                            c(0.5, 2), tol = 1e-15)$root
P <- uniroot(function(P) { s <- state(P, wage(P)); s$Q * (1 - inter) - sum(s$C) - X }, c(0.8, 1.5), tol = 1e-15)$root
w <- wage(P); s <- state(P, w)
out <- data.frame(quantity = c("price_food", "wage", "income_multiplier", "real_income_multiplier",
                               "production_multiplier", "real_production_multiplier"),
                  value = c(P, w, (sum(s$Y) - sum(Y0)) / 500, (sum(s$Y / s$cpi) - sum(Y0)) / 500,
                            (P * s$Q - Q0) / 500, (s$Q - Q0) / 500))
write.csv(format(out, digits = 17), "lewie_two_group.csv", row.names = FALSE)
print(out, digits = 15)
