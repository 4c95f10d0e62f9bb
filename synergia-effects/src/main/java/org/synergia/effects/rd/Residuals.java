package org.synergia.effects.rd;

/**
 * Residual estimates for the sandwich variances of the local polynomial estimators, and the
 * sandwich itself (Calonico, Cattaneo and Titiunik 2014, section 5; Calonico, Cattaneo and Farrell
 * 2020, supplement).
 */
final class Residuals {

    /** Floor of {@code 1 - h_ii} in the HC2 and HC3 scalings (rdrobust's). */
    private static final double LEVERAGE_FLOOR = 1e-8;

    private Residuals() {
    }

    /**
     * Residuals for the sandwich of a fit: nearest-neighbour ones over the fit's window, or the
     * fit's plug-in residuals with the HC scaling for {@code parameters} parameters. With clusters
     * every variance is rdrobust's cluster-robust one (CR1 for nn, hc0 and hc1; CR2 for hc2; CR3 for
     * hc3), all on the unscaled plug-in residuals; the cluster adjustments are made in
     * {@link #variance}.
     *
     * @param fit the fit
     * @param vce the residual estimator
     * @param matches the number of neighbours of nearest-neighbour residuals
     * @param parameters the number of parameters for HC1's {@code n/(n-k)}
     * @return residuals {@code [column][unit]}
     */
    static double[][] of(LocalPolynomialFit fit, RdVariance vce, int matches, int parameters) {
        if (fit.side.clusters != null) {
            return plugIn(fit, RdVariance.HC0, null, parameters);
        }
        if (vce == RdVariance.NN) {
            return nearestNeighbour(fit.side, fit.n, matches);
        }
        boolean leverage = vce == RdVariance.HC2 || vce == RdVariance.HC3;
        return plugIn(fit, vce, leverage ? fit.leverages() : null, parameters);
    }

    /**
     * Nearest-neighbour residuals: unit i is compared with the mean of its {@code matches} nearest
     * neighbours in the running variable on its side within the window, all units tied with the
     * last neighbour included, {@code e_i = sqrt(J/(J+1)) (d_i - mean of the J neighbours)}.
     * Every unit of a tie group shares the same neighbourhood, so the work is linear in the window.
     *
     * @param side the side
     * @param n the window
     * @param matches the number of neighbours (3 in rdrobust)
     * @return residuals {@code [column][unit]}
     */
    static double[][] nearestNeighbour(RdSide side, int n, int matches) {
        int cols = side.columns.length;
        double[][] res = new double[cols][n];
        double[] x = side.x;
        int target = Math.min(matches, n - 1);
        double[] sums = new double[cols];
        for (int g = 0; g < n; g = side.tieEnd[g]) {
            int lo = g;
            int hi = side.tieEnd[g] - 1;
            double xg = x[g];
            while (hi - lo < target) {
                boolean below = lo > 0;
                boolean above = hi < n - 1;
                if (!below) {
                    hi = side.tieEnd[hi + 1] - 1;
                } else if (!above) {
                    lo = side.tieStart[lo - 1];
                } else {
                    double dBelow = Math.abs(xg - x[lo - 1]);
                    double dAbove = Math.abs(x[hi + 1] - xg);
                    if (dBelow > dAbove) {
                        hi = side.tieEnd[hi + 1] - 1;
                    } else if (dBelow < dAbove) {
                        lo = side.tieStart[lo - 1];
                    } else {
                        hi = side.tieEnd[hi + 1] - 1;
                        lo = side.tieStart[lo - 1];
                    }
                }
            }
            for (int c = 0; c < cols; c++) {
                double s = 0;
                double[] d = side.columns[c];
                for (int j = lo; j <= hi; j++) {
                    s += d[j];
                }
                sums[c] = s;
            }
            int neighbours = hi - lo;
            double f = Math.sqrt(neighbours / (neighbours + 1.0));
            for (int i = g; i < side.tieEnd[g]; i++) {
                for (int c = 0; c < cols; c++) {
                    double di = side.columns[c][i];
                    res[c][i] = f * (di - (sums[c] - di) / neighbours);
                }
            }
        }
        return res;
    }

