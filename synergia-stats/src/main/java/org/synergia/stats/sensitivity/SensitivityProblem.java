package org.synergia.stats.sensitivity;

import org.synergia.data.Reason;

/** Why a sensitivity analysis is refused; texts in {@code org/synergia/stats/sensitivity/problems*.properties}. */
public enum SensitivityProblem implements Reason {
    /** {0} the sensitivity option, {1} the family and link given. */
    NOT_LINEAR,
    /** {0} the sensitivity option, {1} the weights option. */
    WEIGHTED,
    /** {0} the option, {1} the term given, {2} the model's terms. */
    NOT_A_TERM,
    /** {0} the benchmark option, {1} the term. */
    BENCHMARK_IS_TREATMENT,
    /** {0} the multiple option, {1} the value given. */
    MULTIPLE_NOT_POSITIVE,
    /** {0} the multiple, {1} the benchmark, {2} the multiple option. */
    MULTIPLE_TOO_LARGE,
    /** {0} the option given, {1} the sensitivity option. */
    NEEDS_SENSITIVITY,
    /** {0} the share option, {1} the value given. */
    SHARE_NOT_POSITIVE,
    /** {0} residual degrees of freedom. */
    TOO_FEW_DEGREES_OF_FREEDOM;

    @Override
    public String bundle() {
        return "org.synergia.stats.sensitivity.problems";
    }
}
