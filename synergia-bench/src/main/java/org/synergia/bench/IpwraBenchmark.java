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
import org.synergia.effects.potentialoutcomes.Estimand;
import org.synergia.effects.potentialoutcomes.Ipwra;
import org.synergia.effects.potentialoutcomes.TreatmentData;
import org.synergia.effects.potentialoutcomes.TreatmentEffectResult;

/**
 * IPWRA with stacked-sandwich SEs on 1,000,000 simulated observations with 10 covariates (logit
 * treatment model, linear outcome models; both with intercept: 11 parameters each), on a given
 * number of threads, with or without the covariate balance summary. Run by hand (see docs/benchmarks.md,
 * "Treatment effects").
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 5)
@Fork(value = 1, jvmArgs = {"-Xmx4g"})
public class IpwraBenchmark {

    @Param({"1000000"})
    private int n;

    @Param({"1", "2"})
    private int threads;

    @Param({"ATE", "ATT"})
    private Estimand estimand;

    /** Whether the fit also reports covariate balance ({@code --balance}), to measure what it adds. */
    @Param({"false", "true"})
    private boolean balance;

    private TreatmentData data;

    /** Simulates the data once per trial (seeded): scores Λ(-0.2 + 0.1 Σx), outcome 1 + 0.3 Σx + 2T + e. */
    @Setup
    public void simulate() {
        int k = 10;
        SplittableRandom rng = new SplittableRandom(20171);
        double[][] x = new double[k][n];
        double[] t = new double[n];
        double[] y = new double[n];
        String[] names = new String[k];
        for (int j = 0; j < k; j++) {
            names[j] = "x" + (j + 1);
        }
        for (int i = 0; i < n; i++) {
            double eta = -0.2;
            double mu = 1;
            for (int j = 0; j < k; j++) {
                x[j][i] = rng.nextGaussian();
                eta += 0.1 * x[j][i];
                mu += 0.3 * x[j][i];
            }
            t[i] = rng.nextDouble() < 1 / (1 + Math.exp(-eta)) ? 1 : 0;
            y[i] = mu + 2 * t[i] + rng.nextGaussian();
        }
        data = TreatmentData.withCommonCovariates(y, t, x, names);
    }

    /** @return the fit (consumed by JMH) */
    @Benchmark
    public TreatmentEffectResult ipwra() {
        return Ipwra.withDefaults().withEstimand(estimand).withThreads(threads).withBalance(balance).fit(data);
    }
}
