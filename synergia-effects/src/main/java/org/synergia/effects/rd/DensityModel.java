package org.synergia.effects.rd;

/**
 * The density model of the manipulation test, rddensity's {@code fitselect} (Cattaneo, Jansson and
 * Ma 2020, section 3; 2018, section 2).
 */
public enum DensityModel {
    /**
     * Separate local polynomials of the distribution function on each side of the cutoff (two
     * samples, nothing shared); rddensity's default.
     */
    UNRESTRICTED,
    /**
     * One local polynomial whose intercept (the distribution function at the cutoff) and terms of
     * order 2 and above are common to both sides, only the first-order terms (the densities) differing;
     * needs the same bandwidth on both sides.
     */
    RESTRICTED
}
