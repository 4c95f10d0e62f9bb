package org.synergia.stats.glm;

/**
 * Which information matrix a likelihood fit reports and uses for Newton steps and variances. The
 * two coincide for canonical links (gaussian–identity, binomial–logit, poisson–log); they differ
 * for the probit link.
 */
public enum Information {
    /** The observed information {@code -∂²ℓ/∂β∂βᵀ} (Newton–Raphson; Stata's {@code vce(oim)} and its default). */
    OBSERVED,
    /** The expected (Fisher) information {@code E[-∂²ℓ/∂β∂βᵀ]} (Fisher scoring / IRLS; R's {@code glm} and {@code sandwich}). */
    EXPECTED
}
