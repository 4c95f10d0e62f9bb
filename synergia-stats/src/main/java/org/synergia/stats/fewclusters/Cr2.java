package org.synergia.stats.fewclusters;

import java.util.ArrayList;
import java.util.List;
import org.hipparchus.distribution.continuous.TDistribution;
import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.EigenDecompositionSymmetric;
import org.hipparchus.linear.RealMatrix;
import org.synergia.stats.inference.Estimate;
import org.synergia.stats.inference.Term;

/**
 * The bias-reduced cluster-robust variance CR2 of a least-squares fit (Bell &amp; McCaffrey 2002, Survey
 * Methodology 28(2); Pustejovsky &amp; Tipton 2018, J. Bus. Econ. Stat. 36(4), eq. 6) and the Satterthwaite
 * degrees of freedom of each coefficient's t statistic (Bell &amp; McCaffrey §3; Pustejovsky &amp; Tipton eq. 11),
 * with R {@code clubSandwich}'s conventions ({@code vcovCR(type = "CR2")}, {@code coef_test(test = "Satterthwaite")}):
 * the working model is homoskedastic and independent, {@code Φ = I}, also with weights.
 *
 * <p>With {@code M = (XᵀWX)⁻¹}, {@code H = XMXᵀW} and {@code G_g} the {@code g}-th diagonal block of
 * {@code (I - H)(I - H)ᵀ}, the variance is {@code M (Σ_g X_gᵀW_g A_g e_g e_gᵀ A_g W_g X_g) M} with
 * {@code A_g = G_g^{-1/2}} (the symmetric square root of the inverse, a pseudo-inverse when a cluster is
 * fitted exactly: eigenvalues of {@code G_g} at most {@code 1e-12} are left out). For coefficient {@code j},
 * with {@code ℓ_g = A_g W_g X_g M e_j}, the degrees of freedom are {@code (Σ_g Ω_gg)² / Σ_{g,h} Ω_gh²},
 * {@code Ω_gh = ℓ_gᵀ [(I - H)(I - H)ᵀ]_{gh} ℓ_h}.
 *
 * <p>Each {@code G_g} is the identity plus a matrix of rank at most {@code 2K} in the span of
 * {@code [X_g, W_gX_g]}, so everything is computed in that span from the cluster sums of
 * {@link ClusteredRegression}, never with {@code n_g × n_g} matrices.
 */
public final class Cr2 {

    /** Eigenvalues of {@code G_g} at or below this are taken as zero, as clubSandwich's {@code matrix_power}. */
    private static final double ZERO_EIGENVALUE = 1e-12;
    /** Directions of a cluster's (equilibrated) Gram matrix below this share of its largest eigenvalue are null. */
    private static final double RANK_TOLERANCE = 1e-12;

    private final List<String> names;
    private final double[] beta;
    private final double[][] variance;
    private final double[] df;

    private Cr2(List<String> names, double[] beta, double[][] variance, double[] df) {
        this.names = names;
        this.beta = beta;
        this.variance = variance;
        this.df = df;
    }

    /**
     * @param m the fit
     * @return its CR2 variance and the degrees of freedom of every coefficient
     */
    public static Cr2 of(ClusteredRegression m) {
        int k = m.parameters();
        int g = m.clusterCount();
        double[][] bread = m.bread();
        double[][] kk = m.weighted() ? ClusteredRegression.sandwich(bread, m.xw2xTotal()) : bread;
        double[][] meat = new double[k][k];
        double[][][] a = new double[k][g][];
        double[][][] b = new double[k][g][];
        double[][] ll = new double[k][g];
        for (int c = 0; c < g; c++) {
            Cluster cl = Cluster.of(m, c, bread, kk);
            double[] comp = cl.component(m.score(c));
            for (int p = 0; p < k; p++) {
                for (int q = 0; q < k; q++) {
                    meat[p][q] += comp[p] * comp[q];
                }
            }
            for (int j = 0; j < k; j++) {
                double[] mj = new double[k];
                for (int p = 0; p < k; p++) {
                    mj[p] = bread[p][j];
                }
                cl.satterthwaite(mj, j, c, a, b, ll);
            }
        }
        double[] df = new double[k];
        for (int j = 0; j < k; j++) {
            df[j] = degreesOfFreedom(a[j], b[j], ll[j], bread, kk);
        }
        return new Cr2(m.names(), m.coefficients(), ClusteredRegression.sandwich(bread, meat), df);
    }

