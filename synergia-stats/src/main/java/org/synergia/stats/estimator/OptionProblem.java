package org.synergia.stats.estimator;

import org.synergia.data.Reason;

/** Why an option's value is refused, whatever the estimator; texts in {@code org/synergia/stats/estimator/problems*.properties}. */
public enum OptionProblem implements Reason {
    /** {0} the option, {1} its text, {2} the part that is not a number. */
    NOT_A_NUMBER_LIST,
    /** {0} the option, {1} how many values it has. */
    NOT_A_PAIR,
    /** {0} the formula option, {1} the parser's message. */
    FORMULA_SYNTAX;

    @Override
    public String bundle() {
        return "org.synergia.stats.estimator.problems";
    }
}
