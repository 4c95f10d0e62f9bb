package org.synergia.effects.matching;

import java.util.Arrays;

/**
 * Nearest-neighbour matching on a scalar score (a propensity score or its linear index). The
 * pool is sorted once and each focal unit's neighbours are found by bisection and a two-pointer
 * walk outwards, so matching {@code n} units costs {@code O(n log n)} (plus the number of tied
 * matches returned), never {@code O(n^2)}.
 *
 * <p>With replacement, a focal unit is matched to its {@code M} nearest pool units and to every
 * further pool unit that ties with the M-th one ({@link Ties}: Stata's or R {@code Matching}'s rule);
 * each match then weighs {@code 1/#J}. Without replacement, focal units are matched greedily in the
 * order given, each taking exactly {@code M} pool units not yet used (ties broken towards the lower
 * score, then the lower data row). A caliper excludes pool units farther than it; a focal unit with
 * no pool unit inside the caliper stays unmatched, and so, when all {@code M} matches must lie inside
 * it (R {@code Matching}'s rule), does one with fewer than {@code M} there.
 */
final class ScoreMatcher {

    /** A lookup within this many positions of the last one lets the next one gallop on from it. */
    private static final int NEAR = 8;

    private ScoreMatcher() {
    }

    /**
     * Matches each focal row to its nearest rows of the pool.
     *
     * @param pool the pool rows sorted by score
     * @param score the score of every data row
     * @param focal the focal rows, in matching order
     * @param m number of neighbours, {@code >= 1}
     * @param caliper largest admissible distance ({@code Double.POSITIVE_INFINITY} for none)
     * @param allInCaliper whether a focal row with fewer than {@code m} pool rows inside the caliper stays
     *     unmatched (R {@code Matching}), rather than keeping those it has
     * @param replace whether a pool row may serve several focal rows
     * @param ties when a farther pool row ties with the M-th nearest (with replacement)
     * @param excludeSelf skip the pool row equal to the focal row (matching within an arm)
     * @return the matches
     */
    static MatchSet nearest(SortedScores pool, double[] score, int[] focal, int m, double caliper, boolean allInCaliper,
            boolean replace, Ties.Bound ties, boolean excludeSelf) {
        int n = pool.size();
        double[] v = pool.values;
        int[] rows = pool.rows;
        int[] start = new int[focal.length + 1];
        int[] out = new int[Math.max(16, focal.length * m)];
        int used = 0;
        Liveness live = replace ? null : new Liveness(n);
        double previous = Double.NaN;
        int previousPos = 0;
        boolean near = false;
        for (int k = 0; k < focal.length; k++) {
            int self = excludeSelf ? focal[k] : -1;
            double x = score[focal[k]];
            // focal units in ascending score order (the within-arm searches) gallop on from the last position
            // as long as it stays near; others (in data order) are bisected
            boolean ascending = x >= previous;
            int pos = near && ascending ? pool.lowerBound(x, previousPos) : pool.lowerBound(x);
            near = ascending && pos - previousPos <= NEAR;
            previous = x;
            previousPos = pos;
            int lo = pos - 1;
            int hi = pos;
            if (allInCaliper && live != null && !enoughFree(v, rows, live, lo, hi, x, m, caliper, self)) {
                start[k + 1] = used;
                continue;
            }
            int taken = 0;
            double dm = 0;
            while (taken < m) {
                if (live != null) {
                    lo = live.left(lo);
                    hi = live.right(hi);
                }
                if (lo >= 0 && rows[lo] == self) {
                    lo--;
                    continue;
                }
                if (hi < n && rows[hi] == self) {
                    hi++;
                    continue;
                }
                double dl = lo >= 0 ? x - v[lo] : Double.POSITIVE_INFINITY;
                double dh = hi < n ? v[hi] - x : Double.POSITIVE_INFINITY;
                int cand;
                double d;
                boolean left = dl <= dh;
                if (left) {
                    d = dl;
                    cand = lo;
                    if (live != null) {
                        // without replacement, of the free pool units with this score the lowest row (the leftmost)
                        for (int j = live.left(lo - 1); j >= 0 && v[j] == v[lo]; j = live.left(j - 1)) {
                            cand = j;
                        }
                    }
                } else {
                    d = dh;
                    cand = hi;
                }
                if (d == Double.POSITIVE_INFINITY || d > caliper) {
                    break;
                }
                if (cand == lo) {
                    lo--;
                } else if (!left) {
                    hi++;
                }
                if (used == out.length) {
                    out = Arrays.copyOf(out, out.length * 2);
                }
                out[used++] = rows[cand];
                if (live != null) {
                    live.kill(cand);
                }
                taken++;
                dm = d;
            }
            if (allInCaliper && taken < m) {
                used = start[k]; // with replacement nothing was taken from the pool for good
            }
            if (replace && taken == m) {
                double limit = Math.min(ties.limit(dm), caliper);
                while (lo >= 0 && (x - v[lo] <= limit || rows[lo] == self)) {
                    if (rows[lo] != self) {
                        if (used == out.length) {
                            out = Arrays.copyOf(out, out.length * 2);
                        }
                        out[used++] = rows[lo];
                    }
                    lo--;
                }
                while (hi < n && (v[hi] - x <= limit || rows[hi] == self)) {
                    if (rows[hi] != self) {
                        if (used == out.length) {
                            out = Arrays.copyOf(out, out.length * 2);
                        }
                        out[used++] = rows[hi];
                    }
                    hi++;
                }
            }
            start[k + 1] = used;
        }
        return new MatchSet(focal.clone(), start, Arrays.copyOf(out, used));
    }

    /**
     * Whether at least {@code m} free pool positions other than {@code self} lie within {@code caliper} of
     * {@code x}, counting outwards from {@code lo} (left) and {@code hi} (right); takes nothing.
     */
    private static boolean enoughFree(double[] v, int[] rows, Liveness live, int lo, int hi, double x, int m,
            double caliper, int self) {
        int found = 0;
        for (int j = live.left(lo); j >= 0 && x - v[j] <= caliper && found < m; j = live.left(j - 1)) {
            found += rows[j] == self ? 0 : 1;
        }
        for (int j = live.right(hi); j < v.length && v[j] - x <= caliper && found < m; j = live.right(j + 1)) {
            found += rows[j] == self ? 0 : 1;
        }
        return found >= m;
    }

    /** Which sorted positions are still free when matching without replacement (union-find skips). */
    private static final class Liveness {
        private final int[] rightLink;
        private final int[] leftLink;
        private final boolean[] dead;

        Liveness(int n) {
            rightLink = new int[n];
            leftLink = new int[n];
            dead = new boolean[n];
            for (int i = 0; i < n; i++) {
                rightLink[i] = i;
                leftLink[i] = i;
            }
        }

        void kill(int i) {
            dead[i] = true;
            rightLink[i] = i + 1;
            leftLink[i] = i - 1;
        }

        /** @return the first live position {@code >= i}, or {@code n} */
        int right(int i) {
            int r = i;
            while (r < dead.length && dead[r]) {
                r = rightLink[r];
            }
            int c = i;
            while (c < dead.length && dead[c] && c != r) {
                int next = rightLink[c];
                rightLink[c] = r;
                c = next;
            }
            return r;
        }

        /** @return the last live position {@code <= i}, or {@code -1} */
        int left(int i) {
            int r = i;
            while (r >= 0 && dead[r]) {
                r = leftLink[r];
            }
            int c = i;
            while (c >= 0 && dead[c] && c != r) {
                int next = leftLink[c];
                leftLink[c] = r;
                c = next;
            }
            return r;
        }
    }
}
