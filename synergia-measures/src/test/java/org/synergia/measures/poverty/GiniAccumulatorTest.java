package org.synergia.measures.poverty;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.synergia.measures.testdata.ReferenceFiles;
import org.synergia.testdata.TestFiles;

class GiniAccumulatorTest {

    @Test
    void eusilcGiniMatchesLaekenWithinItsBound() {
        // R 4.x laeken 0.5.2: gini(eqIncome, weights) on eusilc (reference_values.json -> eusilc_poverty)
        JsonNode ref = TestFiles.referenceJson("reference_values.json").get("eusilc_poverty");
        Map<String, List<String>> d = ReferenceFiles.csv(TestFiles.reference("eusilc.csv"));
        double[] y = ReferenceFiles.numbers(d, "eq_income");
        double[] w = ReferenceFiles.numbers(d, "weight");
        GiniAccumulator acc = new GiniAccumulator(100, 1e6, 1 << 14);
        for (int i = 0; i < y.length; i++) {
            acc.add(Math.max(0, y[i]), w[i]);
        }
        double expected = ref.get("gini_percent").asDouble() / 100;
        assertTrue(acc.errorBound() < 1e-4, "bound " + acc.errorBound());
        assertEquals(expected, acc.gini(), acc.errorBound());
        assertEquals(expected, acc.gini(), 1e-5);
    }

    @Property(tries = 30)
    void splitAndCombineEqualsOnePassAndStaysWithinBoundOfExact(@ForAll @IntRange(min = 1, max = 10_000) int seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        int n = 2000;
        double[] y = new double[n];
        double[] w = new double[n];
        GiniAccumulator all = new GiniAccumulator(1, 1e5, 4096);
        GiniAccumulator left = new GiniAccumulator(1, 1e5, 4096);
        GiniAccumulator right = new GiniAccumulator(1, 1e5, 4096);
        int cut = rng.nextInt(n);
        for (int i = 0; i < n; i++) {
            y[i] = Math.exp(6 + rng.nextGaussian());
            w[i] = 0.5 + rng.nextDouble();
            all.add(y[i], w[i]);
            (i < cut ? left : right).add(y[i], w[i]);
        }
        assertEquals(all.gini(), right.combine(left).gini(), 1e-12);
        double exact = IncomeDistribution.of(y, w).gini();
        assertEquals(exact, all.gini(), all.errorBound());
    }
}
