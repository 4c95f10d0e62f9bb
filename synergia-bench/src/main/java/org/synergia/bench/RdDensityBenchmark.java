package org.synergia.bench;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.synergia.effects.rd.DensityModel;
import org.synergia.effects.rd.DensityVariance;
import org.synergia.effects.rd.RdDensity;
import org.synergia.effects.rd.RdDensityResult;

/**
 * The RD manipulation (density) test with rddensity's defaults on simulated running variables, one
 * full test per operation: sorting, pilot and MSE-optimal bandwidths, the order-q fits with their
 * jackknife or plug-in variances, the binomial tests. Run by hand:
 * {@code java -cp ... org.openjdk.jmh.Main RdDensityBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 5)
@Fork(value = 1, jvmArgs = {"-Xmx4g"})
public class RdDensityBenchmark {

    /** Number of observations. */
    @Param({"1000000"})
    public int n;

    /** The variance estimator. */
    @Param({"JACKKNIFE", "PLUGIN"})
    public String vce;

    /** The density model. */
    @Param({"UNRESTRICTED", "RESTRICTED"})
    public String model;

    /** Whether the running variable is rounded to two decimals (mass points). */
    @Param({"false", "true"})
    public boolean ties;

    private double[] x;

    /** Simulates the running variable once per trial: a normal score with some bunching above 0. */
    @Setup
    public void simulate() {
        SplittableRandom r = new SplittableRandom(2020);
        x = new double[n];
        for (int i = 0; i < n; i++) {
            double v = 0.2 + r.nextGaussian();
            if (v > -0.3 && v < 0 && r.nextDouble() < 0.2) {
                v = 0.1 * r.nextDouble();
            }
            x[i] = ties ? Math.round(v * 100) / 100.0 : v;
        }
    }

    /** @return the test (returned so that it is not optimised away) */
    @Benchmark
    public RdDensityResult test() {
        return RdDensity.withDefaults().withVariance(DensityVariance.valueOf(vce)).withModel(DensityModel.valueOf(model))
                .fit(x, 0);
    }
}
