package org.synergia.stats.linalg;

/**
 * Cholesky factorisation {@code A = L Lᵀ} of a small symmetric positive definite matrix (the
 * information matrix of a model), with detection of the first column that is (numerically) a
 * linear combination of the columns before it.
 *
 * <p>At step {@code j} the pivot {@code d_j = a_jj - Σ_k L_jk²} equals {@code a_jj (1 - R_j²)},
 * where {@code R_j²} is the uncentred squared multiple correlation of column {@code j} on columns
 * {@code 0..j-1} in the metric of {@code A} (Golub &amp; Van Loan 2013, §4.2). A pivot below
 * {@code tolerance · a_jj} marks column {@code j} as collinear.
 */
public final class Cholesky {

    /** The relative pivot tolerance used by {@link #of(double[][])}. */
    public static final double DEFAULT_TOLERANCE = 1e-10;

    private final int p;
    private final double[] l; // row-major lower triangle, p*p
    private final int collinearColumn;

    private Cholesky(int p, double[] l, int collinearColumn) {
        this.p = p;
        this.l = l;
        this.collinearColumn = collinearColumn;
    }

    /**
     * Factorises {@code a} with the default tolerance.
     *
     * @param a a symmetric matrix (only the lower triangle is read)
     * @return the factorisation; check {@link #collinearColumn()} before solving
     */
    public static Cholesky of(double[][] a) {
        return of(a, DEFAULT_TOLERANCE);
    }

    /**
     * Factorises {@code a}.
     *
     * @param a a symmetric matrix (only the lower triangle is read)
     * @param tolerance relative pivot tolerance, see the class description
     * @return the factorisation; check {@link #collinearColumn()} before solving
     */
    public static Cholesky of(double[][] a, double tolerance) {
        int p = a.length;
        double[] l = new double[p * p];
        for (int j = 0; j < p; j++) {
            double d = a[j][j];
            for (int k = 0; k < j; k++) {
                d -= l[j * p + k] * l[j * p + k];
            }
            if (!(d > tolerance * Math.abs(a[j][j])) || !(a[j][j] > 0) || !Double.isFinite(d)) {
                return new Cholesky(p, l, j);
            }
            double ljj = Math.sqrt(d);
            l[j * p + j] = ljj;
            for (int i = j + 1; i < p; i++) {
                double s = a[i][j];
                for (int k = 0; k < j; k++) {
                    s -= l[i * p + k] * l[j * p + k];
                }
                l[i * p + j] = s / ljj;
            }
        }
        return new Cholesky(p, l, -1);
    }

    /** @return the first column found collinear with earlier ones, or -1 when the matrix is positive definite */
    public int collinearColumn() {
        return collinearColumn;
    }

    /** @return true when the factorisation succeeded */
    public boolean isPositiveDefinite() {
        return collinearColumn < 0;
    }

    /**
     * Solves {@code A x = b}.
     *
     * @param b the right-hand side (not modified)
     * @return the solution
     */
    public double[] solve(double[] b) {
        requireDefinite();
        double[] x = b.clone();
        for (int i = 0; i < p; i++) {
            double s = x[i];
            for (int k = 0; k < i; k++) {
                s -= l[i * p + k] * x[k];
            }
            x[i] = s / l[i * p + i];
        }
        for (int i = p - 1; i >= 0; i--) {
            double s = x[i];
            for (int k = i + 1; k < p; k++) {
                s -= l[k * p + i] * x[k];
            }
            x[i] = s / l[i * p + i];
        }
        return x;
    }

    /** @return {@code A⁻¹}, symmetric */
    public double[][] inverse() {
        requireDefinite();
        double[][] inv = new double[p][];
        double[] e = new double[p];
        for (int j = 0; j < p; j++) {
            e[j] = 1;
            inv[j] = solve(e);
            e[j] = 0;
        }
        for (int i = 0; i < p; i++) {
            for (int j = 0; j < i; j++) {
                double m = 0.5 * (inv[i][j] + inv[j][i]);
                inv[i][j] = m;
                inv[j][i] = m;
            }
        }
        return inv;
    }

    private void requireDefinite() {
        if (collinearColumn >= 0) {
            throw new IllegalStateException("matrix is not positive definite at column " + collinearColumn);
        }
    }
}
