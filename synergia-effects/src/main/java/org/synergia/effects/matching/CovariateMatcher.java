package org.synergia.effects.matching;

import java.util.Arrays;
import java.util.stream.IntStream;

/**
 * Nearest-neighbour matching on several covariates already transformed so that the metric is
 * Euclidean ({@code z = L^-1 x} for a scaling matrix {@code S = L L'}: Mahalanobis, inverse
 * variance). Each focal unit is compared with every pool unit ({@code O(n_focal n_pool k)} work,
 * spread over the available cores); it keeps its {@code M} nearest and every further pool unit
 * whose squared distance exceeds the M-th by at most {@code tieSquared} (ties kept, weights
 * {@code 1/#J}, as {@link ScoreMatcher}).
 */
final class CovariateMatcher {

    private CovariateMatcher() {
    }

    /**
     * @param z transformed covariates by column ({@code z[j][i]})
     * @param focal focal rows
     * @param pool pool rows
     * @param m neighbours
     * @param tieSquared tie tolerance on squared distances
     * @param excludeSelf skip the pool row equal to the focal row
     * @return the matches
     */
    static MatchSet nearest(double[][] z, int[] focal, int[] pool, int m, double tieSquared, boolean excludeSelf) {
        int[][] found = new int[focal.length][];
        IntStream.range(0, focal.length).parallel().forEach(k -> {
            int i = focal[k];
            double[] d2 = new double[pool.length];
            for (int q = 0; q < pool.length; q++) {
                int r = pool[q];
                if (excludeSelf && r == i) {
                    d2[q] = Double.POSITIVE_INFINITY;
                    continue;
                }
                double s = 0;
                for (double[] zj : z) {
                    double d = zj[i] - zj[r];
                    s += d * d;
                }
                d2[q] = s;
            }
            double[] sorted = d2.clone();
            Arrays.sort(sorted);
            int avail = excludeSelf ? pool.length - 1 : pool.length;
            double limit = sorted[Math.min(m, avail) - 1] + tieSquared;
            int c = 0;
            for (double v : d2) {
                if (v <= limit) {
                    c++;
                }
            }
            int[] rows = new int[c];
            c = 0;
            for (int q = 0; q < pool.length; q++) {
                if (d2[q] <= limit) {
                    rows[c++] = pool[q];
                }
            }
            found[k] = rows;
        });
        int[] start = new int[focal.length + 1];
        for (int k = 0; k < focal.length; k++) {
            start[k + 1] = start[k] + found[k].length;
        }
        int[] match = new int[start[focal.length]];
        for (int k = 0; k < focal.length; k++) {
            System.arraycopy(found[k], 0, match, start[k], found[k].length);
        }
        return new MatchSet(focal.clone(), start, match);
    }
}
