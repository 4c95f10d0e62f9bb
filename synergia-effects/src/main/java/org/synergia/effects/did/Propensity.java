package org.synergia.effects.did;

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

    /** @return the logit's information per observation, {@code (1/n) Σ w p̂ (1-p̂) x xᵀ} */
    static double[][] information(Regressors x, double[] p, double[] w) {
        double[] h = new double[p.length];
        for (int i = 0; i < p.length; i++) {
            h[i] = w[i] * p[i] * (1 - p[i]);
        }
        return x.gram(h);
    }
}
