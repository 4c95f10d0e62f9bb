package org.synergia.effects.rd;

import org.synergia.data.InputException;
import org.synergia.data.OptionName;
import org.synergia.stats.linalg.Cholesky;

/**
 * One local polynomial regression of the empirical distribution function on the units within
 * {@code [-hLeft, hRight]} of the cutoff, the estimator of Cattaneo, Jansson and Ma (2020, eq. 2):
 * kernel-weighted least squares of {@code F_n(x_i)} on powers of {@code x_i / h}, whose first-order
 * coefficient divided by {@code h} estimates the density. Unrestricted, each side has its own
 * polynomial (two blocks of the design); restricted, the intercept and the terms of order 2 and above
 * are shared and only the first-order terms differ by side.
 *
 * <p>The normal equations are assembled from each side's kernel moments {@code Σ w u^t} and
 * {@code Σ w u^t F_n}, one pass over the window. The jackknife variance of a coefficient
 * {@code a' beta} (rddensity's {@code vce = "jackknife"}) is {@code Σ_i (Σ_(k>i) w_k a' r_k)^2 / (N-1)^2},
 * the leave-one-out change of the distribution function at each unit propagated through the
 * regression (CJM 2020, section 2.3); {@code a' r_k} is a polynomial in {@code u_k}, so the suffix
 * sums are scalars and a second pass from the right computes both densities' variances and their
 * covariance. Under mass points a repeated value's units share the suffix after the value's first unit.
 * The plug-in variance is {@code f e' S^-1 G S^-1 e / (N h)} with the kernel constants of
 * {@link KernelMoments} (unrestricted), or its restricted counterpart.
 */
final class DensityFit {

    /** Relative Cholesky pivot below which the polynomial is not identified (the basis is scaled). */
    private static final double PIVOT_TOLERANCE = 1e-13;

    final int order;
    final double hLeft;
    final double hRight;
    /** Units within the window left of the cutoff and at or right of it. */
    final int nEffLeft;
    final int nEffRight;
    final double densityLeft;
    final double densityRight;
    /** The coefficient of power {@code s} on each side ({@code F^(s) / s!}); restricted, the shared one on both. */
    final double derivativeLeft;
    final double derivativeRight;
    /** Variances of the left density, the right one, their difference and their sum; NaN when negative. */
    final double[] variance;

