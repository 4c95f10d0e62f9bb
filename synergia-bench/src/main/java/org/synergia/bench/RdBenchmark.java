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
import org.synergia.effects.rd.RdResult;
import org.synergia.effects.rd.RdRobust;
import org.synergia.effects.rd.RdVariance;

/**
 * Sharp regression discontinuity with data-driven ({@code mserd}) bandwidths on simulated data,
 * one full fit (sorting, pilot, bias and main bandwidths, estimates, robust SEs) per operation.
 * Run by hand: {@code java -cp ... org.openjdk.jmh.Main RdBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 5)
@Fork(value = 1, jvmArgs = {"-Xmx4g"})
public class RdBenchmark {

    /** Number of observations. */
    @Param({"1000000"})
    public int n;

    /** Residuals of the variance estimators. */
    @Param({"NN", "HC1"})
    public String vce;

    private double[] y;
    private double[] x;

    /** Simulates the data once per trial: a jump of 0.25 at 0 on a quadratic trend. */
    @Setup
    public void simulate() {
        SplittableRandom r = new SplittableRandom(2014);
        y = new double[n];
        x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = 2 * r.nextDouble() - 1;
            y[i] = 0.5 + 0.8 * x[i] - 0.4 * x[i] * x[i] + (x[i] >= 0 ? 0.25 : 0) + 0.3 * r.nextGaussian();
        }
    }

    /** @return the fit (returned so that it is not optimised away) */
    @Benchmark
    public RdResult fit() {
        return RdRobust.withDefaults().withVariance(RdVariance.valueOf(vce)).fit(y, x, 0);
    }
}
