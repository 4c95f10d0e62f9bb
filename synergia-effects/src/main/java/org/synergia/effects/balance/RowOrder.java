package org.synergia.effects.balance;

import java.util.Arrays;

/**
 * Rows ordered by a numeric value, stably (equal values keep the order in which the rows were
 * given), in {@code O(n)} time. {@code -0.0} and {@code 0.0} count as equal (as {@code ==} does);
 * NaN sorts last.
 * <ul>
 * <li>A value with at most {@value #FEW} distinct values (indicators, categories, counts) is
 *     ordered by counting, in two passes.</li>
 * <li>Otherwise a least-significant-digit radix sort (Knuth, TAOCP vol. 3, section 5.2.5) in two
 *     steps. First the rows are sorted by the value rounded to single precision, an
 *     order-preserving 32-bit key packed with the row's position into one {@code long}, in two
 *     counting passes of 16 bits (a pass whose digit is the same for every value skipped):
 *     rounding is monotone, so this order is exact except among values that round to the same
 *     float. Then each run of equal rounded keys is put in the order of its exact 64-bit keys (an
 *     insertion sort, or for long runs four counting passes).</li>
 * </ul>
 * The sorted values are gathered only when asked for ({@link #values()}); {@link #lastOfItsValue(int)}
 * tells where a value ends without them.
 */
public final class RowOrder {

    private static final int DIGIT_BITS = 16;
    private static final int BUCKETS = 1 << DIGIT_BITS;
    private static final int PASSES = (Long.SIZE + DIGIT_BITS - 1) / DIGIT_BITS;
    /** Below this size, a stable insertion sort is cheaper than the counting passes. */
    private static final int SMALL = 64;
    /** Up to this many distinct values, the rows are ordered by counting. */
    private static final int FEW = 64;

    /** The value of every data row. */
    private final double[] value;
    /** The rows in sorted order. */
    private final int[] rows;
    /** The rounded key of each sorted position in its high 32 bits, or null when {@link #sorted} holds the values. */
    private final long[] packed;
    /** The sorted values, once gathered. */
    private double[] sorted;

    private RowOrder(double[] value, int[] rows, long[] packed, double[] sorted) {
        this.value = value;
        this.rows = rows;
        this.packed = packed;
        this.sorted = sorted;
    }

    /**
     * @param value the value of every data row
     * @param rows the rows to order
     * @return the rows in ascending order of {@code value}, ties in input order
     */
    public static RowOrder of(double[] value, int[] rows) {
        int n = rows.length;
        if (n < SMALL) {
            long[] key = new long[n];
            for (int i = 0; i < n; i++) {
                key[i] = sortableBits(value[rows[i]]);
            }
            int[] r = rows.clone();
            insertionSort(key, r);
            return new RowOrder(value, r, null, gather(value, r));
        }
        long[] packed = new long[n];
        for (int i = 0; i < n; i++) {
            packed[i] = ((long) sortableBits((float) value[rows[i]]) << 32) | i;
        }
        packed = radixSortHigh(packed);
        int[] r = new int[n];
        for (int i = 0; i < n; i++) {
            r[i] = rows[(int) packed[i]];
        }
        return exactRuns(value, packed, r);
    }

    /**
     * @param value the value of every row
     * @return all rows in ascending order of {@code value}, ties in row order
     */
    public static RowOrder ofAll(double[] value) {
        int n = value.length;
        double[] levels = fewDistinct(value);
        if (levels != null) {
            int[] r = byLevel(value, levels);
            return new RowOrder(value, r, null, gather(value, r));
        }
        if (n < SMALL) {
            int[] all = new int[n];
            Arrays.setAll(all, i -> i);
            return of(value, all);
        }
        long[] packed = new long[n];
        for (int i = 0; i < n; i++) {
            packed[i] = ((long) sortableBits((float) value[i]) << 32) | i;
        }
        packed = radixSortHigh(packed);
        int[] r = new int[n];
        for (int i = 0; i < n; i++) {
            r[i] = (int) packed[i];
        }
        return exactRuns(value, packed, r);
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
        if (sorted == null) {
            sorted = gather(value, rows);
        }
        return sorted;
    }

    /** @return the rows in sorted order (the array itself: do not modify) */
    public int[] rows() {
        return rows;
    }

    /**
     * @param i a sorted position
     * @return whether it is the last position of its value (the next holds a greater value, or there is none)
     */
    public boolean lastOfItsValue(int i) {
        if (i == rows.length - 1) {
            return true;
        }
        if (sorted != null) {
            return sorted[i] != sorted[i + 1];
        }
        // different rounded keys are different values; equal ones are compared exactly
        return (packed[i] >>> 32) != (packed[i + 1] >>> 32) || value[rows[i]] != value[rows[i + 1]];
    }

