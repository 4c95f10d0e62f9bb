package org.synergia.effects.rd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.synergia.data.InputException;

/** Bad input, mass points and the nearest-neighbour residuals against a brute-force definition. */
class RdRobustInputTest {

    private static final double[][] DATA = RdRobustPropertiesTest.simulate(11, 800, 0.5, 0.3);

    @Test
    void cutoffOutsideTheRangeNamesTheCounts() {
        InputException e = assertThrows(InputException.class,
                () -> RdRobust.withDefaults().fit(DATA[0], DATA[1], 3));
        assertTrue(e.getMessage().contains("outside the range") && e.getMessage().contains("800 units left"),
                e.getMessage());
    }

    @Test
    void noUnitsWithinTheBandwidthOnOneSide() {
        double[] x = DATA[1].clone();
        double[] y = DATA[0];
        for (int i = 0; i < x.length; i++) {
            if (x[i] >= 0) {
                x[i] += 0.5; // nothing right of the cutoff closer than 0.5
            }
        }
        InputException e = assertThrows(InputException.class,
                () -> RdRobust.withDefaults().withBandwidth(0.3).fit(y, x, 0));
        assertTrue(e.getMessage().startsWith("no units at or right of the cutoff within the bandwidth h = 0.3"),
                e.getMessage());
    }

    @Test
    void tooFewDistinctValuesForTheOrders() {
        double[] x = {-3, -2, -1, 0, 1, 2, 3, 4, 5, 6};
        double[] y = {1, 2, 1, 3, 4, 3, 5, 4, 6, 5};
        InputException e = assertThrows(InputException.class, () -> RdRobust.withDefaults().fit(y, x, 0));
        assertTrue(e.getMessage().startsWith("only 3 distinct values of the running variable left of the cutoff"),
                e.getMessage());
    }

    @Test
    void fewClustersWarn() {
        int[] c = new int[DATA[0].length];
        for (int i = 0; i < c.length; i++) {
            c[i] = i % 6;
        }
        RdResult r = RdRobust.withDefaults().withVariance(RdVariance.HC1).withBandwidth(0.4)
                .fit(RdSample.of(DATA[0], DATA[1]).withClusters(c), 0);
        assertTrue(r.warnings().stream().anyMatch(w -> w.startsWith("only 6 clusters")), r.warnings().toString());
    }

    @Test
    void missingValuesAreDroppedWithAWarningAndNegativeWeightsRefused() {
        double[] y = DATA[0].clone();
        y[5] = Double.NaN;
        RdResult r = RdRobust.withDefaults().fit(y, DATA[1], 0);
        assertEquals(799, r.n());
        assertTrue(r.warnings().get(0).startsWith("dropped 1 of 800 rows"), r.warnings().toString());
        double[] w = new double[y.length];
        Arrays.fill(w, 1);
        w[9] = -1;
        InputException e = assertThrows(InputException.class,
                () -> RdRobust.withDefaults().fit(RdSample.of(DATA[0], DATA[1]).withWeights(w), 0));
        assertTrue(e.getMessage().contains("row 10 is negative"), e.getMessage());
    }

    @Test
    void massPointsWarnAndTheirCheckIsReported() {
        SplittableRandom rnd = new SplittableRandom(3);
        int n = 3000;
        double[] x = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = rnd.nextInt(61) - 30; // integer scores from -30 to 30
            y[i] = 0.1 * x[i] + (x[i] >= 0 ? 1 : 0) + rnd.nextGaussian();
        }
        RdResult r = RdRobust.withDefaults().fit(y, x, 0);
        assertTrue(r.warnings().stream().anyMatch(w -> w.contains("mass points")), r.warnings().toString());
        // rdrobust keeps 10 distinct values a side within the pilot bandwidths, not within h and b
        assertEquals(10, r.diagnostics().get("bwcheck"));
        assertEquals("adjust", r.diagnostics().get("masspoints"));
        assertEquals(30, r.diagnostics().get("n_unique_left"));
        assertEquals(31, r.diagnostics().get("n_unique_right"));
        assertTrue(Double.isFinite(r.robust().se()) && r.robust().se() > 0);

