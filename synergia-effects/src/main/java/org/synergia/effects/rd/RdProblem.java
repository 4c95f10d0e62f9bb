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
    SELECTION_NOT_IDENTIFIED,
    /** {0} the density test's order option, {1} the order given. */
    DENSITY_ORDER,
    /** {0} the bias order option, {1} its value, {2} the order option, {3} its value. */
    DENSITY_BIAS_ORDER,
    /** {0} the model option, {1} the bandwidth option. */
    DENSITY_RESTRICTED_BANDWIDTHS,
    /** {0} the bandwidth rule option, {1} the model option. */
    DENSITY_RESTRICTED_EACH,
    /**
     * {0} the running variable, {1} the cutoff option, {2} the cutoff, {3} the smallest value, {4} the
     * largest, {5} values below the cutoff, {6} values above it.
     */
    DENSITY_CUTOFF_OUTSIDE,
    /**
     * {0} the running variable, {1} the side (0 below, 1 at or above), {2} the cutoff option, {3} the
     * cutoff, {4} observations on that side, {5} their distinct values, {6} the distinct values needed,
     * {7} the order option, {8} its value.
     */
    DENSITY_TOO_FEW,
    /**
     * {0} the order, {1} the left bandwidth, {2} the right one, {3} and {4} observations within them,
     * {5} and {6} their distinct values, {7} the bandwidth option, {8} the order option.
     */
    DENSITY_NOT_IDENTIFIED,
    /** {0} the bandwidth option, {1} the regularisation option. */
    DENSITY_SELECTION_FAILED,
    /** {0} the variance option, {1} its value, {2} the bandwidth option. */
    DENSITY_VARIANCE_UNDEFINED,
    /** {0} a minimum-count option, {1} the value given. */
    DENSITY_MINIMUM_COUNT,
    /** {0} a binomial-test option, {1} the value given. */
    BINOMIAL_NOT_POSITIVE,
    /** {0} the binomial test's probability option, {1} the value given. */
    BINOMIAL_PROBABILITY,
    /** {0} the level option, {1} the value given. */
    LEVEL_RANGE,
    /** {0} the plot-range option, {1} its text, {2} the cutoff. */
    PLOT_RANGE,
    /** {0} the plot-points option, {1} the value given. */
    PLOT_POINTS;

    @Override
    public String bundle() {
        return "org.synergia.effects.rd.problems";
    }
}