    /**
     * {@code (Σ_g Ω_gg)² / Σ_{g,h} Ω_gh²} with {@code Ω = diag(ℓ_gᵀℓ_g) - YᵀNY}, {@code y_g = (a_g, b_g)},
     * {@code N = [[-K, M], [M, 0]]}: the off-diagonal sum is {@code tr(NΣNΣ) - Σ_g (y_gᵀNy_g)²} with
     * {@code Σ = Σ_g y_g y_gᵀ}, so the cost is linear in the number of clusters.
     */
    private static double degreesOfFreedom(double[][] a, double[][] b, double[] ll, double[][] m, double[][] kk) {
        int k = m.length;
        int g = ll.length;
        double[][] n = new double[2 * k][2 * k];
        for (int p = 0; p < k; p++) {
            for (int q = 0; q < k; q++) {
                n[p][q] = -kk[p][q];
                n[p][k + q] = m[p][q];
                n[k + p][q] = m[p][q];
            }
        }
        double[][] sigma = new double[2 * k][2 * k];
        double trace = 0;
        double diagonal = 0;
        double ownSquares = 0;
        for (int c = 0; c < g; c++) {
            double[] y = new double[2 * k];
            System.arraycopy(a[c], 0, y, 0, k);
            System.arraycopy(b[c], 0, y, k, k);
            double own = ClusteredRegression.dot(y, ClusteredRegression.times(n, y));
            double omega = ll[c] - own;
            trace += omega;
            diagonal += omega * omega;
            ownSquares += own * own;
            for (int p = 0; p < 2 * k; p++) {
                for (int q = 0; q < 2 * k; q++) {
                    sigma[p][q] += y[p] * y[q];
                }
            }
        }
        double[][] ns = ClusteredRegression.times(n, sigma);
        double full = 0;
        for (int p = 0; p < 2 * k; p++) {
            for (int q = 0; q < 2 * k; q++) {
                full += ns[p][q] * ns[q][p];
            }
        }
        return trace * trace / (diagonal + full - ownSquares);
    }

    /** @return the coefficients' names */
    public List<String> names() {
        return names;
    }

    /** @return a copy of the CR2 variance matrix */
    public double[][] variance() {
        double[][] c = new double[variance.length][];
        for (int j = 0; j < c.length; j++) {
            c[j] = variance[j].clone();
        }
        return c;
    }

    /** @return the CR2 standard errors */
    public double[] standardErrors() {
        double[] se = new double[variance.length];
        for (int j = 0; j < se.length; j++) {
            se[j] = Math.sqrt(variance[j][j]);
        }
        return se;
    }

    /** @return the Satterthwaite (Bell–McCaffrey) degrees of freedom of each coefficient */
    public double[] degreesOfFreedom() {
        return df.clone();
    }

    /**
     * One row per coefficient with its CR2 SE and a t-based p-value and interval on its degrees of freedom.
     *
     * @param terms the coefficients' terms, in order
     * @param level the confidence level
     * @return the rows
     */
    public List<Estimate> estimates(List<Term> terms, double level) {
        double[] se = standardErrors();
        List<Estimate> out = new ArrayList<>();
        for (int j = 0; j < beta.length; j++) {
            out.add(studentT(terms.get(j), beta[j], se[j], df[j], level));
        }
        return out;
    }

    /**
     * @param term the term
     * @param estimate its estimate
     * @param se its standard error
     * @param df the degrees of freedom of its t statistic
     * @param level the confidence level
     * @return the row with {@code p = 2 P(T_df > |estimate / se|)} and {@code estimate ± t_{df, (1+level)/2} se}
     */
    static Estimate studentT(Term term, double estimate, double se, double df, double level) {
        if (!(df > 0) || !(se > 0)) {
            return new Estimate(term, estimate, se, Double.NaN, Double.NaN, Double.NaN);
        }
        TDistribution t = new TDistribution(df);
        double q = t.inverseCumulativeProbability(0.5 + level / 2);
        double p = 2 * t.cumulativeProbability(-Math.abs(estimate / se));
        return new Estimate(term, estimate, se, estimate - q * se, estimate + q * se, p);
    }

