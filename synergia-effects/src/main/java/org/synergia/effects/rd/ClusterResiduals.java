package org.synergia.effects.rd;

import java.util.Arrays;
import org.hipparchus.linear.EigenDecompositionSymmetric;
import org.hipparchus.linear.MatrixUtils;

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
        double[][] u = upperFactor(fit.inverse);
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
    private static double[] lambdaTimes(double[][] u, double[][] l, double[] ug, boolean cr2) {
        int k = ug.length;
        for (int a = 0; a < k; a++) {
            for (int b = a + 1; b < k; b++) {
                l[a][b] = l[b][a];
            }
        }
        // F = U L_g U'
        double[][] ul = multiply(u, l);
        double[][] f = new double[k][k];
        for (int a = 0; a < k; a++) {
            for (int b = 0; b <= a; b++) {
                double s = 0;
                for (int t = 0; t < k; t++) {
                    s += ul[a][t] * u[b][t];
                }
                f[a][b] = s;
                f[b][a] = s;
            }
        }
        EigenDecompositionSymmetric eig = new EigenDecompositionSymmetric(MatrixUtils.createRealMatrix(f));
        double[] values = eig.getEigenvalues();
        double[][] vectors = eig.getV().getData();
        // U u_g, then V diag(c) V' U u_g, then U' times it
        double[] uu = times(u, ug);
        double[] adj = new double[k];
        for (int j = 0; j < k; j++) {
            double s2 = Math.max(values[j], 0);
            double c;
            if (cr2) {
                c = s2 < ZERO_LEVERAGE ? 0 : (1 / Math.sqrt(Math.max(1 - s2, ONE_MINUS_FLOOR)) - 1) / s2;
            } else {
                c = 1 / Math.max(1 - s2, ONE_MINUS_FLOOR);
            }
            double proj = 0;
            for (int t = 0; t < k; t++) {
                proj += vectors[t][j] * uu[t];
            }
            for (int t = 0; t < k; t++) {
                adj[t] += vectors[t][j] * c * proj;
            }
        }
        double[] out = new double[k];
        for (int a = 0; a < k; a++) {
            double s = 0;
            for (int t = 0; t < k; t++) {
                s += u[t][a] * adj[t];
            }
            out[a] = s;
        }
        return out;
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

    /** The upper triangular U with {@code a = U'U}, a symmetric positive definite. */
    private static double[][] upperFactor(double[][] a) {
        int k = a.length;
        double[][] lower = new double[k][k];
        for (int j = 0; j < k; j++) {
            double d = a[j][j];
            for (int t = 0; t < j; t++) {
                d -= lower[j][t] * lower[j][t];
            }
            double root = Math.sqrt(Math.max(d, 0));
            lower[j][j] = root;
            for (int i = j + 1; i < k; i++) {
                double s = a[i][j];
                for (int t = 0; t < j; t++) {
                    s -= lower[i][t] * lower[j][t];
                }
                lower[i][j] = root > 0 ? s / root : 0;
            }
        }
        double[][] upper = new double[k][k];
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) {
                upper[i][j] = lower[j][i];
            }
        }
        return upper;
    }

    private static double[][] multiply(double[][] a, double[][] b) {
        int k = a.length;
        double[][] out = new double[k][k];
        for (int i = 0; i < k; i++) {
            for (int t = 0; t < k; t++) {
                double ait = a[i][t];
                for (int j = 0; j < k; j++) {
                    out[i][j] += ait * b[t][j];
                }
            }
        }
        return out;
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
}
