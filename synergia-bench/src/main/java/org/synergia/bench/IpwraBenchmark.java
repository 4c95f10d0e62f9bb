package org.synergia.bench;

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
        SelectionData sim = SelectionData.draw(n, k, 20171);
        String[] names = new String[k];
        for (int j = 0; j < k; j++) {
            names[j] = "x" + (j + 1);
        }
        data = TreatmentData.withCommonCovariates(sim.y(), sim.t(), sim.x(), names);
    }

    /** @return the fit (consumed by JMH) */
    @Benchmark
    public TreatmentEffectResult ipwra() {
        return Ipwra.withDefaults().withEstimand(estimand).withThreads(threads).withBalance(balance).fit(data);
    }
}
