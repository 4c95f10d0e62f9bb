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
        int lo = 0;
        int hi = values.length;
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
