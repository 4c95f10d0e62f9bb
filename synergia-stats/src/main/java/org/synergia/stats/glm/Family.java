package org.synergia.stats.glm;

/** The distribution of the outcome in a generalised linear model (McCullagh &amp; Nelder 1989, ch. 2). */
public enum Family {
    /** Normal outcome; with the identity link, least squares (OLS, or WLS with weights). */
    GAUSSIAN,
    /** Bernoulli outcome in {0, 1} (fractional values in [0, 1] are allowed, as quasi-likelihood). */
    BINOMIAL,
    /** Count outcome, non-negative. */
    POISSON;

    /** @return the canonical link of the family */
    public Link canonicalLink() {
        return switch (this) {
            case GAUSSIAN -> Link.IDENTITY;
            case BINOMIAL -> Link.LOGIT;
            case POISSON -> Link.LOG;
        };
    }
}
