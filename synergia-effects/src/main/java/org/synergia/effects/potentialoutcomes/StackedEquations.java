package org.synergia.effects.potentialoutcomes;

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
 */
final class StackedEquations {

    private StackedEquations() {
    }

    /**
     * The solution: potential-outcome means (arms control-first) and their covariance.
     *
     * @param mu potential-outcome means
     * @param covariance their covariance
     * @param clusters the number of clusters, or 0 without clustering
     */
    record Solution(double[] mu, double[][] covariance, int clusters) {
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
        int n = d.n;
        int k = d.arms();
        int tau = d.treatedArm;
        boolean att = s.estimand() == Estimand.ATT;
        double[] w = d.w;
        int[] arm = d.arm;
        // IPW factor of each observation for its own arm
        double[] r = null;
        if (tm != null) {
            r = new double[n];
            for (int i = 0; i < n; i++) {
                r[i] = att ? tm.probability(i, tau) / tm.probability(i, arm[i]) : 1 / tm.probability(i, arm[i]);
            }
        }
        OutcomeModel family = s.outcomeModel();
        int p = method.outcomeModel ? d.xo.length : 0;
        double[] fitted = null;
        double[] slope = null;
        if (method.outcomeModel) {
            fitted = new double[n * k];
            slope = new double[n * k];
            double[] u = new double[n];
            for (int i = 0; i < n; i++) {
                u[i] = method == Method.IPWRA ? w[i] * r[i] : w[i];
            }
            for (int t = 0; t < k; t++) {
                double[] beta = ArmRegression.fit(family, d, t, u, s.threads());
                double[] eta = new double[n];
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
        // point estimates
        double[] num = new double[k];
        double[] den = new double[k];
        for (int i = 0; i < n; i++) {
            double a = att ? (arm[i] == tau ? 1 : 0) : 1;
            int own = arm[i];
            switch (method) {
                case RA, IPWRA -> {
                    for (int t = 0; t < k; t++) {
                        num[t] += w[i] * a * fitted[i * k + t];
                        den[t] += w[i] * a;
                    }
                }
                case IPW -> {
                    num[own] += w[i] * r[i] * d.y[i];
                    den[own] += w[i] * r[i];
                }
                case AIPW -> {
                    for (int t = 0; t < k; t++) {
                        num[t] += w[i] * a * fitted[i * k + t];
                        den[t] += w[i] * a;
                    }
                    num[own] += w[i] * r[i] * (d.y[i] - fitted[i * k + own]);
                }
            }
        }
        double[] mu = new double[k];
        for (int t = 0; t < k; t++) {
            mu[t] = num[t] / den[t];
        }
        // Jacobian blocks (sums over observations of w_i dpsi_i/dtheta')
        int q = tm == null ? 0 : tm.parameters();
        int qt = tm == null ? 0 : d.xt.length;
        double[][][] aBeta = new double[k][p][p];
        double[][] aMuBeta = new double[k][p];
        double[][][] aBetaGamma = new double[k][p][q];
        double[][] aMuGamma = new double[k][q];
        double[] grad = new double[k - 1];
        double[] xo = new double[p];
        double[] xt = new double[qt];
        for (int i = 0; i < n; i++) {
            int own = arm[i];
            double a = att ? (own == tau ? 1 : 0) : 1;
            if (method.outcomeModel) {
                row(d.xo, i, xo);
                double u = method == Method.IPWRA ? w[i] * r[i] : w[i];
                addOuter(aBeta[own], xo, -u * slope[i * k + own]);
                for (int t = 0; t < k; t++) {
                    double c = w[i] * (a - (method == Method.AIPW && t == own ? r[i] : 0)) * slope[i * k + t];
                    if (c != 0) {
                        axpy(aMuBeta[t], xo, c);
                    }
                }
            }
            if (method == Method.RA) {
                continue;
            }
            tm.ratioGradient(i, own, att, tau, grad);
            row(d.xt, i, xt);
            double e = method == Method.IPW ? d.y[i] - mu[own] : d.y[i] - fitted[i * k + own];
            for (int s1 = 0; s1 < k - 1; s1++) {
                double g = w[i] * e * grad[s1];
                if (g == 0) {
                    continue;
                }
                if (method == Method.IPWRA) {
                    for (int c = 0; c < p; c++) {
                        double[] target = aBetaGamma[own][c];
                        double f = g * xo[c];
                        for (int j = 0; j < qt; j++) {
                            target[s1 * qt + j] += f * xt[j];
                        }
                    }
                } else {
                    for (int j = 0; j < qt; j++) {
                        aMuGamma[own][s1 * qt + j] += g * xt[j];
                    }
                }
            }
        }
        // reduced coefficients b_t (on the arm's outcome score) and g_t (on the treatment score)
        double[][] b = new double[k][p];
        double[][] g = new double[k][];
        DecompositionSolver gammaSolver = tm == null ? null : solver(tm.hessian(), "treatment model", d.treatmentNames);
        for (int t = 0; t < k; t++) {
            if (method.outcomeModel) {
                DecompositionSolver bs = solver(aBeta[t], "outcome model of arm " + PreparedSample.level(d.levels[t]),
                        d.outcomeNames);
                b[t] = bs.solve(MatrixUtils.createRealVector(aMuBeta[t])).mapMultiply(-1).toArray();
            }
            if (gammaSolver != null) {
                double[] rhs = new double[q];
                for (int j = 0; j < q; j++) {
                    double v = -aMuGamma[t][j];
                    for (int c = 0; c < p; c++) {
                        v -= aBetaGamma[t][c][j] * b[t][c];
                    }
                    rhs[j] = v;
                }
                g[t] = gammaSolver.solve(MatrixUtils.createRealVector(rhs)).toArray();
            }
        }
        // reduced estimating functions w_i z_it of mu_t alone; their sandwich with A = -diag(den)
        double[] z = new double[n * k];
        for (int i = 0; i < n; i++) {
            int own = arm[i];
            double a = att ? (own == tau ? 1 : 0) : 1;
            if (method.outcomeModel) {
                row(d.xo, i, xo);
            }
            for (int t = 0; t < k; t++) {
                double v = switch (method) {
                    case RA, IPWRA -> a * (fitted[i * k + t] - mu[t]);
                    case IPW -> own == t ? r[i] * (d.y[i] - mu[t]) : 0;
                    case AIPW -> a * (fitted[i * k + t] - mu[t]) + (own == t ? r[i] * (d.y[i] - fitted[i * k + t]) : 0);
                };
                if (method.outcomeModel && own == t) {
                    double u = method == Method.IPWRA ? r[i] : 1;
                    v += u * (d.y[i] - fitted[i * k + t]) * dot(b[t], xo);
                }
                v *= w[i];
                if (tm != null) {
                    double[] gt = g[t];
                    for (int j = 0; j < q; j++) {
                        v += gt[j] * tm.score(i, j);
                    }
                }
                z[t * n + i] = v;
            }
        }
        double[][] bread = new double[k][k];
        for (int t = 0; t < k; t++) {
            bread[t][t] = -den[t];
        }
        EstimatingFunctions psi = EstimatingFunctions.of(z, n, k);
        double[][] cov = d.cluster == null
                ? SandwichVariance.robust(psi, bread, SmallSampleCorrection.NONE)
                : SandwichVariance.clusterRobust(psi, bread, Clusters.of(d.cluster), SmallSampleCorrection.NONE);
        return new Solution(mu, cov, d.cluster == null ? 0 : Clusters.of(d.cluster).count());
    }

    private static void row(double[][] columns, int i, double[] out) {
        for (int j = 0; j < out.length; j++) {
            out[j] = columns[j][i];
        }
    }

    private static DecompositionSolver solver(double[][] m, String model, String[] names) {
        DecompositionSolver solver = new LUDecomposition(MatrixUtils.createRealMatrix(m), 1e-300).getSolver();
        if (!solver.isNonSingular()) {
            throw new InputException("the " + model + " is singular (collinear covariates among "
                    + String.join(", ", names) + "); drop a covariate");
        }
        return solver;
    }

    static double dot(double[] a, double[] b) {
        double s = 0;
        for (int j = 0; j < a.length; j++) {
            s += a[j] * b[j];
        }
        return s;
    }

    private static void axpy(double[] target, double[] x, double c) {
        for (int j = 0; j < x.length; j++) {
            target[j] += c * x[j];
        }
    }

    private static void addOuter(double[][] target, double[] x, double c) {
        for (int j = 0; j < x.length; j++) {
            double f = c * x[j];
            if (f != 0) {
                double[] row = target[j];
                for (int l = 0; l < x.length; l++) {
                    row[l] += f * x[l];
                }
            }
        }
    }
}
