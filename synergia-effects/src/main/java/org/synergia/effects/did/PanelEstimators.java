package org.synergia.effects.did;

/**
 * The two-period panel DiD estimators and their influence functions, on the outcome change
 * {@code ΔY = Y_1 - Y_0} (Sant'Anna &amp; Zhao 2020, J. Econometrics 219(1), §3.1 and Appendix;
 * Abadie 2005, Rev. Econ. Stud. 72(1); Heckman, Ichimura &amp; Todd 1997). All weights are
 * sampling weights normalised to mean one; {@code p̂} is capped at {@code 1 - 1e-6} and control
 * units with {@code p̂ ≥} the trimming level get weight zero in the IPW and DR estimators, as in
 * R DRDID 1.2.3.
 */
final class PanelEstimators {

    private final Regressors x;
    private final double[] dy;
    private final double[] d;
    private final double[] w;
    private final double trim;
    private final int n;

    PanelEstimators(Regressors x, double[] dy, double[] d, double[] w, double trim) {
        this.x = x;
        this.dy = dy;
        this.d = d;
        this.w = w;
        this.trim = trim;
        this.n = d.length;
    }

    AsymptoticLinearization fit(DidMethod m) {
        return switch (m) {
            case REG -> outcomeRegression();
            case IPW -> ipw(false);
            case IPW_STD -> ipw(true);
            case DR_TRADITIONAL -> doublyRobust(false);
            case DR_IMPROVED -> doublyRobust(true);
            case TWFE -> throw new IllegalStateException("TWFE is fitted on the stacked periods");
        };
    }

    /** Outcome regression: {@code ATT = E_n[w D (ΔY - μ̂_0(X))]/E_n[w D]}, {@code μ̂_0} the control-group OLS of {@code ΔY}. */
    private AsymptoticLinearization outcomeRegression() {
        double[] wc = times(w, complement(d));
        double[] beta = NuisanceFits.leastSquares(x, dy, wc, "outcome regression of the comparison group");
        double[] mu = x.index(beta);
        double[] wt = times(w, d);
        double mt = AsymptoticLinearization.mean(wt);
        double etaT = AsymptoticLinearization.mean(wt, dy) / mt;
        double etaC = AsymptoticLinearization.mean(wt, mu) / mt;
        double[] v = x.solve(x.gram(wc), x.mean(wt), "outcome regression of the comparison group");
        double[] psi = new double[n];
        for (int i = 0; i < n; i++) {
            double ols = wc[i] * (dy[i] - mu[i]) * x.index(i, v);
            psi[i] = (wt[i] * (dy[i] - etaT) - (wt[i] * (mu[i] - etaC) + ols)) / mt;
        }
        return new AsymptoticLinearization(etaT - etaC, psi, false);
    }

    /**
     * Abadie's IPW: unnormalised {@code ATT = E_n[(w D - w (1-D) p̂/(1-p̂)) ΔY]/E_n[w D]}, or with the
     * control weights normalised to mean one (Hájek).
     */
    private AsymptoticLinearization ipw(boolean normalised) {
        double[] p = Propensity.logit(x, d, w);
        int trimmed = Propensity.trimmed(p, d, w, trim, null);
        double[] wt = times(w, d);
        double[] wc = Propensity.controlOddsWeights(p, d, w, trim);
        double mt = AsymptoticLinearization.mean(wt);
        double mc = AsymptoticLinearization.mean(wc);
        double[][] info = Propensity.information(x, p, w);
        double[] psi = new double[n];
        double att;
        if (normalised) {
            double etaT = AsymptoticLinearization.mean(wt, dy) / mt;
            double etaC = AsymptoticLinearization.mean(wc, dy) / mc;
            att = etaT - etaC;
            double[] r = new double[n];
            for (int i = 0; i < n; i++) {
                r[i] = wc[i] * (dy[i] - etaC);
            }
            double[] v = x.solve(info, x.mean(r), "propensity-score model");
            for (int i = 0; i < n; i++) {
                double ps = w[i] * (d[i] - p[i]) * x.index(i, v);
                psi[i] = wt[i] * (dy[i] - etaT) / mt - (r[i] + ps) / mc;
            }
        } else {
            double[] c = times(wc, dy);
            att = (AsymptoticLinearization.mean(wt, dy) - AsymptoticLinearization.mean(c)) / mt;
            double[] v = x.solve(info, x.mean(c), "propensity-score model");
            for (int i = 0; i < n; i++) {
                double ps = w[i] * (d[i] - p[i]) * x.index(i, v);
                psi[i] = (wt[i] * dy[i] - c[i] - ps - wt[i] * att) / mt;
            }
        }
        return new AsymptoticLinearization(att, psi, false, trimmed);
    }