    /** The order of {@code r}, sorted by rounded keys (in {@code packed}), made exact within each run of equal keys. */
    private static RowOrder exactRuns(double[] value, long[] packed, int[] r) {
        int n = r.length;
        int start = 0;
        while (start < n) {
            long high = packed[start] >>> 32;
            int end = start + 1;
            while (end < n && packed[end] >>> 32 == high) {
                end++;
            }
            if (end - start > 1) {
                exactOrder(value, r, start, end);
            }
            start = end;
        }
        return new RowOrder(value, r, packed, null);
    }

    /** Puts {@code r[start..end)} in the order of their values' exact keys, stably. */
    private static void exactOrder(double[] value, int[] r, int start, int end) {
        int len = end - start;
        long[] key = new long[len];
        boolean inOrder = true;
        for (int j = 0; j < len; j++) {
            key[j] = sortableBits(value[r[start + j]]);
            inOrder &= j == 0 || Long.compareUnsigned(key[j - 1], key[j]) <= 0;
        }
        if (inOrder) {
            return;
        }
        int[] run = Arrays.copyOfRange(r, start, end);
        if (len < SMALL) {
            insertionSort(key, run);
        } else {
            radixSort(key, run);
        }
        System.arraycopy(run, 0, r, start, len);
    }

    private static double[] gather(double[] value, int[] r) {
        double[] v = new double[r.length];
        for (int i = 0; i < r.length; i++) {
            v[i] = value[r[i]];
        }
        return v;
    }

    /** @return the distinct values of {@code x} ascending when there are at most {@link #FEW}, else null */
    private static double[] fewDistinct(double[] x) {
        double[] found = new double[FEW];
        int count = 0;
        for (double v : x) {
            int at = Arrays.binarySearch(found, 0, count, v);
            if (at < 0) {
                if (count == FEW || Double.isNaN(v)) {
                    return null;
                }
                int insert = -at - 1;
                System.arraycopy(found, insert, found, insert + 1, count - insert);
                found[insert] = v == 0 ? 0.0 : v;
                count++;
            }
        }
        return Arrays.copyOf(found, count);
    }

    /** The rows in ascending order of a value with few distinct values, ties in row order: a counting sort by level. */
    private static int[] byLevel(double[] x, double[] levels) {
        int[] level = new int[x.length];
        int[] start = new int[levels.length + 1];
        for (int i = 0; i < x.length; i++) {
            level[i] = Arrays.binarySearch(levels, x[i] == 0 ? 0.0 : x[i]);
            start[level[i] + 1]++;
        }
        for (int j = 0; j < levels.length; j++) {
            start[j + 1] += start[j];
        }
        int[] rows = new int[x.length];
        for (int i = 0; i < x.length; i++) {
            rows[start[level[i]]++] = i;
        }
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

    /** The single-precision counterpart of {@link #sortableBits(double)}: a key whose unsigned order is the float order. */
    private static int sortableBits(float v) {
        if (v == 0) {
            return Integer.MIN_VALUE;
        }
        int b = Float.floatToIntBits(v);
        return b ^ ((b >> 31) | Integer.MIN_VALUE);
    }

    /** Sorts {@code packed} stably by its high 32 bits (unsigned), in two 16-bit passes; returns the sorted array. */
    private static long[] radixSortHigh(long[] packed) {
        int n = packed.length;
        int[] low = new int[BUCKETS];
        int[] high = new int[BUCKETS];
        for (long p : packed) {
            low[(int) (p >>> 32) & (BUCKETS - 1)]++;
            high[(int) (p >>> 48)]++;
        }
        long[] from = packed;
        long[] to = new long[n];
        int[][] counts = {low, high};
        for (int pass = 0; pass < 2; pass++) {
            int[] c = counts[pass];
            int shift = 32 + pass * DIGIT_BITS;
            if (c[(int) (from[0] >>> shift) & (BUCKETS - 1)] == n) {
                continue;
            }
            offsets(c);
            for (int i = 0; i < n; i++) {
                long p = from[i];
                to[c[(int) (p >>> shift) & (BUCKETS - 1)]++] = p;
            }
            long[] t = from;
            from = to;
            to = t;
        }
        return from;
    }

    /** Turns bucket counts into each bucket's first position (exclusive prefix sums). */
    private static void offsets(int[] c) {
        int sum = 0;
        for (int b = 0; b < c.length; b++) {
            int t = c[b];
            c[b] = sum;
            sum += t;
        }
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
            offsets(c);
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
