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
        double[] original = new double[p];
        for (int j = 0; j < p; j++) {
            double s = 0;
            for (int i = 0; i < p; i++) {
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
            int c = candidates.get(rank);
            double residual = 0;
            for (int i = rank; i < p; i++) {
                residual += r[i][c] * r[i][c];
            }
            residual = Math.sqrt(residual);
            if (residual <= tolerance * original[c]) {
                collinear.add(c);
                candidates.remove(rank);
                continue;
            }
            reflect(r, rank, p, c, candidates.subList(rank + 1, candidates.size()));
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
        double[][] w = new double[p + BLOCK][p];
        List<Integer> all = new ArrayList<>();
        for (int j = 0; j < p; j++) {
            all.add(j);
        }
        for (int from = 0; from < n; from += BLOCK) {
            int len = Math.min(BLOCK, n - from);
            for (int t = 0; t < len; t++) {
                double[] row = w[p + t];
                for (int j = 0; j < p; j++) {
                    row[j] = columns[j][from + t];
                }
            }
            for (int t = len; t < BLOCK; t++) {
                java.util.Arrays.fill(w[p + t], 0.0);
            }
            int m = p + len;
            for (int k = 0; k < p; k++) {
                reflect(w, k, m, k, all.subList(k + 1, p));
            }
        }
        double[][] r = new double[p][p];
        for (int i = 0; i < p; i++) {
            for (int j = i; j < p; j++) {
                r[i][j] = w[i][j];
            }
        }
        return r;
    }

    /**
     * Applies the Householder reflection that zeroes rows {@code k+1..m-1} of column {@code c} to
     * that column and to the columns {@code others}.
     */
    private static void reflect(double[][] a, int k, int m, int c, List<Integer> others) {
        double norm = 0;
        for (int i = k; i < m; i++) {
            norm += a[i][c] * a[i][c];
        }
        norm = Math.sqrt(norm);
        if (norm == 0) {
            return;
        }
        double alpha = a[k][c] > 0 ? -norm : norm;
        double v0 = a[k][c] - alpha;
        // v = (v0, a[k+1..m-1][c]); vᵀv = v0² + (norm² - a[k][c]²) = -2 alpha v0
        double vtv = -2 * alpha * v0;
        for (int j : others) {
            double dot = v0 * a[k][j];
            for (int i = k + 1; i < m; i++) {
                dot += a[i][c] * a[i][j];
            }
            double f = 2 * dot / vtv;
            a[k][j] -= f * v0;
            for (int i = k + 1; i < m; i++) {
                a[i][j] -= f * a[i][c];
            }
        }
        a[k][c] = alpha;
        for (int i = k + 1; i < m; i++) {
            a[i][c] = 0;
        }
    }
}
