package org.synergia.effects.potentialoutcomes;

/** What a potential-outcome estimator reports (Stata {@code teffects} {@code ate}, {@code atet}, {@code pomeans}). */
public enum Estimand {
    /** Average treatment effect over the whole (weighted) sample, with the control arm's potential-outcome mean. */
    ATE,
    /** Average treatment effect on the treated: potential-outcome means among units of the treated level. */
    ATT,
    /** The potential-outcome mean of every treatment level. */
    POMEANS
}
