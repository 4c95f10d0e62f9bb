package org.synergia.effects.potentialoutcomes;

import java.util.concurrent.ForkJoinPool;
import java.util.function.BinaryOperator;
import java.util.stream.IntStream;
import org.hipparchus.linear.DecompositionSolver;
import org.hipparchus.linear.LUDecomposition;
import org.hipparchus.linear.MatrixUtils;
import org.synergia.data.InputException;
import org.synergia.stats.inference.Clusters;
import org.synergia.stats.inference.EstimatingFunctions;
import org.synergia.stats.inference.SandwichVariance;
import org.synergia.stats.inference.SmallSampleCorrection;

/**
 * The stacked estimating equations of RA, IPW, AIPW and IPWRA and their GMM sandwich variance,
 * as Stata {@code teffects} sets them up (Cattaneo 2010, J. Econometrics 155, eqs. 2.3–2.6;
 * Wooldridge 2010, Econometric Analysis, ch. 21.3–21.4, and 12.5 for two-step M-estimation).
 *
 * <p>Parameters are {@code theta = (gamma, beta_0..beta_{K-1}, mu_0..mu_{K-1})}: the treatment
 * model, the outcome model of each arm and the potential-outcome means, all solving
 * {@code sum_i w_i psi_i(theta) = 0}. With {@code r_t(x) = 1/p_t(x)} (ATE, POmeans) or
 * {@code p_tau(x)/p_t(x)} (ATT, treated level {@code tau}), {@code a_i = 1} (ATE) or
 * {@code 1(T_i = tau)} (ATT), {@code v_it = 1(T_i = t) r_t(x_i)} and arm means {@code m_t(x) = g(x'beta_t)}:
 * <ul>
 * <li>RA, IPWRA: {@code psi_mu_t = a_i (m_t(x_i) - mu_t)}; IPWRA's outcome scores are weighted by {@code r_t};</li>
 * <li>IPW: {@code psi_mu_t = v_it (y_i - mu_t)} (normalised weights);</li>
 * <li>AIPW: {@code psi_mu_t = a_i (m_t(x_i) - mu_t) + v_it (y_i - m_t(x_i))}.</li>
 * </ul>
 * The variance of {@code mu} is the {@code mu} block of {@code A^-1 B A^-T} with
 * {@code A = sum_i w_i dpsi_i/dtheta'} and {@code B = sum_i w_i^2 psi_i psi_i'} (or cluster sums):
 * divisor N, no small-sample factor. Because {@code A} is block lower-triangular, that block equals
 * the sandwich of the reduced system {@code sum_i w_i z_it = 0} with derivative
 * {@code A_mu_t = -sum_i w_i a_i} (IPW: {@code -sum_i w_i v_it}), where
 * {@code z_it = psi_mu_t + b_t' psi_beta_t + g_t' psi_gamma}, {@code b_t = -A_beta_t^-1 A_mu_t,beta_t'} and
 * {@code g_t = A_gamma^-1 (-A_beta_t,gamma' b_t - A_mu_t,gamma')} (the partitioned inverse of {@code A});
 * it costs O(N K p) instead of O(N p^2) for the full system.
 *
 * <p>The passes over observations run by blocks of rows (gathered row-major, so the inner loops
 * stay in cache), in parallel when more than one thread is allowed; the Jacobian blocks are
 * accumulated per block and combined.
 */
final class StackedEquations {

    /** Rows per block of the passes over observations. */
    private static final int BLOCK = 2048;

    private final Method method;
    private final PreparedSample d;
    private final TreatmentFit tm;
    private final OutcomeModel family;
    private final boolean att;
    private final int tau;
    private final int n;
    private final int k;
    /** outcome-model parameters per arm */
    private final int p;
    /** treatment-model parameters, and columns of its design */
    private final int q;
    private final int qt;
    /** IPW factor r_t(x_i) of each observation for its own arm; null for RA */
    private final double[] r;
    /** m_t(x_i) and dm/deta at [i * k + t]; null for IPW */
    private final double[] fitted;
    private final double[] slope;
    private final double[] mu;
    private final double[] den;

