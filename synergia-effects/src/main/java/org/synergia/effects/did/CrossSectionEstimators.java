package org.synergia.effects.did;

import static org.synergia.effects.did.AsymptoticLinearization.mean;

/**
 * The two-period DiD estimators for repeated cross-sections and their influence functions
 * (Sant'Anna &amp; Zhao 2020, J. Econometrics 219(1), §3.2 and Appendix; Abadie 2005, Rev. Econ.
 * Stud. 72(1), eq. 15). {@code T} is the post-period indicator; weights are normalised to mean one;
 * scores are capped and trimmed as in {@link Propensity}.
 */
final class CrossSectionEstimators {

    private final Regressors x;
    private final double[] y;
    private final double[] t;
    private final double[] d;
    private final double[] w;
    private final double trim;
    private final int n;

    CrossSectionEstimators(Regressors x, double[] y, double[] t, double[] d, double[] w, double trim) {
        this.x = x;
        this.y = y;
        this.t = t;
        this.d = d;
        this.w = w;
        this.trim = trim;
        this.n = y.length;
    }

    AsymptoticLinearization fit(DidMethod m) {
        return switch (m) {
            case REG -> outcomeRegression();
            case IPW -> ipwUnnormalised();
            case IPW_STD -> ipwNormalised();
            case DR_TRADITIONAL -> doublyRobust(false);
            case DR_IMPROVED -> doublyRobust(true);
            case TWFE -> throw new IllegalStateException("TWFE is fitted by TwoWayFixedEffects");
        };
    }

    /** {@code w × indicator(D = g, T = p)}, optionally times a further factor. */
    private double[] cell(int g, int p, double[] factor) {
        double[] c = new double[n];
        for (int i = 0; i < n; i++) {
            if (d[i] == g && t[i] == p) {
                c[i] = w[i] * (factor == null ? 1 : factor[i]);
            }
        }
        return c;
    }

    /** A fitted regression: fitted values for all rows, Gram matrix and weighted residuals {@code w_i e_i}. */
    private record Fit(double[] fitted, double[][] gram, double[] residualWeight) {
    }

    private Fit regression(double[] weights, String what) {
        double[] beta = NuisanceFits.leastSquares(x, y, weights, what);
        double[] f = x.index(beta);
        double[] rw = new double[n];
        for (int i = 0; i < n; i++) {
            rw[i] = weights[i] * (y[i] - f[i]);
        }
        return new Fit(f, x.gram(weights), rw);
    }

    /** {@code Σ_i} contributions of a regression's estimation effect: {@code w_i e_i x_iᵀ G⁻¹ m}, added into {@code psi}. */
    private void addEstimationEffect(double[] psi, Fit f, double[] m, double scale, String what) {
        double[] v = x.solve(f.gram(), m, what);
        for (int i = 0; i < n; i++) {
            if (f.residualWeight()[i] != 0) {
                psi[i] += scale * f.residualWeight()[i] * x.index(i, v);
            }
        }
    }

    private static double ratio(double[] ww, double[] v) {
        return mean(ww, v) / mean(ww);
    }

    /** Adds {@code s · ww_i (v_i - m(ww, v)) / mean(ww)} to {@code psi}; returns {@code m(ww, v)}. */
    private static double addLeading(double[] psi, double[] ww, double[] v, double s) {
        double mw = mean(ww);
        double m = mean(ww, v) / mw;
        for (int i = 0; i < psi.length; i++) {
            psi[i] += s * ww[i] * (v[i] - m) / mw;
        }
        return m;
    }

    /**
     * Outcome regression: {@code ATT = Ȳ_{1,1} - Ȳ_{1,0} - E_n[w D (μ̂_{0,1}(X) - μ̂_{0,0}(X))]/E_n[w D]}
     * with {@code μ̂_{0,t}} the OLS of the comparison group in period {@code t}.
     */
    private AsymptoticLinearization outcomeRegression() {
        Fit pre = regression(cell(0, 0, null), "outcome regression of the comparison group, pre-period");
        Fit post = regression(cell(0, 1, null), "outcome regression of the comparison group, post-period");
        double[] wd = PanelEstimators.times(w, d);
        double[] change = new double[n];
        for (int i = 0; i < n; i++) {
            change[i] = post.fitted()[i] - pre.fitted()[i];
        }
        double[] psi = new double[n];
        double att = addLeading(psi, cell(1, 1, null), y, 1) - addLeading(psi, cell(1, 0, null), y, -1)
                - addLeading(psi, wd, change, -1);
        double[] m = x.mean(wd);
        double mwd = mean(wd);
        addEstimationEffect(psi, post, m, -1 / mwd, "outcome regression of the comparison group, post-period");
        addEstimationEffect(psi, pre, m, 1 / mwd, "outcome regression of the comparison group, pre-period");
        return new AsymptoticLinearization(att, psi, false);
    }

