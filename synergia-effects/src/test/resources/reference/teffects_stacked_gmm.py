"""Reference values for Synergia's RA, IPW, AIPW and IPWRA: potential-outcome means and their
covariance from the FULL stacked estimating equations of Stata teffects (treatment model,
outcome models by arm, mean equations), with the derivative matrix A taken by central finite
differences and V = A^-1 B A^-T (divisor N, no small-sample factor; B = sum_i w_i^2 psi_i psi_i'
or its cluster sum). An independent check of Synergia's analytic, partitioned computation.

Run: python3 -W ignore teffects_stacked_gmm.py ../../../../../synergia-testdata/src/main/resources/org/synergia/testdata/reference/lalonde.csv > teffects_stacked_gmm.json
(numpy 2.4, scipy 1.17; also writes factorial_sim.csv, the simulated four-arm design.)
"""
import json
import sys

import numpy as np
from scipy.special import expit, log_ndtr, ndtr

COVS = ["age", "educ", "black", "hispan", "married", "nodegree", "re74", "re75"]


def newton(score_hess, b, iters=100):
    for _ in range(iters):
        s, h = score_hess(b)
        step = np.linalg.solve(h, s)
        b = b + step
        if np.max(np.abs(step) / (np.abs(b) + 1e-3)) < 1e-13:
            break
    return b


def treatment_probs(g, X, K, link):
    """n x K probabilities, arm 0 = control (base)."""
    if K == 2:
        eta = X @ g
        p1 = expit(eta) if link == "logit" else ndtr(eta)
        return np.column_stack([1 - p1, p1])
    G = g.reshape(K - 1, X.shape[1])
    e = np.column_stack([np.zeros(X.shape[0]), X @ G.T])
    e -= e.max(axis=1, keepdims=True)
    p = np.exp(e)
    return p / p.sum(axis=1, keepdims=True)


def treatment_loglik_obs(g, X, arm, K, link):
    P = treatment_probs(g, X, K, link)
    if K == 2 and link == "probit":
        eta = X @ g
        return np.where(arm == 1, log_ndtr(eta), log_ndtr(-eta))
    return np.log(P[np.arange(len(arm)), arm])


def treatment_score_obs(g, X, arm, K, link):
    """analytic scores (n x q), unweighted."""
    if K == 2 and link == "probit":
        eta = X @ g
        lam = np.where(arm == 1, np.exp(-0.5 * eta**2 - log_ndtr(eta)), -np.exp(-0.5 * eta**2 - log_ndtr(-eta)))
        return (lam / np.sqrt(2 * np.pi))[:, None] * X
    P = treatment_probs(g, X, K, link)
    D = (arm[:, None] == np.arange(K)[None, :]).astype(float)
    R = D[:, 1:] - P[:, 1:]
    return np.concatenate([R[:, [s]] * X for s in range(K - 1)], axis=1)


def fit_treatment(X, arm, K, link, w):
    q = (K - 1) * X.shape[1]

    def sh(g):
        S = treatment_score_obs(g, X, arm, K, link)
        H = numjac(lambda gg: (w[:, None] * treatment_score_obs(gg, X, arm, K, link)).sum(0), g)
        return (w[:, None] * S).sum(0), -H
    return newton(sh, np.zeros(q))


def mean_fn(model, eta):
    return {"linear": eta, "logit": expit(eta), "poisson": np.exp(eta)}[model]


def fit_outcome(X, y, u, model):
    def sh(b):
        m = mean_fn(model, X @ b)
        v = {"linear": np.ones_like(m), "logit": m * (1 - m), "poisson": m}[model]
        return X.T @ (u * (y - m)), (X * (u * v)[:, None]).T @ X
    b0 = np.zeros(X.shape[1])
    if model == "poisson":
        b0 = np.linalg.lstsq(X * np.sqrt(u)[:, None], np.log(y + 0.5) * np.sqrt(u), rcond=None)[0]
    return newton(sh, b0)


