package org.synergia.effects.rd;

import java.util.Arrays;
import org.hipparchus.linear.CholeskyDecomposition;
import org.hipparchus.linear.EigenDecompositionSymmetric;
import org.hipparchus.linear.MatrixUtils;
import org.hipparchus.linear.RealMatrix;

/**
 * Residuals adjusted by each cluster's block of the hat matrix, for the cluster-robust CR2 (Bell and
 * McCaffrey 2002, {@code (I - H_gg)^(-1/2) e_g}) and CR3 (jackknife-like, {@code (I - H_gg)^(-1) e_g};
 * Pustejovsky and Tipton 2018) variances of a local polynomial fit, which rdrobust 4.0 uses with
 * clusters for {@code vce} hc2 and hc3. The hat matrix is that of the kernel-weighted fit,
 * {@code H_gg = W_g^(1/2) R_g G^-1 R_g' W_g^(1/2)} with {@code G = sum_i w_i r_i r_i'}; its square root
 * is taken through the eigenvalues {@code s_j} of the k-by-k matrix {@code U L_g U'}
 * ({@code G^-1 = U'U}, {@code L_g = sum_(i in g) w_i r_i r_i'}), which are those of {@code H_gg}, so
 * that {@code e_adj,i = e_i + r_i' Lambda_g sum_(j in g) w_j r_j e_j} with
 * {@code Lambda_g = U' V diag(c_j) V' U} and {@code c_j = ((1 - s_j)^(-1/2) - 1) / s_j} (CR2) or
 * {@code 1 / (1 - s_j)} (CR3). Every unit of the fit's window is adjusted, including those with a
 * zero kernel weight at this fit's bandwidth (they carry weight in the other bandwidth's estimate).
 */
final class ClusterResiduals {

    /** Floor of {@code 1 - s_j} (rdrobust's floor of {@code 1 - h_ii} for HC2 and HC3). */
    private static final double ONE_MINUS_FLOOR = 1e-8;
    /** Relative asymmetry tolerated in the fit's inverse (rounding) before its Cholesky factor is taken. */
    private static final double SYMMETRY = 1e-8;
    /** Eigenvalues below which a direction carries no leverage (rdrobust's CR2 threshold). */
    private static final double ZERO_LEVERAGE = 1e-14;

    private ClusterResiduals() {
    }

    /**
     * @param fit the fit whose hat matrix adjusts the residuals
     * @param e residuals of the fit's window (one combined column)
     * @param cr2 true for CR2 (inverse square root), false for CR3 (inverse)
     * @return the adjusted residuals, a new array
     */
    static double[] adjust(LocalPolynomialFit fit, double[] e, boolean cr2) {
        RdSide side = fit.side;
        int n = fit.n;
        int k = fit.order + 1;
        int[] index = new int[side.clusterCount];
        Arrays.fill(index, -1);
        int groups = 0;
        for (int i = 0; i < n; i++) {
            if (index[side.clusters[i]] < 0) {
                index[side.clusters[i]] = groups++;
            }
        }
        double[][][] lg = new double[groups][k][k];
        double[][] ug = new double[groups][k];
        double[] r = new double[k];
        for (int i = 0; i < n; i++) {
            double wi = fit.w[i];
            if (wi == 0) {
                continue;
            }
            basis(fit, i, r);
            int g = index[side.clusters[i]];
            for (int a = 0; a < k; a++) {
                double wra = wi * r[a];
                ug[g][a] += wra * e[i];
                for (int b = 0; b <= a; b++) {
                    lg[g][a][b] += wra * r[b];
                }
            }
        }
        // G^-1 = U'U, U upper triangular (the transpose of the Cholesky factor)
        RealMatrix u = new CholeskyDecomposition(MatrixUtils.createRealMatrix(fit.inverse), SYMMETRY, 0).getLT();
        double[][] shift = new double[groups][];
        for (int g = 0; g < groups; g++) {
            shift[g] = lambdaTimes(u, lg[g], ug[g], cr2);
        }
        double[] out = e.clone();
        for (int i = 0; i < n; i++) {
            basis(fit, i, r);
            double[] a = shift[index[side.clusters[i]]];
            double s = 0;
            for (int t = 0; t < k; t++) {
                s += r[t] * a[t];
            }
            out[i] += s;
        }
        return out;
    }

    /** {@code Lambda_g u_g} for one cluster, {@code l} holding the lower triangle of {@code L_g}. */
    private static double[] lambdaTimes(RealMatrix u, double[][] l, double[] ug, boolean cr2) {
        int k = ug.length;
        for (int a = 0; a < k; a++) {
            for (int b = a + 1; b < k; b++) {
                l[a][b] = l[b][a];
            }
        }
        RealMatrix ul = u.multiply(MatrixUtils.createRealMatrix(l));
        RealMatrix f = ul.multiplyTransposed(u);
        // U L_g U' exactly symmetric (the product rounds its two triangles differently)
        RealMatrix symmetric = f.add(f.transpose()).scalarMultiply(0.5);
        EigenDecompositionSymmetric eig = new EigenDecompositionSymmetric(symmetric);
        double[] values = eig.getEigenvalues();
        RealMatrix v = eig.getV();
        // V diag(c) V' U u_g, then U' times it
        double[] proj = v.preMultiply(u.operate(ug));
        for (int j = 0; j < k; j++) {
            double s2 = Math.max(values[j], 0);
            double c;
            if (cr2) {
                c = s2 < ZERO_LEVERAGE ? 0 : (1 / Math.sqrt(Math.max(1 - s2, ONE_MINUS_FLOOR)) - 1) / s2;
            } else {
                c = 1 / Math.max(1 - s2, ONE_MINUS_FLOOR);
            }
            proj[j] *= c;
        }
        return u.preMultiply(v.operate(proj));
    }

    /** The scaled basis {@code (1, u, ..., u^order)} of unit i. */
    private static void basis(LocalPolynomialFit fit, int i, double[] r) {
        double x = fit.side.dist[i] / fit.h;
        double pw = 1;
        for (int t = 0; t < r.length; t++) {
            r[t] = pw;
            pw *= x;
        }
    }
}