    private StackedEquations(Method method, Settings s, PreparedSample d, TreatmentFit tm) {
        this.method = method;
        this.d = d;
        this.tm = method == Method.RA ? null : tm;
        this.family = s.outcomeModel();
        this.att = s.estimand() == Estimand.ATT;
        this.tau = d.treatedArm;
        this.n = d.n;
        this.k = d.arms();
        this.p = method.outcomeModel ? d.xo.length : 0;
        this.q = this.tm == null ? 0 : this.tm.parameters();
        this.qt = this.tm == null ? 0 : d.xt.length;
        this.r = this.tm == null ? null : ipwFactors();
        if (method.outcomeModel) {
            fitted = new double[n * k];
            slope = new double[n * k];
            fitOutcomeModels(s.threads());
        } else {
            fitted = null;
            slope = null;
        }
        this.mu = new double[k];
        this.den = new double[k];
        solveMeans();
    }

    /**
     * The solution: potential-outcome means (arms control-first) and their covariance.
     *
     * @param mu potential-outcome means
     * @param covariance their covariance
     * @param clusters the number of clusters, or 0 without clustering
     * @param influence the means' influence functions {@code -w_i z_it / den_t}, column-major ({@code [t * n + i]}), whose
     *        sums of products (of cluster sums) are the covariance
     */
    record Solution(double[] mu, double[][] covariance, int clusters, double[] influence) {
    }

    /**
     * Fits the outcome models, solves the mean equations and computes the sandwich variance.
     *
     * @param method the estimator
     * @param s the settings
     * @param d the sample
     * @param tm the fitted treatment model, or {@code null} for RA
     * @return the solution
     */
    static Solution solve(Method method, Settings s, PreparedSample d, TreatmentFit tm) {
        StackedEquations e = new StackedEquations(method, s, d, tm);
        int threads = s.threads();
        ForkJoinPool pool = threads > 1 && d.n >= 4 * BLOCK ? new ForkJoinPool(threads) : null;
        try {
            return e.variance(pool);
        } finally {
            if (pool != null) {
                pool.shutdown();
            }
        }
    }

    private double[] ipwFactors() {
        double[] f = new double[n];
        for (int i = 0; i < n; i++) {
            int own = d.arm[i];
            f[i] = att ? tm.probability(i, tau) / tm.probability(i, own) : 1 / tm.probability(i, own);
        }
        return f;
    }

    private void fitOutcomeModels(int threads) {
        double[] u = new double[n];
        for (int i = 0; i < n; i++) {
            u[i] = method == Method.IPWRA ? d.w[i] * r[i] : d.w[i];
        }
        double[] eta = new double[n];
        for (int t = 0; t < k; t++) {
            double[] beta = ArmRegression.fit(family, d, t, u, threads);
            java.util.Arrays.fill(eta, 0);
            for (int j = 0; j < p; j++) {
                double bj = beta[j];
                double[] xj = d.xo[j];
                for (int i = 0; i < n; i++) {
                    eta[i] += bj * xj[i];
                }
            }
            for (int i = 0; i < n; i++) {
                double m = family.mean(eta[i]);
                fitted[i * k + t] = m;
                slope[i * k + t] = family.slope(m);
            }
        }
    }

    /** {@code a_i}: 1 for ATE and POmeans, {@code 1(T_i = tau)} for ATT. */
    private double target(int i) {
        return att ? (d.arm[i] == tau ? 1 : 0) : 1;
    }

    private void solveMeans() {
        double[] num = new double[k];
        double[] w = d.w;
        for (int i = 0; i < n; i++) {
            int own = d.arm[i];
            double a = target(i);
            if (method == Method.IPW) {
                num[own] += w[i] * r[i] * d.y[i];
                den[own] += w[i] * r[i];
                continue;
            }
            for (int t = 0; t < k; t++) {
                num[t] += w[i] * a * fitted[i * k + t];
                den[t] += w[i] * a;
            }
            if (method == Method.AIPW) {
                num[own] += w[i] * r[i] * (d.y[i] - fitted[i * k + own]);
            }
        }
        for (int t = 0; t < k; t++) {
            mu[t] = num[t] / den[t];
        }
    }

    /** The blocks of {@code A = sum_i w_i dpsi_i/dtheta'} that the partitioned inverse needs. */
    private static final class Jacobian {
        /** A_beta_t (lower triangle until {@link #symmetrise}) */
        final double[][][] beta;
        final double[][] muBeta;
        final double[][][] betaGamma;
        final double[][] muGamma;

        Jacobian(int k, int p, int q) {
            beta = new double[k][p][p];
            muBeta = new double[k][p];
            betaGamma = new double[k][p][q];
            muGamma = new double[k][q];
        }

