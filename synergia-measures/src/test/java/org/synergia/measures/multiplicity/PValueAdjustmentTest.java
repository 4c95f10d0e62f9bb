package org.synergia.measures.multiplicity;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class PValueAdjustmentTest {

    @Test
    void sharpenedQValuesMatchAndersonsExamples() {
        // Anderson (2008) sharpened q-values on a 0.001 grid (issue 5's check values)
        double[] q = PValueAdjustment.SHARPENED_Q.adjust(new double[] {0.001, 0.005, 0.01, 0.05, 0.1, 0.5});
        assertArrayEquals(new double[] {0.007, 0.013, 0.016, 0.039, 0.064, 0.137}, q, 1e-12);
        double[] p = new double[10];
        for (int i = 0; i < 10; i++) {
            p[i] = 0.01 * (i + 1);
        }
        double[] all = new double[10];
        Arrays.fill(all, 0.112);
        assertArrayEquals(all, PValueAdjustment.SHARPENED_Q.adjust(p), 1e-12);
    }

    @Test
    void holmAndBenjaminiHochbergMatchRPAdjust() {
        // R 4.x stats::p.adjust(c(0.01, 0.04, 0.03, 0.005), "holm") and "BH" (also checked by hand)
        double[] p = {0.01, 0.04, 0.03, 0.005};
        assertArrayEquals(new double[] {0.03, 0.06, 0.06, 0.02}, PValueAdjustment.HOLM.adjust(p), 1e-15);
        assertArrayEquals(new double[] {0.02, 0.04, 0.04, 0.02}, PValueAdjustment.BENJAMINI_HOCHBERG.adjust(p), 1e-15);
    }

    @Property(tries = 200, seed = "20171")
    void adjustedValuesAreNeverBelowRawAndKeepTheOrder(
            @ForAll @Size(min = 1, max = 30) java.util.List<@DoubleRange(min = 0, max = 1) Double> list) {
        double[] p = list.stream().mapToDouble(Double::doubleValue).toArray();
        for (PValueAdjustment a : PValueAdjustment.values()) {
            double[] q = a.adjust(p);
            for (int i = 0; i < p.length; i++) {
                assertTrue(q[i] <= 1 + 1e-12, a + " above 1");
                if (a != PValueAdjustment.SHARPENED_Q) {
                    assertTrue(q[i] >= p[i] - 1e-15, a + " below raw p");
                }
                for (int j = 0; j < p.length; j++) {
                    if (p[i] < p[j]) {
                        assertTrue(q[i] <= q[j] + 1e-15, a + " not monotone");
                    }
                }
            }
        }
    }

    @Test
    void bonferroniBoundForASingleHypothesisIsTheRawP() {
        assertEquals(0.03, PValueAdjustment.HOLM.adjust(new double[] {0.03})[0], 0);
        assertEquals(0.03, PValueAdjustment.BENJAMINI_HOCHBERG.adjust(new double[] {0.03})[0], 0);
    }
}
