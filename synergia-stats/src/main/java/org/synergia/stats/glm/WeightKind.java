package org.synergia.stats.glm;

/** What observation weights mean (Stata's {@code pweight} and {@code fweight}). */
public enum WeightKind {
    /**
     * Sampling (probability) weights: row {@code i} stands for {@code w_i} population units. The
     * estimating equations are weighted, {@code N} is the number of rows with positive weight, and
     * only robust or cluster-robust variances are valid.
     */
    SAMPLING,
    /**
     * Frequency weights: row {@code i} stands for {@code w_i} identical observations (integers).
     * {@code N} is the sum of the weights; every variance is valid.
     */
    FREQUENCY
}
