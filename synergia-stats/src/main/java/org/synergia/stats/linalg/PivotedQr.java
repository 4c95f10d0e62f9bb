package org.synergia.stats.linalg;

import java.util.ArrayList;
import java.util.List;

/**
 * Rank detection by Householder QR with limited column pivoting, the rule of LINPACK's
 * {@code dqrdc2} as used by R's {@code lm}: columns are taken in order, and a column whose norm
 * after orthogonalisation against the columns kept so far is below {@code tolerance} times its
 * original norm is declared collinear and moved to the end (Golub &amp; Van Loan 2013, §5.4.2).
 * The later of two collinear columns is therefore the one reported, as Stata's {@code _rmcoll} does.
 *
 * <p>The {@code n × p} matrix is first reduced to its triangular factor {@code R} ({@code p × p})
 * by Householder steps over blocks of rows ("tall-skinny" QR: Demmel, Grigori, Hoemmen &amp; Langou
 * 2012, SIAM J. Sci. Comput. 34(1)), in {@code O(n p²)} time and {@code O(p²)} extra memory; the
 * pivoted QR of {@code X} and of {@code R} have the same rank decisions since {@code X = Q R}.
 */
public final class PivotedQr {

    /** The default relative tolerance, R's {@code lm} ({@code 1e-7}). */
    public static final double DEFAULT_TOLERANCE = 1e-7;

    private static final int BLOCK = 256;

    private PivotedQr() {
    }

    /**
     * The columns found collinear with earlier kept columns.
     *
     * @param columns the matrix by columns ({@code columns[j][i]})
     * @param tolerance the relative tolerance
     * @return indices of collinear columns, increasing
     */
    public static int[] collinearColumns(double[][] columns, double tolerance) {
        int p = columns.length;
        double[][] r = triangularFactor(columns);
        // R by columns, for the pivoted reduction below
        double[][] c = new double[p][p];
        double[] original = new double[p];
        for (int j = 0; j < p; j++) {
            double s = 0;
            for (int i = 0; i < p; i++) {
                c[j][i] = r[i][j];
                s += r[i][j] * r[i][j];
            }
            original[j] = Math.sqrt(s);
        }
        List<Integer> candidates = new ArrayList<>();
        for (int j = 0; j < p; j++) {
            candidates.add(j);
        }
        List<Integer> collinear = new ArrayList<>();
        int rank = 0;
        while (rank < candidates.size()) {
            int k = candidates.get(rank);
            double residual = 0;
            for (int i = rank; i < p; i++) {
                residual += c[k][i] * c[k][i];
            }
            residual = Math.sqrt(residual);
            if (residual <= tolerance * original[k]) {
                collinear.add(k);
                candidates.remove(rank);
                continue;
            }
            reflect(c, rank, p, k, candidates.subList(rank + 1, candidates.size()).stream().mapToInt(Integer::intValue).toArray());
            rank++;
        }
        return collinear.stream().mapToInt(Integer::intValue).sorted().toArray();
    }

    /**
     * The triangular factor {@code R} of {@code X = QR}, computed over blocks of rows.
     *
     * @param columns the matrix by columns
     * @return {@code R} ({@code p × p}, upper triangular)
     */
    public static double[][] triangularFactor(double[][] columns) {
        int p = columns.length;
        int n = p == 0 ? 0 : columns[0].length;
        // by columns: the p rows of R so far, then a block of the data's rows
        double[][] w = new double[p][p + BLOCK];
        int[][] later = new int[p][];
        for (int k = 0; k < p; k++) {
            later[k] = java.util.stream.IntStream.range(k + 1, p).toArray();
        }
        for (int from = 0; from < n; from += BLOCK) {
            int len = Math.min(BLOCK, n - from);
            for (int j = 0; j < p; j++) {
                System.arraycopy(columns[j], from, w[j], p, len);
                java.util.Arrays.fill(w[j], p + len, p + BLOCK, 0.0);
            }
            int m = p + len;
            for (int k = 0; k < p; k++) {
                reflect(w, k, m, k, later[k]);
            }
        }
        double[][] r = new double[p][p];
        for (int i = 0; i < p; i++) {
            for (int j = i; j < p; j++) {
                r[i][j] = w[j][i];
            }
        }
        return r;
    }

    /**
     * Applies the Householder reflection that zeroes rows {@code k+1..m-1} of column {@code c} to
     * that column and to the columns {@code others} (the matrix {@code a} by columns).
     */
    private static void reflect(double[][] a, int k, int m, int c, int[] others) {
        double[] v = a[c];
        double norm = 0;
        for (int i = k; i < m; i++) {
            norm += v[i] * v[i];
        }
        norm = Math.sqrt(norm);
        if (norm == 0) {
            return;
        }
        double alpha = v[k] > 0 ? -norm : norm;
        double v0 = v[k] - alpha;
        // v = (v0, a[k+1..m-1][c]); vᵀv = v0² + (norm² - a[k][c]²) = -2 alpha v0
        double vtv = -2 * alpha * v0;
        for (int j : others) {
            double[] x = a[j];
            double dot = v0 * x[k];
            for (int i = k + 1; i < m; i++) {
                dot += v[i] * x[i];
            }
            double f = 2 * dot / vtv;
            x[k] -= f * v0;
            for (int i = k + 1; i < m; i++) {
                x[i] -= f * v[i];
            }
        }
        v[k] = alpha;
        for (int i = k + 1; i < m; i++) {
            v[i] = 0;
        }
    }
}
