package org.synergia.effects.did;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.synergia.data.InputException;
import org.synergia.stats.inference.Clusters;

/** Invariances, bad input and the influence functions of the DiD estimators (seeded simulations). */
class DrDidPropertiesTest {

    /** A panel with heterogeneous effects (true ATT 2) and selection on x. */
    private static PanelSample panel(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] y0 = new double[n];
        double[] y1 = new double[n];
        double[] d = new double[n];
        double[] x1 = new double[n];
        double[] x2 = new double[n];
        for (int i = 0; i < n; i++) {
            x1[i] = r.nextGaussian();
            x2[i] = r.nextDouble() < 0.4 ? 1 : 0;
            d[i] = r.nextDouble() < 1 / (1 + Math.exp(-(-0.3 + 0.8 * x1[i] - 0.5 * x2[i]))) ? 1 : 0;
            y0[i] = 1 + x1[i] + x2[i] + r.nextGaussian();
            y1[i] = y0[i] + 0.5 + 0.7 * x1[i] + d[i] * 2 + r.nextGaussian();
        }
        return PanelSample.of(y0, y1, d).withCovariates(List.of("x1", "x2"), new double[][] {x1, x2});
    }

    @ParameterizedTest
    @EnumSource(DidMethod.class)
    void rescalingWeightsChangesNothing(DidMethod m) {
        PanelSample s = panel(400, 11);
        double[] w = new SplittableRandom(3).doubles(400, 0.5, 2).toArray();
        double[] w7 = Arrays.stream(w).map(v -> 7 * v).toArray();
        DidResult a = DrDid.withDefaults().withMethod(m).fitPanel(s.withWeights(w));
        DidResult b = DrDid.withDefaults().withMethod(m).fitPanel(s.withWeights(w7));
        assertEquals(a.att().estimate(), b.att().estimate(), 1e-10);
        assertEquals(a.att().se(), b.att().se(), 1e-10);
    }

    @ParameterizedTest
    @EnumSource(DidMethod.class)
    void integerWeightsEqualDuplicatedUnitsAndRowOrderDoesNotMatter(DidMethod m) {
        int n = 300;
        PanelSample s = panel(n, 23);
        double[] w = new double[n];
        int[] rows = new int[2 * n];
        int m2 = 0;
        for (int i = 0; i < n; i++) {
            w[i] = 1 + i % 2;
            for (int k = 0; k < w[i]; k++) {
                rows[m2++] = i;
            }
        }
        int[] expanded = Arrays.copyOf(rows, m2);
        for (int a = expanded.length - 1; a > 0; a--) { // shuffle the duplicated units
            int b = new SplittableRandom(a).nextInt(a + 1);
            int t = expanded[a];
            expanded[a] = expanded[b];
            expanded[b] = t;
        }
        double[][] x = new double[2][];
        for (int j = 0; j < 2; j++) {
            double[] c = s.covariates()[j];
            x[j] = Arrays.stream(expanded).mapToDouble(i -> c[i]).toArray();
        }
        PanelSample dup = PanelSample.of(Arrays.stream(expanded).mapToDouble(i -> s.y0()[i]).toArray(),
                Arrays.stream(expanded).mapToDouble(i -> s.y1()[i]).toArray(),
                Arrays.stream(expanded).mapToDouble(i -> s.group()[i]).toArray()).withCovariates(s.covariateNames(), x);
        DrDid est = DrDid.withDefaults().withMethod(m);
        assertEquals(est.fitPanel(dup).att().estimate(), est.fitPanel(s.withWeights(w)).att().estimate(), 1e-9);
    }

    @ParameterizedTest
    @EnumSource(value = DidMethod.class, names = {"REG", "IPW", "IPW_STD", "DR_TRADITIONAL"})
    void influenceFunctionMatchesTheJackknife(DidMethod m) {
        // exact linearisations: (n-1)(ATT - ATT_{-i}) ≈ ψ_i to O(1/n)
        int n = 600;
        PanelSample s = panel(n, 5);
        DrDid est = DrDid.withDefaults().withMethod(m);
        DidResult full = est.fitPanel(s);
        double[] psi = full.influenceFunction();
        for (int i : new int[] {0, 1, 2, 3}) {
            double[] w = new double[n];
            Arrays.fill(w, 1);
            w[i] = 0;
            double loo = est.fitPanel(s.withWeights(w)).att().estimate();
            assertEquals(psi[i], (n - 1) * (full.att().estimate() - loo), 0.05 * Math.abs(psi[i]) + 0.02, "unit " + i);
        }
    }

    @ParameterizedTest
    @EnumSource(value = DidMethod.class, names = {"REG", "IPW", "IPW_STD"})
    void crossSectionInfluenceFunctionMatchesTheJackknife(DidMethod m) {
        PanelSample p = panel(500, 9);
        int n = 500;
        double[] y = new double[n];
        double[] t = new double[n];
        for (int i = 0; i < n; i++) {
            t[i] = i % 2;
            y[i] = t[i] == 1 ? p.y1()[i] : p.y0()[i];
        }
        CrossSectionSample s = CrossSectionSample.of(y, t, p.group()).withCovariates(p.covariateNames(), p.covariates());
        DrDid est = DrDid.withDefaults().withMethod(m);
        DidResult full = est.fitRepeatedCrossSections(s);
        double[] psi = full.influenceFunction();
        for (int i : new int[] {0, 1, 2, 3}) {
            double[] w = new double[n];
            Arrays.fill(w, 1);
            w[i] = 0;
            double loo = est.fitRepeatedCrossSections(s.withWeights(w)).att().estimate();
            assertEquals(psi[i], (n - 1) * (full.att().estimate() - loo), 0.05 * Math.abs(psi[i]) + 0.02, "obs " + i);
        }
    }

    @Test
    void oneUnitPerClusterGivesTheInfluenceFunctionSeTimesTheClusterFactor() {
        PanelSample s = panel(300, 2);
        int[] ids = new int[300];
        Arrays.setAll(ids, i -> i);
        DidResult plain = DrDid.withDefaults().fitPanel(s);
        DidResult cl = DrDid.withDefaults().fitPanel(s.withClusters(Clusters.of(ids)));
        assertEquals(plain.att().se() * Math.sqrt(300.0 / 299), cl.att().se(), 1e-12);
        assertEquals(300, cl.diagnostics().get("clusters"));
    }

    @Test
    void fewClustersWarn() {
        PanelSample s = panel(300, 2);
        int[] ids = new int[300];
        Arrays.setAll(ids, i -> i % 6);
        DidResult r = DrDid.withDefaults().fitPanel(s.withClusters(Clusters.of(ids)));
        assertTrue(r.warnings().stream().anyMatch(w -> w.contains("only 6 clusters")), r.warnings().toString());
    }

    @Test
    void plantedEffectIsRecoveredByTheDoublyRobustEstimators() {
        PanelSample s = panel(4000, 17);
        for (DidMethod m : List.of(DidMethod.DR_IMPROVED, DidMethod.DR_TRADITIONAL, DidMethod.REG, DidMethod.IPW_STD)) {
            DidResult r = DrDid.withDefaults().withMethod(m).fitPanel(s);
            assertEquals(2.0, r.att().estimate(), 4 * r.att().se(), m.label());
        }
    }

    private static DidColumns longPanel(double[] time, double[] group) {
        double[] id = {1, 1, 2, 2, 3, 3, 4, 4, 5};
        double[] y = {1, 2, 1, 3, 2, 2, 1, 1, 4};
        return DidColumns.of("y", y, "year", time, "treated", group).withId("hh", id);
    }

    @Test
    void unbalancedPanelSaysHowManyIdsWereDropped() {
        double[] t = {0, 1, 0, 1, 0, 1, 0, 1, 0};
        double[] g = {1, 1, 1, 1, 0, 0, 0, 0, 0};
        PanelSample s = PanelSample.fromLong(longPanel(t, g));
        assertEquals(4, s.size());
        assertTrue(s.notes().get(0).contains("1 hh values dropped (1 observed only in period 0"), s.notes().toString());
    }

    @Test
    void badTimeAndGroupVariablesAreRefused() {
        double[] g = {1, 1, 1, 1, 0, 0, 0, 0, 0};
        InputException e = assertThrows(InputException.class,
                () -> PanelSample.fromLong(longPanel(new double[] {0, 1, 0, 1, 0, 2, 0, 1, 0}, g)));
        assertTrue(e.getMessage().contains("time variable 'year' has 3 distinct values"), e.getMessage());
        InputException f = assertThrows(InputException.class, () -> PanelSample.fromLong(
                longPanel(new double[] {0, 1, 0, 1, 0, 1, 0, 1, 0}, new double[] {2, 2, 1, 1, 0, 0, 0, 0, 0})));
        assertTrue(f.getMessage().contains("group variable 'treated' is 2.0 in row 1"), f.getMessage());
        InputException h = assertThrows(InputException.class, () -> PanelSample.fromLong(
                longPanel(new double[] {0, 1, 0, 1, 0, 1, 0, 1, 0}, new double[] {1, 0, 1, 1, 0, 0, 0, 0, 0})));
        assertTrue(h.getMessage().contains("changes between periods for hh 1"), h.getMessage());
    }
}