        Jacobian combine(Jacobian o) {
            for (int t = 0; t < beta.length; t++) {
                add(beta[t], o.beta[t]);
                add(betaGamma[t], o.betaGamma[t]);
                add(muBeta[t], o.muBeta[t]);
                add(muGamma[t], o.muGamma[t]);
            }
            return this;
        }

        void symmetrise() {
            for (double[][] m : beta) {
                for (int j = 0; j < m.length; j++) {
                    for (int l = 0; l < j; l++) {
                        m[l][j] = m[j][l];
                    }
                }
            }
        }

        private static void add(double[][] a, double[][] b) {
            for (int j = 0; j < a.length; j++) {
                add(a[j], b[j]);
            }
        }

        private static void add(double[] a, double[] b) {
            for (int j = 0; j < a.length; j++) {
                a[j] += b[j];
            }
        }
    }

    /** Rows {@code from..from+len-1} of the columns, row-major. */
    private static double[] gather(double[][] columns, int from, int len) {
        int c = columns.length;
        double[] out = new double[len * c];
        for (int j = 0; j < c; j++) {
            double[] col = columns[j];
            for (int row = 0; row < len; row++) {
                out[row * c + j] = col[from + row];
            }
        }
        return out;
    }

    private Jacobian jacobian(int from, int len) {
        Jacobian acc = new Jacobian(k, p, q);
        double[] xo = p > 0 ? gather(d.xo, from, len) : null;
        double[] xt = tm != null ? gather(d.xt, from, len) : null;
        double[] grad = new double[k - 1];
        double[] w = d.w;
        for (int row = 0; row < len; row++) {
            int i = from + row;
            int own = d.arm[i];
            double a = target(i);
            int ro = row * p;
            if (method.outcomeModel) {
                double u = method == Method.IPWRA ? w[i] * r[i] : w[i];
                double[][] ab = acc.beta[own];
                double c = -u * slope[i * k + own];
                for (int j = 0; j < p; j++) {
                    double f = c * xo[ro + j];
                    double[] target = ab[j];
                    for (int l = 0; l <= j; l++) {
                        target[l] += f * xo[ro + l];
                    }
                }
                for (int t = 0; t < k; t++) {
                    double cm = w[i] * (a - (method == Method.AIPW && t == own ? r[i] : 0)) * slope[i * k + t];
                    if (cm != 0) {
                        double[] target = acc.muBeta[t];
                        for (int j = 0; j < p; j++) {
                            target[j] += cm * xo[ro + j];
                        }
                    }
                }
            }
            if (tm == null) {
                continue;
            }
            tm.ratioGradient(i, own, att, tau, grad);
            int rt = row * qt;
            double e = method == Method.IPW ? d.y[i] - mu[own] : d.y[i] - fitted[i * k + own];
            for (int s1 = 0; s1 < k - 1; s1++) {
                double g = w[i] * e * grad[s1];
                if (g == 0) {
                    continue;
                }
                int off = s1 * qt;
                if (method == Method.IPWRA) {
                    for (int c = 0; c < p; c++) {
                        double[] target = acc.betaGamma[own][c];
                        double f = g * xo[ro + c];
                        for (int j = 0; j < qt; j++) {
                            target[off + j] += f * xt[rt + j];
                        }
                    }
                } else {
                    double[] target = acc.muGamma[own];
                    for (int j = 0; j < qt; j++) {
                        target[off + j] += g * xt[rt + j];
                    }
                }
            }
        }
        return acc;
    }

    /**
     * Writes {@code w_i z_it} of rows {@code from..from+len-1} into {@code z} (column-major, {@code n x k}).
     */
    private void reducedScores(int from, int len, double[][] b, double[][] g, double[] z) {
        double[] xo = p > 0 ? gather(d.xo, from, len) : null;
        double[] w = d.w;
        for (int row = 0; row < len; row++) {
            int i = from + row;
            int own = d.arm[i];
            double a = target(i);
            for (int t = 0; t < k; t++) {
                double v = switch (method) {
                    case RA, IPWRA -> a * (fitted[i * k + t] - mu[t]);
                    case IPW -> own == t ? r[i] * (d.y[i] - mu[t]) : 0;
                    case AIPW -> a * (fitted[i * k + t] - mu[t]) + (own == t ? r[i] * (d.y[i] - fitted[i * k + t]) : 0);
                };
                if (method.outcomeModel && own == t) {
                    double u = method == Method.IPWRA ? r[i] : 1;
                    double bx = 0;
                    double[] bt = b[t];
                    for (int j = 0; j < p; j++) {
                        bx += bt[j] * xo[row * p + j];
                    }
                    v += u * (d.y[i] - fitted[i * k + t]) * bx;
                }
                z[t * n + i] = w[i] * v;
            }
        }
        if (tm != null) {
            for (int t = 0; t < k; t++) {
                double[] gt = g[t];
                int col = t * n;
                for (int j = 0; j < q; j++) {
                    double c = gt[j];
                    for (int row = 0; row < len; row++) {
                        z[col + from + row] += c * tm.score(from + row, j);
                    }
                }
            }
        }
    }

