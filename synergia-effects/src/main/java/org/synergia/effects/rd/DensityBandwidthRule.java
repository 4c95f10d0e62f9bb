package org.synergia.effects.rd;

/**
 * How the density test chooses its bandwidths from the MSE-optimal ones, rddensity's
 * {@code bwselect} (Cattaneo, Jansson and Ma 2018, section 3).
 */
public enum DensityBandwidthRule {
    /** Each side's own MSE-optimal bandwidth for its density (unrestricted model only). */
    EACH,
    /** One bandwidth, MSE-optimal for the difference of the two densities. */
    DIFF,
    /** One bandwidth, MSE-optimal for their sum. */
    SUM,
    /**
     * The default: unrestricted, each side takes the median of its {@code each}, {@code diff} and
     * {@code sum} bandwidths; restricted, the smaller of {@code diff} and {@code sum}.
     */
    COMB
}