    /**
     * One cluster's adjustment {@code A_g = I + Q F Qᵀ} in an orthonormal basis {@code Q} of the span of
     * {@code B = [X_g, W_gX_g]} ({@code X_g} alone unweighted), with {@code R = QᵀB} and {@code Qᵀe_g}.
     */
    private record Cluster(int k, double[][] r, double[][] f, double[] qe, double[][] h, double[][] xw2x,
            boolean weighted) {

        static Cluster of(ClusteredRegression m, int c, double[][] bread, double[][] kk) {
            int k = m.parameters();
            boolean weighted = m.weighted();
            int width = weighted ? 2 * k : k;
            double[][] gram = new double[width][width];
            double[] be = new double[width];
            double[][] cm = new double[width][width];
            for (int p = 0; p < k; p++) {
                be[p] = m.rawScore(c)[p];
                for (int q = 0; q < k; q++) {
                    gram[p][q] = m.xx(c)[p][q];
                    if (weighted) {
                        gram[p][k + q] = m.h(c)[p][q];
                        gram[k + p][q] = m.h(c)[p][q];
                        gram[k + p][k + q] = m.xw2x(c)[p][q];
                        cm[p][q] = kk[p][q];
                        cm[p][k + q] = -bread[p][q];
                        cm[k + p][q] = -bread[p][q];
                    } else {
                        cm[p][q] = -bread[p][q];
                    }
                }
                if (weighted) {
                    be[k + p] = m.score(c)[p];
                }
            }
            double[] scale = new double[width];
            for (int p = 0; p < width; p++) {
                scale[p] = gram[p][p] > 0 ? Math.sqrt(gram[p][p]) : 1;
            }
            double[][] eq = new double[width][width];
            for (int p = 0; p < width; p++) {
                for (int q = 0; q < width; q++) {
                    eq[p][q] = gram[p][q] / (scale[p] * scale[q]);
                }
            }
            EigenDecompositionSymmetric e = new EigenDecompositionSymmetric(new Array2DRowRealMatrix(eq, false));
            double[] d = e.getEigenvalues();
            RealMatrix u = e.getV();
            double largest = 0;
            for (double v : d) {
                largest = Math.max(largest, v);
            }
            List<Integer> kept = new ArrayList<>();
            for (int i = 0; i < d.length; i++) {
                if (largest > 0 && d[i] > RANK_TOLERANCE * largest) {
                    kept.add(i);
                }
            }
            int rank = kept.size();
            double[][] r = new double[rank][width];
            double[] qe = new double[rank];
            for (int i = 0; i < rank; i++) {
                int col = kept.get(i);
                double root = Math.sqrt(d[col]);
                for (int p = 0; p < width; p++) {
                    r[i][p] = root * u.getEntry(p, col) * scale[p];
                    qe[i] += u.getEntry(p, col) * be[p] / scale[p];
                }
                qe[i] /= root;
            }
            double[][] f = new double[rank][rank];
            if (rank > 0) {
                double[][] s = ClusteredRegression.times(ClusteredRegression.times(r, cm), transpose(r));
                for (int i = 0; i < rank; i++) {
                    for (int j = 0; j < i; j++) {
                        double avg = (s[i][j] + s[j][i]) / 2;
                        s[i][j] = avg;
                        s[j][i] = avg;
                    }
                }
                EigenDecompositionSymmetric es = new EigenDecompositionSymmetric(new Array2DRowRealMatrix(s, false));
                double[] lambda = es.getEigenvalues();
                RealMatrix v = es.getV();
                for (int l = 0; l < rank; l++) {
                    double ev = 1 + lambda[l];
                    double phi = (ev > ZERO_EIGENVALUE ? 1 / Math.sqrt(ev) : 0) - 1;
                    for (int i = 0; i < rank; i++) {
                        for (int j = 0; j < rank; j++) {
                            f[i][j] += v.getEntry(i, l) * phi * v.getEntry(j, l);
                        }
                    }
                }
            }
            return new Cluster(k, r, f, qe, m.h(c), m.xw2x(c), weighted);
        }

        /** {@code R_Z v}: the basis coordinates of {@code W_gX_g v}. */
        private double[] rz(double[] v) {
            double[] out = new double[r.length];
            int off = weighted ? k : 0;
            for (int i = 0; i < r.length; i++) {
                for (int p = 0; p < k; p++) {
                    out[i] += r[i][off + p] * v[p];
                }
            }
            return out;
        }

        /** {@code R_Xᵀ w} or {@code R_Zᵀ w}. */
        private double[] rt(double[] w, boolean z) {
            double[] out = new double[k];
            int off = z && weighted ? k : 0;
            for (int i = 0; i < r.length; i++) {
                for (int p = 0; p < k; p++) {
                    out[p] += r[i][off + p] * w[i];
                }
            }
            return out;
        }

        /** @return {@code X_gᵀW_gA_g e_g = s_g + R_Zᵀ F Qᵀe_g} */
        double[] component(double[] score) {
            double[] add = rt(ClusteredRegression.times(f, qe), true);
            double[] out = score.clone();
            for (int p = 0; p < k; p++) {
                out[p] += add[p];
            }
            return out;
        }

        /** Stores {@code a_g = X_gᵀℓ_g}, {@code b_g = X_gᵀW_gℓ_g} and {@code ℓ_gᵀℓ_g} for coefficient {@code j}. */
        void satterthwaite(double[] mj, int j, int c, double[][][] a, double[][][] b, double[][] ll) {
            double[] zm = rz(mj);
            double[] fzm = ClusteredRegression.times(f, zm);
            double[] xw2xm = ClusteredRegression.times(xw2x, mj);
            ll[j][c] = ClusteredRegression.dot(mj, xw2xm) + 2 * ClusteredRegression.dot(zm, fzm) + ClusteredRegression.dot(fzm, fzm);
            double[] ac = ClusteredRegression.times(h, mj);
            double[] rx = rt(fzm, false);
            double[] bc = xw2xm.clone();
            double[] rzt = rt(fzm, true);
            for (int p = 0; p < k; p++) {
                ac[p] += rx[p];
                bc[p] += rzt[p];
            }
            a[j][c] = ac;
            b[j][c] = bc;
        }

        private static double[][] transpose(double[][] m) {
            int rows = m.length;
            int cols = rows == 0 ? 0 : m[0].length;
            double[][] t = new double[cols][rows];
            for (int i = 0; i < rows; i++) {
                for (int j = 0; j < cols; j++) {
                    t[j][i] = m[i][j];
                }
            }
            return t;
        }
    }
}
