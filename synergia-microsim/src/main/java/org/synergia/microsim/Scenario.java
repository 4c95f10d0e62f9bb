package org.synergia.microsim;

import java.io.Serializable;

/**
 * Which programmes a scenario scales up. With joint targeting both programmes go to the same
 * households: those eligible under both rules, with one take-up draw (reached by both or neither,
 * at the lower of the two take-up rates); otherwise each programme targets and is taken up
 * independently.
 *
 * @param name scenario name
 * @param first whether the first programme runs
 * @param second whether the second programme runs
 * @param jointTargeting both programmes to the same households
 */
public record Scenario(String name, boolean first, boolean second, boolean jointTargeting) implements Serializable {

    /** Checks the combination. */
    public Scenario {
        if (jointTargeting && !(first && second)) {
            throw new org.synergia.data.InputException("scenario " + name + ": joint targeting needs both programmes");
        }
    }
}
