package org.synergia.effects.potentialoutcomes;

/**
 * What to do when estimated treatment probabilities fall outside {@code [bound, 1 - bound]}
 * (overlap or positivity violation; Stata {@code teffects} refuses by default with bound 1e-5).
 */
public enum OverlapRule {
    /** Stop with an {@link org.synergia.data.InputException} naming how many observations violate overlap. */
    REFUSE,
    /** Drop the violating observations, refit every model on the rest and report how many were dropped. */
    TRIM,
    /** Keep every observation and report the violation as a warning. */
    ALLOW
}
