package org.synergia.stats.glm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.synergia.data.InputException;
import org.synergia.stats.inference.Clusters;
import org.synergia.stats.inference.SmallSampleCorrection;
import org.synergia.stats.inference.VarianceType;

/** Invariances of GLM fits: row order and the scale of sampling weights do not matter. */
class GlmPropertiesTest {

    static final List<String> NAMES = List.of("(Intercept)", "x1", "x2");

    record Data(double[][] x, double[] y, double[] w, int[] cluster) {
        Data permuted(int[] order) {
            double[][] px = new double[x.length][y.length];
            double[] py = new double[y.length];
            double[] pw = new double[y.length];
            int[] pc = new int[y.length];
            for (int i = 0; i < y.length; i++) {
                for (int j = 0; j < x.length; j++) {
                    px[j][i] = x[j][order[i]];
                }
                py[i] = y[order[i]];
                pw[i] = w[order[i]];
                pc[i] = cluster[order[i]];
            }
            return new Data(px, py, pw, pc);
        }
    }

    /** Planted model: η = 0.3 + 0.8 x1 - 0.5 x2, outcome drawn from the family. */
    static Data simulate(Family family, int n, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[][] x = new double[3][n];
        double[] y = new double[n];
        double[] w = new double[n];
        int[] cluster = new int[n];
        for (int i = 0; i < n; i++) {
            x[0][i] = 1;
            x[1][i] = rng.nextGaussian();
            x[2][i] = rng.nextInt(3);
            double eta = 0.3 + 0.8 * x[1][i] - 0.5 * x[2][i];
            y[i] = switch (family) {
                case GAUSSIAN -> eta + rng.nextGaussian();
                case BINOMIAL -> rng.nextDouble() < 1 / (1 + Math.exp(-eta)) ? 1 : 0;
                case POISSON -> poisson(rng, Math.exp(eta));
            };
            w[i] = 0.5 + rng.nextDouble() * 3;
            cluster[i] = rng.nextInt(12);
        }
        return new Data(x, y, w, cluster);
    }

    static double poisson(SplittableRandom rng, double mean) {
        double limit = Math.exp(-mean);
        double p = rng.nextDouble();
        int k = 0;
        while (p > limit) {
            p *= rng.nextDouble();
            k++;
        }
        return k;
    }

    static GlmFit fit(Glm glm, Data d, double[] w) {
        try {
            return glm.fit(d.x(), NAMES, d.y(), w, Clusters.of(d.cluster()));
        } catch (InputException e) {
            Assume.that(false); // a simulated sample with separation: not a case for this property
            throw e;
        }
    }

    static void assertSame(double[] expected, double[] actual, double tol) {
        for (int j = 0; j < expected.length; j++) {
            assertEquals(expected[j], actual[j], tol * (1 + Math.abs(expected[j])));
        }
    }

    @Property(tries = 40, seed = "20171")
    void rowOrderDoesNotMatter(@ForAll Family family, @ForAll @IntRange(min = 60, max = 400) int n, @ForAll long seed) {
        Data d = simulate(family, n, seed);
        int[] order = new SplittableRandom(seed + 1).ints(0, n).distinct().limit(n).toArray();
        Assume.that(order.length == n);
        Glm glm = Glm.withDefaults().withFamily(family).withVariance(VarianceType.CLUSTER).withWeights(WeightKind.SAMPLING);
        GlmFit a = fit(glm, d, d.w());
        Data p = d.permuted(order);
        GlmFit b = fit(glm, p, p.w());
        assertSame(a.coefficients(), b.coefficients(), 1e-9);
        assertSame(a.standardErrors(), b.standardErrors(), 1e-9);
        assertEquals(a.logLikelihood(), b.logLikelihood(), 1e-9 * Math.abs(a.logLikelihood()));
        assertEquals(a.linearPredictor(order[0]), b.linearPredictor(0), 1e-9 * (1 + Math.abs(b.linearPredictor(0))));
    }

    @Property(tries = 40, seed = "20171")
    void samplingWeightScaleDoesNotMatter(@ForAll Family family, @ForAll @IntRange(min = 60, max = 400) int n,
            @ForAll long seed, @ForAll @DoubleRange(min = 0.01, max = 1e4) double scale) {
        Data d = simulate(family, n, seed);
        double[] scaled = Arrays.stream(d.w()).map(v -> v * scale).toArray();
        for (SmallSampleCorrection c : new SmallSampleCorrection[] {SmallSampleCorrection.NONE, SmallSampleCorrection.HC1}) {
            Glm glm = Glm.withDefaults().withFamily(family).withVariance(VarianceType.ROBUST).withCorrection(c);
            GlmFit a = fit(glm, d, d.w());
            GlmFit b = fit(glm, d, scaled);
            assertSame(a.coefficients(), b.coefficients(), 1e-9);
            assertSame(a.standardErrors(), b.standardErrors(), 1e-8);
        }
    }

    @Property(tries = 20, seed = "20171")
    void frequencyWeightsEqualDuplicatedRows(@ForAll Family family, @ForAll @IntRange(min = 60, max = 200) int n,
            @ForAll long seed) {
        Data d = simulate(family, n, seed);
        double[] f = new double[n];
        int total = 0;
        for (int i = 0; i < n; i++) {
            f[i] = 1 + (int) (d.w()[i]);
            total += (int) f[i];
        }
        double[][] x = new double[3][total];
        double[] y = new double[total];
        int at = 0;
        for (int i = 0; i < n; i++) {
            for (int r = 0; r < f[i]; r++, at++) {
                for (int j = 0; j < 3; j++) {
                    x[j][at] = d.x()[j][i];
                }
                y[at] = d.y()[i];
            }
        }
        Glm glm = Glm.withDefaults().withFamily(family).withWeights(WeightKind.FREQUENCY);
        GlmFit a = fit(glm, d, f);
        GlmFit b;
        try {
            b = glm.fit(x, NAMES, y);
        } catch (InputException e) {
            Assume.that(false);
            throw e;
        }
        assertSame(b.coefficients(), a.coefficients(), 1e-9);
        assertSame(b.standardErrors(), a.standardErrors(), 1e-8);
        assertEquals(b.logLikelihood(), a.logLikelihood(), 1e-9 * Math.abs(b.logLikelihood()));
    }
}
