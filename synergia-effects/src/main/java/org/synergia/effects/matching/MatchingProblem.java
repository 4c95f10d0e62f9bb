package org.synergia.effects.matching;

import org.synergia.data.Reason;

/** Why a matching input is refused; texts in {@code org/synergia/effects/matching/problems*.properties}. */
public enum MatchingProblem implements Reason {
    /** {0} the estimand option. */
    ESTIMAND,
    /** {0} neighbours requested, {1} treated units, {2} control units, {3} the neighbours option. */
    TOO_MANY_NEIGHBOURS,
    /** {0} the replacement option. */
    ATE_NEEDS_REPLACEMENT,
    /** {0} the variance neighbours given, {1} their option. */
    VARIANCE_NEIGHBOURS,
    /** {0} rows outside, {1} the first such row (from 1), {2} the overlap tolerance, {3} the common-support option. */
    OVERLAP,
    /** {0} the caliper in SDs, {1} on the score, {2} units of the arm, {3} the arm (0 treated, 1 control), {4} the caliper option. */
    CALIPER_LEAVES_NONE,
    /** {0} the neighbours given, {1} the neighbours option. */
    NEIGHBOURS_AT_LEAST_ONE,
    /** {0} the variance neighbours given, {1} their option. */
    ROBUST_VARIANCE_NEIGHBOURS,
    /** {0} the Γ grid option. */
    GAMMA_EMPTY,
    /** {0} the Γ grid option, {1} the value below 1 or not finite. */
    GAMMA_VALUE,
    /** {0} the Γ grid option, {1} the value out of order, {2} the value before it. */
    GAMMA_NOT_INCREASING,
    /** {0} the sensitivity level option, {1} its value. */
    SENSITIVITY_ALPHA,
    /** {0} the number of pairs, {1} the sensitivity option. */
    PAIRS_ALL_ZERO;

    @Override
    public String bundle() {
        return "org.synergia.effects.matching.problems";
    }
}