def numjac(f, x, rel=1e-6):
    f0 = f(x)
    J = np.zeros((len(f0), len(x)))
    for j in range(len(x)):
        h = rel * max(abs(x[j]), 1e-2)
        xp = x.copy(); xp[j] += h
        xm = x.copy(); xm[j] -= h
        J[:, j] = (f(xp) - f(xm)) / (2 * h)
    return J


def solve_case(method, estimand, link, model, X, Xt, y, arm, K, w, cluster, tau):
    n, p = X.shape
    q = (K - 1) * Xt.shape[1] if method != "ra" else 0
    att = estimand == "att"

    def parts(theta):
        g = theta[:q]
        betas = [theta[q + t * p: q + (t + 1) * p] for t in range(K)] if method != "ipw" else []
        mu = theta[len(theta) - K:]
        return g, betas, mu

    def factors(g):
        P = treatment_probs(g, Xt, K, link)
        own = P[np.arange(n), arm]
        return (P[:, tau] / own) if att else 1 / own

    a = (arm == tau).astype(float) if att else np.ones(n)

    def psi(theta):
        g, betas, mu = parts(theta)
        cols = []
        r = None
        if method != "ra":
            cols.append(treatment_score_obs(g, Xt, arm, K, link))
            r = factors(g)
        for t in range(len(betas)):
            u = (arm == t) * (r if method == "ipwra" else 1.0)
            m = mean_fn(model, X @ betas[t])
            cols.append((u * (y - m))[:, None] * X)
        for t in range(K):
            if method == "ipw":
                cols.append(((arm == t) * r * (y - mu[t]))[:, None])
            else:
                m = mean_fn(model, X @ betas[t])
                c = a * (m - mu[t])
                if method == "aipw":
                    c = c + (arm == t) * r * (y - m)
                cols.append(c[:, None])
        return np.concatenate(cols, axis=1)

    # solve sequentially
    theta = []
    g = fit_treatment(Xt, arm, K, link, w) if method != "ra" else np.zeros(0)
    theta.extend(g)
    r = factors(g) if method != "ra" else None
    betas = []
    if method != "ipw":
        for t in range(K):
            sel = arm == t
            u = w[sel] * (r[sel] if method == "ipwra" else 1.0)
            betas.append(fit_outcome(X[sel], y[sel], u, model))
            theta.extend(betas[-1])
    mu = []
    for t in range(K):
        if method == "ipw":
            v = w * (arm == t) * r
            mu.append((v * y).sum() / v.sum())
        else:
            m = mean_fn(model, X @ betas[t])
            num = (w * a * m).sum()
            if method == "aipw":
                num += (w * (arm == t) * r * (y - m)).sum()
            mu.append(num / (w * a).sum())
    theta = np.array(list(theta) + mu)
    P = psi(theta)
    assert np.max(np.abs((w[:, None] * P).sum(0)) / (np.abs(w[:, None] * P).sum(0) + 1e-300)) < 1e-7
    A = numjac(lambda th: (w[:, None] * psi(th)).sum(0), theta)
    WP = w[:, None] * P
    if cluster is None:
        B = WP.T @ WP
    else:
        ids = np.unique(cluster)
        S = np.array([WP[cluster == c].sum(0) for c in ids])
        B = S.T @ S
    Ai = np.linalg.inv(A)
    V = Ai @ B @ Ai.T
    return np.array(mu), V[-K:, -K:]


def lalonde(path):
    d = np.genfromtxt(path, delimiter=",", names=True)
    X = np.column_stack([np.ones(len(d))] + [d[c] for c in COVS])
    return X, d["re78"].astype(float), d["treat"].astype(int)


