package org.synergia.effects.did;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.hipparchus.distribution.continuous.NormalDistribution;
import org.junit.jupiter.api.Test;
import org.synergia.stats.inference.Estimate;
import org.synergia.testdata.TestFiles;

/**
 * The uniform bands of the multiplier bootstrap: seeded and reproducible, never narrower than the
 * pointwise intervals, between the normal and the Bonferroni critical values where theory puts them,
 * and near R did's critical values on the same data (which cannot match draw for draw).
 */
class StaggeredDidBandsTest {

    private static final NormalDistribution NORMAL = new NormalDistribution(0, 1);

    private static StaggeredDidResult referenceFit(int draws, long seed) {
        DidColumns c = StaggeredDidReferenceTest.columns("panel_never_dr_x", true, false);
        return StaggeredDid.withDefaults().withMethod(DidMethod.DR_TRADITIONAL).withBootstrap(draws, seed).fit(c);
    }

    private static double critical(StaggeredDidResult r, String family) {
        return (Double) r.diagnostics().get("critical_value_" + family);
    }

    @Test
    void theSeedFixesTheBandsAndAnotherSeedMovesThemALittle() {
        StaggeredDidResult a = referenceFit(1000, 7);
        StaggeredDidResult b = referenceFit(1000, 7);
        StaggeredDidResult c = referenceFit(1000, 8);
        for (String f : new String[] {"gt", "event", "group", "calendar"}) {
            assertEquals(critical(a, f), critical(b, f), 0.0, f);
            assertNotEquals(critical(a, f), critical(c, f), f);
            assertEquals(critical(a, f), critical(c, f), 0.15, f);
            assertTrue(critical(a, f) >= 1.96, f + " " + critical(a, f));
        }
        assertEquals(a.diagnostics().get("uniform_band"), b.diagnostics().get("uniform_band"));
        assertEquals(a.estimates(), referenceFit(0, 7).estimates(), "the bootstrap changes no estimate or SE");
    }

    @Test
    void theBandHoldsEachEstimatePlusMinusTheCriticalValueTimesItsSe() {
        StaggeredDidResult r = referenceFit(1000, 3);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> band = (List<Map<String, Object>>) r.diagnostics().get("uniform_band");
        assertEquals(20 + 8 + 4 + 4, band.size(), "20 cells, 8 event times (-4 to 3), 4 cohorts, 4 periods");
        for (Map<String, Object> b : band) {
            Estimate e = r.term((String) b.get("term"));
            double c = (Double) b.get("critical_value");
            assertEquals(e.estimate() - c * e.se(), (Double) b.get("ci_low"), 1e-12);
            assertEquals(e.estimate() + c * e.se(), (Double) b.get("ci_high"), 1e-12);
            assertTrue((Double) b.get("ci_high") - (Double) b.get("ci_low") >= e.ciHigh() - e.ciLow() - 1e-12);
        }
        for (EventStudyPlot.Point p : r.eventStudy()) {
            assertEquals(r.term("ATT:e=" + (int) p.eventTime()).estimate(), p.estimate(), 0.0);
            assertTrue(p.bandLow() <= p.ciLow() && p.ciHigh() <= p.bandHigh());
        }
    }

    // R 4.2.2 did 2.1.2 on staggered_did_panel.csv (staggered_did.json -> critical_values): att_gt(..., xformla =
    // ~ x1 + x2, est_method = "dr", bstrap = TRUE, cband = TRUE, biters = 20000)$c and aggte(..., bstrap = FALSE,
    // cband = TRUE, biters = 20000)$crit.val.egt for dynamic, group and calendar. Both are Monte Carlo quantiles of
    // 20,000 draws (standard error about 0.01 each); tolerance 3% relative (about 0.08)
    @Test
    void criticalValuesAreNearDids() {
        JsonNode ref = TestFiles.referenceJson("staggered_did.json").get("critical_values");
        StaggeredDidResult r = referenceFit(20000, 20270302);
        String[][] pairs = {{"gt", "att_gt"}, {"event", "dynamic"}, {"group", "group"}, {"calendar", "calendar"}};
        for (String[] p : pairs) {
            double theirs = ref.get(p[1]).asDouble();
            assertEquals(theirs, critical(r, p[0]), 0.03 * theirs, p[0]);
        }
    }

    /** One family of K columns of n influence-function values, independent or all equal. */
    private static double[][] family(int k, int n, boolean independent, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[][] psi = new double[k][n];
        for (int u = 0; u < n; u++) {
            double common = rng.nextGaussian();
            for (int j = 0; j < k; j++) {
                psi[j][u] = (independent ? rng.nextGaussian() : common) * (1 + j);
            }
        }
        return psi;
    }

    @Test
    void largeSampleCriticalValuesSitAtTheNormalAndTheBonferroniValues() {
        MultiplierBootstrap boot = new MultiplierBootstrap(20000, 11, 0.95);
        int k = 10;
        double[] c = boot.criticalValues(List.of(family(1, 4000, true, 1), family(k, 4000, false, 2),
                family(k, 4000, true, 3)), null);
        double normal = NORMAL.inverseCumulativeProbability(0.975);
        double bonferroni = NORMAL.inverseCumulativeProbability(1 - 0.05 / (2 * k));
        double sidak = NORMAL.inverseCumulativeProbability(0.5 + Math.pow(0.95, 1.0 / k) / 2);
        assertEquals(normal, c[0], 0.05, "one estimate: the pointwise value");
        assertEquals(normal, c[1], 0.05, "ten perfectly correlated estimates: the pointwise value");
        assertEquals(sidak, c[2], 0.05, "ten independent estimates: the Sidak value");
        assertTrue(c[2] <= bonferroni + 0.05, c[2] + " vs Bonferroni " + bonferroni);
    }

    @Test
    void clustersDrawOneMultiplierPerCluster() {
        // clusters of one unit each, in the units' order, draw exactly the multipliers of the units
        int n = 4000;
        double[][] psi = family(5, n, true, 4);
        double[] ids = new double[n];
        for (int u = 0; u < n; u++) {
            ids[u] = u;
        }
        MultiplierBootstrap boot = new MultiplierBootstrap(5000, 5, 0.95);
        double plain = boot.criticalValues(List.<double[][]>of(psi), null)[0];
        double single = boot.criticalValues(List.<double[][]>of(psi), org.synergia.stats.inference.Clusters.of(ids, "u"))[0];
        assertEquals(plain, single, 0.0, "clusters of one unit draw exactly as units");
    }
}
