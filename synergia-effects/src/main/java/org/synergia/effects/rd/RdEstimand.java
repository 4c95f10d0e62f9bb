package org.synergia.effects.rd;

import java.util.List;
import org.synergia.data.InputException;
import org.synergia.stats.linalg.Cholesky;

/**
 * The RD parameter as a function of the per-column boundary quantities {@code theta} (jumps at the
 * cutoff, or one side's derivatives in bandwidth selection) of the outcome, the treatment received
 * and the covariates: {@code tau_Y = theta_Y - gamma_Y' theta_Z} in a sharp design and
 * {@code tau_Y / tau_T} in a fuzzy one, with the common covariate coefficients {@code gamma} solved
 * from the partialled cross-products (Calonico, Cattaneo, Farrell and Titiunik 2019, eqs. 5 and 8).
 * Its gradient is the linear combination of the columns' residuals that enters the variance.
 */
final class RdEstimand {

    private final boolean fuzzy;
    private final int zStart;
    private final int columns;
    /** Coefficients of the covariates for the outcome, or null without covariates. */
    private final double[] gammaY;
    /** Coefficients of the covariates for the treatment received (fuzzy designs), or null. */
    private final double[] gammaT;

    /**
     * @param fuzzy whether column 1 is the treatment received
     * @param columns the number of columns (outcome, treatment, covariates)
     * @param partial partialled cross-products of all columns, or null when there are no covariates
     * @param covariateNames names for messages
     */
    RdEstimand(boolean fuzzy, int columns, double[][] partial, List<String> covariateNames) {
        this.fuzzy = fuzzy;
        this.columns = columns;
        zStart = fuzzy ? 2 : 1;
        int dz = columns - zStart;
        if (dz == 0) {
            gammaY = null;
            gammaT = null;
            return;
        }
        double[][] zz = new double[dz][dz];
        for (int a = 0; a < dz; a++) {
            for (int b = 0; b < dz; b++) {
                zz[a][b] = partial[zStart + a][zStart + b];
            }
        }
        Cholesky factor = Cholesky.of(zz);
        if (!factor.isPositiveDefinite()) {
            throw new InputException("the covariates " + covariateNames + " are collinear within the bandwidth"
                    + " (after removing the polynomial in the running variable); drop one of them");
        }
        gammaY = factor.solve(crossWith(partial, 0, dz));
        gammaT = fuzzy ? factor.solve(crossWith(partial, 1, dz)) : null;
    }

    private double[] crossWith(double[][] partial, int column, int dz) {
        double[] b = new double[dz];
        for (int a = 0; a < dz; a++) {
            b[a] = partial[zStart + a][column];
        }
        return b;
    }

    /** @return {@code theta_c - gamma' theta_Z} for column c with coefficients gamma (or none) */
    private double adjusted(double[] theta, int c, double[] gamma) {
        double t = theta[c];
        if (gamma != null) {
            for (int j = 0; j < gamma.length; j++) {
                t -= gamma[j] * theta[zStart + j];
            }
        }
        return t;
    }

    /**
     * @param theta per-column boundary quantities
     * @return the covariate-adjusted quantity of the treatment received (fuzzy designs)
     */
    double treatmentPart(double[] theta) {
        return adjusted(theta, 1, gammaT);
    }

    /**
     * @param theta per-column boundary quantities
     * @return the parameter: the adjusted outcome jump, divided by the adjusted treatment jump in
     *     a fuzzy design
     */
    double value(double[] theta) {
        double y = adjusted(theta, 0, gammaY);
        return fuzzy ? y / treatmentPart(theta) : y;
    }

    /**
     * @param theta per-column boundary quantities
     * @return the gradient of {@link #value} in theta with gamma held fixed
     */
    double[] gradient(double[] theta) {
        double[] s = new double[columns];
        if (!fuzzy) {
            s[0] = 1;
            for (int j = 0; gammaY != null && j < gammaY.length; j++) {
                s[zStart + j] = -gammaY[j];
            }
            return s;
        }
        double ty = adjusted(theta, 0, gammaY);
        double tt = treatmentPart(theta);
        s[0] = 1 / tt;
        s[1] = -ty / (tt * tt);
        for (int j = 0; gammaY != null && j < gammaY.length; j++) {
            s[zStart + j] = -gammaY[j] / tt + ty * gammaT[j] / (tt * tt);
        }
        return s;
    }
}
