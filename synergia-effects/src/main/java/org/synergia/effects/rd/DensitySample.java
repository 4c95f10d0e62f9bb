package org.synergia.effects.rd;

import java.util.Arrays;

/**
 * The running variable of a density test, sorted once and centred at the cutoff, with the empirical
 * distribution function the local polynomials regress: rddensity's {@code (i - 1) / (N - 1)} for
 * the {@code i}-th smallest of {@code N} values, which under mass points every unit of a repeated
 * value takes from the value's last unit (so that it is the share of the other units at or below
 * the value).
 */
final class DensitySample {

    /** The values minus the cutoff, ascending. Shared, not to be modified. */
    final double[] x;
    /** The empirical distribution function at each value. */
    final double[] y;
    /** Units. */
    final int n;
    /** Units left of the cutoff (the first {@code nLeft} of {@link #x}). */
    final int nLeft;
    /** The distinct values minus the cutoff, ascending. */
    final double[] unique;
    /** Distinct values left of the cutoff. */
    final int uniqueLeft;
    /** Whether some value repeats. */
    final boolean repeated;
    /** Whether the estimates adjust for repeated values (they repeat and the adjustment is on). */
    final boolean massPoints;

    private DensitySample(double[] x, double[] y, int nLeft, double[] unique, int uniqueLeft, boolean repeated,
            boolean massPoints) {
        this.x = x;
        this.y = y;
        this.n = x.length;
        this.nLeft = nLeft;
        this.unique = unique;
        this.uniqueLeft = uniqueLeft;
        this.repeated = repeated;
        this.massPoints = massPoints;
    }

    /**
     * @param sortedRunning the finite values of the running variable, ascending (at least 2)
     * @param cutoff the cutoff
     * @param adjust whether to adjust for mass points when values repeat
     * @return the sample
     */
    static DensitySample of(double[] sortedRunning, double cutoff, boolean adjust) {
        int n = sortedRunning.length;
        double[] x = new double[n];
        int nLeft = 0;
        int distinct = 0;
        for (int i = 0; i < n; i++) {
            x[i] = sortedRunning[i] - cutoff;
            if (x[i] < 0) {
                nLeft++;
            }
            if (i == 0 || x[i] != x[i - 1]) {
                distinct++;
            }
        }
        double[] unique = new double[distinct];
        int uniqueLeft = 0;
        for (int i = 0, u = 0; i < n; i++) {
            if (i == 0 || x[i] != x[i - 1]) {
                unique[u++] = x[i];
                if (x[i] < 0) {
                    uniqueLeft++;
                }
            }
        }
        boolean repeated = distinct < n;
        boolean massPoints = repeated && adjust;
        double[] y = new double[n];
        double scale = n - 1;
        for (int i = n - 1; i >= 0; ) {
            int last = i;
            double v = last / scale;
            do {
                y[i] = massPoints ? v : i / scale;
                i--;
            } while (i >= 0 && x[i] == x[last]);
        }
        return new DensitySample(x, y, nLeft, unique, uniqueLeft, repeated, massPoints);
    }

    /** @return the finite values of {@code running}, ascending */
    static double[] sortedFinite(double[] running) {
        int m = 0;
        for (double v : running) {
            if (Double.isFinite(v)) {
                m++;
            }
        }
        double[] s = new double[m];
        int k = 0;
        for (double v : running) {
            if (Double.isFinite(v)) {
                s[k++] = v;
            }
        }
        Arrays.sort(s);
        return s;
    }

    /** @return units at or right of the cutoff */
    int nRight() {
        return n - nLeft;
    }

    /** @return the first index whose value is at least {@code v} (n when none) */
    int firstAtLeast(double v) {
        int lo = 0;
        int hi = n;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (x[mid] >= v) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return lo;
    }

    /** @return the first index whose value exceeds {@code v} (n when none) */
    int firstAbove(double v) {
        int lo = 0;
        int hi = n;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (x[mid] > v) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return lo;
    }

    /** @return the distance from the cutoff of the k-th nearest unit on the left (the farthest when fewer) */
    double nearestLeft(int k) {
        return -x[nLeft - Math.min(k, nLeft)];
    }

    /** @return the same at or right of the cutoff */
    double nearestRight(int k) {
        return x[nLeft + Math.min(k, nRight()) - 1];
    }

    /** @return the distance of the k-th nearest distinct value on the left (the farthest when fewer) */
    double nearestUniqueLeft(int k) {
        return -unique[uniqueLeft - Math.min(k, uniqueLeft)];
    }

    /** @return the same at or right of the cutoff */
    double nearestUniqueRight(int k) {
        return unique[uniqueLeft + Math.min(k, unique.length - uniqueLeft) - 1];
    }

    /** @return distinct values among indices {@code [from, to)} */
    int distinct(int from, int to) {
        int d = 0;
        for (int i = from; i < to; i++) {
            if (i == from || x[i] != x[i - 1]) {
                d++;
            }
        }
        return d;
    }
}
