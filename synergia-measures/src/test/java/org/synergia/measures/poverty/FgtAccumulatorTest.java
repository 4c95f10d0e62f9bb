package org.synergia.measures.poverty;

import static org.junit.jupiter.api.Assertions.assertEquals;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import java.util.List;

class FgtAccumulatorTest {

    @Property(tries = 200, seed = "20171")
    void splittingAndCombiningGivesTheSameMeasures(
            @ForAll @Size(min = 2, max = 60) List<@DoubleRange(min = 0, max = 100) Double> incomes,
            @ForAll @IntRange(min = 0, max = 60) int cut) {
        int split = Math.min(cut, incomes.size());
        FgtAccumulator whole = new FgtAccumulator(40);
        FgtAccumulator left = new FgtAccumulator(40);
        FgtAccumulator right = new FgtAccumulator(40);
        for (int i = 0; i < incomes.size(); i++) {
            double w = 1 + (i % 3);
            whole.add(incomes.get(i), w);
            (i < split ? left : right).add(incomes.get(i), w);
        }
        left.combine(right);
        for (int alpha = 0; alpha <= 2; alpha++) {
            assertEquals(whole.fgt(alpha), left.fgt(alpha), 1e-12);
        }
    }

    @Property(tries = 100, seed = "20171")
    void rescalingWeightsChangesNothing(@ForAll @Size(min = 2, max = 40) List<@DoubleRange(min = 0, max = 100) Double> y,
            @ForAll @DoubleRange(min = 0.01, max = 1000) double scale) {
        FgtAccumulator a = new FgtAccumulator(50);
        FgtAccumulator b = new FgtAccumulator(50);
        for (int i = 0; i < y.size(); i++) {
            a.add(y.get(i), 1 + i);
            b.add(y.get(i), scale * (1 + i));
        }
        for (int alpha = 0; alpha <= 2; alpha++) {
            assertEquals(a.fgt(alpha), b.fgt(alpha), 1e-12);
        }
    }
}
