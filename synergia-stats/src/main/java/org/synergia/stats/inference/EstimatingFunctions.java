package org.synergia.stats.inference;

import java.util.Arrays;
import org.synergia.stats.linalg.DotProduct;

/**
 * Per-observation contributions {@code ψ_i(θ̂)} of an M-estimator's estimating equations
 * {@code Σ_i f_i ψ_i(θ) = 0}, an {@code n × p} matrix stored column by column, with optional
 * frequency weights {@code f_i} (each row standing for {@code f_i} identical observations).
 * Sampling weights belong inside {@code ψ_i} (the contribution is {@code w_i × ...}).
 *
 * <p>Contributions of several estimators fitted on the same rows are {@linkplain #stack stacked}
 * into one system, whose sandwich variance ({@link SandwichVariance}) accounts for the estimation
 * of the first steps (Newey &amp; McFadden 1994, Handbook of Econometrics 4, §6; Stata
 * {@code teffects} and {@code gmm}).
 *
 * <p>The column-major array is not copied: the caller gives up the right to modify it.
 */
public final class EstimatingFunctions {

    private final double[] psi;
    private final int n;
    private final int p;
    private final double[] frequencies;

    private EstimatingFunctions(double[] psi, int n, int p, double[] frequencies) {
        this.psi = psi;
        this.n = n;
        this.p = p;
        this.frequencies = frequencies;
    }

    /**
     * Wraps contributions stored column by column: {@code ψ_i[j] = columnMajor[j*n + i]}.
     *
     * @param columnMajor the {@code n*p} values (not copied)
     * @param n number of observations
     * @param p number of parameters
     * @return the contributions, without frequency weights
     */
    public static EstimatingFunctions of(double[] columnMajor, int n, int p) {
        if (columnMajor.length != (long) n * p) {
            throw new IllegalArgumentException("expected " + n + " x " + p + " values, got " + columnMajor.length);
        }
        return new EstimatingFunctions(columnMajor, n, p, null);
    }

    /**
     * The same contributions with frequency weights.
     *
     * @param f one non-negative frequency per observation (not copied), or null for none
     * @return a new object
     */
    public EstimatingFunctions withFrequencies(double[] f) {
        if (f != null && f.length != n) {
            throw new IllegalArgumentException("expected " + n + " frequencies, got " + f.length);
        }
        return new EstimatingFunctions(psi, n, p, f);
    }

    /**
     * Stacks the parameters of several estimating systems on the same observations:
     * {@code ψ_i = (ψ_i^(1)ᵀ, ψ_i^(2)ᵀ, ...)ᵀ}.
     *
     * @param blocks systems with the same rows and the same frequency weights
     * @return the stacked system
     */
    public static EstimatingFunctions stack(EstimatingFunctions... blocks) {
        int n = blocks[0].n;
        int p = 0;
        for (EstimatingFunctions b : blocks) {
            if (b.n != n) {
                throw new IllegalArgumentException("stacked estimating functions must share observations: " + b.n + " vs " + n);
            }
            if (!Arrays.equals(b.frequencies, blocks[0].frequencies)) {
                throw new IllegalArgumentException("stacked estimating functions must share frequency weights");
            }
            p += b.p;
        }
        double[] all = new double[n * p];
        int at = 0;
        for (EstimatingFunctions b : blocks) {
            System.arraycopy(b.psi, 0, all, at, b.psi.length);
            at += b.psi.length;
        }
        return new EstimatingFunctions(all, n, p, blocks[0].frequencies);
    }

    /** @return the number of rows {@code n} */
    public int rows() {
        return n;
    }

    /** @return the number of parameters {@code p} */
    public int parameters() {
        return p;
    }

    /** @return {@code N}: the sum of the frequency weights, or the number of rows without them */
    public double observations() {
        if (frequencies == null) {
            return n;
        }
        double s = 0;
        for (double f : frequencies) {
            s += f;
        }
        return s;
    }

    /**
     * @param i observation
     * @param j parameter
     * @return {@code ψ_i[j]}
     */
    public double value(int i, int j) {
        return psi[j * n + i];
    }

    /** @return a copy of the column-major values */
    public double[] toColumnMajor() {
        return psi.clone();
    }

    /** @return {@code Σ_i f_i ψ_i}, zero (to rounding) at the estimate */
    public double[] sum() {
        double[] s = new double[p];
        for (int j = 0; j < p; j++) {
            double t = 0;
            for (int i = 0; i < n; i++) {
                t += weight(i) * psi[j * n + i];
            }
            s[j] = t;
        }
        return s;
    }

    /** @return the "meat" {@code B = Σ_i f_i ψ_i ψ_iᵀ} ({@code p × p}) */
    public double[][] meat() {
        double[][] b = new double[p][p];
        double[] fpsi = null;
        for (int j = 0; j < p; j++) {
            double[] left = psi;
            int leftFrom = j * n;
            if (frequencies != null) {
                if (fpsi == null) {
                    fpsi = new double[n];
                }
                for (int i = 0; i < n; i++) {
                    fpsi[i] = frequencies[i] * psi[j * n + i];
                }
                left = fpsi;
                leftFrom = 0;
            }
            for (int k = 0; k <= j; k++) {
                double v = DotProduct.of(left, leftFrom, psi, k * n, n);
                b[j][k] = v;
                b[k][j] = v;
            }
        }
        return b;
    }

    /**
     * The cluster-robust "meat" {@code B = Σ_g s_g s_gᵀ} with {@code s_g = Σ_{i∈g} f_i ψ_i}
     * (Liang &amp; Zeger 1986, Biometrika 73(1); Cameron &amp; Miller 2015, J. Human Resources 50(2), eq. 12).
     *
     * @param clusters cluster of each row
     * @return {@code B} ({@code p × p})
     */
    public double[][] meat(Clusters clusters) {
        if (clusters.size() != n) {
            throw new IllegalArgumentException("clusters cover " + clusters.size() + " rows, estimating functions " + n);
        }
        int g = clusters.count();
        double[] s = new double[g * p]; // column-major G x p
        for (int j = 0; j < p; j++) {
            int col = j * n;
            int out = j * g;
            for (int i = 0; i < n; i++) {
                s[out + clusters.code(i)] += weight(i) * psi[col + i];
            }
        }
        double[][] b = new double[p][p];
        for (int j = 0; j < p; j++) {
            for (int k = 0; k <= j; k++) {
                double v = DotProduct.of(s, j * g, s, k * g, g);
                b[j][k] = v;
                b[k][j] = v;
            }
        }
        return b;
    }

    private double weight(int i) {
        return frequencies == null ? 1.0 : frequencies[i];
    }
}
