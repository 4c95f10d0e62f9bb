package org.synergia.effects.matching;

/** The average effect a matching estimator targets. */
public enum Estimand {
    /** Average treatment effect in the population: every unit is matched to the other arm. */
    ATE,
    /** Average treatment effect on the treated: treated units are matched to controls. */
    ATT;

    /** @return the term name of the command-line contract ({@code ATE}, {@code ATT}) */
    public String term() {
        return name();
    }
}
