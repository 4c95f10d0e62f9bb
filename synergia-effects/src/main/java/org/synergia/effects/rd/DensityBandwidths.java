package org.synergia.effects.rd;

/**
 * The MSE-optimal bandwidths of the density test, rddensity's {@code rdbwdensity} table: for each
 * side's density, their difference and their sum, the bandwidth with the estimated variance and
 * squared bias constants it balances, {@code h = (V / (2p B^2 N))^(1/(2p+1))} (Cattaneo, Jansson and
 * Ma 2020, section 2.2), after regularisation.
 *
 * @param left the left density's
 * @param right the right density's
 * @param difference the difference's (one bandwidth for both sides)
 * @param sum the sum's (one bandwidth for both sides)
 */
public record DensityBandwidths(Candidate left, Candidate right, Candidate difference, Candidate sum) {

    /**
     * @param h the bandwidth
     * @param variance the variance constant {@code N h Var}, NaN when the estimate was negative
     * @param biasSquared the squared bias constant
     */
    public record Candidate(double h, double variance, double biasSquared) {
    }
}
