package org.synergia.effects.did;

import org.synergia.data.InputException;
import org.synergia.data.OptionName;

/**
 * Propensity scores {@code p̂(x) = P(D = 1 | x)} of the DiD estimators and the weights built from
 * them. Scores are capped at {@code 1 - 1e-6}; comparison units with a score at or above the
 * trimming level get weight zero (R DRDID's {@code trim.level}, 0.995 by default).
 */
final class Propensity {

    private static final double CAP = 1 - 1e-6;

    private Propensity() {
    }

    /** @return the capped fitted probabilities of a weighted logit of {@code d} on {@code x} */
    static double[] logit(Regressors x, double[] d, double[] w) {
        return probabilities(x, NuisanceFits.logit(x, d, w));
    }

    /**
     * @return the capped calibrated probabilities ({@link InverseProbabilityTilting}); the loss is
     *         strictly convex, so Newton's method starts from zero rather than from a logit fit
     */
    static double[] tilting(Regressors x, double[] d, double[] w) {
        return probabilities(x, InverseProbabilityTilting.fit(x, d, w, new double[x.count()]));
    }

    private static double[] probabilities(Regressors x, double[] gamma) {
        double[] eta = x.index(gamma);
        for (int i = 0; i < eta.length; i++) {
            eta[i] = Math.min(1 / (1 + Math.exp(-eta[i])), CAP);
        }
        return eta;
    }

    /** @return {@code w (1-D) p̂/(1-p̂)}, zero for comparison units with {@code p̂ ≥ trim} */
    static double[] controlOddsWeights(double[] p, double[] d, double[] w, double trim) {
        double[] c = new double[p.length];
        for (int i = 0; i < p.length; i++) {
            c[i] = d[i] == 0 && p[i] < trim ? w[i] * p[i] / (1 - p[i]) : 0;
        }
        return c;
    }

    /**
     * The comparison units the trimming level gives weight zero, refusing a level that leaves none
     * (in a period, for repeated cross-sections) with positive weight.
     *
     * @param post the post-period indicator of repeated cross-sections, or null for a panel
     * @return how many comparison units or rows with positive weight have {@code p̂ ≥ trim}
     */
    static int trimmed(double[] p, double[] d, double[] w, double trim, double[] post) {
        int total = 0;
        int periods = post == null ? 1 : 2;
        for (int period = 0; period < periods; period++) {
            int positive = 0;
            int trimmed = 0;
            for (int i = 0; i < p.length; i++) {
                if (d[i] == 0 && w[i] > 0 && (post == null || post[i] == period)) {
                    positive++;
                    if (!(p[i] < trim)) {
                        trimmed++;
                    }
                }
            }
            if (positive > 0 && trimmed == positive) {
                throw post == null
                        ? new InputException(DidProblem.TRIM_REMOVES_COMPARISON, trim, trimmed, OptionName.of("trim"))
                        : new InputException(DidProblem.TRIM_REMOVES_COMPARISON_PERIOD, trim, trimmed, period,
                                OptionName.of("trim"));
            }
            total += trimmed;
        }
        return total;
    }

    /** @return the logit's information per observation, {@code (1/n) Σ w p̂ (1-p̂) x xᵀ} */
    static double[][] information(Regressors x, double[] p, double[] w) {
        double[] h = new double[p.length];
        for (int i = 0; i < p.length; i++) {
            h[i] = w[i] * p[i] * (1 - p[i]);
        }
        return x.gram(h);
    }
}
