package org.synergia.effects.balance;

/**
 * Rows ordered by a numeric value: a stable merge sort of row numbers on primitive arrays
 * ({@code O(n log n)} time, one scratch {@code int[]}), so equal values keep the order in which
 * the rows were given and the result is deterministic.
 */
public final class RowOrder {

    private RowOrder() {
    }

    /**
     * @param value the value of every data row
     * @param rows the rows to order
     * @return a new array holding {@code rows} in ascending order of {@code value}, ties in input order
     */
    public static int[] ascending(double[] value, int[] rows) {
        int[] a = rows.clone();
        mergeSort(value, a, new int[a.length], 0, a.length);
        return a;
    }

    private static void mergeSort(double[] key, int[] a, int[] tmp, int from, int to) {
        if (to - from <= 24) {
            for (int i = from + 1; i < to; i++) {
                int v = a[i];
                double kv = key[v];
                int j = i - 1;
                while (j >= from && key[a[j]] > kv) {
                    a[j + 1] = a[j];
                    j--;
                }
                a[j + 1] = v;
            }
            return;
        }
        int mid = (from + to) >>> 1;
        mergeSort(key, a, tmp, from, mid);
        mergeSort(key, a, tmp, mid, to);
        if (key[a[mid - 1]] <= key[a[mid]]) {
            return;
        }
        System.arraycopy(a, from, tmp, from, to - from);
        int i = from;
        int j = mid;
        for (int k = from; k < to; k++) {
            if (j >= to || (i < mid && key[tmp[i]] <= key[tmp[j]])) {
                a[k] = tmp[i++];
            } else {
                a[k] = tmp[j++];
            }
        }
    }
}
