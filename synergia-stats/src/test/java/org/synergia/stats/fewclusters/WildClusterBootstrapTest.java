package org.synergia.stats.fewclusters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.synergia.stats.glm.Family;
import org.synergia.stats.glm.Glm;
import org.synergia.stats.glm.GlmFit;
import org.synergia.stats.inference.Clusters;
import org.synergia.stats.inference.VarianceType;

/**
 * Exact properties of the wild cluster bootstrap (no packaged reference exists here): the fast algorithm
 * against refitting the regression on every bootstrap sample, the restricted bootstrap's centring on the null,
 * full enumeration, the interval by test inversion and reproducibility from the seed.
 */
class WildClusterBootstrapTest {

    /** A small clustered design: intercept, a row-level x and a cluster-level treatment; y with a cluster effect. */
    static final class Design {
        final double[][] x;
        final double[] y;
        final double[] w;
        final Clusters clusters;
        final List<String> names = List.of("(Intercept)", "x", "treat");

        Design(int[] sizes, long seed, boolean weighted) {
            SplittableRandom rng = new SplittableRandom(seed);
            int n = 0;
            for (int s : sizes) {
                n += s;
            }
            x = new double[3][n];
            y = new double[n];
            w = weighted ? new double[n] : null;
            int[] ids = new int[n];
            int i = 0;
            for (int g = 0; g < sizes.length; g++) {
                double effect = rng.nextGaussian();
                double treat = g % 2;
                for (int r = 0; r < sizes[g]; r++, i++) {
                    ids[i] = g;
                    x[0][i] = 1;
                    x[1][i] = rng.nextGaussian() + 0.3 * treat;
                    x[2][i] = treat;
                    y[i] = 1 + 0.5 * x[1][i] + effect + (1 + Math.abs(x[1][i])) * rng.nextGaussian();
                    if (weighted) {
                        w[i] = Math.exp(0.5 * rng.nextGaussian());
                    }
                }
            }
            clusters = Clusters.of(ids);
        }

        ClusteredRegression fit() {
            return ClusteredRegression.of(x, names, y, w, clusters);
        }

        GlmFit glm(double[][] columns, List<String> labels, double[] outcome) {
            return Glm.withDefaults().withFamily(Family.GAUSSIAN).withVariance(VarianceType.CLUSTER).withThreads(1)
                    .fit(columns, labels, outcome, w, clusters);
        }
    }

    /**
     * For each draw, the regression refitted on {@code y* = Xβ̃ + ũ ∘ v} (β̃ the least-squares fit with
     * {@code β_j = r} imposed, computed by regressing {@code y - r x_j} on the other columns) gives the same
     * {@code t* = (β̂*_j - r) / se_CR1} as the fast algorithm, to 1e-10; and the bootstrap estimates average to
     * {@code r} over the enumeration.
     */
    @Test
    void fastAlgorithmEqualsRefittingEveryBootstrapSample() {
        for (boolean weighted : new boolean[] {false, true}) {
            Design d = new Design(new int[] {4, 9, 6, 12, 3, 7}, 11, weighted);
            ClusteredRegression m = d.fit();
            for (WildWeights weights : WildWeights.values()) {
                WildClusterBootstrap wb = WildClusterBootstrap.withDraws(64).withWeights(weights).withSeed(5);
                WildClusterBootstrap.Draws draws = wb.draws(6);
                assertEquals(weights == WildWeights.RADEMACHER, draws.enumerated);
                double[][] v = draws.all();
                for (int j = 0; j < 3; j++) {
                    WildClusterBootstrap.Hypothesis h = new WildClusterBootstrap.Hypothesis(m, j, draws);
                    for (double r : new double[] {0, 0.37, -1.2}) {
                        double[] restricted = restrictedFitted(d, j, r);
                        double mean = 0;
                        for (int b = 0; b < v.length; b++) {
                            double[] ystar = new double[d.y.length];
                            for (int i = 0; i < ystar.length; i++) {
                                ystar[i] = restricted[i] + (d.y[i] - restricted[i]) * v[b][d.clusters.code(i)];
                            }
                            GlmFit refit = d.glm(d.x, d.names, ystar);
                            double t = (refit.coefficients()[j] - r) / refit.standardErrors()[j];
                            assertEquals(t, h.tStar(b, r), 1e-10 * Math.max(1, Math.abs(t)),
                                    "weighted " + weighted + ", " + weights + ", coefficient " + j + ", r " + r + ", draw " + b);
                            mean += refit.coefficients()[j] / v.length;
                        }
                        if (draws.enumerated) {
                            assertEquals(r, mean, 1e-10, "the restricted bootstrap's estimates average to the null value");
                        }
                    }
                }
            }
        }
    }

    /** Fitted values of the least-squares fit with {@code β_j = r}: {@code r x_j} plus the fit of {@code y - r x_j} on the rest. */
    private static double[] restrictedFitted(Design d, int j, double r) {
        int n = d.y.length;
        double[] offset = new double[n];
        List<double[]> cols = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        for (int c = 0; c < d.x.length; c++) {
            if (c != j) {
                cols.add(d.x[c]);
                labels.add(d.names.get(c));
            }
        }
        for (int i = 0; i < n; i++) {
            offset[i] = d.y[i] - r * d.x[j][i];
        }
        double[][] xs = cols.toArray(new double[0][]);
        double[] b = d.glm(xs, labels, offset).coefficients();
        double[] fitted = new double[n];
        for (int i = 0; i < n; i++) {
            fitted[i] = r * d.x[j][i];
            for (int c = 0; c < xs.length; c++) {
                fitted[i] += b[c] * xs[c][i];
            }
        }
        return fitted;
    }

