package org.synergia.effects.did;

/**
 * An ATT with its influence function {@code ψ_i}, so that {@code ATT̂ - ATT ≈ (1/N) Σ ψ_i}.
 *
 * @param att the estimate
 * @param influence one value per observation
 * @param centred true when the variance is the sample variance of {@code ψ} with divisor
 *        {@code N-1} (R DRDID's TWFE), false for {@code (1/N) Σ ψ_i²} (its other estimators)
 * @param trimmed comparison units (panel) or rows (repeated cross-sections) with positive weight
 *        that the trimming level gave weight zero; 0 for estimators without a propensity score
 */
record AsymptoticLinearization(double att, double[] influence, boolean centred, int trimmed) {

    AsymptoticLinearization(double att, double[] influence, boolean centred) {
        this(att, influence, centred, 0);
    }

    static double mean(double[] a) {
        double s = 0;
        for (double v : a) {
            s += v;
        }
        return s / a.length;
    }

    static double mean(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s / a.length;
    }
}