        RdResult checked = RdRobust.withDefaults().withMassPoints(MassPoints.CHECK).fit(y, x, 0);
        assertTrue(checked.warnings().stream().anyMatch(w -> w.startsWith("mass points were only checked")),
                checked.warnings().toString());
        assertEquals(null, checked.diagnostics().get("bwcheck"));
        RdResult off = RdRobust.withDefaults().withMassPoints(MassPoints.IGNORE).fit(y, x, 0);
        assertTrue(off.warnings().isEmpty(), off.warnings().toString());
        assertEquals("off", off.diagnostics().get("masspoints"));
        assertEquals(null, off.diagnostics().get("n_unique_left"));
        assertEquals(off.hLeft(), checked.hLeft(), 0, "check changes nothing but the warnings");
        RdResult given = RdRobust.withDefaults().withMassPoints(MassPoints.IGNORE).withBandwidthCheck(10).fit(y, x, 0);
        assertEquals(10, given.diagnostics().get("bwcheck"));
    }

    @Test
    void aPilotThatHoldsTooFewDistinctValuesNamesTheMassPointOptions() {
        SplittableRandom rnd = new SplittableRandom(9);
        int n = 1200;
        double[] x = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = rnd.nextInt(17) - 8; // the integers -8..8
            y[i] = 1 + 0.1 * x[i] + 0.02 * x[i] * x[i] + (x[i] >= 0 ? 0.5 : 0) + rnd.nextGaussian();
        }
        // masspoints "check" leaves the pilot unadjusted: rdrobust then inverts a singular matrix
        InputException e = assertThrows(InputException.class,
                () -> RdRobust.withDefaults().withMassPoints(MassPoints.CHECK).fit(y, x, 0));
        assertTrue(e.getMessage().startsWith("bandwidth selection failed: a local polynomial of order 3 is not identified"
                + " within the pilot bandwidth") && e.getMessage().endsWith("with --masspoints adjust or --bwcheck N,"
                + " or give --h"), e.getMessage());
        assertTrue(Double.isFinite(RdRobust.withDefaults().fit(y, x, 0).robust().se()));
    }

    @Test
    void bandwidthCheckMustBePositive() {
        InputException e = assertThrows(InputException.class, () -> RdRobust.withDefaults().withBandwidthCheck(0));
        assertTrue(e.getMessage().startsWith("the bandwidth check --bwcheck 0 must be a whole number of at least 1"),
                e.getMessage());
    }

    @Test
    void clusteredVariancesAreRdrobustsClusterVariances() {
        int[] c = new int[DATA[0].length];
        for (int i = 0; i < c.length; i++) {
            c[i] = i % 40;
        }
        RdSample sample = RdSample.of(DATA[0], DATA[1]).withClusters(c);
        RdRobust h = RdRobust.withDefaults().withBandwidth(0.4);
        RdResult nn = h.fit(sample, 0);
        RdResult hc0 = h.withVariance(RdVariance.HC0).fit(sample, 0);
        RdResult hc1 = h.withVariance(RdVariance.HC1).fit(sample, 0);
        RdResult hc2 = h.withVariance(RdVariance.HC2).fit(sample, 0);
        assertEquals(nn.robust().se(), hc0.robust().se(), 0, "nn and hc0 are both CR1");
        assertEquals(nn.robust().se(), hc1.robust().se(), 0, "hc1 is CR1");
        assertEquals("cr1", nn.diagnostics().get("vce_type"));
        assertEquals("cr2", hc2.diagnostics().get("vce_type"));
        assertTrue(nn.warnings().stream().noneMatch(w -> w.startsWith("with clusters")), nn.warnings().toString());
        assertTrue(hc2.warnings().stream().anyMatch(w -> w.startsWith("with clusters the hc2 variance is the"
                + " cluster-robust CR2")), hc2.warnings().toString());
        assertEquals(40, hc2.diagnostics().get("clusters_left"));
    }

    @Test
    void nearestNeighbourResidualsMatchTheirDefinitionWithTies() {
        SplittableRandom rnd = new SplittableRandom(5);
        int n = 300;
        double[] x = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = rnd.nextInt(40) / 4.0; // ties on a grid, all >= 0
            y[i] = rnd.nextGaussian();
        }
        int[] units = new int[n];
        for (int i = 0; i < n; i++) {
            units[i] = i;
        }
        RdSide side = new RdSide(units, x, 0, new double[][] {y}, null, null, 0);
        int window = 250;
        double[] res = Residuals.nearestNeighbour(side, window, 3)[0];
        for (int i = 0; i < window; i++) {
            // brute force: every other unit of the window no farther than the 3rd nearest one
            List<Double> d = new ArrayList<>();
            for (int j = 0; j < window; j++) {
                if (j != i) {
                    d.add(Math.abs(side.x[j] - side.x[i]));
                }
            }
            d.sort(null);
            double radius = d.get(2);
            double sum = 0;
            int count = 0;
            for (int j = 0; j < window; j++) {
                if (j != i && Math.abs(side.x[j] - side.x[i]) <= radius) {
                    sum += side.columns[0][j];
                    count++;
                }
            }
            double expected = Math.sqrt(count / (count + 1.0)) * (side.columns[0][i] - sum / count);
            assertEquals(expected, res[i], 1e-12, "unit " + i);
        }
    }
}
