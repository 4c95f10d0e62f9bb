package org.synergia.synthesis.meta;

/** How coefficients are tested and their intervals built. */
public enum MetaTest {
    /** Wald z-tests and normal intervals. */
    Z,
    /**
     * Knapp &amp; Hartung (2003): variances scaled by the weighted residual mean square, t-tests on
     * k - p degrees of freedom (and an F-test for moderators).
     */
    KNAPP_HARTUNG
}
