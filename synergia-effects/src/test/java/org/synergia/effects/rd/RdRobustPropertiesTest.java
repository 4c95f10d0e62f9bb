package org.synergia.effects.rd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.LongRange;

/** Invariants of the RD estimator on simulated data (seeded). */
class RdRobustPropertiesTest {

    /** A simulated sharp design with a jump of {@code tau} at 0 on a cubic trend. */
    static double[][] simulate(long seed, int n, double tau, double noise) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] x = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = 2 * r.nextDouble() - 1;
            y[i] = 1 + 0.5 * x[i] - 0.8 * x[i] * x[i] + 0.6 * x[i] * x[i] * x[i] + (x[i] >= 0 ? tau : 0)
                    + noise * r.nextGaussian();
        }
        return new double[][] {y, x};
    }

    @Property(tries = 8)
    void rowOrderDoesNotMatter(@ForAll @LongRange(min = 1, max = 1_000_000) long seed) {
        double[][] d = simulate(seed, 600, 0.4, 0.3);
        double[] y = d[0];
        double[] x = d[1];
        SplittableRandom r = new SplittableRandom(seed + 1);
        int n = y.length;
        int[] perm = new int[n];
        for (int i = 0; i < n; i++) {
            perm[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = r.nextInt(i + 1);
            int t = perm[i];
            perm[i] = perm[j];
            perm[j] = t;
        }
        double[] yp = new double[n];
        double[] xp = new double[n];
        for (int i = 0; i < n; i++) {
            yp[i] = y[perm[i]];
            xp[i] = x[perm[i]];
        }
        RdResult a = RdRobust.withDefaults().fit(y, x, 0);
        RdResult b = RdRobust.withDefaults().fit(yp, xp, 0);
        assertEquals(a.hLeft(), b.hLeft(), 1e-9 * a.hLeft());
        for (int k = 0; k < 3; k++) {
            assertEquals(a.estimates().get(k).estimate(), b.estimates().get(k).estimate(), 1e-9);
            assertEquals(a.estimates().get(k).se(), b.estimates().get(k).se(), 1e-9 * a.estimates().get(k).se());
        }
    }

    @Property(tries = 6)
    void rescalingTheWeightsChangesNothing(@ForAll @LongRange(min = 1, max = 1_000_000) long seed,
            @ForAll @DoubleRange(min = 0.01, max = 100) double scale) {
        double[][] d = simulate(seed, 500, -0.3, 0.2);
        SplittableRandom r = new SplittableRandom(seed);
        double[] w = new double[d[0].length];
        double[] ws = new double[w.length];
        for (int i = 0; i < w.length; i++) {
            w[i] = 0.5 + r.nextDouble();
            ws[i] = scale * w[i];
        }
        RdRobust rd = RdRobust.withDefaults().withVariance(RdVariance.HC1);
        RdResult a = rd.fit(RdSample.of(d[0], d[1]).withWeights(w), 0);
        RdResult b = rd.fit(RdSample.of(d[0], d[1]).withWeights(ws), 0);
        assertEquals(a.hLeft(), b.hLeft(), 1e-8 * a.hLeft());
        assertEquals(a.robust().estimate(), b.robust().estimate(), 1e-8);
        assertEquals(a.robust().se(), b.robust().se(), 1e-8 * a.robust().se());
    }

    @Property(tries = 5)
    void noiselessLinearDataGiveThePlantedJumpExactly(@ForAll @DoubleRange(min = -5, max = 5) double tau) {
        SplittableRandom r = new SplittableRandom(7);
        int n = 400;
        double[] x = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = 2 * r.nextDouble() - 1;
            y[i] = 2 - 1.5 * x[i] + (x[i] >= 0 ? tau + 0.7 * x[i] : 0) + 1e-3 * r.nextGaussian();
        }
        RdResult fit = RdRobust.withDefaults().withBandwidth(0.5).fit(y, x, 0);
        assertEquals(tau, fit.conventional().estimate(), 2e-3);
        assertEquals(tau, fit.robust().estimate(), 4e-3);
    }

    @Property(tries = 4)
    void plantedJumpIsRecoveredWithinTheRobustInterval(@ForAll @LongRange(min = 1, max = 1_000_000) long seed) {
        double[][] d = simulate(seed, 20_000, 0.5, 0.5);
        RdResult fit = RdRobust.withDefaults().fit(d[0], d[1], 0);
        // a 99.99% interval misses the truth with probability 1e-4 per try
        RdResult wide = RdRobust.withDefaults().withLevel(0.9999).fit(d[0], d[1], 0);
        assertTrue(wide.robust().ciLow() < 0.5 && 0.5 < wide.robust().ciHigh(), fit.robust().toString());
        assertTrue(fit.robust().se() < 0.1, "SE " + fit.robust().se());
    }
}
