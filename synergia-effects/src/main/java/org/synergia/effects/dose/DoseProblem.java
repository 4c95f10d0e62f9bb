package org.synergia.effects.dose;

import org.synergia.data.Reason;

/** Why a dose-response input is refused; texts in {@code org/synergia/effects/dose/problems*.properties}. */
public enum DoseProblem implements Reason {
    /** {0} the subgroup variable, {1} the subgroup option. */
    ONE_SUBGROUP;

    @Override
    public String bundle() {
        return "org.synergia.effects.dose.problems";
    }
}