    /** The all-ones draw reproduces the sample: under any null value its t* is the observed t. */
    @Test
    void theRestrictedBootstrapsFirstSignVectorGivesTheObservedT() {
        Design d = new Design(new int[] {5, 8, 6, 7, 9, 4, 6, 5}, 3, true);
        ClusteredRegression m = d.fit();
        WildClusterBootstrap.Draws draws = WildClusterBootstrap.withDraws(999).draws(8);
        assertTrue(draws.enumerated);
        for (int j = 0; j < 3; j++) {
            WildClusterBootstrap.Hypothesis h = new WildClusterBootstrap.Hypothesis(m, j, draws);
            double se = Math.sqrt(m.cr1Variance()[j][j]);
            for (double r : new double[] {0, 0.5, -2, m.coefficients()[j]}) {
                double t = (m.coefficients()[j] - r) / se;
                assertEquals(t, h.t(r), 1e-12 * Math.max(1, Math.abs(t)));
                assertEquals(t, h.tStar(0, r), 1e-10 * Math.max(1, Math.abs(t)));
                assertEquals(-t, h.tStar((1 << 8) - 1, r), 1e-10 * Math.max(1, Math.abs(t)), "the all-minus-ones draw");
            }
            // at r = β̂_j, t = 0 and every draw but those two exceeds it
            assertEquals(1 - 2.0 / 256, h.pValueAt(m.coefficients()[j]), 1e-15);
        }
    }

    /** With Rademacher weights and 2^G ≤ B every sign vector is used: p-values are multiples of 1/2^G, whatever the seed. */
    @Test
    void fullEnumerationGivesPValuesOnTheGridOfSignVectorsWhateverTheSeed() {
        Design d = new Design(new int[] {12, 7, 15, 9, 10, 6, 14, 8, 11}, 21, false);
        ClusteredRegression m = d.fit();
        WildBootstrapResult a = WildClusterBootstrap.withDraws(999).withSeed(1).test(m);
        WildBootstrapResult b = WildClusterBootstrap.withDraws(999).withSeed(987654321).test(m);
        assertTrue(a.enumerated());
        assertEquals(512, a.draws());
        for (int j = 0; j < 3; j++) {
            WildBootstrapResult.TermResult ta = a.terms().get(j);
            WildBootstrapResult.TermResult tb = b.terms().get(j);
            double cells = ta.pValue() * 512;
            assertEquals(Math.rint(cells), cells, 1e-9, "p = " + ta.pValue());
            assertEquals(ta.pValue(), tb.pValue());
            assertEquals(ta.ciLow(), tb.ciLow());
            assertEquals(ta.ciHigh(), tb.ciHigh());
        }
    }

    /**
     * The interval by inversion contains the estimate, and at each end the p-value crosses 1 - level: at least
     * 0.05 just inside, below 0.05 just outside (within the search tolerance).
     */
    @Test
    void theIntervalsEndsAreWhereThePValueCrossesTheLevel() {
        Design d = new Design(new int[] {20, 14, 25, 18, 9, 22, 16, 11, 19, 13, 24, 15, 17, 12, 21}, 8, true);
        ClusteredRegression m = d.fit();
        WildClusterBootstrap wb = WildClusterBootstrap.withDraws(1999).withSeed(42);
        WildBootstrapResult result = wb.test(m);
        assertTrue(!result.enumerated());
        WildClusterBootstrap.Draws draws = wb.draws(15);
        for (int j = 0; j < 3; j++) {
            WildBootstrapResult.TermResult t = result.terms().get(j);
            double estimate = m.coefficients()[j];
            double se = Math.sqrt(m.cr1Variance()[j][j]);
            assertTrue(t.ciLow() < estimate && estimate < t.ciHigh(), t.toString());
            WildClusterBootstrap.Hypothesis h = new WildClusterBootstrap.Hypothesis(m, j, draws);
            double step = WildClusterBootstrap.TOLERANCE * se;
            assertTrue(h.pValueAt(t.ciLow() + step) >= 0.05, "inside the lower end");
            assertTrue(h.pValueAt(t.ciLow() - step) < 0.05, "outside the lower end");
            assertTrue(h.pValueAt(t.ciHigh() - step) >= 0.05, "inside the upper end");
            assertTrue(h.pValueAt(t.ciHigh() + step) < 0.05, "outside the upper end");
            assertEquals(h.pValueAt(0), t.pValue());
        }
    }

    /** Random draws come from the seed: the same seed gives the same result, another seed another one. */
    @Test
    void randomDrawsAreReproducibleFromTheSeed() {
        Design d = new Design(new int[] {10, 12, 8, 11, 9, 13, 10, 7, 12, 9, 11, 10, 8, 14}, 5, false);
        ClusteredRegression m = d.fit();
        WildBootstrapResult a = WildClusterBootstrap.withDraws(999).withSeed(7).test(m);
        WildBootstrapResult again = WildClusterBootstrap.withDraws(999).withSeed(7).test(m);
        WildBootstrapResult other = WildClusterBootstrap.withDraws(999).withSeed(8).test(m);
        WildBootstrapResult webb = WildClusterBootstrap.withDraws(999).withSeed(7).withWeights(WildWeights.WEBB).test(m);
        assertEquals(a, again);
        assertTrue(!a.enumerated());
        assertNotEquals(a.terms(), other.terms());
        assertNotEquals(a.terms(), webb.terms());
        assertEquals("webb", webb.toDiagnostic().get("weights"));
    }
}
