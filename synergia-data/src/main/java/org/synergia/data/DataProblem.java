package org.synergia.data;

/** Why a data input is refused; texts in {@code org/synergia/data/problems*.properties}. */
public enum DataProblem implements Reason {
    /**
     * {0} the data set, {1} the variable, {2} the first row missing it (from 1), {3} the kind of missing value
     * (0 plain, 1 SPSS user-missing code, 2 Stata extended missing value), {4} that code (empty for 0), {5} further
     * rows missing the variable, {6} missing values of the other variables, {7} the missing-values option.
     */
    MISSING_REFUSED;

    @Override
    public String bundle() {
        return "org.synergia.data.problems";
    }
}
