package org.synergia.microsim;

import java.io.Serializable;

/**
 * A programme scaled up nationally: targeting, take-up among the eligible, cost per household
 * reached (benefit plus delivery, per year) and its effect on household consumption.
 *
 * @param name short name
 * @param targeting eligibility rules
 * @param takeUp share of eligible households reached, in [0, 1]
 * @param costPerHousehold annual cost per household reached
 * @param effect effect on household consumption per year
 */
public record Programme(String name, Targeting targeting, double takeUp, double costPerHousehold, Effect effect)
        implements Serializable {

    /** Checks the values. */
    public Programme {
        if (!(takeUp >= 0 && takeUp <= 1)) {
            throw new org.synergia.data.InputException("programme " + name + ": take-up " + takeUp + " must be in [0, 1]");
        }
        if (!(costPerHousehold >= 0) || Double.isInfinite(costPerHousehold)) {
            throw new org.synergia.data.InputException("programme " + name + ": cost " + costPerHousehold
                    + " must be non-negative");
        }
    }
}
