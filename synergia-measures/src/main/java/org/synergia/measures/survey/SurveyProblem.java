package org.synergia.measures.survey;

import org.synergia.data.Reason;

/** Why a survey design is refused; texts in {@code org/synergia/measures/survey/problems*.properties}. */
public enum SurveyProblem implements Reason {
    /** {0} the primary-sampling-unit option. */
    SSU_WITHOUT_PSU,
    /** {0} the second-stage-unit option. */
    FPC2_WITHOUT_SSU,
    /** {0} the first-stage FPC option. */
    FPC2_WITHOUT_FPC,
    /** {0} the FPC option, {1} the value, {2} its row (from 1). */
    FPC_NOT_POSITIVE,
    /** {0} the FPC option, {1} a fraction below 1, {2} its row (from 1). */
    FPC_MIXED,
    /** {0} the FPC option, {1} the group (0 stratum, 1 PSU), {2} the row (from 1), {3} its value, {4} the earlier rows' value. */
    FPC_NOT_CONSTANT,
    /** {0} the FPC option, {1} the population, {2} the group (0 stratum, 1 PSU), {3} the sampled units in it. */
    FPC_BELOW_SAMPLE,
    /** {0} the PSU, {1} the second-stage FPC option, {2} the second-stage-unit option, {3} the lonely-PSU option. */
    SINGLE_SSU_IN_PSU,
    /** {0} the stratum's value, {1} the strata option, {2} the lonely-PSU option. */
    SINGLE_PSU_IN_STRATUM;

    @Override
    public String bundle() {
        return "org.synergia.measures.survey.problems";
    }
}
