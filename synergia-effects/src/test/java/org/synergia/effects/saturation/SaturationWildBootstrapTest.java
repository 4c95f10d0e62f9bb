package org.synergia.effects.saturation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.synergia.stats.fewclusters.ClusteredRegression;
import org.synergia.stats.fewclusters.WildBootstrapResult;
import org.synergia.stats.fewclusters.WildClusterBootstrap;
import org.synergia.stats.inference.Term;

/**
 * The saturation design's terms under the wild cluster bootstrap: each term is bootstrapped in the OLS regression
 * that estimates it (the library's bootstrap on that regression, by the clusters of the saturation assignment), the
 * analytic rows stay as they were, and with few clusters every sign vector is used.
 */
class SaturationWildBootstrapTest {

    @Test
    void everyTermIsBootstrappedInItsOwnRegression() {
        SaturationSample s = SaturationEffectsTest.simulate(20, 15, p -> 1.0 - 0.5 * p, p -> 0.6 * p, 31);
        WildClusterBootstrap wb = WildClusterBootstrap.withDraws(1999).withSeed(17);
        SaturationResult plain = SaturationEffects.withDefaults().withPermutations(0).fit(s);
        SaturationResult r = SaturationEffects.withDefaults().withPermutations(0).withWildBootstrap(wb).fit(s);
        assertEquals(plain.estimates(), r.estimates());
        WildBootstrapResult boot = r.wildBootstrap().orElseThrow();
        assertEquals(r.estimates().stream().map(e -> e.name()).toList(),
                boot.terms().stream().map(t -> t.term().toString()).toList());
        assertEquals(boot.toDiagnostic(), r.diagnostics().get("wild_bootstrap"));
        assertTrue(!boot.enumerated());

        double[] t = s.treated();
        double[] pi = s.saturation();
        double[] sp = new double[t.length];
        double[] tpi = new double[t.length];
        double[] spi = new double[t.length];
        for (int i = 0; i < t.length; i++) {
            sp[i] = pi[i] > 0 && t[i] == 0 ? 1 : 0;
            tpi[i] = t[i] * pi[i];
            spi[i] = sp[i] * pi[i];
        }
        check(boot, "ITT", wb, s, List.of(t, sp), 1);
        check(boot, "spillover", wb, s, List.of(t, sp), 2);
        check(boot, "ITT:slope", wb, s, List.of(t, tpi, sp, spi), 2);
        check(boot, "spillover:slope", wb, s, List.of(t, tpi, sp, spi), 4);
        List<double[]> bySaturation = new ArrayList<>();
        for (double l : new double[] {0.25, 0.5, 0.75}) {
            bySaturation.add(indicator(t, pi, l));
        }
        for (double l : new double[] {0.25, 0.5, 0.75}) {
            bySaturation.add(indicator(sp, pi, l));
        }
        check(boot, new Term.Saturation(Term.Exposure.ITT, 0.5, false).toString(), wb, s, bySaturation, 2);
        check(boot, new Term.Saturation(Term.Exposure.SPILLOVER, 0.75, false).toString(), wb, s, bySaturation, 6);
    }

    private static double[] indicator(double[] a, double[] pi, double level) {
        double[] c = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            c[i] = a[i] == 1 && pi[i] == level ? 1 : 0;
        }
        return c;
    }

    /** The term's bootstrap is the library's on {@code y ~ 1 + regressors}, coefficient {@code j}. */
    private static void check(WildBootstrapResult boot, String term, WildClusterBootstrap wb, SaturationSample s,
            List<double[]> regressors, int j) {
        double[][] x = new double[regressors.size() + 1][];
        double[] one = new double[s.size()];
        Arrays.fill(one, 1);
        x[0] = one;
        List<String> names = new ArrayList<>(List.of("(Intercept)"));
        for (int k = 0; k < regressors.size(); k++) {
            x[k + 1] = regressors.get(k);
            names.add("x" + k);
        }
        ClusteredRegression m = ClusteredRegression.of(x, names, s.outcome(), null, s.clusters());
        WildBootstrapResult.TermResult expected = wb.test(m, new int[] {j}, List.of(Term.named(term))).terms().get(0);
        WildBootstrapResult.TermResult actual = boot.term(term).orElseThrow();
        assertEquals(expected.pValue(), actual.pValue(), term);
        assertEquals(expected.ciLow(), actual.ciLow(), 1e-12, term);
        assertEquals(expected.ciHigh(), actual.ciHigh(), 1e-12, term);
    }

    @Test
    void withTwelveClustersEverySignVectorIsUsed() {
        SaturationSample s = SaturationEffectsTest.simulate(12, 20, p -> 1.0, p -> 0.4, 5);
        SaturationResult r = SaturationEffects.withDefaults().withPermutations(0)
                .withWildBootstrap(WildClusterBootstrap.withDraws(9999)).fit(s);
        WildBootstrapResult boot = r.wildBootstrap().orElseThrow();
        assertTrue(boot.enumerated());
        assertEquals(4096, boot.draws());
        assertTrue(r.warnings().contains("with 12 clusters the wild bootstrap used all 4096 Rademacher sign vectors instead"
                + " of 9999 random draws (full enumeration, as boottest does)"), r.warnings().toString());
        for (WildBootstrapResult.TermResult t : boot.terms()) {
            assertEquals(Math.rint(t.pValue() * 4096), t.pValue() * 4096, 1e-9, t.toString());
            double estimate = r.term(t.term().toString()).estimate();
            assertTrue(t.ciLow() < estimate && estimate < t.ciHigh(), t.toString());
        }
    }
}