    /**
     * @param d the sample
     * @param hLeft bandwidth left of the cutoff
     * @param hRight bandwidth right of it (restricted: the same)
     * @param order the polynomial order
     * @param s the power whose coefficient {@link #derivativeLeft} reports (at least 1)
     * @param kernel the kernel
     * @param model unrestricted or restricted
     * @param vce the variance estimator
     * @throws InputException when the window does not identify the polynomial
     */
    DensityFit(DensitySample d, double hLeft, double hRight, int order, int s, Kernel kernel, DensityModel model,
            DensityVariance vce) {
        this.order = order;
        this.hLeft = hLeft;
        this.hRight = hRight;
        boolean restricted = model == DensityModel.RESTRICTED;
        int lo = d.firstAtLeast(-hLeft);
        int mid = d.nLeft;
        int hi = d.firstAbove(hRight);
        nEffLeft = mid - lo;
        nEffRight = hi - mid;
        int k = restricted ? order + 2 : 2 * (order + 1);
        int[][] power = {new int[k], new int[k]};
        for (int c = 0; c < k; c++) {
            power[0][c] = power(restricted, order, c, false);
            power[1][c] = power(restricted, order, c, true);
        }
        double[][] moments = new double[2][2 * order + 1];
        double[][] targets = new double[2][order + 1];
        accumulate(d, lo, mid, hLeft, kernel, moments[0], targets[0]);
        accumulate(d, mid, hi, hRight, kernel, moments[1], targets[1]);
        double[][] gram = new double[k][k];
        double[] rhs = new double[k];
        for (int side = 0; side < 2; side++) {
            int[] pw = power[side];
            for (int a = 0; a < k; a++) {
                if (pw[a] < 0) {
                    continue;
                }
                rhs[a] += targets[side][pw[a]];
                for (int b = 0; b < k; b++) {
                    if (pw[b] >= 0) {
                        gram[a][b] += moments[side][pw[a] + pw[b]];
                    }
                }
            }
        }
        Cholesky factor = Cholesky.of(gram, PIVOT_TOLERANCE);
        if (!factor.isPositiveDefinite()) {
            throw new InputException(RdProblem.DENSITY_NOT_IDENTIFIED, order, hLeft, hRight, nEffLeft, nEffRight,
                    d.distinct(lo, mid), d.distinct(mid, hi), OptionName.of("h"), OptionName.of("p"));
        }
        double[][] inverse = factor.inverse();
        double[] beta = KernelMoments.times(inverse, rhs);
        int colLeft = 1;
        int colRight = restricted ? 2 : order + 2;
        // rddensity scales every restricted coefficient by the left bandwidth (both are equal there)
        double hr = restricted ? hLeft : hRight;
        densityLeft = beta[colLeft] / hLeft;
        densityRight = beta[colRight] / hr;
        if (restricted) {
            int col = s == 1 ? 2 : s + 1;
            derivativeLeft = beta[col] / Math.pow(hLeft, s);
            derivativeRight = derivativeLeft;
        } else {
            derivativeLeft = beta[s] / Math.pow(hLeft, s);
            derivativeRight = beta[order + 1 + s] / Math.pow(hRight, s);
        }
        double vl;
        double vr;
        double vd;
        double vs;
        if (vce == DensityVariance.JACKKNIFE) {
            double[] sums = jackknife(d, lo, hi, hLeft, hRight, kernel, power, inverse[colLeft], inverse[colRight]);
            double n1 = d.n - 1.0;
            vl = sums[0] / (n1 * n1 * hLeft * hLeft);
            vr = sums[1] / (n1 * n1 * hr * hr);
            double cov = sums[2] / (n1 * n1 * hLeft * hr);
            vd = vl + vr - 2 * cov;
            vs = vl + vr + 2 * cov;
        } else if (!restricted) {
            double v11 = KernelMoments.varianceConstant(kernel, order);
            vl = densityLeft * v11 / (d.n * hLeft);
            vr = densityRight * v11 / (d.n * hRight);
            vd = vl + vr;
            vs = vd;
        } else {
            double[][] v = restrictedPlugin(kernel, order, densityLeft, densityRight);
            double nh = d.n * hLeft;
            vl = v[1][1] / nh;
            vr = v[2][2] / nh;
            vd = (v[1][1] + v[2][2] - 2 * v[1][2]) / nh;
            vs = (v[1][1] + v[2][2] + 2 * v[1][2]) / nh;
        }
        variance = new double[] {nonNegative(vl), nonNegative(vr), nonNegative(vd), nonNegative(vs)};
    }

    private static double nonNegative(double v) {
        return v >= 0 ? v : Double.NaN;
    }

    /**
     * The power of {@code x / h} in design column {@code c} on one side, or -1 when the column is zero
     * there. Unrestricted: columns {@code 0..order} are the left polynomial, the next {@code order + 1}
     * the right one. Restricted: the shared intercept, the left first-order term, the right one, then
     * the shared powers {@code 2..order}.
     */
    static int power(boolean restricted, int order, int c, boolean right) {
        if (!restricted) {
            if (right) {
                return c > order ? c - order - 1 : -1;
            }
            return c <= order ? c : -1;
        }
        if (c == 0) {
            return 0;
        }
        if (c == 1) {
            return right ? -1 : 1;
        }
        if (c == 2) {
            return right ? 1 : -1;
        }
        return c - 1;
    }

    /** Adds one side's {@code Σ w u^t} (t up to 2 order) and {@code Σ w u^t F_n} (t up to order). */
    private static void accumulate(DensitySample d, int from, int to, double h, Kernel kernel, double[] moments,
            double[] targets) {
        int top = moments.length;
        int half = targets.length;
        for (int i = from; i < to; i++) {
            double u = d.x[i] / h;
            double w = kernel.weight(u) / h;
            if (w == 0) {
                continue;
            }
            double yi = d.y[i];
            double pw = w;
            for (int t = 0; t < top; t++) {
                moments[t] += pw;
                if (t < half) {
                    targets[t] += pw * yi;
                }
                pw *= u;
            }
        }
    }

