package org.synergia.effects.saturation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.Test;
import org.synergia.data.InputException;
import org.synergia.stats.inference.Estimate;
import org.synergia.stats.inference.Term;

/** The randomised saturation design on seeded simulated designs with planted effects. */
class SaturationEffectsTest {

    private static final double[] SATURATIONS = {0, 0.25, 0.5, 0.75};

    /** Clusters cycle through the saturations; within a cluster round(π n) individuals are treated. */
    static SaturationSample simulate(int clusters, int size, DoubleUnaryOperator itt, DoubleUnaryOperator snt,
            long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        int n = clusters * size;
        double[] y = new double[n];
        double[] t = new double[n];
        double[] c = new double[n];
        double[] pi = new double[n];
        for (int g = 0; g < clusters; g++) {
            double sat = SATURATIONS[g % SATURATIONS.length];
            double u = 0.3 * r.nextGaussian();
            int treat = (int) Math.round(sat * size);
            for (int k = 0; k < size; k++) {
                int i = g * size + k;
                c[i] = 100 + g;
                pi[i] = sat;
                t[i] = k < treat ? 1 : 0;
                double effect = sat == 0 ? 0 : t[i] == 1 ? itt.applyAsDouble(sat) : snt.applyAsDouble(sat);
                y[i] = 2 + u + effect + r.nextGaussian();
            }
        }
        return SaturationSample.of(y, t, c, pi, "saturation");
    }

    private static boolean covers(Estimate e, double truth) {
        return e.ciLow() <= truth && truth <= e.ciHigh();
    }

    @Test
    void plantedIttAndSpilloverAreCoveredAboutNinetyFivePercentOfTheTime() {
        int reps = 200;
        int ittCovered = 0;
        int snTCovered = 0;
        SaturationEffects est = SaturationEffects.withDefaults().withPermutations(0);
        for (int rep = 0; rep < reps; rep++) {
            SaturationResult r = est.fit(simulate(48, 20, p -> 1.0, p -> 0.4, 1000 + rep));
            ittCovered += covers(r.term("ITT"), 1.0) ? 1 : 0;
            snTCovered += covers(r.term("spillover"), 0.4) ? 1 : 0;
        }
        // binomial(200, 0.95) lies in [0.905, 0.99] with probability > 0.995
        assertTrue(ittCovered >= 0.905 * reps && ittCovered <= 0.99 * reps, "ITT coverage " + ittCovered + "/" + reps);
        assertTrue(snTCovered >= 0.905 * reps && snTCovered <= 0.99 * reps, "SNT coverage " + snTCovered + "/" + reps);
    }

    @Test
    void saturationProfilesAndSlopesAreRecovered() {
        SaturationResult r = SaturationEffects.withDefaults().withPermutations(0)
                .fit(simulate(160, 40, p -> 0.5 + 1.0 * p, p -> 0.8 * p, 7));
        for (double p : new double[] {0.25, 0.5, 0.75}) {
            Estimate itt = r.term(new Term.Saturation(Term.Exposure.ITT, p, false).toString());
            Estimate snt = r.term(new Term.Saturation(Term.Exposure.SPILLOVER, p, false).toString());
            assertEquals(0.5 + p, itt.estimate(), 4 * itt.se(), itt.name());
            assertEquals(0.8 * p, snt.estimate(), 4 * snt.se(), snt.name());
        }
        assertEquals(1.0, r.term("ITT:slope").estimate(), 4 * r.term("ITT:slope").se());
        assertEquals(0.8, r.term("spillover:slope").estimate(), 4 * r.term("spillover:slope").se());
    }

    @Test
    void withoutCovariatesTheEstimatesAreDifferencesInMeans() {
        SaturationSample s = simulate(24, 10, p -> 1, p -> 0.5, 3);
        SaturationResult r = SaturationEffects.withDefaults().withPermutations(0).fit(s);
        double[] sum = new double[3];
        int[] cnt = new int[3];
        double[] sum50 = new double[1];
        int[] cnt50 = new int[1];
        for (int i = 0; i < s.size(); i++) {
            int k = s.saturation()[i] == 0 ? 0 : s.treated()[i] == 1 ? 1 : 2;
            sum[k] += s.outcome()[i];
            cnt[k]++;
            if (s.saturation()[i] == 0.5 && s.treated()[i] == 1) {
                sum50[0] += s.outcome()[i];
                cnt50[0]++;
            }
        }
        double control = sum[0] / cnt[0];
        assertEquals(sum[1] / cnt[1] - control, r.term("ITT").estimate(), 1e-10);
        assertEquals(sum[2] / cnt[2] - control, r.term("spillover").estimate(), 1e-10);
        assertEquals(sum50[0] / cnt50[0] - control, r.term("ITT[0.5]").estimate(), 1e-10);
    }

    @Test
    void randomisationInferenceIsSeededAndSeparatesEffectsFromNoise() {
        SaturationEffects est = SaturationEffects.withDefaults().withPermutations(199).withSeed(5);
        SaturationResult strong = est.fit(simulate(24, 15, p -> 1.5, p -> 0.0, 21));
        assertEquals(1.0 / 200, strong.randomisationPValue("ITT"), 1e-12);
        assertTrue(strong.randomisationPValue("spillover") > 0.01);
        assertEquals(strong.randomisationPValue("spillover"),
                est.fit(simulate(24, 15, p -> 1.5, p -> 0.0, 21)).randomisationPValue("spillover"), 0);
    }

    @Test
    void badDesignsAreRefused() {
        double[] y = {1, 2, 3, 4};
        double[] c = {1, 1, 2, 2};
        InputException a = assertThrows(InputException.class,
                () -> SaturationSample.of(y, new double[] {1, 0, 1, 0}, c, new double[] {0, 0, 0.5, 0.5}, "sat"));
        assertTrue(a.getMessage().contains("treated in pure control cluster 1"), a.getMessage());
        InputException b = assertThrows(InputException.class,
                () -> SaturationSample.of(y, new double[] {0, 0, 1, 0}, c, new double[] {0, 0.5, 0.5, 0.5}, "sat"));
        assertTrue(b.getMessage().contains("takes two values"), b.getMessage());
        InputException d = assertThrows(InputException.class,
                () -> SaturationSample.of(y, new double[] {1, 0, 1, 0}, c, new double[] {0.5, 0.5, 0.5, 0.5}, "sat"));
        assertTrue(d.getMessage().contains("0 pure control clusters"), d.getMessage());
    }

    @Test
    void fewClustersWarn() {
        SaturationResult r = SaturationEffects.withDefaults().withPermutations(0).fit(simulate(8, 10, p -> 1, p -> 0, 1));
        assertTrue(r.warnings().stream().anyMatch(w -> w.contains("only 8 clusters")), r.warnings().toString());
    }
}
