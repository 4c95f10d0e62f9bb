package org.synergia.stats.fewclusters;

import java.util.List;
import org.synergia.data.InputException;
import org.synergia.data.OptionName;
import org.synergia.stats.inference.Clusters;
import org.synergia.stats.inference.SmallSampleCorrection;
import org.synergia.stats.linalg.Cholesky;

/**
 * A least-squares fit with clustered rows, OLS or WLS with sampling weights ({@code β̂ = (XᵀWX)⁻¹XᵀWy}),
 * held as sums over each cluster's rows: {@code H_g = X_gᵀW_gX_g} and the score {@code s_g = X_gᵀW_gû_g}
 * (and, for {@link Cr2}, {@code X_gᵀX_g}, {@code X_gᵀW_g²X_g} and {@code X_gᵀû_g}). One pass over the rows
 * builds them; every few-cluster method of this package works on them alone, so its cost does not grow
 * with the number of rows. Immutable; the arrays given are read, not kept.
 */
public final class ClusteredRegression {

    private final List<String> names;
    private final int rows;
    private final int g;
    private final double[] beta;
    /** {@code (XᵀWX)⁻¹}. */
    private final double[][] bread;
    /** {@code H_g = X_gᵀW_gX_g}. */
    private final double[][][] h;
    /** {@code s_g = X_gᵀW_gû_g}. */
    private final double[][] score;
    private final boolean weighted;
    /** {@code X_gᵀX_g}, {@code X_gᵀW_g²X_g}, {@code X_gᵀû_g}: the same as {@code h}, {@code h}, {@code score} unweighted. */
    private final double[][][] xx;
    private final double[][][] xw2x;
    private final double[][] rawScore;

    private ClusteredRegression(List<String> names, int rows, int g, double[] beta, double[][] bread, double[][][] h,
            double[][] score, boolean weighted, double[][][] xx, double[][][] xw2x, double[][] rawScore) {
        this.names = names;
        this.rows = rows;
        this.g = g;
        this.beta = beta;
        this.bread = bread;
        this.h = h;
        this.score = score;
        this.weighted = weighted;
        this.xx = xx;
        this.xw2x = xw2x;
        this.rawScore = rawScore;
    }

    /**
     * Fits the regression and sums it by cluster.
     *
     * @param x the design's columns ({@code x[j][i]}), an intercept being a column of ones; collinear columns
     *        must have been dropped (a formula's model matrix does so)
     * @param names the columns' names
     * @param y the outcome
     * @param weights sampling weights (positive), or null
     * @param clusters the cluster of each row
     * @return the fit
     * @throws InputException with fewer than two clusters or collinear columns
     */
    public static ClusteredRegression of(double[][] x, List<String> names, double[] y, double[] weights, Clusters clusters) {
        int k = x.length;
        int n = y.length;
        if (names.size() != k || clusters.size() != n || weights != null && weights.length != n) {
            throw new IllegalArgumentException(k + " columns, " + names.size() + " names, " + n + " rows, "
                    + clusters.size() + " cluster codes");
        }
        int g = clusters.count();
        if (g < 2) {
            throw new InputException(FewClustersProblem.SINGLE_CLUSTER, OptionName.of("cluster"));
        }
        double[][] xtwx = new double[k][k];
        double[] xtwy = new double[k];
        double[] xi = new double[k];
        for (int i = 0; i < n; i++) {
            double w = weights == null ? 1 : weights[i];
            row(x, i, xi);
            for (int a = 0; a < k; a++) {
                double wa = w * xi[a];
                xtwy[a] += wa * y[i];
                for (int b = 0; b <= a; b++) {
                    xtwx[a][b] += wa * xi[b];
                }
            }
        }
        symmetrise(xtwx);
        Cholesky c = Cholesky.of(xtwx);
        if (!c.isPositiveDefinite()) {
            int j = c.collinearColumn();
            throw new InputException("regressor '" + names.get(j) + "' is collinear with "
                    + (j == 0 ? "nothing before it (it is all zero)" : "earlier regressors " + String.join(", ", names.subList(0, j)))
                    + ": drop it or one of them");
        }
        double[] beta = c.solve(xtwy);
        boolean weighted = weights != null;
        double[][][] h = new double[g][k][k];
        double[][] score = new double[g][k];
        double[][][] xx = weighted ? new double[g][k][k] : h;
        double[][][] xw2x = weighted ? new double[g][k][k] : h;
        double[][] rawScore = weighted ? new double[g][k] : score;
        for (int i = 0; i < n; i++) {
            double w = weights == null ? 1 : weights[i];
            row(x, i, xi);
            double u = y[i];
            for (int a = 0; a < k; a++) {
                u -= xi[a] * beta[a];
            }
            int cl = clusters.code(i);
            double[][] hg = h[cl];
            for (int a = 0; a < k; a++) {
                double wa = w * xi[a];
                score[cl][a] += wa * u;
                for (int b = 0; b <= a; b++) {
                    hg[a][b] += wa * xi[b];
                }
            }
            if (weighted) {
                for (int a = 0; a < k; a++) {
                    rawScore[cl][a] += xi[a] * u;
                    for (int b = 0; b <= a; b++) {
                        xx[cl][a][b] += xi[a] * xi[b];
                        xw2x[cl][a][b] += w * w * xi[a] * xi[b];
                    }
                }
            }
        }
        for (int cl = 0; cl < g; cl++) {
            symmetrise(h[cl]);
            if (weighted) {
                symmetrise(xx[cl]);
                symmetrise(xw2x[cl]);
            }
        }
        return new ClusteredRegression(List.copyOf(names), n, g, beta, c.inverse(), h, score, weighted, xx, xw2x, rawScore);
    }

