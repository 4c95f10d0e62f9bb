"""statsmodels TreatmentEffect on the IpwraBenchmark design (n x 10 standard-normal covariates,
score logistic(-0.2 + 0.1 sum x), outcome 1 + 0.3 sum x + 2 T + N(0, 1)), simulated by numpy's RNG,
so estimates differ from Synergia's in the third decimal. Times the IPWRA point estimate
(statsmodels 0.15's ipw_ra cannot return GMM standard errors with a supplied treatment model) and
the IPW and AIPW estimates with their GMM standard errors. Timing only.

Run: python3 teffects_statsmodels_bench.py 1000000 [ipw_ra,ipw,aipw]
"""
import sys
import time
import warnings

import numpy as np
import statsmodels
import statsmodels.api as sm
from statsmodels.treatment.treatment_effects import TreatmentEffect

warnings.filterwarnings("ignore")
n = int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000
methods = sys.argv[2].split(",") if len(sys.argv) > 2 else ["ipw_ra", "ipw", "aipw"]
k = 10
rng = np.random.default_rng(20171)
x = rng.standard_normal((n, k))
s = x.sum(axis=1)
t = (rng.random(n) < 1 / (1 + np.exp(-(-0.2 + 0.1 * s)))).astype(float)
y = 1 + 0.3 * s + 2 * t + rng.standard_normal(n)
X = sm.add_constant(x)

start = time.perf_counter()
select = sm.Logit(t, X).fit(disp=0)
te = TreatmentEffect(sm.OLS(y, X), t, results_select=select)
setup = time.perf_counter() - start
print(f"statsmodels {statsmodels.__version__}, n = {n}: logit + per-arm OLS {setup:.1f} s")
runs = {"ipw_ra": ("ipw_ra point estimate", lambda: te.ipw_ra(return_results=False)),
        "ipw": ("ipw with GMM SEs", lambda: te.ipw()),
        "aipw": ("aipw with GMM SEs", lambda: te.aipw())}
for name, call in (runs[m] for m in methods):
    start = time.perf_counter()
    r = call()
    elapsed = time.perf_counter() - start
    effect = r[0] if isinstance(r, tuple) else r.effect[0]
    print(f"{name}: ATE {effect:.4f}, {elapsed:.1f} s (+ {setup:.1f} s of model fits)")
