package org.synergia.effects.did;

/**
 * The first-step models of the DiD estimators: weighted least squares for outcome regressions and
 * a weighted logit for the propensity score.
 */
final class NuisanceFits {

    private NuisanceFits() {
    }

    /**
     * Weighted least squares; rows with weight zero are left out.
     *
     * @return the coefficients, intercept first
     */
    static double[] leastSquares(Regressors x, double[] y, double[] w, String what) {
        double[] wy = new double[y.length];
        for (int i = 0; i < y.length; i++) {
            wy[i] = w[i] * y[i];
        }
        // TEMPORARY until synergia-stats GLM lands
        return x.solve(x.gram(w), x.mean(wy), what);
    }

    /**
     * Weighted logit of a 0/1 variable (maximum likelihood).
     *
     * @return the coefficients, intercept first
     */
    static double[] logit(Regressors x, double[] d, double[] w) {
        // TEMPORARY until synergia-stats GLM lands
        int n = d.length;
        double[] b = new double[x.count()];
        double[] u = new double[n];
        double[] h = new double[n];
        for (int it = 0; it < 100; it++) {
            double[] eta = x.index(b);
            for (int i = 0; i < n; i++) {
                double p = 1 / (1 + Math.exp(-eta[i]));
                u[i] = w[i] * (d[i] - p);
                h[i] = w[i] * p * (1 - p);
            }
            double[] step = x.solve(x.gram(h), x.mean(u), "propensity-score model");
            double mx = 0;
            for (int j = 0; j < b.length; j++) {
                b[j] += step[j];
                mx = Math.max(mx, Math.abs(step[j]));
            }
            if (mx < 1e-12) {
                break;
            }
        }
        return b;
    }
}
