package org.synergia.stats.inference;

/**
 * The finite-sample factor {@code c} that multiplies a sandwich variance {@code A⁻¹ B A⁻ᵀ}.
 * {@code N} is the number of observations (the sum of frequency weights when there are any),
 * {@code K} the number of parameters and {@code G} the number of clusters.
 *
 * <p>Which software uses which (StataCorp, <i>Stata Base Reference Manual</i>, "_robust" and
 * "vce_option"; Zeileis, Köll &amp; Graham 2020, J. Stat. Softw. 95(1), eq. 9–10):
 * <ul>
 *   <li>{@link #NONE}: HC0. Stata {@code teffects} and {@code gmm} (stacked estimating equations),
 *       R {@code sandwich::vcovHC(type = "HC0")}.</li>
 *   <li>{@link #HC1}: {@code N/(N-K)}. Stata {@code regress, vce(robust)}, R {@code vcovHC(type = "HC1")}.</li>
 *   <li>{@link #ML}: {@code N/(N-1)}. Stata's maximum-likelihood commands ({@code logit}, {@code probit},
 *       {@code poisson}, {@code glm}) with {@code vce(robust)}.</li>
 *   <li>{@link #CLUSTER}: {@code G/(G-1)}. Stata's maximum-likelihood commands with {@code vce(cluster)},
 *       R {@code vcovCL(type = "HC0")} (with its default {@code cadjust = TRUE}).</li>
 *   <li>{@link #CR1}: {@code G/(G-1) · (N-1)/(N-K)}. Stata {@code regress, vce(cluster)},
 *       R {@code vcovCL(type = "HC1")}.</li>
 * </ul>
 */
public enum SmallSampleCorrection {
    /** No factor (HC0; also the uncorrected cluster-robust CR0). */
    NONE,
    /** {@code N/(N-K)}. */
    HC1,
    /** {@code N/(N-1)}. */
    ML,
    /** {@code G/(G-1)}. */
    CLUSTER,
    /** {@code G/(G-1) · (N-1)/(N-K)}. */
    CR1;

    /**
     * The factor.
     *
     * @param n number of observations {@code N}
     * @param k number of parameters {@code K}
     * @param g number of clusters {@code G} (ignored by the factors that do not use it)
     * @return {@code c}
     */
    public double factor(double n, int k, int g) {
        return switch (this) {
            case NONE -> 1.0;
            case HC1 -> n / (n - k);
            case ML -> n / (n - 1);
            case CLUSTER -> g / (g - 1.0);
            case CR1 -> g / (g - 1.0) * (n - 1) / (n - k);
        };
    }

    /** @return true when the factor needs cluster counts */
    public boolean usesClusters() {
        return this == CLUSTER || this == CR1;
    }
}
