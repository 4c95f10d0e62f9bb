package org.synergia.stats.linalg;

/**
 * Dot products of array segments, with four independent partial sums so the processor can
 * pipeline the additions (the sum order is fixed, so results are reproducible).
 */
public final class DotProduct {

    private DotProduct() {
    }

    /**
     * {@code Σ_{t<len} a[aFrom+t] · b[bFrom+t]}.
     *
     * @param a first array
     * @param aFrom first index in {@code a}
     * @param b second array
     * @param bFrom first index in {@code b}
     * @param len number of terms
     * @return the dot product
     */
    public static double of(double[] a, int aFrom, double[] b, int bFrom, int len) {
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        int t = 0;
        for (; t + 3 < len; t += 4) {
            s0 += a[aFrom + t] * b[bFrom + t];
            s1 += a[aFrom + t + 1] * b[bFrom + t + 1];
            s2 += a[aFrom + t + 2] * b[bFrom + t + 2];
            s3 += a[aFrom + t + 3] * b[bFrom + t + 3];
        }
        for (; t < len; t++) {
            s0 += a[aFrom + t] * b[bFrom + t];
        }
        return (s0 + s1) + (s2 + s3);
    }
}
