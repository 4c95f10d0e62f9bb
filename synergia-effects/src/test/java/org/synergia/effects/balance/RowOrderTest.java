package org.synergia.effects.balance;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.Comparator;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/**
 * {@link RowOrder} against a stable comparison sort ({@code -0.0} equal to {@code 0.0}, NaN last), on values chosen to
 * defeat its single-precision first pass: distinct doubles that round to the same float, values beyond the float range
 * (all rounded to infinity), below it (rounded to zero), ties, both zeros, NaN, and few distinct values (the counting
 * path).
 */
class RowOrderTest {

    /** The expected order: a stable sort by value, both zeros equal, NaN last. */
    private static int[] expected(double[] value, int[] rows) {
        Comparator<Integer> byValue = (a, b) -> {
            double x = value[a];
            double y = value[b];
            if (x == y) {
                return 0;
            }
            return Double.compare(x, y);
        };
        return Arrays.stream(rows).boxed().sorted(byValue).mapToInt(Integer::intValue).toArray();
    }

    private static double[] draw(long seed, int n, int kind) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = switch (kind) {
                // distinct doubles within one float's rounding interval, around a few centres
                case 0 -> (1 + rng.nextInt(3)) + rng.nextInt(1000) * 1e-12;
                // beyond the float range: every value rounds to infinity; and huge negatives to -infinity
                case 1 -> (rng.nextBoolean() ? 1 : -1) * 1e39 * (1 + rng.nextInt(500));
                // below the float range: every value rounds to zero, with exact zeros of both signs
                case 2 -> rng.nextInt(5) == 0 ? (rng.nextBoolean() ? 0.0 : -0.0) : (rng.nextDouble() - 0.5) * 1e-50;
                // many ties and a few NaN
                case 3 -> rng.nextInt(50) == 0 ? Double.NaN : rng.nextInt(200) / 7.0;
                // few distinct values (counting path)
                case 4 -> rng.nextInt(5) - 2 + (rng.nextBoolean() ? 0.0 : -0.0);
                default -> rng.nextGaussian();
            };
        }
        return v;
    }

    @Property(tries = 60)
    void ordersAsAStableSortWould(@ForAll @IntRange(min = 1, max = 3000) int n, @ForAll @IntRange(min = 0, max = 5) int kind,
            @ForAll long seed) {
        double[] value = draw(seed, n, kind);
        int[] all = IntStream.range(0, n).toArray();
        int[] want = expected(value, all);
        RowOrder order = RowOrder.ofAll(value);
        assertArrayEquals(want, order.rows(), "ofAll, kind " + kind);
        for (int i = 0; i < n; i++) {
            boolean last = i == n - 1 || !(value[want[i]] == value[want[i + 1]]);
            assertEquals(last, order.lastOfItsValue(i), "lastOfItsValue(" + i + "), kind " + kind);
            assertEquals(value[want[i]], order.values()[i], 0, "values()");
        }
        // a subset of the rows, in a scrambled order: ties keep the order given
        int[] subset = IntStream.range(0, n).filter(i -> i % 3 != 1).map(i -> n - 1 - i).toArray();
        assertArrayEquals(expected(value, subset), RowOrder.of(value, subset).rows(), "of, kind " + kind);
    }

    @Test
    void aMillionNormalValuesAreOrderedExactly() {
        double[] value = draw(20171, 1_000_000, 5);
        int[] rows = RowOrder.ofAll(value).rows();
        for (int i = 1; i < rows.length; i++) {
            double a = value[rows[i - 1]];
            double b = value[rows[i]];
            if (a > b || a == b && rows[i - 1] > rows[i]) {
                throw new AssertionError("out of order at " + i + ": " + a + " (row " + rows[i - 1] + "), " + b + " (row "
                        + rows[i] + ")");
            }
        }
    }
}
