package org.synergia.measures.poverty;

import org.synergia.data.Reason;

/** Why a poverty-measure input is refused; texts in {@code org/synergia/measures/poverty/problems*.properties}. */
public enum PovertyProblem implements Reason {
    /** {0} the poverty line given, {1} the poverty-line option. */
    LINE_NOT_POSITIVE;

    @Override
    public String bundle() {
        return "org.synergia.measures.poverty.problems";
    }
}
