package org.synergia.effects.balance;

/**
 * Rows ordered by a numeric value: a stable merge sort of (value, row) pairs held in two
 * parallel primitive arrays, so that the values are read sequentially (cache-friendly) and
 * equal values keep the order in which the rows were given; {@code O(n log n)} time.
 */
public final class RowOrder {

    /** The values, ascending. */
    private final double[] values;
    /** The row of each value. */
    private final int[] rows;

    private RowOrder(double[] values, int[] rows) {
        this.values = values;
        this.rows = rows;
    }

    /**
     * @param value the value of every data row
     * @param rows the rows to order
     * @return the rows in ascending order of {@code value}, ties in input order
     */
    public static RowOrder of(double[] value, int[] rows) {
        int n = rows.length;
        double[] k = new double[n];
        for (int i = 0; i < n; i++) {
            k[i] = value[rows[i]];
        }
        int[] r = rows.clone();
        mergeSort(k, r, new double[n], new int[n], 0, n);
        return new RowOrder(k, r);
    }

    /**
     * @param value the value of every data row
     * @param rows the rows to order
     * @return a new array holding {@code rows} in ascending order of {@code value}, ties in input order
     */
    public static int[] ascending(double[] value, int[] rows) {
        return of(value, rows).rows;
    }

    /** @return the sorted values (the array itself: do not modify) */
    public double[] values() {
        return values;
    }

    /** @return the rows in sorted order (the array itself: do not modify) */
    public int[] rows() {
        return rows;
    }

    private static void mergeSort(double[] k, int[] r, double[] tk, int[] tr, int from, int to) {
        if (to - from <= 32) {
            for (int i = from + 1; i < to; i++) {
                double kv = k[i];
                int rv = r[i];
                int j = i - 1;
                while (j >= from && k[j] > kv) {
                    k[j + 1] = k[j];
                    r[j + 1] = r[j];
                    j--;
                }
                k[j + 1] = kv;
                r[j + 1] = rv;
            }
            return;
        }
        int mid = (from + to) >>> 1;
        mergeSort(k, r, tk, tr, from, mid);
        mergeSort(k, r, tk, tr, mid, to);
        if (k[mid - 1] <= k[mid]) {
            return;
        }
        System.arraycopy(k, from, tk, from, to - from);
        System.arraycopy(r, from, tr, from, to - from);
        int i = from;
        int j = mid;
        for (int q = from; q < to; q++) {
            if (j >= to || (i < mid && tk[i] <= tk[j])) {
                k[q] = tk[i];
                r[q] = tr[i++];
            } else {
                k[q] = tk[j];
                r[q] = tr[j++];
            }
        }
    }
}
