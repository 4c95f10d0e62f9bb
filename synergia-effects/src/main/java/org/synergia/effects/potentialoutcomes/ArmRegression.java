package org.synergia.effects.potentialoutcomes;

import java.util.Arrays;
import org.synergia.data.InputException;
import org.synergia.stats.glm.Glm;
import org.synergia.stats.glm.GlmFit;
import org.synergia.stats.inference.VarianceType;

/** The outcome model of one treatment arm, fitted with the project's GLM on that arm's rows. */
final class ArmRegression {

    private ArmRegression() {
    }

    /**
     * Fits the outcome model on the rows of arm {@code t} with weights {@code u}.
     *
     * @param model the outcome model
     * @param d the sample
     * @param t the arm
     * @param u a weight per observation of the sample (only the arm's rows are read); all ones means unweighted
     * @param threads worker threads
     * @return the coefficients
     */
    static double[] fit(OutcomeModel model, PreparedSample d, int t, double[] u, int threads) {
        int m = 0;
        for (int a : d.arm) {
            m += a == t ? 1 : 0;
        }
        int[] rows = new int[m];
        m = 0;
        boolean weighted = false;
        for (int i = 0; i < d.n; i++) {
            if (d.arm[i] == t) {
                rows[m++] = i;
                weighted |= u[i] != 1;
            }
        }
        double[][] x = new double[d.xo.length][m];
        double[] y = new double[m];
        double[] w = weighted ? new double[m] : null;
        for (int r = 0; r < m; r++) {
            int i = rows[r];
            y[r] = d.y[i];
            if (w != null) {
                w[r] = u[i];
            }
            for (int j = 0; j < x.length; j++) {
                x[j][r] = d.xo[j][i];
            }
        }
        Glm glm = Glm.withDefaults().withFamily(model.family()).withThreads(threads)
                .withVariance(weighted ? VarianceType.ROBUST : VarianceType.OIM);
        try {
            GlmFit fit = glm.fit(x, Arrays.asList(d.outcomeNames), y, w, null);
            return fit.coefficients();
        } catch (InputException e) {
            throw new InputException("outcome model in treatment arm " + PreparedSample.level(d.levels[t]) + ": "
                    + e.getMessage(), e);
        }
    }
}
