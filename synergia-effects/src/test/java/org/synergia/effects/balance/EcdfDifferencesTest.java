package org.synergia.effects.balance;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link BalanceStatistics#ecdfDifferences} against its definition evaluated by brute force (each distinct value's
 * weighted eCDFs summed over all rows), for variables with few distinct values (accumulated by value) and many
 * (sorted), with zero weights, ties and negative zeros.
 */
class EcdfDifferencesTest {

    @ParameterizedTest
    @ValueSource(ints = {2, 5, 64, 65, 1000})
    void matchesTheDefinition(int distinct) {
        SplittableRandom rng = new SplittableRandom(distinct);
        int n = 3000;
        double[] x = new double[n];
        boolean[] treated = new boolean[n];
        double[] w = new double[n];
        double[] unit = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = rng.nextInt(distinct) - distinct / 2;
            x[i] = x[i] == 0 && rng.nextBoolean() ? -0.0 : x[i];
            treated[i] = rng.nextDouble() < 0.4;
            w[i] = rng.nextDouble() < 0.1 ? 0 : rng.nextDouble() * 3;
            unit[i] = 1;
        }
        double[] got = BalanceStatistics.ecdfDifferences(x, BalanceStatistics.EcdfSteps.of(treated, unit, w));
        // unit raw weights given as null (no sampling weights): the raw steps from the groups alone, the same numbers
        double[] unitPath = BalanceStatistics.ecdfDifferences(x, BalanceStatistics.EcdfSteps.of(treated, null, w));
        for (int k = 0; k < 4; k++) {
            assertEquals(got[k], unitPath[k], 1e-12, "unit raw weights, statistic " + k);
        }
        double[][] weights = {unit, w};
        double[] levels = Arrays.stream(x).map(v -> v == 0 ? 0 : v).distinct().sorted().toArray();
        for (int a = 0; a < 2; a++) {
            double st = 0;
            double sc = 0;
            for (int i = 0; i < n; i++) {
                st += treated[i] ? weights[a][i] : 0;
                sc += treated[i] ? 0 : weights[a][i];
            }
            double sum = 0;
            double max = 0;
            for (double v : levels) {
                double ft = 0;
                double fc = 0;
                for (int i = 0; i < n; i++) {
                    if (x[i] <= v) {
                        ft += treated[i] ? weights[a][i] : 0;
                        fc += treated[i] ? 0 : weights[a][i];
                    }
                }
                double d = Math.abs(ft / st - fc / sc);
                sum += d;
                max = Math.max(max, d);
            }
            assertEquals(sum / levels.length, got[2 * a], 1e-12, "eCDF mean, weighting " + a);
            assertEquals(max, got[2 * a + 1], 1e-12, "eCDF max, weighting " + a);
        }
    }
}
