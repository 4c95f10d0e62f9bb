package org.synergia.bench;

import java.util.LinkedHashMap;
import java.util.Map;
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
import org.synergia.data.Dataset;
import org.synergia.data.MissingPolicy;
import org.synergia.stats.estimator.Estimation;
import org.synergia.stats.estimator.Estimator;
import org.synergia.stats.estimator.EstimatorOptions;
import org.synergia.stats.estimator.Estimators;
import org.synergia.stats.inference.EstimationResult;

/**
 * What the credibility checks add to {@code synergia estimate ipwra} through the estimator registry (formulas, model
 * frames, the fit and its diagnostics, as the command line runs it, without reading or writing files): 1,000,000
 * simulated observations with 10 continuous covariates (the worst case for the balance's eCDF statistics), with
 * nothing, {@code --balance}, {@code --sensitivity ATE} or both. Run by hand (see docs/benchmarks.md, "Covariate
 * balance").
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 5)
@Fork(value = 1, jvmArgs = {"-Xmx4g"})
public class CredibilityBenchmark {

    @Param({"1000000"})
    private int n;

    /** The checks asked for: none, balance, sensitivity or both. */
    @Param({"none", "balance", "sensitivity", "both"})
    private String checks;

    private Dataset data;
    private EstimatorOptions options;

    /** Simulates the data once per trial (seeded): scores Λ(-0.2 + 0.1 Σx), outcome 1 + 0.3 Σx + 2T + e. */
    @Setup
    public void simulate() {
        int k = 10;
        SelectionData sim = SelectionData.draw(n, k, 20171);
        Dataset.Builder b = Dataset.builder("simulated");
        StringBuilder covariates = new StringBuilder();
        for (int j = 0; j < k; j++) {
            b.addNumeric("x" + (j + 1), sim.x()[j]);
            covariates.append(j == 0 ? "" : " + ").append("x").append(j + 1);
        }
        data = b.addNumeric("t", sim.t()).addNumeric("y", sim.y()).build();
        Estimator ipwra = Estimators.installed().get("ipwra");
        Map<String, String> given = new LinkedHashMap<>();
        given.put("outcome-model", "y ~ " + covariates);
        given.put("treatment-model", "t ~ " + covariates);
        if (checks.equals("balance") || checks.equals("both")) {
            given.put("balance", "true");
        }
        if (checks.equals("sensitivity") || checks.equals("both")) {
            given.put("sensitivity", "ATE");
        }
        options = EstimatorOptions.of(ipwra, given);
    }

    /** @return the fit (consumed by JMH) */
    @Benchmark
    public EstimationResult ipwra() {
        return Estimation.of(data, options, MissingPolicy.DROP).result();
    }
}
