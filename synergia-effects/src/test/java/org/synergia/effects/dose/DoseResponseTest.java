package org.synergia.effects.dose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.synergia.data.InputException;
import org.synergia.stats.inference.Estimate;

/** Dose response on seeded simulations with planted curves. */
class DoseResponseTest {

    /** The planted dose-response curve E[Y(t)]. */
    private static double truth(double t) {
        return 2 + 0.8 * t - 0.05 * t * t;
    }

    /** Confounded dose: T = 5 + x1 + 0.5 x2 + N(0,1); Y = truth(T) + x1 + 0.5 group T + N(0,1). */
    private static DoseSample confounded(int n, long seed, boolean heterogeneous) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] y = new double[n];
        double[] t = new double[n];
        double[] x1 = new double[n];
        double[] x2 = new double[n];
        double[] g = new double[n];
        for (int i = 0; i < n; i++) {
            x1[i] = r.nextGaussian();
            x2[i] = r.nextGaussian();
            g[i] = i % 2;
            t[i] = 5 + x1[i] + 0.5 * x2[i] + r.nextGaussian();
            y[i] = truth(t[i]) + x1[i] + (heterogeneous ? 0.3 * g[i] * t[i] : 0) + r.nextGaussian();
        }
        return DoseSample.of(y, t, "months").withCovariates(List.of("x1", "x2"), new double[][] {x1, x2})
                .withSubgroup("female", g);
    }

    /**
     * A planted curve for which Hirano and Imbens' quadratic outcome model is correctly specified:
     * m = 5 + x1 + 0.5 x2, T = m + N(0,1), Y = f(T) + 3 φ(T - m) + N(0,1), so E[Y | T, R] = f(T) + 3R and
     * E[Y(t)] = f(t) + 3 E[φ(t - m)] = f(t) + 3 φ((t - 5)/1.5)/1.5 (m ~ N(5, 1.25)).
     */
    @Test
    void gpsRecoversAPlantedCurve() {
        SplittableRandom rng = new SplittableRandom(42);
        int n = 4000;
        double[] y = new double[n];
        double[] t = new double[n];
        double[] x1 = new double[n];
        double[] x2 = new double[n];
        for (int i = 0; i < n; i++) {
            x1[i] = rng.nextGaussian();
            x2[i] = rng.nextGaussian();
            double m = 5 + x1[i] + 0.5 * x2[i];
            t[i] = m + rng.nextGaussian();
            y[i] = truth(t[i]) + 3 * phi(t[i] - m) + rng.nextGaussian();
        }
        DoseResult r = GpsDoseResponse.withDefaults().withGrid(3.5, 4, 4.5, 5, 5.5, 6, 6.5).withBootstrap(60)
                .fit(DoseSample.of(y, t, "months").withCovariates(List.of("x1", "x2"), new double[][] {x1, x2}));
        DoseResult.Curve c = r.curve();
        int covered = 0;
        for (int j = 0; j < c.doses().length; j++) {
            double d = c.doses()[j];
            double planted = truth(d) + 3 * phi((d - 5) / 1.5) / 1.5;
            assertEquals(planted, c.estimate()[j], 0.12, "mu(" + d + ")");
            covered += c.lower()[j] <= planted && planted <= c.upper()[j] ? 1 : 0;
        }
        assertTrue(covered >= 6, covered + " of 7 grid points covered");
        assertEquals(c.estimate()[5] - c.estimate()[0], r.term("effect(6)").estimate(), 1e-12);
    }

    private static double phi(double z) {
        return Math.exp(-0.5 * z * z) / Math.sqrt(2 * Math.PI);
    }

    @Test
    void bootstrapIsSeeded() {
        DoseSample s = confounded(500, 1, false);
        DoseSample plain = DoseSample.of(s.outcome(), s.dose(), "months").withCovariates(s.covariateNames(), s.covariates());
        GpsDoseResponse g = GpsDoseResponse.withDefaults().withBootstrap(20).withSeed(9);
        assertArrayEquals(g.fit(plain).curve().lower(), g.fit(plain).curve().lower(), 0);
    }

    @Test
    void exposureRegressionRecoversHeterogeneousSlopes() {
        DoseSample s = confounded(4000, 3, true);
        DoseResult r = ExposureRegression.withDefaults().fit(s);
        Estimate diff = r.term("months|female=1 - months|female=0");
        assertEquals(0.3, diff.estimate(), 4 * diff.se());
        assertEquals(r.term("months|female=1").estimate() - r.term("months|female=0").estimate(), diff.estimate(), 1e-12);
    }

    @Test
    void binsAreContrastsWithTheLowestBin() {
        SplittableRandom rng = new SplittableRandom(8);
        int n = 3000;
        double[] t = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            t[i] = rng.nextDouble() * 24;
            y[i] = (t[i] < 6 ? 0 : t[i] < 12 ? 1 : 1.5) + rng.nextGaussian();
        }
        DoseResult r = ExposureRegression.withDefaults().withBins(6, 12).fit(DoseSample.of(y, t, "months"));
        Estimate a = r.term("months[6,12)");
        Estimate b = r.term("months[12,Inf)");
        assertEquals(1.0, a.estimate(), 4 * a.se());
        assertEquals(1.5, b.estimate(), 4 * b.se());
        InputException e = assertThrows(InputException.class,
                () -> ExposureRegression.withDefaults().withBins(30).fit(DoseSample.of(y, t, "months")));
        assertTrue(e.getMessage().contains("months[30,Inf) of 'months' is empty"), e.getMessage());
    }
}