    /** Normalised (Hájek) IPW: the four period-by-group means, comparison units weighted by {@code p̂/(1-p̂)}. */
    private AsymptoticLinearization ipwNormalised() {
        double[] p = Propensity.logit(x, d, w);
        int trimmed = Propensity.trimmed(p, d, w, trim, t);
        double[] odds = Propensity.controlOddsWeights(p, d, w, trim);
        double[] wc1 = new double[n];
        double[] wc0 = new double[n];
        for (int i = 0; i < n; i++) {
            wc1[i] = odds[i] * t[i];
            wc0[i] = odds[i] * (1 - t[i]);
        }
        double[] psi = new double[n];
        double att = addLeading(psi, cell(1, 1, null), y, 1) - addLeading(psi, cell(1, 0, null), y, -1)
                - addLeading(psi, wc1, y, -1) + addLeading(psi, wc0, y, 1);
        double[] m = new double[x.count()];
        accumulateScoreMoment(m, wc1, y, -1);
        accumulateScoreMoment(m, wc0, y, 1);
        addScoreEffect(psi, p, m);
        return new AsymptoticLinearization(att, psi, false, trimmed);
    }

    /** {@code m += s · E_n[ww (v - m(ww,v)) x]/E_n[ww]}: derivative of a normalised mean in the logit index. */
    private void accumulateScoreMoment(double[] m, double[] ww, double[] v, double s) {
        double mw = mean(ww);
        double r = mean(ww, v) / mw;
        double[] c = new double[n];
        for (int i = 0; i < n; i++) {
            c[i] = ww[i] * (v[i] - r);
        }
        double[] g = x.mean(c);
        for (int j = 0; j < m.length; j++) {
            m[j] += s * g[j] / mw;
        }
    }

    /** Adds the logit's estimation effect {@code w_i (D_i - p̂_i) x_iᵀ I⁻¹ m}. */
    private void addScoreEffect(double[] psi, double[] p, double[] m) {
        double[] v = x.solve(Propensity.information(x, p, w), m, "propensity-score model");
        for (int i = 0; i < n; i++) {
            psi[i] += w[i] * (d[i] - p[i]) * x.index(i, v);
        }
    }

    /**
     * Abadie's (2005, eq. 15) unnormalised IPW:
     * {@code ATT = E_n[w (D - (1-D) p̂/(1-p̂)) (T/λ̂ - (1-T)/(1-λ̂)) Y] / E_n[w D]} with
     * {@code λ̂ = E_n[w T]} and {@code 1-λ̂ = E_n[w (1-T)]}, trimmed comparison rows weighted zero and
     * the rest not renormalised. The influence function accounts for the estimation of {@code P(D=1)},
     * of the score and of the two period shares, each share a weighted mean with influence
     * {@code w_i T_i - λ̂} and {@code w_i (1-T_i) - (1-λ̂)}, as R DRDID's {@code ipw_did_rc} does;
     * with unequal weights these two differ from each other's negative by {@code w_i - 1}.
     */
    private AsymptoticLinearization ipwUnnormalised() {
        double[] p = Propensity.logit(x, d, w);
        int trimmed = Propensity.trimmed(p, d, w, trim, t);
        double[] odds = Propensity.controlOddsWeights(p, d, w, trim);
        double lambda = mean(w, t);
        double[] preShare = new double[n];
        for (int i = 0; i < n; i++) {
            preShare[i] = w[i] * (1 - t[i]);
        }
        double oneMinusLambda = mean(preShare);
        double[] wd = PanelEstimators.times(w, d);
        double pi = mean(wd);
        double[] a = new double[n];
        double[] sy = new double[n];
        double post = 0;
        double pre = 0;
        for (int i = 0; i < n; i++) {
            double s = t[i] / lambda - (1 - t[i]) / oneMinusLambda;
            double tilt = wd[i] - odds[i];
            a[i] = tilt * s * y[i];
            sy[i] = odds[i] * s * y[i];
            post += tilt * t[i] * y[i];
            pre += tilt * (1 - t[i]) * y[i];
        }
        // the post- and pre-period parts of the ATT: ATT = attPost - attPre
        double attPost = post / n / (pi * lambda);
        double attPre = pre / n / (pi * oneMinusLambda);
        double att = mean(a) / pi;
        double[] psi = new double[n];
        for (int i = 0; i < n; i++) {
            psi[i] = (a[i] - att * wd[i]) / pi - (w[i] * t[i] - lambda) * attPost / lambda
                    + (preShare[i] - oneMinusLambda) * attPre / oneMinusLambda;
        }
        double[] m = x.mean(sy);
        for (int j = 0; j < m.length; j++) {
            m[j] = -m[j] / pi;
        }
        addScoreEffect(psi, p, m);
        return new AsymptoticLinearization(att, psi, false, trimmed);
    }

