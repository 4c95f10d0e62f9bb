package org.synergia.effects.estimators;

import org.synergia.data.Reason;

/** Why the options of an estimator entry of this module are refused; texts in {@code org/synergia/effects/estimators/problems*.properties}. */
public enum EstimatorProblem implements Reason {
    /** {0} the group option, {1} the cohort option. */
    GROUP_OR_COHORT,
    /** {0} the control option, {1} the group option, {2} the cohort option. */
    CONTROL_WITH_COHORT,
    /** {0} the bins option, {1} the method option, {2} the grid option. */
    DOSE_METHOD_OPTIONS,
    /** {0} the method option, {1} the bins option. */
    DOSE_BINS_MISSING,
    /** {0} the standard-error option. */
    KERNEL_SE,
    /** {0} the link option, {1} the score option, {2} the caliper option. */
    KERNEL_SCORE,
    /** {0} the standard-error option, {1} the kernel option. */
    NEAREST_NEIGHBOUR_BOOTSTRAP,
    /** {0} the control option, {1} its value, {2} the treatment variable, {3} and {4} its two values. */
    CONTROL_NOT_A_VALUE,
    /** {0} the covariates option, {1} its value. */
    NO_MATCHING_COVARIATES,
    /** {0} the bias-adjustment option, {1} its covariates, {2} the covariates option, {3} the matching covariates. */
    BIAS_ADJUST_COVARIATES,
    /** {0} the sensitivity option, {1} the estimand option. */
    SENSITIVITY_NEEDS_ATT,
    /** {0} the sensitivity option, {1} the kernel option. */
    SENSITIVITY_KERNEL,
    /** {0} the option given without the sensitivity option, {1} the sensitivity option. */
    SENSITIVITY_OPTION_ALONE,
    /** {0} the bounds option, {1} the crump option. */
    TRIM_BOTH,
    /** {0} the bounds option, {1} its value. */
    TRIM_SCORE_BOUNDS,
    /** {0} the match-order option, {1} the replacement option. */
    MATCH_ORDER_WITH_REPLACEMENT,
    /** {0} the subgroup option, {1} its variable, {2} the most subgroups allowed. */
    BY_NOT_CATEGORICAL,
    /** {0} the subgroup option, {1} its variable, {2} its only value. */
    BY_ONE_SUBGROUP,
    /** {0} the subgroup option, {1} its variable, {2} the subgroup, {3} why the estimator failed there. */
    BY_SUBGROUP_FAILED,
    /** {0} the cluster option, {1} its variable, {2} a cluster in two subgroups, {3} the subgroup variable, {4} the subgroup option. */
    BY_CLUSTERS_CROSS,
    /** {0} the subgroup option, {1} the option not available with it. */
    BY_NOT_WITH,
    GPS_NOT_WITH,
    GPS_ESTIMAND,
    GPS_SE,
    SYNERGY_NEEDS_GPS,
    /** {0} the file option, {1} the treatment variable, {2} its number of levels. */
    MULTI_ARM_FILE,
    /** {0} Stata's tie option, {1} R Matching's. */
    TIES_BOTH,
    /** {0} the caliper-rule option, {1} the caliper option. */
    CALIPER_RULE_ALONE,
    /** {0} the option given, {1} the cohort option, {2} the group option. */
    STAGGERED_ONLY;

    @Override
    public String bundle() {
        return "org.synergia.effects.estimators.problems";
    }
}
