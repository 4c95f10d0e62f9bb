package org.synergia.synthesis.estimators;

import org.synergia.data.Reason;

/** Why the options of an estimator of this package are refused; texts in {@code org/synergia/synthesis/estimators/problems*.properties}. */
public enum EstimatorProblem implements Reason {
    /** {0} the moderators option, {1} the moderators as written. */
    EMPTY_MODERATOR_TERM;

    @Override
    public String bundle() {
        return "org.synergia.synthesis.estimators.problems";
    }
}
