package org.synergia.measures.multiplicity;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class StepdownMaxTTest {

    @Test
    void smallExampleByHand() {
        // t = (3, 1, 2); 4 null draws. Order: h1 (3), h3 (2), h2 (1).
        // step 1: max over all |t*| per draw = (3.5, 1, 2.5, 0.5) -> #>=3 is 1 -> (1+1)/5 = 0.4
        // step 2: max over {h3, h2} = (0.2, 1, 2.5, 0.5) -> #>=2 is 1 -> 0.4
        // step 3: |t*_h2| = (0.1, 1, 0.3, 0.5) -> #>=1 is 1 -> 0.4
        double[][] stats = {{3.5, 0.1, 0.2}, {0.3, -1, 0.4}, {0.1, 0.3, -2.5}, {-0.5, 0.5, 0}};
        assertArrayEquals(new double[] {0.4, 0.4, 0.4}, StepdownMaxT.westfallYoung(new double[] {3, 1, 2}, stats), 1e-15);
    }

    @Test
    void independentNullsGiveCalibratedFamilywiseErrorAndTrueEffectsAreFound() {
        // planted effects: 2 of 5 hypotheses have t ~ N(5, 1); the others are null. Bootstrap
        // draws are N(0, 1) (centred). The true effects must be rejected, a null must not be
        // rejected more than rarely across 200 seeded families.
        SplittableRandom rng = new SplittableRandom(11);
        int familyErrors = 0;
        int found = 0;
        for (int rep = 0; rep < 200; rep++) {
            double[] est = new double[5];
            double[] se = {1, 1, 1, 1, 1};
            for (int j = 0; j < 5; j++) {
                est[j] = (j < 2 ? 5 : 0) + normal(rng);
            }
            double[][] boot = new double[199][5];
            for (double[] row : boot) {
                for (int j = 0; j < 5; j++) {
                    row[j] = est[j] + normal(rng);
                }
            }
            double[] p = StepdownMaxT.romanoWolf(est, se, boot);
            if (p[2] <= 0.05 || p[3] <= 0.05 || p[4] <= 0.05) {
                familyErrors++;
            }
            if (p[0] <= 0.05 && p[1] <= 0.05) {
                found++;
            }
        }
        // FWER 5%: 200 families -> expect 10, binomial SD ~3.1; allow up to 4 SD
        assertTrue(familyErrors <= 23, "familywise errors " + familyErrors);
        assertTrue(found >= 190, "true effects found " + found);
    }

    @Test
    void callbackResamplingIsReproducibleWithTheSeed() {
        StepdownMaxT.Resampler r = g -> new double[] {normal(g), normal(g)};
        double[] a = StepdownMaxT.adjust(new double[] {2.2, 0.5}, r, 500, 42);
        double[] b = StepdownMaxT.adjust(new double[] {2.2, 0.5}, r, 500, 42);
        assertArrayEquals(a, b, 0);
        assertEquals(a[0], Math.min(1, a[0]), 0);
        assertTrue(a[1] >= a[0]);
    }

    private static double normal(SplittableRandom g) {
        return Math.sqrt(-2 * Math.log(1 - g.nextDouble())) * Math.cos(2 * Math.PI * g.nextDouble());
    }
}
