package org.synergia.effects.rd;

import org.synergia.data.InputException;
import org.synergia.data.OptionName;
import org.synergia.stats.linalg.Cholesky;

/**
 * Kernel-weighted least squares fit of a polynomial of order {@code o} in {@code (x - c)} on the
 * first {@code n} units of one side (a kernel window). Computed in the scaled basis
 * {@code u = (x - c) / h}, which leaves the intercept, the equivalent kernel of any coefficient and
 * every sandwich variance unchanged and keeps the normal equations well conditioned; coefficient
 * {@code j} in the units of {@code x} is the scaled one divided by {@code h^j}.
 */
final class LocalPolynomialFit {

    /**
     * Relative pivot below which the polynomial is not identified; in the scaled basis the moment
     * matrices of orders up to 9 stay well above it.
     */
    private static final double PIVOT_TOLERANCE = 1e-13;

    final RdSide side;
    /** Number of units in the window (the first ones of the side). */
    final int n;
    /** Polynomial order. */
    final int order;
    /** Bandwidth (the basis scale). */
    final double h;
    /** Kernel times sampling weight of each unit in the window. */
    final double[] w;
    /** Inverse of {@code sum w r r'}, r the scaled basis. */
    final double[][] inverse;
    /** Scaled coefficients {@code [column][power]}. */
    final double[][] beta;
    /** Weighted moments {@code sum w u^t}, t = 0 .. 2 order + 1. */
    private final double[] moments;
    /** {@code sum w r d_c} for each column c. */
    private final double[][] rhs;

    /**
     * @param side the side
     * @param n the window (number of units from the cutoff)
     * @param order the polynomial order
     * @param h the kernel bandwidth
     * @param kernel the kernel
     * @throws InputException when the window cannot identify a polynomial of this order
     */
    LocalPolynomialFit(RdSide side, int n, int order, double h, Kernel kernel) {
        this.side = side;
        this.n = n;
        this.order = order;
        this.h = h;
        int k = order + 1;
        w = new double[n];
        double[] moments = new double[2 * k];
        double[][] rhs = new double[side.columns.length][k];
        double[] r = new double[k + 1];
        for (int i = 0; i < n; i++) {
            double u = side.dist[i] / h;
            double wi = kernel.weight(u);
            if (side.weights != null) {
                wi *= side.weights[i];
            }
            w[i] = wi;
            if (wi == 0) {
                continue;
            }
            double pw = wi;
            for (int t = 0; t < 2 * k; t++) {
                moments[t] += pw;
                if (t < k) {
                    r[t] = pw;
                }
                pw *= u;
            }
            for (int c = 0; c < rhs.length; c++) {
                double d = side.columns[c][i];
                double[] rc = rhs[c];
                for (int t = 0; t < k; t++) {
                    rc[t] += r[t] * d;
                }
            }
        }
        double[][] g = new double[k][k];
        for (int a = 0; a < k; a++) {
            for (int b = 0; b < k; b++) {
                g[a][b] = moments[a + b];
            }
        }
        Cholesky factor = Cholesky.of(g, PIVOT_TOLERANCE);
        if (!factor.isPositiveDefinite()) {
            throw new InputException(RdProblem.POLYNOMIAL_NOT_IDENTIFIED, order, String.valueOf(h), n, distinctIn(side, n),
                    OptionName.of("p"));
        }
        inverse = factor.inverse();
        beta = new double[rhs.length][];
        for (int c = 0; c < rhs.length; c++) {
            beta[c] = times(inverse, rhs[c]);
        }
        this.moments = moments;
        this.rhs = rhs;
    }