    /**
     * Plug-in residuals of a local polynomial fit, with the HC0-HC3 scalings.
     *
     * @param fit the fit
     * @param vce the scaling (not {@link RdVariance#NN})
     * @param leverages the leverages used by HC2 and HC3 (may be null otherwise)
     * @param parameters the number of parameters for HC1's {@code n/(n-k)}
     * @return residuals {@code [column][unit]}
     */
    static double[][] plugIn(LocalPolynomialFit fit, RdVariance vce, double[] leverages, int parameters) {
        int n = fit.n;
        int cols = fit.side.columns.length;
        double[][] res = new double[cols][n];
        double hc1 = Math.sqrt(n / (double) (n - parameters));
        for (int i = 0; i < n; i++) {
            double f = switch (vce) {
                case HC0 -> 1;
                case HC1 -> hc1;
                case HC2 -> Math.sqrt(1 / Math.max(1 - leverages[i], LEVERAGE_FLOOR));
                case HC3 -> 1 / Math.max(1 - leverages[i], LEVERAGE_FLOOR);
                case NN -> throw new IllegalArgumentException("nearest-neighbour residuals are not plug-in");
            };
            for (int c = 0; c < cols; c++) {
                res[c][i] = f * (fit.side.columns[c][i] - fit.fitted(c, i));
            }
        }
        return res;
    }

    /**
     * The combined residual {@code e_i = sum_c s_c res_ci} of a linear combination of columns.
     *
     * @param res residuals {@code [column][unit]}
     * @param s one coefficient per column
     * @return one residual per unit
     */
    static double[] combine(double[][] res, double[] s) {
        int n = res[0].length;
        double[] e = new double[n];
        for (int c = 0; c < s.length; c++) {
            if (s[c] == 0) {
                continue;
            }
            double sc = s[c];
            double[] rc = res[c];
            for (int i = 0; i < n; i++) {
                e[i] += sc * rc[i];
            }
        }
        return e;
    }

    /**
     * The variance {@code sum_i omega_i^2 e_i^2} of the estimate {@code sum_i omega_i y_i} of a fit's
     * window, or with clusters rdrobust's cluster-robust variance of it: CR1
     * {@code (n-1)/(n-k) G/(G-1) sum_g (sum_{i in g} omega_i e_i)^2} (n units and G clusters in the
     * window) for nn, hc0 and hc1; CR2 and CR3 for hc2 and hc3, the same sums of residuals adjusted by
     * the fit's cluster blocks of the hat matrix ({@link ClusterResiduals}), without a factor.
     *
     * @param fit the fit whose window (and, for CR2 and CR3, hat matrix) the variance is over
     * @param omega the equivalent kernel of the estimate
     * @param e the residuals (from {@link #of} and {@link #combine})
     * @param parameters k, the number of parameters of the fit
     * @param vce the variance asked for
     * @return the variance
     */
    static double variance(LocalPolynomialFit fit, double[] omega, double[] e, int parameters, RdVariance vce) {
        RdSide side = fit.side;
        if (side.clusters == null) {
            double v = 0;
            for (int i = 0; i < omega.length; i++) {
                double t = omega[i] * e[i];
                v += t * t;
            }
            return v;
        }
        if (vce == RdVariance.HC2 || vce == RdVariance.HC3) {
            return clusterSums(side, omega, ClusterResiduals.adjust(fit, e, vce == RdVariance.HC2));
        }
        int n = omega.length;
        int g = side.clustersIn(n);
        return clusterSums(side, omega, e) * ((n - 1.0) / (n - parameters)) * (g / (g - 1.0));
    }

    /** {@code sum_g (sum_{i in g} omega_i e_i)^2} over the first {@code omega.length} units. */
    private static double clusterSums(RdSide side, double[] omega, double[] e) {
        double[] sums = new double[side.clusterCount];
        for (int i = 0; i < omega.length; i++) {
            sums[side.clusters[i]] += omega[i] * e[i];
        }
        double v = 0;
        for (double s : sums) {
            v += s * s;
        }
        return v;
    }
}
