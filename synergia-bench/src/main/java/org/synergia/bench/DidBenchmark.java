package org.synergia.bench;

import java.util.List;
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
import org.synergia.effects.did.DidMethod;
import org.synergia.effects.did.DidResult;
import org.synergia.effects.did.DrDid;
import org.synergia.effects.did.PanelSample;

/**
 * Panel difference-in-differences on simulated data (units, three covariates, selection on
 * observables, heterogeneous effects), one fit per operation. Run by hand:
 * {@code java -cp ... org.openjdk.jmh.Main DidBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 5)
@Fork(value = 1, jvmArgs = {"-Xmx4g"})
public class DidBenchmark {

    /** Number of units (the panel has twice as many rows). */
    @Param({"1000000"})
    public int units;

    /** Estimator. */
    @Param({"DR_IMPROVED", "DR_TRADITIONAL"})
    public String method;

    private PanelSample sample;

    /** Simulates the panel once per trial. */
    @Setup
    public void simulate() {
        SplittableRandom r = new SplittableRandom(2020);
        double[] y0 = new double[units];
        double[] y1 = new double[units];
        double[] d = new double[units];
        double[] x1 = new double[units];
        double[] x2 = new double[units];
        double[] x3 = new double[units];
        for (int i = 0; i < units; i++) {
            x1[i] = r.nextGaussian();
            x2[i] = r.nextDouble() < 0.5 ? 1 : 0;
            x3[i] = r.nextDouble();
            double p = 1 / (1 + Math.exp(-(-0.5 + 0.6 * x1[i] - 0.4 * x2[i] + 0.8 * x3[i])));
            d[i] = r.nextDouble() < p ? 1 : 0;
            y0[i] = 1 + x1[i] + 0.5 * x2[i] + x3[i] + r.nextGaussian();
            y1[i] = y0[i] + 0.3 + 0.5 * x1[i] + d[i] * (1.5 + 0.5 * x3[i]) + r.nextGaussian();
        }
        sample = PanelSample.of(y0, y1, d).withCovariates(List.of("x1", "x2", "x3"), new double[][] {x1, x2, x3});
    }

    /** @return the fit (returned so that it is not optimised away) */
    @Benchmark
    public DidResult fitPanel() {
        return DrDid.withDefaults().withMethod(DidMethod.valueOf(method)).fitPanel(sample);
    }
}
