package org.synergia.effects.rd;

/** The variance estimator of the density test, rddensity's {@code vce}. */
public enum DensityVariance {
    /**
     * The jackknife (leave-one-out) variance of the distribution-function regression, which stays
     * valid without the asymptotic constants; rddensity's default.
     */
    JACKKNIFE,
    /** The asymptotic plug-in variance: the estimated densities times the kernel constants. */
    PLUGIN
}
