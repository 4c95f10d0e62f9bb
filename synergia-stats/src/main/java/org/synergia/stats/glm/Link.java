package org.synergia.stats.glm;

/** The link {@code g(μ) = η = xᵀβ} of a generalised linear model. */
public enum Link {
    /** {@code η = μ}. */
    IDENTITY,
    /** {@code η = log(μ/(1-μ))}. */
    LOGIT,
    /** {@code η = Φ⁻¹(μ)}. */
    PROBIT,
    /** {@code η = log μ}. */
    LOG
}
