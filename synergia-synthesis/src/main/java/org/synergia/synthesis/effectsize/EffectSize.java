package org.synergia.synthesis.effectsize;

/**
 * An effect size on a common scale with its sampling variance, ready for meta-analysis.
 *
 * @param estimate the effect size
 * @param variance its sampling variance
 */
public record EffectSize(double estimate, double variance) {

    /** @return the standard error, the square root of the variance */
    public double se() {
        return Math.sqrt(variance);
    }
}