    private static void row(double[][] x, int i, double[] into) {
        for (int a = 0; a < x.length; a++) {
            into[a] = x[a][i];
        }
    }

    private static void symmetrise(double[][] m) {
        for (int a = 0; a < m.length; a++) {
            for (int b = 0; b < a; b++) {
                m[b][a] = m[a][b];
            }
        }
    }

    /** @return the coefficients' names */
    public List<String> names() {
        return names;
    }

    /** @return a copy of {@code β̂} */
    public double[] coefficients() {
        return beta.clone();
    }

    /** @return the number of rows {@code N} */
    public int rows() {
        return rows;
    }

    /** @return the number of clusters {@code G} */
    public int clusterCount() {
        return g;
    }

    /** @return the number of coefficients {@code K} */
    public int parameters() {
        return beta.length;
    }

    /** @return true for weighted least squares */
    public boolean weighted() {
        return weighted;
    }

    /** @return Stata {@code regress, vce(cluster)}'s factor {@code G/(G-1) · (N-1)/(N-K)} */
    public double cr1Factor() {
        return SmallSampleCorrection.CR1.factor(rows, beta.length, g);
    }

    /**
     * The cluster-robust variance CR1, {@code c (XᵀWX)⁻¹ (Σ_g s_g s_gᵀ) (XᵀWX)⁻¹} (Stata {@code regress, vce(cluster)}).
     *
     * @return the variance matrix
     */
    public double[][] cr1Variance() {
        int k = beta.length;
        double[][] meat = new double[k][k];
        for (double[] s : score) {
            for (int a = 0; a < k; a++) {
                for (int b = 0; b < k; b++) {
                    meat[a][b] += s[a] * s[b];
                }
            }
        }
        double[][] v = sandwich(bread, meat);
        double c = cr1Factor();
        for (double[] r : v) {
            for (int b = 0; b < k; b++) {
                r[b] *= c;
            }
        }
        return v;
    }

    /** @return {@code M A M} for symmetric {@code M} and {@code A} */
    static double[][] sandwich(double[][] m, double[][] a) {
        return times(times(m, a), m);
    }

    static double[][] times(double[][] a, double[][] b) {
        int p = a.length;
        int q = b[0].length;
        double[][] c = new double[p][q];
        for (int i = 0; i < p; i++) {
            for (int l = 0; l < b.length; l++) {
                double ail = a[i][l];
                for (int j = 0; j < q; j++) {
                    c[i][j] += ail * b[l][j];
                }
            }
        }
        return c;
    }

    static double[] times(double[][] a, double[] v) {
        double[] c = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            double s = 0;
            for (int j = 0; j < v.length; j++) {
                s += a[i][j] * v[j];
            }
            c[i] = s;
        }
        return c;
    }

    static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    double[][] bread() {
        return bread;
    }

    double[][] h(int cluster) {
        return h[cluster];
    }

    double[] score(int cluster) {
        return score[cluster];
    }

    double[][] xx(int cluster) {
        return xx[cluster];
    }

    double[][] xw2x(int cluster) {
        return xw2x[cluster];
    }

    double[] rawScore(int cluster) {
        return rawScore[cluster];
    }

    /** @return {@code Σ_g X_gᵀW_g²X_g} */
    double[][] xw2xTotal() {
        int k = beta.length;
        double[][] t = new double[k][k];
        for (double[][] m : xw2x) {
            for (int a = 0; a < k; a++) {
                for (int b = 0; b < k; b++) {
                    t[a][b] += m[a][b];
                }
            }
        }
        return t;
    }
}