    /**
     * Cross-products of the columns after partialling out the polynomial:
     * {@code sum w d_a d_b - (sum w r d_a)' G^-1 (sum w r d_b)}, the blocks from which the common
     * covariate coefficients are solved (Calonico, Cattaneo, Farrell and Titiunik 2019, eq. 5).
     *
     * @return a symmetric matrix {@code [column][column]}
     */
    double[][] partialledCrossProducts() {
        int cols = rhs.length;
        double[][] out = new double[cols][cols];
        for (int i = 0; i < n; i++) {
            double wi = w[i];
            if (wi == 0) {
                continue;
            }
            for (int a = 0; a < cols; a++) {
                double da = wi * side.columns[a][i];
                for (int b = 0; b <= a; b++) {
                    out[a][b] += da * side.columns[b][i];
                }
            }
        }
        for (int a = 0; a < cols; a++) {
            double[] ga = times(inverse, rhs[a]);
            for (int b = 0; b <= a; b++) {
                double s = 0;
                for (int t = 0; t < ga.length; t++) {
                    s += ga[t] * rhs[b][t];
                }
                out[a][b] -= s;
                out[b][a] = out[a][b];
            }
        }
        return out;
    }

    private static int distinctIn(RdSide side, int n) {
        int g = 0;
        for (int i = 0; i < n; i = side.tieEnd[i]) {
            g++;
        }
        return g;
    }

    private static double[] times(double[][] m, double[] v) {
        double[] out = new double[m.length];
        for (int a = 0; a < m.length; a++) {
            double s = 0;
            for (int b = 0; b < v.length; b++) {
                s += m[a][b] * v[b];
            }
            out[a] = s;
        }
        return out;
    }

    /**
     * Coefficient {@code j} of column {@code c} in the units of {@code x}.
     *
     * @param c the column
     * @param j the power
     * @return {@code beta_j}
     */
    double coefficient(int c, int j) {
        return beta[c][j] / Math.pow(h, j);
    }

    /**
     * The equivalent kernel of scaled coefficient {@code j}: {@code omega_i = e_j' G^-1 r_i w_i}, so
     * that the coefficient is {@code sum omega_i y_i}.
     *
     * @param j the power
     * @return one weight per unit of the window
     */
    double[] equivalentKernel(int j) {
        double[] row = inverse[j];
        double[] omega = new double[n];
        for (int i = 0; i < n; i++) {
            if (w[i] == 0) {
                continue;
            }
            double u = side.dist[i] / h;
            double s = 0;
            double pw = 1;
            for (int t = 0; t <= order; t++) {
                s += row[t] * pw;
                pw *= u;
            }
            omega[i] = s * w[i];
        }
        return omega;
    }

    /**
     * {@code G^-1 l} with {@code l = sum w r u^(order+1)}: the leading bias of the scaled
     * coefficients per unit of the next derivative term (CCT 2014, Lemma 1).
     *
     * @return the vector
     */
    double[] biasDirection() {
        int k = order + 1;
        double[] l = new double[k];
        System.arraycopy(moments, k, l, 0, k);
        return times(inverse, l);
    }

    /**
     * @param c a column
     * @param i a unit of the window
     * @return the fitted value of column c at unit i
     */
    double fitted(int c, int i) {
        double u = side.dist[i] / h;
        double s = 0;
        double pw = 1;
        for (int t = 0; t <= order; t++) {
            s += beta[c][t] * pw;
            pw *= u;
        }
        return s;
    }

    /**
     * Leverages {@code h_ii = w_i r_i' G^-1 r_i}.
     *
     * @return one per unit of the window
     */
    double[] leverages() {
        int k = order + 1;
        double[] lev = new double[n];
        double[] r = new double[k];
        for (int i = 0; i < n; i++) {
            if (w[i] == 0) {
                continue;
            }
            double u = side.dist[i] / h;
            double pw = 1;
            for (int t = 0; t < k; t++) {
                r[t] = pw;
                pw *= u;
            }
            double s = 0;
            for (int a = 0; a < k; a++) {
                double ra = 0;
                for (int b = 0; b < k; b++) {
                    ra += inverse[a][b] * r[b];
                }
                s += r[a] * ra;
            }
            lev[i] = w[i] * s;
        }
        return lev;
    }
}
