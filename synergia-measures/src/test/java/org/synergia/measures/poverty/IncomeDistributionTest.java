package org.synergia.measures.poverty;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.synergia.measures.testdata.ReferenceFiles;
import org.synergia.testdata.TestFiles;

class IncomeDistributionTest {

    private static void assertRel(double expected, double actual, double tol) {
        assertEquals(expected, actual, tol * Math.max(1, Math.abs(expected)));
    }

    @Test
    void eusilcGiniAndArprMatchLaeken() {
        // R 4.x laeken 0.5.2: gini(eqIncome, weights) and arpr(eqIncome, weights) on eusilc
        // (reference_values.json -> eusilc_poverty)
        JsonNode ref = TestFiles.referenceJson("reference_values.json").get("eusilc_poverty");
        Map<String, List<String>> d = ReferenceFiles.csv(TestFiles.reference("eusilc.csv"));
        IncomeDistribution dist = IncomeDistribution.of(ReferenceFiles.numbers(d, "eq_income"),
                ReferenceFiles.numbers(d, "weight"));
        assertRel(ref.get("gini_percent").asDouble(), 100 * dist.gini(), 1e-8);
        assertRel(ref.get("arpt_threshold").asDouble(), 0.6 * dist.median(), 1e-6);
        assertRel(ref.get("arpr_percent").asDouble(), 100 * dist.atRiskOfPovertyRate(0.6), 1e-8);
    }

    @Test
    void giniLinearisedValuesAreItsWeightDerivatives() {
        // the linearised value of row k is dG/dw_k (Deville 1999): check by central differences
        SplittableRandom rng = new SplittableRandom(7);
        int n = 40;
        double[] y = new double[n];
        double[] w = new double[n];
        for (int i = 0; i < n; i++) {
            y[i] = Math.floor(rng.nextDouble() * 20); // ties on purpose
            w[i] = 0.5 + rng.nextDouble();
        }
        double[] z = IncomeDistribution.of(y, w).giniLinearised();
        for (int k = 0; k < n; k++) {
            double h = 1e-6;
            double[] up = w.clone();
            double[] down = w.clone();
            up[k] += h;
            down[k] -= h;
            double derivative = (IncomeDistribution.of(y, up).gini() - IncomeDistribution.of(y, down).gini()) / (2 * h);
            assertEquals(derivative, z[k], 1e-7, "row " + k);
        }
    }

    @Test
    void quantileSharesSumToOneAndRankIncreasing() {
        SplittableRandom rng = new SplittableRandom(3);
        double[] y = new double[1000];
        double[] w = new double[1000];
        for (int i = 0; i < y.length; i++) {
            y[i] = Math.exp(rng.nextDouble() * 3);
            w[i] = 1 + rng.nextDouble();
        }
        double[] shares = IncomeDistribution.of(y, w).quantileShares(10);
        double sum = 0;
        for (int j = 0; j < shares.length; j++) {
            sum += shares[j];
            if (j > 0) {
                org.junit.jupiter.api.Assertions.assertTrue(shares[j] > shares[j - 1]);
            }
        }
        assertEquals(1, sum, 1e-12);
    }

    @Test
    void theilOfEqualIncomesIsZeroAndOfTwoPointDistributionIsKnown() {
        assertEquals(0, IncomeDistribution.of(new double[] {5, 5, 5}, null).theil(), 1e-15);
        // y = (1, 3): mu = 2, T = 0.5 (0.5 ln 0.5 + 1.5 ln 1.5), by hand
        double expected = 0.5 * (0.5 * Math.log(0.5) + 1.5 * Math.log(1.5));
        assertEquals(expected, IncomeDistribution.of(new double[] {1, 3}, null).theil(), 1e-15);
    }
}
