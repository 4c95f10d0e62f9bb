package org.synergia.effects.rd;

import org.synergia.data.Reason;

/** Why a regression-discontinuity input is refused; texts in {@code org/synergia/effects/rd/problems*.properties}. */
public enum RdProblem implements Reason {
    /** {0} the order option, {1} the order given. */
    POLYNOMIAL_ORDER,
    /** {0} the bias order option, {1} the order given. */
    BIAS_ORDER,
    /** {0} the bandwidth option, {1} the value given. */
    BANDWIDTH_NOT_POSITIVE,
    /** {0} the bias order option, {1} its value, {2} the order option, {3} its value. */
    BIAS_ORDER_BELOW_ORDER,
    /** {0} the bias bandwidth option, {1} the main bandwidth option. */
    BIAS_BANDWIDTH_ALONE,
    /** {0} the side (0 left, 1 right), {1} h, {2} units on that side, {3} the nearest distance, {4} the bandwidth option. */
    NO_UNITS_IN_BANDWIDTH,
    /** {0} clusters in the window, {1} the side (0 left, 1 right), {2} the cluster option. */
    TOO_FEW_CLUSTERS,
    /** {0} the bandwidth option. */
    BANDWIDTH_SELECTION_FAILED,
    /** {0} the order, {1} the bandwidth, {2} units, {3} distinct running values, {4} the order option. */
    POLYNOMIAL_NOT_IDENTIFIED,
    /** {0} the bandwidth-check option, {1} the value given. */
    BWCHECK_NOT_POSITIVE,
    /**
     * {0} the order, {1} the bandwidth, {2} units, {3} distinct running values, {4} the mass-points
     * option, {5} the bandwidth-check option, {6} the bandwidth option.
     */
    SELECTION_NOT_IDENTIFIED;

    @Override
    public String bundle() {
        return "org.synergia.effects.rd.problems";
    }
}
