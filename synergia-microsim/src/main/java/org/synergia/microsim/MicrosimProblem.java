package org.synergia.microsim;

import org.synergia.data.Reason;

/** Why a microsimulation input is refused; texts in {@code org/synergia/microsim/problems*.properties}. */
public enum MicrosimProblem implements Reason {
    /** {0} the households option, {1} the number of households given. */
    TOO_FEW_HOUSEHOLDS;

    @Override
    public String bundle() {
        return "org.synergia.microsim.problems";
    }
}
