package org.synergia.microsim;

import java.io.Serializable;

/**
 * An estimated programme effect on household consumption (currency per household per year), with
 * its standard error; draws are normal with that SE.
 *
 * @param mean the point estimate
 * @param se its standard error, non-negative
 */
public record Effect(double mean, double se) implements Serializable {

    /** Checks the values. */
    public Effect {
        if (!Double.isFinite(mean) || !(se >= 0) || Double.isInfinite(se)) {
            throw new org.synergia.data.InputException("effect " + mean + " (SE " + se
                    + "): need a finite estimate and a non-negative finite SE");
        }
    }
}
