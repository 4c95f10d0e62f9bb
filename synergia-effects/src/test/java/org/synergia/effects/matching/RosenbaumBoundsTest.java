package org.synergia.effects.matching;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.synergia.data.InputException;

/** Refusals of {@link RosenbaumBounds} (one line, naming the option) and the bounds' invariants. */
class RosenbaumBoundsTest {

    private static String refusal(Runnable r) {
        String m = assertThrows(InputException.class, r::run).getMessage();
        assertEquals(1, m.lines().count(), m);
        return m;
    }

    @Test
    void gammaGridsThatMakeNoSenseAreRefusedNamingTheOption() {
        RosenbaumBounds b = RosenbaumBounds.withDefaults();
        String empty = refusal(() -> b.withGammas());
        assertTrue(empty.startsWith("--gamma needs at least one value"), empty);
        String below = refusal(() -> b.withGammas(0.5, 1, 2));
        assertTrue(below.contains("--gamma") && below.contains("not 0.5"), below);
        String nan = refusal(() -> b.withGammas(1, Double.NaN));
        assertTrue(nan.contains("--gamma") && nan.contains("not NaN"), nan);
        String infinite = refusal(() -> b.withGammas(1, Double.POSITIVE_INFINITY));
        assertTrue(infinite.contains("--gamma"), infinite);
        String order = refusal(() -> b.withGammas(1, 2, 1.5));
        assertTrue(order.contains("--gamma") && order.contains("1.5 comes after 2"), order);
        String repeat = refusal(() -> b.withGammas(1, 2, 2));
        assertTrue(repeat.contains("2 comes after 2"), repeat);
        for (double a : new double[] {0, 0.5, -0.1, Double.NaN}) {
            String alpha = refusal(() -> b.withAlpha(a));
            assertTrue(alpha.startsWith("--sensitivity-alpha is the level"), alpha);
        }
        String zero = refusal(() -> b.fit(new double[] {3, 4}, new double[] {3, 4}));
        assertTrue(zero.contains("all 2 matched pairs") && zero.contains("--sensitivity"), zero);
    }

    @Test
    void boundsAtGammaOneAreTheSignedRankTestAndTheHodgesLehmannEstimate() {
        // differences 1, 2, 3, -4: T = 1 + 2 + 3 = 6 of 10, sd = sqrt(30 / 4); the Walsh averages' median is
        // (1 + 1.5) / 2, the 5th and 6th of -4, -1.5, -1, -0.5, 1, 1.5, 2, 2, 2.5, 3
        RosenbaumSensitivity s = RosenbaumBounds.withDefaults().withGammas(1).fit(new double[] {1, 2, 3, -4},
                new double[] {0, 0, 0, 0});
        double z = (6 - 5) / Math.sqrt(30 / 4.0);
        RosenbaumSensitivity.Bound one = s.bounds().get(0);
        assertEquals(0.5 * org.hipparchus.special.Erf.erfc(z / Math.sqrt(2)), one.pUpper(), 1e-15);
        assertEquals(one.pUpper(), one.pLower(), 0);
        assertEquals(1.25, one.hlLower(), 1e-12);
        assertEquals(1.25, one.hlUpper(), 1e-12);
        assertEquals(6, s.statistic());
        assertTrue(s.notSignificantAtOne(), "p = " + one.pUpper());
        assertEquals(1, s.gammaStar());
    }

    @Property(tries = 50)
    void boundsWidenWithGammaAndTheSensitivityValueSolvesTheLevel(@ForAll @IntRange(min = 5, max = 300) int n,
            @ForAll long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        double shift = rng.nextDouble(-2, 2);
        double[] t = new double[n];
        double[] c = new double[n];
        for (int i = 0; i < n; i++) {
            c[i] = Math.round(rng.nextDouble(0, 10) * 2) / 2.0;
            t[i] = Math.round((c[i] + shift + rng.nextGaussian()) * 2) / 2.0;
        }
        RosenbaumBounds settings = RosenbaumBounds.withDefaults().withGammas(1, 1.1, 1.5, 2, 4, 8);
        RosenbaumSensitivity s;
        try {
            s = settings.fit(t, c);
        } catch (InputException allZero) {
            return;
        }
        for (int i = 1; i < s.bounds().size(); i++) {
            RosenbaumSensitivity.Bound a = s.bounds().get(i - 1);
            RosenbaumSensitivity.Bound b = s.bounds().get(i);
            assertTrue(b.pUpper() >= a.pUpper() && b.pLower() <= a.pLower(), "p bounds widen");
            assertTrue(b.hlLower() <= a.hlLower() && b.hlUpper() >= a.hlUpper(), "HL bounds widen");
        }
        RosenbaumSensitivity.Bound one = s.bounds().get(0);
        assertEquals(one.hlLower(), one.hlUpper(), 1e-9 * (1 + Math.abs(one.hlLower())), "one estimate at Γ = 1");
        if (!s.notSignificantAtOne()) {
            double g = s.gammaStar();
            RosenbaumSensitivity at = RosenbaumBounds.withDefaults().withGammas(g).fit(t, c);
            assertEquals(s.alpha(), at.bounds().get(0).pUpper(), 1e-9, "p_upper(Γ*) = α");
            assertTrue(g > 1);
        }
        // swapping the arms flips the alternative and negates the Hodges-Lehmann bounds, nothing else
        RosenbaumSensitivity swapped = settings.fit(c, t);
        if (swapped.alternative() != s.alternative()) {
            assertEquals(s.gammaStar(), swapped.gammaStar(), 1e-12);
            for (int i = 0; i < s.bounds().size(); i++) {
                assertEquals(s.bounds().get(i).pUpper(), swapped.bounds().get(i).pUpper(), 1e-15);
                assertEquals(-s.bounds().get(i).hlUpper(), swapped.bounds().get(i).hlLower(), 1e-9);
            }
        }
    }

    @Test
    void walshCountIsTheSignedRankStatisticOfTheShiftedDifferences() {
        double[] sorted = {-3, -1, 0.5, 2, 2, 7};
        // at tau = 0.25: d - tau = -3.25, -1.25, 0.25, 1.75, 1.75, 6.75; ranks of |.|: 5, 2, 1, 3.5, 3.5, 6
        assertEquals(1 + 3.5 + 3.5 + 6, RosenbaumBounds.walshAbove(sorted, 0.25));
        assertEquals(21, RosenbaumBounds.walshAbove(sorted, -10));
        assertEquals(0, RosenbaumBounds.walshAbove(sorted, 10));
    }
}
