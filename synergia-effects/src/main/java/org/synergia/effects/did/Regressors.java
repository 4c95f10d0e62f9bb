package org.synergia.effects.did;

import java.util.List;
import org.synergia.data.InputException;
import org.synergia.data.OptionName;
import org.synergia.stats.linalg.Cholesky;

/**
 * The regressors of the nuisance models, an intercept followed by the covariates, stored column by
 * column; and the weighted moments the influence functions need.
 */
final class Regressors {

    private final double[][] columns;
    private final List<String> names;
    private final int n;

    Regressors(double[][] covariates, List<String> covariateNames, int n) {
        this.n = n;
        this.columns = new double[covariates.length + 1][];
        double[] one = new double[n];
        java.util.Arrays.fill(one, 1.0);
        columns[0] = one;
        System.arraycopy(covariates, 0, columns, 1, covariates.length);
        this.names = new java.util.ArrayList<>();
        names.add("(Intercept)");
        names.addAll(covariateNames);
    }

    int count() {
        return columns.length;
    }

    double[][] columns() {
        return columns;
    }

    List<String> names() {
        return names;
    }

    /** @return {@code x_iᵀ b} for every row */
    double[] index(double[] b) {
        double[] out = new double[n];
        for (int j = 0; j < columns.length; j++) {
            double bj = b[j];
            double[] c = columns[j];
            for (int i = 0; i < n; i++) {
                out[i] += bj * c[i];
            }
        }
        return out;
    }

    /** @return {@code x_iᵀ b} for one row */
    double index(int i, double[] b) {
        double s = 0;
        for (int j = 0; j < columns.length; j++) {
            s += b[j] * columns[j][i];
        }
        return s;
    }

    /** @return {@code (1/n) Σ_i v_i x_i} */
    double[] mean(double[] v) {
        double[] m = new double[columns.length];
        for (int j = 0; j < columns.length; j++) {
            double[] c = columns[j];
            double s = 0;
            for (int i = 0; i < n; i++) {
                s += v[i] * c[i];
            }
            m[j] = s / n;
        }
        return m;
    }

    /** @return {@code (1/n) Σ_i v_i x_i x_iᵀ} */
    double[][] gram(double[] v) {
        int k = columns.length;
        double[][] g = new double[k][k];
        double[] vx = new double[n];
        for (int a = 0; a < k; a++) {
            double[] ca = columns[a];
            for (int i = 0; i < n; i++) {
                vx[i] = v[i] * ca[i];
            }
            for (int b = 0; b <= a; b++) {
                double[] cb = columns[b];
                double s = 0;
                for (int i = 0; i < n; i++) {
                    s += vx[i] * cb[i];
                }
                g[a][b] = s / n;
                g[b][a] = s / n;
            }
        }
        return g;
    }

    /**
     * Solves {@code G u = m} for a Gram matrix of these regressors.
     *
     * @param gram the matrix
     * @param m the right-hand side
     * @param what the model, for the message when the matrix is singular
     * @return {@code u}
     */
    double[] solve(double[][] gram, double[] m, String what) {
        Cholesky c = Cholesky.of(gram);
        if (!c.isPositiveDefinite()) {
            throw new InputException(DidProblem.COLLINEAR_COVARIATE, names.get(c.collinearColumn()), what,
                    OptionName.of("covariates"));
        }
        return c.solve(m);
    }
}
