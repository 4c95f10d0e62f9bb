package org.synergia.effects.matching;

import org.synergia.effects.balance.RowOrder;

/**
 * A set of data rows sorted by a scalar score (ascending; equal scores keep the order in which
 * the rows were given), searched by bisection; sorted once in {@code O(n log n)}.
 */
final class SortedScores {

    /** Scores in ascending order. */
    final double[] values;
    /** The data row of each sorted score. */
    final int[] rows;

    /**
     * @param score the score of every data row
     * @param subset the data rows to sort, in a deterministic order (ascending row number)
     */
    SortedScores(double[] score, int[] subset) {
        RowOrder order = RowOrder.of(score, subset);
        this.rows = order.rows();
        this.values = order.values();
    }

    /** @return the number of rows */
    int size() {
        return rows.length;
    }

    /**
     * @param x a score
     * @return the first position whose value is {@code >= x} ({@code size()} if none)
     */
    int lowerBound(double x) {
        return bisect(x, 0, values.length);
    }

    /**
     * The same position as {@link #lowerBound(double)}, found by galloping forwards from a
     * position known not to lie beyond it, in {@code O(log d)} for a distance {@code d}: cheap
     * when scores are looked up in ascending order.
     *
     * @param x a score
     * @param from a position with {@code from <= lowerBound(x)}, e.g. the lower bound of a smaller score
     * @return the first position whose value is {@code >= x} ({@code size()} if none)
     */
    int lowerBound(double x, int from) {
        int n = values.length;
        int lo = from;
        int step = 1;
        while (lo < n && values[lo] < x) {
            int next = lo + step;
            if (next >= n || values[next] >= x) {
                return bisect(x, lo + 1, Math.min(next, n));
            }
            lo = next + 1;
            step <<= 1;
        }
        return lo;
    }

    /** @return the first position in {@code [lo, hi)} whose value is {@code >= x}, {@code hi} if none */
    private int bisect(double x, int lo, int hi) {
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (values[mid] < x) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
