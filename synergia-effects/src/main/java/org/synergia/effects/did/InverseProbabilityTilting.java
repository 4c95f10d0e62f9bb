package org.synergia.effects.did;

import org.synergia.data.InputException;
import org.synergia.data.OptionName;

/**
 * The calibrated propensity score of the improved doubly robust DiD estimators: inverse probability
 * tilting (Graham, Pinto &amp; Egel 2012, Rev. Econ. Stud. 79(3)), as used by Sant'Anna &amp; Zhao
 * (2020, eq. 3.8). The logistic coefficients {@code γ} minimise the strictly convex loss
 * {@code -(1/n) Σ w_i [D_i x_iᵀγ - (1-D_i) exp(x_iᵀγ)]}, whose first-order condition
 * {@code Σ w_i D_i x_i = Σ w_i (1-D_i) exp(x_iᵀγ) x_i} makes the odds-weighted control covariate
 * sums equal the treated ones. Solved by Newton's method with backtracking line search.
 */
final class InverseProbabilityTilting {

    private static final int MAX_ITERATIONS = 200;
    /** Newton decrement (relative to the loss) at which the solution is converged to rounding. */
    private static final double CONVERGED = 1e-14;

    private InverseProbabilityTilting() {
    }

    /**
     * @param x the regressors (intercept first)
     * @param d group indicator, 0 or 1
     * @param w sampling weights, mean one
     * @param start starting coefficients
     * @return the calibrated coefficients {@code γ}
     */
    static double[] fit(Regressors x, double[] d, double[] w, double[] start) {
        int n = d.length;
        double[] g = start.clone();
        double loss = loss(x, d, w, g);
        double[] u = new double[n];
        double[] h = new double[n];
        for (int it = 0; it < MAX_ITERATIONS; it++) {
            double[] eta = x.index(g);
            for (int i = 0; i < n; i++) {
                double e = d[i] == 1 ? 0 : Math.exp(eta[i]);
                u[i] = w[i] * (d[i] - (1 - d[i]) * e);
                h[i] = w[i] * (1 - d[i]) * e;
            }
            double[] grad = x.mean(u); // minus the gradient of the loss
            double[] step = x.solve(x.gram(h), grad, "propensity-score calibration (inverse probability tilting)");
            double decrement = 0;
            for (int j = 0; j < g.length; j++) {
                decrement += step[j] * grad[j];
            }
            if (decrement < 1e-24) {
                return g;
            }
            double t = 1;
            double[] next = new double[g.length];
            double nextLoss;
            do {
                for (int j = 0; j < g.length; j++) {
                    next[j] = g[j] + t * step[j];
                }
                nextLoss = loss(x, d, w, next);
                t /= 2;
            } while (!(nextLoss <= loss - 1e-4 * 2 * t * decrement) && t > 1e-12);
            if (!(nextLoss <= loss)) {
                return g;
            }
            g = next;
            loss = nextLoss;
            if (decrement < CONVERGED * Math.max(1, Math.abs(loss))) {
                // the Newton step just taken leaves an error of the order of decrement²; below this
                // the decrement is rounding noise, which further steps cannot reduce
                return g;
            }
        }
        throw new InputException(DidProblem.TILTING_NOT_CONVERGED, MAX_ITERATIONS, OptionName.of("method"));
    }

    private static double loss(Regressors x, double[] d, double[] w, double[] g) {
        double[] eta = x.index(g);
        double s = 0;
        for (int i = 0; i < eta.length; i++) {
            s += w[i] * (d[i] == 1 ? eta[i] : -Math.exp(eta[i]));
        }
        double l = -s / eta.length;
        return Double.isNaN(l) ? Double.POSITIVE_INFINITY : l;
    }
}
