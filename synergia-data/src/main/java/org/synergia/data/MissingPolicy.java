package org.synergia.data;

/**
 * What an analysis does with a row that has a missing value in a variable it uses (see
 * {@link CompleteCases}). Missing means any kind of missing: the system missing value, Stata's
 * extended missing values {@code .a}..{@code .z}, SPSS user-missing codes, an empty text.
 */
public enum MissingPolicy {

    /** Leave such rows out (Stata's rule, R's {@code na.omit}), reporting how many and why. */
    DROP,

    /** Refuse: any missing value in a variable the analysis uses is an error. */
    REFUSE
}
