package org.synergia.measures.multiplicity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class FamilyIndexTest {

    @Test
    void klingLiebmanKatzIsTheMeanOfControlStandardisedScores() {
        // by hand: control rows 0-2. Outcome 1: control (1, 2, 3) mean 2 sd 1; outcome 2 (lower is
        // better): control (10, 10, 16) mean 12 sd sqrt(12). Row 3 = (5, 6): z1 = 3, z2 = -(6-12)/sqrt(12).
        double[][] y = {{1, 2, 3, 5}, {10, 10, 16, 6}};
        boolean[] control = {true, true, true, false};
        double[] index = FamilyIndex.withWeighting(FamilyIndex.Weighting.EQUAL)
                .compute(y, control, new boolean[] {true, false});
        assertEquals((3 + 6 / Math.sqrt(12)) / 2, index[3], 1e-14);
        // missing outcome: the mean of what is there
        double[][] withMissing = {{1, 2, 3, 5}, {10, 10, 16, Double.NaN}};
        assertEquals(3, FamilyIndex.withWeighting(FamilyIndex.Weighting.EQUAL)
                .compute(withMissing, control, new boolean[] {true, false})[3], 1e-14);
    }

    @Test
    void andersonIndexDownweightsRedundantOutcomesAndIsStandardisedOnControls() {
        // outcomes 1 and 2 are near-copies (corr ~0.9975), outcome 3 is independent: the inverse
        // covariance's row sums are ~(1/2, 1/2, 1), so the pair counts as one outcome and the index
        // loads equally on outcome 1 and outcome 3 (equal weights would load twice as much on the pair).
        SplittableRandom rng = new SplittableRandom(5);
        int n = 4000;
        double[][] y = new double[3][n];
        boolean[] control = new boolean[n];
        for (int i = 0; i < n; i++) {
            double a = gauss(rng);
            y[0][i] = a + 0.05 * gauss(rng);
            y[1][i] = a + 0.05 * gauss(rng);
            y[2][i] = gauss(rng);
            control[i] = i % 2 == 0;
        }
        double[] index = FamilyIndex.withWeighting(FamilyIndex.Weighting.INVERSE_COVARIANCE)
                .compute(y, control, new boolean[] {true, true, true});
        double sum = 0;
        double ss = 0;
        int c = 0;
        for (int i = 0; i < n; i++) {
            if (control[i]) {
                sum += index[i];
                c++;
            }
        }
        double mean = sum / c;
        for (int i = 0; i < n; i++) {
            if (control[i]) {
                ss += (index[i] - mean) * (index[i] - mean);
            }
        }
        assertEquals(0, mean, 1e-12);
        assertEquals(1, Math.sqrt(ss / (c - 1)), 1e-12);
        double ratio = slope(y[2], index) / slope(y[0], index);
        assertTrue(ratio > 0.85 && ratio < 1.15, "loading ratio " + ratio);
        double[] equal = FamilyIndex.withWeighting(FamilyIndex.Weighting.EQUAL)
                .compute(y, control, new boolean[] {true, true, true});
        double equalRatio = slope(y[2], equal) / slope(y[0], equal);
        assertTrue(equalRatio > 0.4 && equalRatio < 0.6, "equal-weight loading ratio " + equalRatio);
    }

    private static double slope(double[] x, double[] y) {
        double mx = 0;
        double my = 0;
        for (int i = 0; i < x.length; i++) {
            mx += x[i] / x.length;
            my += y[i] / x.length;
        }
        double sxy = 0;
        double sxx = 0;
        for (int i = 0; i < x.length; i++) {
            sxy += (x[i] - mx) * (y[i] - my);
            sxx += (x[i] - mx) * (x[i] - mx);
        }
        return sxy / sxx;
    }

    private static double gauss(SplittableRandom g) {
        return Math.sqrt(-2 * Math.log(1 - g.nextDouble())) * Math.cos(2 * Math.PI * g.nextDouble());
    }
}
