package org.synergia.effects.did;

import org.synergia.data.Reason;

/** Why a difference-in-differences input is refused; texts in {@code org/synergia/effects/did/problems*.properties}. */
public enum DidProblem implements Reason {
    /** {0} clusters in the data, {1} the cluster option. */
    TOO_FEW_CLUSTERS,
    /** {0} the identifier variable, {1} the unit, {2} the period, {3} the time variable, {4} and {5} the rows, {6} the identifier option. */
    PANEL_DUPLICATE,
    /** {0} the identifier variable, {1} the time variable, {2} the identifier option. */
    PANEL_NO_UNIT_IN_BOTH,
    /** {0} the iterations, {1} the method option. */
    TILTING_NOT_CONVERGED,
    /** {0} the identifier option. */
    STAGGERED_NEEDS_PANEL,
    /** {0} the covariate, {1} the model (English), {2} the covariates option. */
    COLLINEAR_COVARIATE,
    /** {0} the method, {1} the balance option, {2} the method option. */
    BALANCE_WITHOUT_PROPENSITY,
    /** {0} the balance option, {1} the covariates option. */
    BALANCE_WITHOUT_COVARIATES,
    /** {0} the balance option, {1} the cohort option, {2} the group option. */
    BALANCE_STAGGERED,
    /** {0} the trimming level given, {1} the trim option. */
    TRIM_LEVEL,
    /** {0} the trimming level, {1} the comparison units it trims (all of them), {2} the trim option. */
    TRIM_REMOVES_COMPARISON,
    /** {0} the trimming level, {1} the comparison rows it trims, {2} the period (0 pre, 1 post), {3} the trim option. */
    TRIM_REMOVES_COMPARISON_PERIOD,
    /** {0} the cohort variable, {1} the control-group option. */
    NO_NEVER_TREATED,
    /** {0} the never-treated units (average per period), {1} the cohort variable, {2} the fewest allowed, {3} the control-group option. */
    NEVER_TREATED_TOO_FEW,
    /** {0} the cohort variable, {1} its value, {2} the row, {3} the time variable, {4} its first and {5} its last period, {6} the cohort option. */
    COHORT_OUTSIDE_PERIODS,
    /** {0} the value given, {1} the anticipation option. */
    ANTICIPATION_NEGATIVE,
    /** {0} the anticipation periods, {1} the cohort variable, {2} the first period, {3} the anticipation option. */
    ANTICIPATION_TOO_LARGE,
    /** {0} the anticipation periods, {1} the last cohort, {2} the anticipation option, {3} the control-group option. */
    ANTICIPATION_NO_PERIODS,
    /** {0} the group-time cell, {1} the period without comparison units, {2} the control-group option, {3} its value. */
    CELL_NO_COMPARISON,
    /** {0} the method option. */
    STAGGERED_TWFE,
    /** {0} the draws given, {1} the bootstrap option. */
    BOOTSTRAP_DRAWS,
    /** {0} the lowest and {1} the highest event time asked for, {2} the min-e option, {3} the max-e option. */
    EVENT_WINDOW;

    @Override
    public String bundle() {
        return "org.synergia.effects.did.problems";
    }
}
