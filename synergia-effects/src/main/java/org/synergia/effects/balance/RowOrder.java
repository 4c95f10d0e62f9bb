package org.synergia.effects.balance;

/**
 * Rows ordered by a numeric value: a stable least-significant-digit radix sort of (value, row)
 * pairs held in parallel primitive arrays, so that equal values keep the order in which the
 * rows were given; {@code O(n)} time for a fixed key width (four counting passes of 16 bits
 * over a 64-bit order-preserving image of each double, passes whose digit is the same for every
 * value skipped; Knuth, TAOCP vol. 3, section 5.2.5). {@code -0.0} and {@code 0.0} count as
 * equal (as {@code ==} does); NaN sorts last.
 */
public final class RowOrder {

    private static final int DIGIT_BITS = 16;
    private static final int BUCKETS = 1 << DIGIT_BITS;
    private static final int PASSES = (Long.SIZE + DIGIT_BITS - 1) / DIGIT_BITS;
    /** Below this size, a stable insertion sort is cheaper than the counting passes. */
    private static final int SMALL = 64;

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
        long[] key = new long[n];
        for (int i = 0; i < n; i++) {
            key[i] = sortableBits(value[rows[i]]);
        }
        int[] r = rows.clone();
        if (n < SMALL) {
            insertionSort(key, r);
        } else {
            radixSort(key, r);
        }
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = value[r[i]];
        }
        return new RowOrder(v, r);
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

    /**
     * @return a key whose unsigned order is the numeric order of {@code v} (IEEE 754 bits with the
     *     sign bit flipped for positive values and every bit flipped for negative ones), both
     *     zeros mapped to the same key and every NaN to the largest
     */
    private static long sortableBits(double v) {
        if (v == 0) {
            return Long.MIN_VALUE;
        }
        long b = Double.doubleToLongBits(v);
        return b ^ ((b >> 63) | Long.MIN_VALUE);
    }

    private static void insertionSort(long[] k, int[] r) {
        for (int i = 1; i < k.length; i++) {
            long kv = k[i];
            int rv = r[i];
            int j = i - 1;
            while (j >= 0 && Long.compareUnsigned(k[j], kv) > 0) {
                k[j + 1] = k[j];
                r[j + 1] = r[j];
                j--;
            }
            k[j + 1] = kv;
            r[j + 1] = rv;
        }
    }

    private static void radixSort(long[] key, int[] row) {
        int n = key.length;
        int[][] count = new int[PASSES][BUCKETS];
        for (long k : key) {
            for (int p = 0; p < PASSES; p++) {
                count[p][(int) (k >>> (p * DIGIT_BITS)) & (BUCKETS - 1)]++;
            }
        }
        long[] k0 = key;
        int[] r0 = row;
        long[] k1 = new long[n];
        int[] r1 = new int[n];
        for (int p = 0; p < PASSES; p++) {
            int[] c = count[p];
            int shift = p * DIGIT_BITS;
            if (c[(int) (k0[0] >>> shift) & (BUCKETS - 1)] == n) {
                continue;
            }
            int sum = 0;
            for (int b = 0; b < BUCKETS; b++) {
                int t = c[b];
                c[b] = sum;
                sum += t;
            }
            for (int i = 0; i < n; i++) {
                long k = k0[i];
                int dst = c[(int) (k >>> shift) & (BUCKETS - 1)]++;
                k1[dst] = k;
                r1[dst] = r0[i];
            }
            long[] kt = k0;
            k0 = k1;
            k1 = kt;
            int[] rt = r0;
            r0 = r1;
            r1 = rt;
        }
        if (r0 != row) {
            System.arraycopy(r0, 0, row, 0, n);
        }
    }
}
