package org.synergia.effects.potentialoutcomes;

import org.synergia.stats.glm.Family;

/**
 * The model of the outcome fitted in each treatment arm (Stata {@code teffects} outcome models
 * {@code linear}, {@code logit}, {@code poisson}). All three use the canonical link, so the score
 * of arm {@code t} is {@code x (y - m(x'b))} and the fitted means average to the arm's outcome mean.
 */
public enum OutcomeModel {
    /** Linear regression (least squares). */
    LINEAR,
    /** Logistic regression for an outcome in [0, 1]. */
    LOGIT,
    /** Poisson regression (log link) for a non-negative outcome. */
    POISSON;

    /** @return the GLM family fitted (with its canonical link) */
    Family family() {
        return switch (this) {
            case LINEAR -> Family.GAUSSIAN;
            case LOGIT -> Family.BINOMIAL;
            case POISSON -> Family.POISSON;
        };
    }

    /**
     * @param eta the linear predictor {@code x'b}
     * @return the predicted mean {@code m = g^-1(eta)}
     */
    double mean(double eta) {
        return switch (this) {
            case LINEAR -> eta;
            case LOGIT -> eta > 0 ? 1 / (1 + Math.exp(-eta)) : Math.exp(eta) / (1 + Math.exp(eta));
            case POISSON -> Math.exp(eta);
        };
    }

    /**
     * @param mean a predicted mean
     * @return {@code dm/deta} at that mean (canonical links: the variance function)
     */
    double slope(double mean) {
        return switch (this) {
            case LINEAR -> 1;
            case LOGIT -> mean * (1 - mean);
            case POISSON -> mean;
        };
    }
}
