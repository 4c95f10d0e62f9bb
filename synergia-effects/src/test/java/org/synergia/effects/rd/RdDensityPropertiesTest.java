package org.synergia.effects.rd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;
import org.synergia.data.InputException;
import org.synergia.data.OptionStyle;

/** Invariants and refusals of the manipulation test (seeded simulations). */
class RdDensityPropertiesTest {

    private static double[] normal(long seed, int n, double mean) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = mean + r.nextGaussian();
        }
        return x;
    }

    @Property(tries = 6)
    void rowOrderDoesNotMatter(@ForAll @LongRange(min = 1, max = 1_000_000) long seed) {
        double[] x = normal(seed, 800, 0.1);
        double[] shuffled = x.clone();
        SplittableRandom r = new SplittableRandom(seed + 1);
        for (int i = shuffled.length - 1; i > 0; i--) {
            int j = r.nextInt(i + 1);
            double t = shuffled[i];
            shuffled[i] = shuffled[j];
            shuffled[j] = t;
        }
        RdDensityResult a = RdDensity.withDefaults().fit(x, 0);
        RdDensityResult b = RdDensity.withDefaults().fit(shuffled, 0);
        assertEquals(a.hLeft(), b.hLeft(), 0);
        assertEquals(a.biasCorrected().t(), b.biasCorrected().t(), 0);
    }

    /**
     * {@code a + b x} with the cutoff {@code a + b c}: bandwidths scale by b, densities and their
     * SEs by 1/b, the test is unchanged; for either variance and model.
     */
    @Property(tries = 8)
    void theTestIsInvariantToTheUnitsOfTheRunningVariable(@ForAll @LongRange(min = 1, max = 1_000_000) long seed,
            @ForAll @DoubleRange(min = 0.01, max = 100) double scale, @ForAll @DoubleRange(min = -50, max = 50) double shift) {
        double[] x = normal(seed, 600, 0.3);
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            y[i] = shift + scale * x[i];
        }
        RdDensity[] tests = {RdDensity.withDefaults(), RdDensity.withDefaults().withVariance(DensityVariance.PLUGIN)
                .withModel(DensityModel.RESTRICTED)};
        for (RdDensity t : tests) {
            RdDensityResult a = t.fit(x, 0);
            RdDensityResult b = t.fit(y, shift);
            assertEquals(a.hLeft() * scale, b.hLeft(), 1e-7 * b.hLeft());
            assertEquals(a.hRight() * scale, b.hRight(), 1e-7 * b.hRight());
            assertEquals(a.nEffLeft(), b.nEffLeft(), 1);
            assertEquals(a.biasCorrected().densityRight() / scale, b.biasCorrected().densityRight(),
                    1e-6 * b.biasCorrected().densityRight());
            assertEquals(a.biasCorrected().seDifference() / scale, b.biasCorrected().seDifference(),
                    1e-6 * b.biasCorrected().seDifference());
            assertEquals(a.biasCorrected().t(), b.biasCorrected().t(), 1e-5 * Math.max(1, Math.abs(a.biasCorrected().t())));
        }
    }

    /** Under no manipulation the densities estimate the true one (N(0.3, 1) at 0: 0.381) on a large sample. */
    @Test
    void theDensitiesEstimateTheTrueDensity() {
        double[] x = normal(7, 20000, 0.3);
        RdDensityResult r = RdDensity.withDefaults().fit(x, 0);
        double truth = Math.exp(-0.045) / Math.sqrt(2 * Math.PI);
        assertEquals(truth, r.biasCorrected().densityLeft(), 4 * r.biasCorrected().seLeft());
        assertEquals(truth, r.biasCorrected().densityRight(), 4 * r.biasCorrected().seRight());
        assertTrue(r.biasCorrected().pValue() > 0.001);
        assertEquals(List.of(), r.warnings());
    }

    @Test
    void refusalsNameTheOptionAndTheFix() {
        double[] x = normal(3, 500, 0);
        OptionStyle spec = name -> "options." + name;
        InputException order = assertThrows(InputException.class, () -> RdDensity.withDefaults().withOrder(0));
        assertEquals("polynomial order --p 0 is not supported by the density test; use 1 to 7 (rddensity's range)",
                order.getMessage());
        assertTrue(order.message(java.util.Locale.forLanguageTag("es"), spec).contains("options.p 0"));
        InputException q = assertThrows(InputException.class, () -> RdDensity.withDefaults().withOrder(3).withBiasOrder(2)
                .fit(x, 0));
        assertTrue(q.getMessage().contains("--q 2") && q.getMessage().contains("--p 3"), q.getMessage());
        InputException each = assertThrows(InputException.class, () -> RdDensity.withDefaults()
                .withModel(DensityModel.RESTRICTED).withBandwidthRule(DensityBandwidthRule.EACH).fit(x, 0));
        assertTrue(each.getMessage().startsWith("--bwselect each"), each.getMessage());
        InputException two = assertThrows(InputException.class, () -> RdDensity.withDefaults()
                .withModel(DensityModel.RESTRICTED).withBandwidths(0.5, 0.6).fit(x, 0));
        assertTrue(two.getMessage().contains("--fitselect restricted"), two.getMessage());
        InputException outside = assertThrows(InputException.class, () -> RdDensity.withDefaults().fit("score", x, 10));
        assertTrue(outside.getMessage().contains("running variable 'score'") && outside.getMessage().contains("500 values"
                + " below it, 0 above it"), outside.getMessage());
        InputException atMax = assertThrows(InputException.class, () -> RdDensity.withDefaults().fit(new double[] {-1, 0, 1},
                1));
        assertTrue(atMax.getMessage().contains("--cutoff 1"), atMax.getMessage());
        assertThrows(InputException.class, () -> RdDensity.withDefaults().withBandwidth(0));
        assertThrows(InputException.class, () -> RdDensity.withDefaults().withLevel(1));
        assertThrows(InputException.class, () -> RdDensity.withDefaults().withMinimumUnits(-1));
        assertThrows(InputException.class, () -> DensityBinomialTest.withDefaults().withProbability(1.5));
        assertThrows(InputException.class, () -> DensityBinomialTest.withDefaults().withWindow(0, 1));
        assertThrows(InputException.class, () -> RdDensityPlot.withDefaults().withPoints(1, 10));
        // a bandwidth holding too few distinct values to identify the polynomial
        InputException narrow = assertThrows(InputException.class, () -> RdDensity.withDefaults().withBandwidth(0.001)
                .fit(x, 0));
        assertTrue(narrow.getMessage().contains("not identified within the bandwidths 0.001 left and 0.001 right"),
                narrow.getMessage());
    }

    @Test
    void missingValuesAreLeftOutWithAWarning() {
        double[] x = normal(5, 1000, 0.2);
        double[] withNan = java.util.Arrays.copyOf(x, 1003);
        withNan[1000] = Double.NaN;
        withNan[1001] = Double.POSITIVE_INFINITY;
        withNan[1002] = Double.NaN;
        RdDensityResult a = RdDensity.withDefaults().fit(x, 0);
        RdDensityResult b = RdDensity.withDefaults().fit(withNan, 0);
        assertEquals(a.biasCorrected().t(), b.biasCorrected().t(), 0);
        assertEquals(1000, b.n());
        assertTrue(b.warnings().get(0).startsWith("3 missing values"), b.warnings().toString());
    }

    /** R 4.2.2 {@code binom.test(x, n)$p.value} for a few counts, and the symmetric case. */
    @Test
    void binomialPValuesAreRsBinomTest() {
        assertEquals(0.34375, DensityBinomialTest.twoSided(3, 10, 0.5), 1e-12);
        assertEquals(1, DensityBinomialTest.twoSided(5, 10, 0.5), 0);
        assertEquals(6.19338206080313e-11, DensityBinomialTest.twoSided(20, 106, 0.5), 1e-6 * 6.19338206080313e-11);
        assertEquals(0.629497966676677, DensityBinomialTest.twoSided(7, 20, 0.3), 1e-12);
    }
}
