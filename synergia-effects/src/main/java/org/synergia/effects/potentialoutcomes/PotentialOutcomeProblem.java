package org.synergia.effects.potentialoutcomes;

import org.synergia.data.Reason;

/** Why a potential-outcome (RA, IPW, AIPW, IPWRA) input is refused; texts in {@code org/synergia/effects/potentialoutcomes/problems*.properties}. */
public enum PotentialOutcomeProblem implements Reason {
    /** {0} observations outside, {1} observations, {2} the overlap bound, {3} the overlap option. */
    OVERLAP,
    /** {0} the method, {1} the balance option. */
    BALANCE_NEEDS_LINEAR_RA,
    /** {0} the method, {1} the trimming option. */
    TRIM_WITHOUT_TREATMENT_MODEL,
    /** {0} the Crump option, {1} the number of treatment levels, {2} the bounds option. */
    CRUMP_NEEDS_TWO_LEVELS;

    @Override
    public String bundle() {
        return "org.synergia.effects.potentialoutcomes.problems";
    }
}
