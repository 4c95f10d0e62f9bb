package org.synergia.effects.did;

import org.synergia.data.InputException;
import org.synergia.stats.glm.Family;
import org.synergia.stats.glm.Glm;
import org.synergia.stats.glm.Link;
import org.synergia.stats.inference.VarianceType;

/**
 * The first-step models of the DiD estimators, fitted by synergia-stats' {@link Glm}: weighted
 * least squares for the outcome regressions and a weighted logit for the propensity score. Rows
 * with weight zero (other groups or periods) are left out of the fit. Only the coefficients are
 * used: equal weights are dropped (the fit is then unweighted, with the cheaper model-based
 * variance), and unequal ones are passed as sampling weights with the robust variance the fit requires.
 */
final class NuisanceFits {

    private static final Glm OLS = Glm.withDefaults().withFamily(Family.GAUSSIAN).withLink(Link.IDENTITY).withThreads(1);
    private static final Glm LOGIT = Glm.withDefaults().withFamily(Family.BINOMIAL).withLink(Link.LOGIT).withThreads(1);

    private NuisanceFits() {
    }

    /**
     * Weighted least squares on the rows with positive weight.
     *
     * @param what the model, for messages
     * @return the coefficients, intercept first
     */
    static double[] leastSquares(Regressors x, double[] y, double[] w, String what) {
        return fit(OLS, x, y, w, what);
    }

    /**
     * Weighted logit of a 0/1 variable on the rows with positive weight.
     *
     * @return the coefficients, intercept first
     */
    static double[] logit(Regressors x, double[] d, double[] w) {
        return fit(LOGIT, x, d, w, "propensity-score model");
    }

    private static double[] fit(Glm glm, Regressors x, double[] y, double[] w, String what) {
        int n = y.length;
        int m = 0;
        for (int i = 0; i < n; i++) {
            if (w[i] > 0) {
                m++;
            }
        }
        if (m <= x.count()) {
            throw new InputException("the " + what + " has " + m + " observations with positive weight for "
                    + x.count() + " coefficients: use fewer covariates");
        }
        double[][] cols = x.columns();
        double[][] sub = new double[cols.length][m];
        double[] ys = new double[m];
        double[] ws = new double[m];
        boolean equal = true;
        int r = 0;
        for (int i = 0; i < n; i++) {
            if (w[i] > 0) {
                for (int j = 0; j < cols.length; j++) {
                    sub[j][r] = cols[j][i];
                }
                ys[r] = y[i];
                ws[r] = w[i];
                equal &= w[i] == ws[0];
                r++;
            }
        }
        try {
            return equal ? glm.fit(sub, x.names(), ys).coefficients()
                    : glm.withVariance(VarianceType.ROBUST).fit(sub, x.names(), ys, ws, null).coefficients();
        } catch (InputException e) {
            throw new InputException("in the " + what + ": " + e.getMessage(), e);
        }
    }
}