    /**
     * The locally efficient doubly robust estimator {@code τ^{dr,re}_2} (Sant'Anna &amp; Zhao 2020,
     * eq. 3.4): IPW of {@code Y - μ̂_{0,T}(X)} plus the correction
     * {@code (E_D - E_{D,T=1})[μ̂_{1,1} - μ̂_{0,1}] - (E_D - E_{D,T=0})[μ̂_{1,0} - μ̂_{0,0}]}.
     * Traditional: logit score and OLS, influence function with the estimation effects of the
     * score and the four regressions in the form R DRDID 1.2.3 uses. Improved (their eq. 3.13):
     * calibrated score, comparison-group regressions weighted by {@code p̂/(1-p̂)}; leading term only.
     */
    private AsymptoticLinearization doublyRobust(boolean improved) {
        double[] p = improved ? Propensity.tilting(x, d, w) : Propensity.logit(x, d, w);
        int trimmed = Propensity.trimmed(p, d, w, trim, t);
        double[] oddsAll = new double[n];
        for (int i = 0; i < n; i++) {
            oddsAll[i] = improved ? p[i] / (1 - p[i]) : 1;
        }
        String c0 = "outcome regression of the comparison group, pre-period";
        String c1 = "outcome regression of the comparison group, post-period";
        String t0 = "outcome regression of the treated group, pre-period";
        String t1 = "outcome regression of the treated group, post-period";
        Fit cPre = regression(cell(0, 0, oddsAll), c0);
        Fit cPost = regression(cell(0, 1, oddsAll), c1);
        Fit tPre = regression(cell(1, 0, null), t0);
        Fit tPost = regression(cell(1, 1, null), t1);
        double[] odds = Propensity.controlOddsWeights(p, d, w, trim);
        double[] wc1 = new double[n];
        double[] wc0 = new double[n];
        double[] r = new double[n];
        double[] gapPost = new double[n];
        double[] gapPre = new double[n];
        for (int i = 0; i < n; i++) {
            wc1[i] = odds[i] * t[i];
            wc0[i] = odds[i] * (1 - t[i]);
            r[i] = y[i] - (t[i] == 1 ? cPost.fitted()[i] : cPre.fitted()[i]);
            gapPost[i] = tPost.fitted()[i] - cPost.fitted()[i];
            gapPre[i] = tPre.fitted()[i] - cPre.fitted()[i];
        }
        double[] wt1 = cell(1, 1, null);
        double[] wt0 = cell(1, 0, null);
        double[] wd = PanelEstimators.times(w, d);
        double[] psi = new double[n];
        double att = addLeading(psi, wt1, r, 1) - addLeading(psi, wt0, r, -1)
                - addLeading(psi, wc1, r, -1) + addLeading(psi, wc0, r, 1)
                + addLeading(psi, wd, gapPost, 1) - addLeading(psi, wt1, gapPost, -1)
                - addLeading(psi, wd, gapPre, -1) + addLeading(psi, wt0, gapPre, 1);
        if (improved) {
            return new AsymptoticLinearization(att, psi, false, trimmed);
        }
        double[] mT1 = scaledMean(wt1);
        double[] mT0 = scaledMean(wt0);
        double[] mC1 = scaledMean(wc1);
        double[] mC0 = scaledMean(wc0);
        double[] mD = scaledMean(wd);
        int k = x.count();
        double[] momPost = new double[k];
        double[] momPre = new double[k];
        double[] onCPost = new double[k];
        double[] onCPre = new double[k];
        for (int j = 0; j < k; j++) {
            momPost[j] = mD[j] - mT1[j];
            momPre[j] = mD[j] - mT0[j];
            // treated and comparison parts of the IPW term (DRDID's M1 and M3), then the correction term
            onCPost[j] = -mT1[j] + mC1[j] - momPost[j];
            onCPre[j] = -mT0[j] + mC0[j] + momPre[j];
        }
        addEstimationEffect(psi, cPost, onCPost, 1, c1);
        addEstimationEffect(psi, cPre, onCPre, 1, c0);
        addEstimationEffect(psi, tPost, momPost, 1, t1);
        addEstimationEffect(psi, tPre, momPre, -1, t0);
        double[] m = new double[k];
        accumulateScoreMoment(m, wc1, r, -1);
        accumulateScoreMoment(m, wc0, r, 1);
        addScoreEffect(psi, p, m);
        return new AsymptoticLinearization(att, psi, false, trimmed);
    }

    /** @return {@code E_n[ww x]/E_n[ww]} */
    private double[] scaledMean(double[] ww) {
        double[] m = x.mean(ww);
        double mw = mean(ww);
        for (int j = 0; j < m.length; j++) {
            m[j] /= mw;
        }
        return m;
    }
}
