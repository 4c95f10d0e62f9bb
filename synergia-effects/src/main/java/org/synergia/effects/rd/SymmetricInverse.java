package org.synergia.effects.rd;

/**
 * Inverse of a small symmetric positive definite matrix by Cholesky factorisation after
 * equilibration ({@code D^-1/2 A D^-1/2}, D the diagonal), so that badly scaled but well-posed
 * systems (polynomial moments, covariates in different units) keep full precision.
 */
final class SymmetricInverse {

    /** Pivots below this fraction of the (unit) equilibrated diagonal mean rank deficiency. */
    private static final double RELATIVE_PIVOT = 1e-13;

    private SymmetricInverse() {
    }

    /**
     * @param a a symmetric matrix (only read)
     * @return its inverse, or null when it is not numerically positive definite
     */
    static double[][] of(double[][] a) {
        int k = a.length;
        double[] scale = new double[k];
        for (int i = 0; i < k; i++) {
            if (!(a[i][i] > 0)) {
                return null;
            }
            scale[i] = 1 / Math.sqrt(a[i][i]);
        }
        double[][] l = new double[k][k];
        for (int j = 0; j < k; j++) {
            double d = a[j][j] * scale[j] * scale[j];
            for (int m = 0; m < j; m++) {
                d -= l[j][m] * l[j][m];
            }
            if (!(d > RELATIVE_PIVOT)) {
                return null;
            }
            l[j][j] = Math.sqrt(d);
            for (int i = j + 1; i < k; i++) {
                double s = a[i][j] * scale[i] * scale[j];
                for (int m = 0; m < j; m++) {
                    s -= l[i][m] * l[j][m];
                }
                l[i][j] = s / l[j][j];
            }
        }
        // inverse of L (lower triangular), then (L L')^-1 = L^-T L^-1
        double[][] li = new double[k][k];
        for (int j = 0; j < k; j++) {
            li[j][j] = 1 / l[j][j];
            for (int i = j + 1; i < k; i++) {
                double s = 0;
                for (int m = j; m < i; m++) {
                    s -= l[i][m] * li[m][j];
                }
                li[i][j] = s / l[i][i];
            }
        }
        double[][] inv = new double[k][k];
        for (int i = 0; i < k; i++) {
            for (int j = 0; j <= i; j++) {
                double s = 0;
                for (int m = i; m < k; m++) {
                    s += li[m][i] * li[m][j];
                }
                inv[i][j] = s * scale[i] * scale[j];
                inv[j][i] = inv[i][j];
            }
        }
        return inv;
    }
}
