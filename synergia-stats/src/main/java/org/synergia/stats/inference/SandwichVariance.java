package org.synergia.stats.inference;

import java.util.List;
import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.DecompositionSolver;
import org.hipparchus.linear.LUDecomposition;
import org.synergia.data.InputException;
import org.synergia.stats.linalg.Cholesky;

/**
 * Variance estimators of M-estimators: the sandwich {@code V = c · A⁻¹ B A⁻ᵀ}, where
 * {@code A = Σ_i f_i ∂ψ_i/∂θᵀ} is the derivative of the estimating equations at the estimate
 * ({@code p × p}, not necessarily symmetric when systems are stacked), {@code B} is the
 * {@linkplain EstimatingFunctions#meat() meat} and {@code c} a {@link SmallSampleCorrection}
 * (Huber 1967; White 1980, Econometrica 48(4), eq. 3; Stefanski &amp; Boos 2002, Am. Stat. 56(1),
 * eq. 2–4), and the model-based variance {@code I⁻¹} of a likelihood estimator.
 *
 * <p>The sign convention of {@code A} does not matter: {@code (-A)⁻¹ B (-A)⁻ᵀ = A⁻¹ B A⁻ᵀ}, so
 * either the Hessian of the objective or the information matrix may be passed.
 */
public final class SandwichVariance {

    private SandwichVariance() {
    }

    /**
     * The plain sandwich {@code A⁻¹ B A⁻ᵀ}.
     *
     * @param a the derivative matrix ({@code p × p})
     * @param b the meat ({@code p × p}, symmetric)
     * @return {@code V}, symmetric
     */
    public static double[][] of(double[][] a, double[][] b) {
        int p = a.length;
        double[][] ainv = inverse(a);
        double[][] t = new double[p][p]; // A⁻¹ B
        for (int i = 0; i < p; i++) {
            for (int k = 0; k < p; k++) {
                double aik = ainv[i][k];
                if (aik == 0) {
                    continue;
                }
                for (int j = 0; j < p; j++) {
                    t[i][j] += aik * b[k][j];
                }
            }
        }
        double[][] v = new double[p][p];
        for (int i = 0; i < p; i++) {
            for (int j = 0; j <= i; j++) {
                double s = 0;
                for (int k = 0; k < p; k++) {
                    s += t[i][k] * ainv[j][k];
                }
                v[i][j] = s;
            }
        }
        for (int i = 0; i < p; i++) {
            for (int j = 0; j < i; j++) {
                v[j][i] = v[i][j];
            }
        }
        return v;
    }

    /**
     * Heteroskedasticity-robust variance {@code c · A⁻¹ (Σ f_i ψ_i ψ_iᵀ) A⁻ᵀ}.
     *
     * @param psi the contributions at the estimate
     * @param a the derivative matrix of the estimating equations
     * @param correction {@link SmallSampleCorrection#NONE}, {@code HC1} or {@code ML}
     * @return {@code V} ({@code p × p})
     */
    public static double[][] robust(EstimatingFunctions psi, double[][] a, SmallSampleCorrection correction) {
        if (correction.usesClusters()) {
            throw new IllegalArgumentException(correction + " is a cluster-robust correction");
        }
        double[][] v = of(a, psi.meat());
        scale(v, correction.factor(psi.observations(), psi.parameters(), 0));
        return v;
    }

    /**
     * Cluster-robust variance {@code c · A⁻¹ (Σ_g s_g s_gᵀ) A⁻ᵀ}, {@code s_g = Σ_{i∈g} f_i ψ_i}
     * (Liang &amp; Zeger 1986; Cameron &amp; Miller 2015, eq. 12 with the factors of their §VI.B).
     *
     * @param psi the contributions at the estimate
     * @param a the derivative matrix of the estimating equations
     * @param clusters the cluster of each row
     * @param correction usually {@link SmallSampleCorrection#CLUSTER} (Stata ML commands) or
     *        {@link SmallSampleCorrection#CR1} (Stata {@code regress}); {@code NONE} gives CR0
     * @return {@code V} ({@code p × p})
     */
    public static double[][] clusterRobust(EstimatingFunctions psi, double[][] a, Clusters clusters,
            SmallSampleCorrection correction) {
        if (clusters.count() < 2) {
            throw new InputException("cluster-robust variance needs at least 2 clusters, the data have "
                    + clusters.count() + ": choose a cluster variable with more groups or use robust");
        }
        double[][] v = of(a, psi.meat(clusters));
        scale(v, correction.factor(psi.observations(), psi.parameters(), clusters.count()));
        return v;
    }

    /**
     * Model-based variance {@code I⁻¹} of a likelihood estimator, where {@code I} is the observed
     * (or expected) information matrix, the negative Hessian of the log-likelihood.
     *
     * @param information {@code I} ({@code p × p}, symmetric positive definite)
     * @param names the parameters' names, for the message when {@code I} is singular
     * @return {@code I⁻¹}
     */
    public static double[][] modelBased(double[][] information, List<String> names) {
        Cholesky c = Cholesky.of(information);
        if (!c.isPositiveDefinite()) {
            throw new InputException("the information matrix is singular at parameter '" + names.get(c.collinearColumn())
                    + "': it is collinear with earlier regressors or not identified; drop it");
        }
        return c.inverse();
    }

    /**
     * Standard errors: square roots of the diagonal.
     *
     * @param v a variance matrix
     * @return {@code sqrt(V_jj)}
     */
    public static double[] standardErrors(double[][] v) {
        double[] se = new double[v.length];
        for (int j = 0; j < v.length; j++) {
            se[j] = Math.sqrt(v[j][j]);
        }
        return se;
    }

    private static void scale(double[][] v, double c) {
        for (double[] row : v) {
            for (int j = 0; j < row.length; j++) {
                row[j] *= c;
            }
        }
    }

    private static double[][] inverse(double[][] a) {
        DecompositionSolver solver = new LUDecomposition(new Array2DRowRealMatrix(a, false), 1e-14).getSolver();
        if (!solver.isNonSingular()) {
            throw new InputException("the derivative matrix of the estimating equations is singular: a parameter is"
                    + " not identified (collinear regressors or an empty group); drop the offending regressor");
        }
        return solver.getInverse().getData();
    }
}
