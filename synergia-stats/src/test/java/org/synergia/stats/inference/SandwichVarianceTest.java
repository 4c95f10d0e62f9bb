package org.synergia.stats.inference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.synergia.data.InputException;

class SandwichVarianceTest {

    static EstimatingFunctions random(int n, int p, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[] psi = new double[n * p];
        for (int i = 0; i < psi.length; i++) {
            psi[i] = rng.nextGaussian();
        }
        return EstimatingFunctions.of(psi, n, p);
    }

    @Test
    void sandwichOfAKnownCase() {
        // A = diag(2, 4), B = [[4, 2], [2, 16]]: V = A⁻¹BA⁻¹ = [[1, 0.25], [0.25, 1]]
        double[][] v = SandwichVariance.of(new double[][] {{2, 0}, {0, 4}}, new double[][] {{4, 2}, {2, 16}});
        assertEquals(1, v[0][0], 1e-15);
        assertEquals(0.25, v[0][1], 1e-15);
        assertEquals(1, v[1][1], 1e-15);
    }

    @Test
    void singletonClustersGiveTheRobustMeat() {
        EstimatingFunctions psi = random(50, 3, 1);
        int[] ids = new int[50];
        for (int i = 0; i < 50; i++) {
            ids[i] = 1000 - i;
        }
        double[][] a = {{3, 1, 0}, {0.5, 2, 0}, {0, 0.2, 1}};
        double[][] robust = SandwichVariance.robust(psi, a, SmallSampleCorrection.NONE);
        double[][] cl = SandwichVariance.clusterRobust(psi, a, Clusters.of(ids), SmallSampleCorrection.CLUSTER);
        for (int j = 0; j < 3; j++) {
            for (int k = 0; k < 3; k++) {
                assertEquals(robust[j][k] * 50 / 49.0, cl[j][k], 1e-12 * Math.abs(cl[j][k]) + 1e-15);
            }
        }
    }

    @Test
    void frequencyWeightsEqualRepeatedRows() {
        EstimatingFunctions psi = random(20, 2, 2);
        double[] f = new double[20];
        int total = 0;
        for (int i = 0; i < 20; i++) {
            f[i] = 1 + i % 3;
            total += (int) f[i];
        }
        double[] expanded = new double[2 * total];
        int at = 0;
        for (int i = 0; i < 20; i++) {
            for (int r = 0; r < f[i]; r++, at++) {
                expanded[at] = psi.value(i, 0);
                expanded[total + at] = psi.value(i, 1);
            }
        }
        double[][] a = {{2, 0.3}, {0.3, 1}};
        double[][] weighted = SandwichVariance.robust(psi.withFrequencies(f), a, SmallSampleCorrection.HC1);
        double[][] rows = SandwichVariance.robust(EstimatingFunctions.of(expanded, total, 2), a, SmallSampleCorrection.HC1);
        for (int j = 0; j < 2; j++) {
            for (int k = 0; k < 2; k++) {
                assertEquals(rows[j][k], weighted[j][k], 1e-12 * Math.abs(rows[j][k]));
            }
        }
    }

    @Test
    void stackingWithBlockDiagonalDerivativeGivesTheSeparateVariances() {
        EstimatingFunctions first = random(40, 2, 3);
        EstimatingFunctions second = random(40, 1, 4);
        double[][] a1 = {{2, 0.5}, {0.1, 1}};
        double[][] a2 = {{3}};
        double[][] a = {{2, 0.5, 0}, {0.1, 1, 0}, {0, 0, 3}};
        double[][] v = SandwichVariance.robust(EstimatingFunctions.stack(first, second), a, SmallSampleCorrection.NONE);
        double[][] v1 = SandwichVariance.robust(first, a1, SmallSampleCorrection.NONE);
        double[][] v2 = SandwichVariance.robust(second, a2, SmallSampleCorrection.NONE);
        assertEquals(v1[0][0], v[0][0], 1e-14);
        assertEquals(v1[0][1], v[0][1], 1e-14);
        assertEquals(v1[1][1], v[1][1], 1e-14);
        assertEquals(v2[0][0], v[2][2], 1e-14);
    }

    @Test
    void correctionsFollowTheirFormulas() {
        assertEquals(100 / 95.0, SmallSampleCorrection.HC1.factor(100, 5, 0), 1e-15);
        assertEquals(100 / 99.0, SmallSampleCorrection.ML.factor(100, 5, 0), 1e-15);
        assertEquals(10 / 9.0, SmallSampleCorrection.CLUSTER.factor(100, 5, 10), 1e-15);
        assertEquals(10 / 9.0 * 99 / 95.0, SmallSampleCorrection.CR1.factor(100, 5, 10), 1e-15);
        assertThrows(InputException.class, () -> SandwichVariance.clusterRobust(random(5, 1, 5), new double[][] {{1}},
                Clusters.of(new int[5]), SmallSampleCorrection.CLUSTER));
    }
}
