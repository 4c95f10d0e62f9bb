package org.synergia.effects.rd;

/**
 * Data-driven bandwidth selectors (Calonico, Cattaneo and Titiunik 2014, section 4; Calonico,
 * Cattaneo and Farrell 2020, section 3).
 */
public enum BandwidthSelector {
    /** One common MSE-optimal bandwidth for the difference of the two boundary estimates. */
    MSERD(false, false),
    /** Two MSE-optimal bandwidths, one for each side's boundary estimate. */
    MSETWO(true, false),
    /** One common bandwidth optimal for the coverage error of the robust interval. */
    CERRD(false, true),
    /** Two coverage-error-optimal bandwidths, one per side. */
    CERTWO(true, true);

    private final boolean perSide;
    private final boolean coverage;

    BandwidthSelector(boolean perSide, boolean coverage) {
        this.perSide = perSide;
        this.coverage = coverage;
    }

    /** @return true when each side gets its own bandwidth */
    boolean perSide() {
        return perSide;
    }

    /** @return true when the MSE-optimal bandwidth is shrunk to the coverage-error-optimal rate */
    boolean coverage() {
        return coverage;
    }
}
