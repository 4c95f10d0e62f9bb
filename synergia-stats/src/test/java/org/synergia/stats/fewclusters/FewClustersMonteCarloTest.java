package org.synergia.stats.fewclusters;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.synergia.stats.inference.Clusters;
import org.synergia.stats.inference.Term;

/**
 * Size under the null with 10 clusters, a seeded Monte Carlo: 2,000 simulated data sets of 10 villages of 10 to
 * 40 households, 5 villages treated, a village effect as large as the household noise
 * ({@code y = 1 + 0·treat + 0.5 z + u_g + e}), tested at 5%. The CR1 Wald test with normal critical values (the
 * SEs every estimator reports) over-rejects; the wild cluster bootstrap-t (WCR, 999 Rademacher draws) and CR2 with
 * Satterthwaite degrees of freedom stay near 5%.
 *
 * <p>Bounds from a scan of this design with 10 generator seeds (this one and 1 to 9), 2,000 replications each
 * (Monte Carlo SE about 0.5 points): CR1 rejected 10.2% to 13.1%, WCR 4.8% to 6.8%, CR2 4.5% to 5.7%; with this
 * seed 10.5%, 5.65% and 5.2%. With 8 clusters (all 256 sign vectors) WCR rejected 5.9% to 7.6% and CR1 12.6% to
 * 14.7%; with 12, WCR 4.6% to 6.0% and CR1 9.1% to 11.6%.
 */
class FewClustersMonteCarloTest {

    @Test
    void withTenClustersTheBootstrapAndCr2HoldTheirSizeWhereCr1OverRejects() {
        int g = 10;
        int reps = 2000;
        int cr1 = 0;
        int wcr = 0;
        int cr2 = 0;
        SplittableRandom rng = new SplittableRandom(20270615);
        List<Term> terms = List.of(Term.named("(Intercept)"), Term.named("treat"), Term.named("z"));
        for (int rep = 0; rep < reps; rep++) {
            int[] sizes = new int[g];
            int n = 0;
            for (int c = 0; c < g; c++) {
                sizes[c] = 10 + rng.nextInt(31);
                n += sizes[c];
            }
            double[][] x = new double[3][n];
            double[] y = new double[n];
            int[] ids = new int[n];
            int i = 0;
            for (int c = 0; c < g; c++) {
                double u = rng.nextGaussian();
                for (int r = 0; r < sizes[c]; r++, i++) {
                    ids[i] = c;
                    x[0][i] = 1;
                    x[1][i] = c < g / 2 ? 1 : 0;
                    x[2][i] = rng.nextGaussian();
                    y[i] = 1 + 0.5 * x[2][i] + u + rng.nextGaussian();
                }
            }
            ClusteredRegression m = ClusteredRegression.of(x, List.of("(Intercept)", "treat", "z"), y, null, Clusters.of(ids));
            if (Math.abs(m.coefficients()[1] / Math.sqrt(m.cr1Variance()[1][1])) > 1.959964) {
                cr1++;
            }
            WildBootstrapResult w = WildClusterBootstrap.withDraws(999).withSeed(rep).test(m, new int[] {1}, terms.subList(1, 2));
            if (w.terms().get(0).pValue() < 0.05) {
                wcr++;
            }
            if (Cr2.of(m).estimates(terms, 0.95).get(1).pValue() < 0.05) {
                cr2++;
            }
        }
        double rCr1 = cr1 / (double) reps;
        double rWcr = wcr / (double) reps;
        double rCr2 = cr2 / (double) reps;
        String rates = "CR1 " + rCr1 + ", WCR " + rWcr + ", CR2 " + rCr2;
        assertTrue(rCr1 >= 0.09, rates);
        assertTrue(rWcr >= 0.035 && rWcr <= 0.08, rates);
        assertTrue(rCr2 >= 0.035 && rCr2 <= 0.07, rates);
        assertTrue(rCr1 - rWcr >= 0.03, rates);
    }
}