    /**
     * @return {@code Σ L_a^2}, {@code Σ L_b^2}, {@code Σ L_a L_b} over the window's units, {@code L} the
     *     sums over the units to the right of each unit of {@code w a' r} and {@code w b' r}
     */
    private static double[] jackknife(DensitySample d, int lo, int hi, double hLeft, double hRight, Kernel kernel,
            int[][] power, double[] a, double[] b) {
        int degree = 0;
        for (int[] pw : power) {
            for (int p : pw) {
                degree = Math.max(degree, p);
            }
        }
        // each side's polynomials a' r(u) and b' r(u)
        double[][] pa = new double[2][degree + 1];
        double[][] pb = new double[2][degree + 1];
        for (int side = 0; side < 2; side++) {
            for (int c = 0; c < a.length; c++) {
                int p = power[side][c];
                if (p >= 0) {
                    pa[side][p] += a[c];
                    pb[side][p] += b[c];
                }
            }
        }
        double suffixA = 0;
        double suffixB = 0;
        double saa = 0;
        double sbb = 0;
        double sab = 0;
        int i = hi - 1;
        while (i >= lo) {
            int j = i;
            if (d.massPoints) {
                while (j > lo && d.x[j - 1] == d.x[i]) {
                    j--;
                }
            }
            int side = d.x[i] < 0 ? 0 : 1;
            double h = side == 0 ? hLeft : hRight;
            double u = d.x[i] / h;
            double w = kernel.weight(u) / h;
            double za = w * horner(pa[side], u);
            double zb = w * horner(pb[side], u);
            int m = i - j + 1;
            double la = suffixA + (m - 1) * za;
            double lb = suffixB + (m - 1) * zb;
            saa += m * la * la;
            sbb += m * lb * lb;
            sab += m * la * lb;
            suffixA += m * za;
            suffixB += m * zb;
            i = j - 1;
        }
        return new double[] {saa, sbb, sab};
    }

    private static double horner(double[] c, double u) {
        double s = 0;
        for (int t = c.length - 1; t >= 0; t--) {
            s = s * u + c[t];
        }
        return s;
    }

    /**
     * The plug-in variance matrix of the restricted model's scaled coefficients, as rddensity
     * computes it: {@code A^-1 (f_l^3 Ψ G Ψ + f_r^3 G) A^-1} with {@code A = f_l Ψ S Ψ + f_r S}, where
     * {@code S} and {@code G} are the kernel constants of the right side in the restricted design's
     * columns and {@code Ψ} reflects them to the left side.
     */
    static double[][] restrictedPlugin(Kernel kernel, int order, double fLeft, double fRight) {
        double[][] sPlus = restrictedRight(KernelMoments.s(kernel, order), order);
        double[][] gPlus = restrictedRight(KernelMoments.g(kernel, order), order);
        double[][] psi = reflection(order);
        double[][] sMinus = KernelMoments.times(KernelMoments.times(psi, sPlus), psi);
        double[][] gMinus = KernelMoments.times(KernelMoments.times(psi, gPlus), psi);
        int k = order + 2;
        double[][] a = new double[k][k];
        double[][] g = new double[k][k];
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) {
                a[i][j] = fLeft * sMinus[i][j] + fRight * sPlus[i][j];
                g[i][j] = fLeft * fLeft * fLeft * gMinus[i][j] + fRight * fRight * fRight * gPlus[i][j];
            }
        }
        double[][] ai = KernelMoments.inverse(a);
        return KernelMoments.times(KernelMoments.times(ai, g), ai);
    }

    /** A matrix of powers {@code 0..order} laid out in the restricted design's columns, right side. */
    static double[][] restrictedRight(double[][] m, int order) {
        int k = order + 2;
        double[][] out = new double[k][k];
        for (int i = 0; i < k; i++) {
            int pi = power(true, order, i, true);
            for (int j = 0; j < k; j++) {
                int pj = power(true, order, j, true);
                if (pi >= 0 && pj >= 0) {
                    out[i][j] = m[pi][pj];
                }
            }
        }
        return out;
    }

    /** The same for a vector. */
    static double[] restrictedRight(double[] v, int order) {
        int k = order + 2;
        double[] out = new double[k];
        for (int i = 0; i < k; i++) {
            int p = power(true, order, i, true);
            out[i] = p >= 0 ? v[p] : 0;
        }
        return out;
    }

    /**
     * {@code Ψ}: maps the restricted design's right-side columns to the left side's, {@code x -> -x}
     * (the shared powers change sign with their order, the right first-order term becomes minus the
     * left one).
     */
    static double[][] reflection(int order) {
        int k = order + 2;
        double[][] psi = new double[k][k];
        psi[0][0] = 1;
        psi[1][2] = -1;
        psi[2][1] = -1;
        for (int c = 3; c < k; c++) {
            psi[c][c] = (c - 1) % 2 == 0 ? 1 : -1;
        }
        return psi;
    }
}
