"""Why synergia-testdata/.../reference/lalonde_teffects.json's IPW and AIPW numbers differ from Stata's
conventions, and the same statsmodels computation done at the exact root.

statsmodels 0.15 TreatmentEffect.ipw()/.aipw() start a Nelder-Mead GMM run at the closed-form
estimate (unclipped scores) and report where it stops, and
(a) their GMM moment conditions clip the propensity score to [0.01, 0.99] (lalonde has control
    units below 0.01), so the GMM root is not the closed-form estimate Stata reports;
(b) the moment Jacobian is taken by finite differences with a fixed absolute step of 1e-4
    (GMM.gradient_momcond's default). The coefficients of re74 and re75 (earnings in dollars) are
    about 1e-5, so that step moves the linear index by 1 to 3 and the Jacobian's columns for them
    are off by a factor of 3.6: the IPW ATE SE comes out as 1005.2 instead of 876.2.
This script reproduces the file's numbers with statsmodels' own code, then evaluates the same
moment conditions (statsmodels' momcond, with the clipping switched off as Stata does not clip)
at the closed-form root with a step proportional to each parameter (1e-6 relative).

Run: python3 -W ignore lalonde_teffects_statsmodels.py ../../../../../synergia-testdata/src/main/resources/org/synergia/testdata/reference/lalonde.csv > lalonde_teffects_statsmodels.json
(statsmodels 0.15.0, numpy 2.4, pandas 3.0)
"""
import json
import sys

import numpy as np
import pandas as pd
import statsmodels
import statsmodels.api as sm
from statsmodels.treatment import treatment_effects
from statsmodels.treatment.treatment_effects import TreatmentEffect

COVS = ["age", "educ", "black", "hispan", "married", "nodegree", "re74", "re75"]

d = pd.read_csv(sys.argv[1])
X = sm.add_constant(d[COVS].astype(float)).values
t = d["treat"].values.astype(float)
y = d["re78"].values
select = sm.Logit(t, X).fit(disp=0)
te = TreatmentEffect(sm.OLS(y, X), t, results_select=select)


class _NoClip:
    """numpy for statsmodels' treatment_effects module, with np.clip switched off."""

    def __getattr__(self, name):
        return getattr(np, name)

    @staticmethod
    def clip(a, *bounds):
        return a


def at_root(res):
    """Effect and control POM with sandwich SEs at the closed-form root, relative-step Jacobian."""
    gmm = res.results_gmm.model
    treatment_effects.np = _NoClip()
    theta = np.asarray(res.start_params, dtype=float)
    moms = gmm.momcond(theta)
    n = moms.shape[0]
    step = 1e-6 * np.maximum(np.abs(theta), 1e-8)
    G = gmm.gradient_momcond(theta, epsilon=step)
    omega = moms.T @ moms / n
    Gi = np.linalg.inv(G)
    cov = Gi @ omega @ Gi.T / n
    treatment_effects.np = np
    return {
        "estimate": theta[0], "se": float(np.sqrt(cov[0, 0])),
        "pomean0": theta[1], "pomean0_se": float(np.sqrt(cov[1, 1])),
        "max_abs_mean_moment": float(np.abs(moms.mean(0)).max()),
    }


def as_reported(res):
    return {"estimate": float(res.effect[0]), "se": float(res.sd[0]),
            "pomean0": float(res.effect[1]), "pomean0_se": float(res.sd[1])}


out = {"source": f"statsmodels {statsmodels.__version__} TreatmentEffect on lalonde.csv, logit treatment and "
                 "linear outcome models on " + " ".join(COVS) + "; 'reported' is what statsmodels returns "
                 "(the values of synergia-testdata/.../reference/lalonde_teffects.json), 'exact_root' statsmodels' own moment conditions, without the [0.01, 0.99] clipping, at the closed-form root, with a relative-step Jacobian"}
for name, method, group in [("ipw_ate", te.ipw, "all"), ("ipw_atet", te.ipw, 1), ("aipw_ate", te.aipw, None)]:
    res = method() if group is None else method(effect_group=group)
    out[name] = {"reported": as_reported(res), "exact_root": at_root(res)}
json.dump(out, sys.stdout, indent=1)
print()