    /**
     * Doubly robust estimators with {@code ŵ_0 = w (1-D) p̂/(1-p̂)}, zero for trimmed comparison units
     * (Sant'Anna &amp; Zhao 2020, eq. 3.1). Traditional: logit score and OLS,
     * {@code ATT = E_n[w D (ΔY - μ̂_0)]/E_n[w D] - E_n[ŵ_0 (ΔY - μ̂_0)]/E_n[ŵ_0]}, the comparison
     * weights normalised over the untrimmed units, influence function with both estimation effects
     * (their eq. 3.3), as R DRDID's {@code drdid_panel}. Improved: calibrated score
     * ({@link InverseProbabilityTilting}) and OLS weighted by {@code p̂/(1-p̂)}, whose estimation effects
     * vanish (their Theorem 3.1(b)), so the influence function is the leading term; both parts are
     * divided by {@code E_n[w D]}, {@code ATT = E_n[(w D - ŵ_0)(ΔY - μ̂_0)]/E_n[w D]}, as
     * {@code drdid_imp_panel} does: the calibration makes {@code E_n[ŵ_0] = E_n[w D]} before trimming,
     * and the comparison weights are not renormalised over the units trimming leaves.
     */
    private AsymptoticLinearization doublyRobust(boolean improved) {
        double[] p = improved ? Propensity.tilting(x, d, w) : Propensity.logit(x, d, w);
        int trimmed = Propensity.trimmed(p, d, w, trim, null);
        double[] wt = times(w, d);
        double[] wc = Propensity.controlOddsWeights(p, d, w, trim);
        double[] wOls = new double[n];
        for (int i = 0; i < n; i++) {
            wOls[i] = w[i] * (1 - d[i]) * (improved ? p[i] / (1 - p[i]) : 1);
        }
        double[] beta = NuisanceFits.leastSquares(x, dy, wOls, "outcome regression of the comparison group");
        double[] mu = x.index(beta);
        double[] r = new double[n];
        for (int i = 0; i < n; i++) {
            r[i] = dy[i] - mu[i];
        }
        double mt = AsymptoticLinearization.mean(wt);
        double mc = AsymptoticLinearization.mean(wc);
        double etaT = AsymptoticLinearization.mean(wt, r) / mt;
        double etaC = AsymptoticLinearization.mean(wc, r) / mc;
        double[] psi = new double[n];
        if (improved) {
            double att = (AsymptoticLinearization.mean(wt, r) - AsymptoticLinearization.mean(wc, r)) / mt;
            for (int i = 0; i < n; i++) {
                psi[i] = (wt[i] * (r[i] - att) - wc[i] * r[i]) / mt;
            }
            return new AsymptoticLinearization(att, psi, false, trimmed);
        }
        double[][] gram = x.gram(wOls);
        double[] vT = x.solve(gram, x.mean(wt), "outcome regression of the comparison group");
        double[] vC = x.solve(gram, x.mean(wc), "outcome regression of the comparison group");
        double[] rc = new double[n];
        for (int i = 0; i < n; i++) {
            rc[i] = wc[i] * (r[i] - etaC);
        }
        double[] vP = x.solve(Propensity.information(x, p, w), x.mean(rc), "propensity-score model");
        for (int i = 0; i < n; i++) {
            double olsI = wOls[i] * r[i];
            double treat = wt[i] * (r[i] - etaT) - olsI * x.index(i, vT);
            double control = rc[i] + w[i] * (d[i] - p[i]) * x.index(i, vP) - olsI * x.index(i, vC);
            psi[i] = treat / mt - control / mc;
        }
        return new AsymptoticLinearization(etaT - etaC, psi, false, trimmed);
    }

    static double[] times(double[] a, double[] b) {
        double[] c = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            c[i] = a[i] * b[i];
        }
        return c;
    }

    static double[] complement(double[] d) {
        double[] c = new double[d.length];
        for (int i = 0; i < d.length; i++) {
            c[i] = 1 - d[i];
        }
        return c;
    }
}
