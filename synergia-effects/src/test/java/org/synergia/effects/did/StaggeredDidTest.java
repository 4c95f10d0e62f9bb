package org.synergia.effects.did;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.synergia.data.InputException;
import org.synergia.stats.inference.Estimate;
import org.synergia.testdata.TestFiles;

/** Staggered adoption (Callaway and Sant'Anna) on the reference panel and seeded simulations. */
class StaggeredDidTest {

    @Test
    void twoPeriodsAndOneCohortReproduceTheTwoByTwoEstimator() {
        Map<String, double[]> c = TestFiles.numericColumns("did_panel_dev.csv");
        double[] cohort = Arrays.stream(c.get("treated")).map(d -> d == 1 ? 2019 : 0).toArray();
        DidColumns staggered = DidColumns.of("y", c.get("y"), "period", c.get("period"), "cohort", cohort)
                .withId("id", c.get("id")).withCovariate("x1", c.get("x1")).withCovariate("x2", c.get("x2"))
                .withCovariate("x3", c.get("x3"));
        DidColumns twoByTwo = DidColumns.of("y", c.get("y"), "period", c.get("period"), "treated", c.get("treated"))
                .withId("id", c.get("id")).withCovariate("x1", c.get("x1")).withCovariate("x2", c.get("x2"))
                .withCovariate("x3", c.get("x3"));
        Estimate ref = DrDid.withDefaults().fit(twoByTwo).att();
        StaggeredDidResult r = StaggeredDid.withDefaults().fit(staggered);
        for (String term : new String[] {"ATT(2019,2019)", "ATT", "ATT:e=0"}) {
            assertEquals(ref.estimate(), r.term(term).estimate(), 1e-12, term);
            assertEquals(ref.se(), r.term(term).se(), 1e-12, term);
        }
    }

    /** Periods 1..5; cohorts 3, 4 and never treated; effect 1 + 0.5 e at event time e ≥ 0; trends depend on x. */
    private static DidColumns simulate(int units, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        int rows = units * 5;
        double[] id = new double[rows];
        double[] t = new double[rows];
        double[] g = new double[rows];
        double[] y = new double[rows];
        double[] x = new double[rows];
        for (int u = 0; u < units; u++) {
            double xi = r.nextGaussian();
            double p = r.nextDouble();
            double shift = 0.3 * xi;
            double cohort = p < 0.3 + 0.1 * Math.tanh(xi) ? 0 : p < 0.65 ? 3 : 4;
            double alpha = r.nextGaussian() + xi;
            for (int k = 0; k < 5; k++) {
                int i = u * 5 + k;
                id[i] = u;
                t[i] = k + 1;
                g[i] = cohort;
                x[i] = xi;
                double e = t[i] - cohort;
                double effect = cohort > 0 && e >= 0 ? 1 + 0.5 * e : 0;
                y[i] = alpha + (0.2 + shift) * t[i] + effect + r.nextGaussian();
            }
        }
        return DidColumns.of("y", y, "t", t, "cohort", g).withId("id", id).withCovariate("x", x);
    }

    @Test
    void plantedDynamicEffectsAreRecovered() {
        StaggeredDidResult r = StaggeredDid.withDefaults().fit(simulate(3000, 77));
        for (double cohort : new double[] {3, 4}) {
            for (int time = 2; time <= 5; time++) {
                double e = time - cohort;
                double truth = e >= 0 ? 1 + 0.5 * e : 0;
                Estimate a = r.term("ATT(" + (int) cohort + "," + time + ")");
                assertEquals(truth, a.estimate(), 4 * a.se(), a.name());
            }
        }
        assertEquals(1.0, r.term("ATT:e=0").estimate(), 4 * r.term("ATT:e=0").se());
        assertEquals(1.5, r.term("ATT:e=1").estimate(), 4 * r.term("ATT:e=1").se());
        assertEquals(0.0, r.term("ATT:e=-1").estimate(), 4 * r.term("ATT:e=-1").se());
        assertTrue(r.term("ATT").se() > 0);
    }

    @Test
    void aCohortWithoutNeverTreatedUnitsIsRefused() {
        DidColumns c = DidColumns.of("y", new double[] {1, 2, 3, 4}, "t", new double[] {1, 2, 1, 2}, "cohort",
                new double[] {2, 2, 2, 2}).withId("id", new double[] {1, 1, 2, 2});
        InputException e = assertThrows(InputException.class, () -> StaggeredDid.withDefaults().fit(c));
        assertTrue(e.getMessage().contains("no never-treated units"), e.getMessage());
    }
}