    private Solution variance(ForkJoinPool pool) {
        Jacobian jac = overBlocks(pool, this::jacobian, Jacobian::combine);
        jac.symmetrise();
        double[][] b = new double[k][p];
        double[][] g = new double[k][];
        DecompositionSolver gammaSolver = tm == null ? null : solver(tm.hessian(), "treatment model", d.treatmentNames);
        for (int t = 0; t < k; t++) {
            if (method.outcomeModel) {
                DecompositionSolver bs = solver(jac.beta[t], "outcome model of arm " + PreparedSample.level(d.levels[t]),
                        d.outcomeNames);
                b[t] = bs.solve(MatrixUtils.createRealVector(jac.muBeta[t])).mapMultiply(-1).toArray();
            }
            if (gammaSolver != null) {
                double[] rhs = new double[q];
                for (int j = 0; j < q; j++) {
                    double v = -jac.muGamma[t][j];
                    for (int c = 0; c < p; c++) {
                        v -= jac.betaGamma[t][c][j] * b[t][c];
                    }
                    rhs[j] = v;
                }
                g[t] = gammaSolver.solve(MatrixUtils.createRealVector(rhs)).toArray();
            }
        }
        double[] z = new double[n * k];
        overBlocks(pool, (from, len) -> {
            reducedScores(from, len, b, g, z);
            return Boolean.TRUE;
        }, (x, y) -> x);
        double[][] bread = new double[k][k];
        for (int t = 0; t < k; t++) {
            bread[t][t] = -den[t];
        }
        EstimatingFunctions psi = EstimatingFunctions.of(z, n, k);
        double[][] covariance;
        int clusterCount = 0;
        if (d.cluster == null) {
            covariance = SandwichVariance.robust(psi, bread, SmallSampleCorrection.NONE);
        } else {
            Clusters clusters = Clusters.of(d.cluster);
            covariance = SandwichVariance.clusterRobust(psi, bread, clusters, SmallSampleCorrection.NONE);
            clusterCount = clusters.count();
        }
        // the scores, no longer needed, become the influence functions
        for (int t = 0; t < k; t++) {
            for (int i = 0; i < n; i++) {
                z[t * n + i] /= -den[t];
            }
        }
        return new Solution(mu, covariance, clusterCount, z);
    }

    /** A computation over rows {@code from..from+len-1}. */
    @FunctionalInterface
    private interface BlockFunction<T> {
        T apply(int from, int len);
    }

    /** Applies {@code f} to every block of rows, in parallel on {@code pool} when given, and combines the results. */
    private <T> T overBlocks(ForkJoinPool pool, BlockFunction<T> f, BinaryOperator<T> combine) {
        int blocks = (n + BLOCK - 1) / BLOCK;
        java.util.function.IntFunction<T> one = blk -> f.apply(blk * BLOCK, Math.min(BLOCK, n - blk * BLOCK));
        if (pool == null) {
            T acc = one.apply(0);
            for (int blk = 1; blk < blocks; blk++) {
                acc = combine.apply(acc, one.apply(blk));
            }
            return acc;
        }
        return pool.submit(() -> IntStream.range(0, blocks).parallel().mapToObj(one).reduce(combine).orElseThrow())
                .join();
    }

    private static DecompositionSolver solver(double[][] m, String model, String[] names) {
        DecompositionSolver solver = new LUDecomposition(MatrixUtils.createRealMatrix(m), 1e-300).getSolver();
        if (!solver.isNonSingular()) {
            throw new InputException("the " + model + " is singular (collinear covariates among "
                    + String.join(", ", names) + "); drop a covariate");
        }
        return solver;
    }
}