def factorial(n=800, seed=20171):
    """Four arms: 0 control, 1 = A, 2 = B, 3 = A+B; planted synergy 1.5."""
    rng = np.random.default_rng(seed)
    x1 = rng.normal(size=n)
    x2 = rng.binomial(1, 0.4, size=n).astype(float)
    eta = np.column_stack([np.zeros(n), 0.2 + 0.5 * x1, -0.1 + 0.6 * x2, 0.1 + 0.4 * x1 - 0.3 * x2])
    pr = np.exp(eta) / np.exp(eta).sum(1, keepdims=True)
    arm = np.array([rng.choice(4, p=pr[i]) for i in range(n)])
    effect = np.array([0.0, 1.0, 2.0, 4.5])
    y = 1 + 0.8 * x1 + 0.5 * x2 + effect[arm] + 0.3 * x1 * (arm == 3) + rng.normal(size=n)
    return np.column_stack([np.ones(n), x1, x2]), y, arm


def main():
    X, y, arm = lalonde(sys.argv[1])
    n = len(y)
    idx = np.arange(n)
    w_syn = 1 + 0.25 * (idx % 4)          # synthetic sampling weights: row i (0-based) gets 1 + (i mod 4)/4
    cl_syn = idx % 30                      # synthetic clusters: row i in cluster i mod 30
    y_bin = (y > 5000).astype(float)       # earned more than 5000 in 1978
    y_cnt = np.floor(y / 1000)             # earnings in whole thousands
    cases = []

    def add(name, method, estimand, link="logit", model="linear", yy=y, w=None, cl=None, data="lalonde",
            XX=X, aa=arm, K=2, tau=1):
        ww = np.ones(len(yy)) if w is None else w
        mu, V = solve_case(method, estimand, link, model, XX, XX, yy, aa, K, ww, cl, tau)
        cases.append({"name": name, "data": data, "method": method, "estimand": estimand, "link": link,
                      "outcome_model": model, "weights": w is not None, "clusters": cl is not None,
                      "treated": int(tau), "mu": mu.tolist(), "cov": V.tolist()})

    for method in ["ra", "ipw", "aipw", "ipwra"]:
        for estimand in ["ate", "att"]:
            add(f"{method}-{estimand}", method, estimand)
    add("ipwra-ate-probit", "ipwra", "ate", link="probit")
    add("ipw-att-probit", "ipw", "att", link="probit")
    add("aipw-ate-probit", "aipw", "ate", link="probit")
    add("ipwra-ate-weighted", "ipwra", "ate", w=w_syn)
    add("aipw-ate-weighted-cluster", "aipw", "ate", w=w_syn, cl=cl_syn)
    add("ra-att-cluster", "ra", "att", cl=cl_syn)
    add("ipw-ate-weighted-cluster", "ipw", "ate", w=w_syn, cl=cl_syn)
    add("ipwra-att-weighted-cluster", "ipwra", "att", w=w_syn, cl=cl_syn)
    add("ipwra-ate-logit-outcome", "ipwra", "ate", model="logit", yy=y_bin)
    add("ra-ate-logit-outcome", "ra", "ate", model="logit", yy=y_bin)
    add("aipw-ate-poisson-outcome", "aipw", "ate", model="poisson", yy=y_cnt)
    add("ipwra-att-poisson-outcome", "ipwra", "att", model="poisson", yy=y_cnt)

    Xf, yf, af = factorial()
    with open("factorial_sim.csv", "w") as f:
        f.write("arm,x1,x2,y\n")
        for i in range(len(yf)):
            f.write(f"{af[i]},{float(Xf[i, 1])!r},{float(Xf[i, 2])!r},{float(yf[i])!r}\n")
    for method in ["ra", "ipw", "aipw", "ipwra"]:
        add(f"factorial-{method}-ate", method, "ate", yy=yf, data="factorial_sim", XX=Xf, aa=af, K=4)
    add("factorial-ipwra-att", "ipwra", "att", yy=yf, data="factorial_sim", XX=Xf, aa=af, K=4, tau=3)
    json.dump({"source": "numpy " + np.__version__ + ", full stacked system, finite-difference A; "
               "mu and cov are in arm order control first (lalonde: 0, 1; factorial_sim: 0, 1, 2, 3)",
               "cases": cases}, sys.stdout, indent=1)


if __name__ == "__main__":
    main()
