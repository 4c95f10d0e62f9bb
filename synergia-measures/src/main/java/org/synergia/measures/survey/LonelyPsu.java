package org.synergia.measures.survey;

/**
 * What a stratum with a single PSU contributes to a design-based variance (and, at stage 2, a PSU with a
 * single second-stage unit): the choices of R {@code survey}'s {@code options(survey.lonely.psu)}, computed
 * as its {@code onestrat} does.
 */
public enum LonelyPsu {
    /** Refuse the design, naming the stratum (R's default). */
    FAIL,
    /** The stratum contributes nothing. */
    REMOVE,
    /** The PSU's total is centred at the overall mean rather than its stratum's (zero for linearised values of a mean). */
    ADJUST,
    /** The stratum is left out and the variance is scaled up by the number of strata over those with several PSUs. */
    AVERAGE
}
