package org.synergia.bench;

import java.util.ArrayList;
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
import org.synergia.effects.matching.MatchingResult;
import org.synergia.effects.matching.PsMatch;
import org.synergia.effects.potentialoutcomes.Estimand;

/**
 * 1:1 propensity-score matching (ATT, with replacement) on simulated data with 10 covariates:
 * on a given score with the AI2006 SE, and end to end (logit fit, matching, AI2016 SE, balance
 * table, overlap histogram, weights) for the ATT and the ATE. Run by hand, never in tests:
 * {@code java -cp ... org.openjdk.jmh.Main PsMatchBenchmark -p rows=1000000}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
@Fork(value = 1, jvmArgs = {"-Xmx6g"})
public class PsMatchBenchmark {

    /** Number of rows. */
    @Param({"1000000"})
    public int rows;

    private double[] y;
    private boolean[] treated;
    private double[][] columns;
    private List<String> names;
    private double[] score;

    /** Simulates the data: 10 standard normal covariates, logit treatment, linear outcome, effect 1. */
    @Setup
    public void simulate() {
        int k = 10;
        SplittableRandom rng = new SplittableRandom(2024);
        y = new double[rows];
        treated = new boolean[rows];
        columns = new double[k + 1][rows];
        score = new double[rows];
        names = new ArrayList<>(List.of("(Intercept)"));
        for (int j = 1; j <= k; j++) {
            names.add("x" + j);
        }
        for (int i = 0; i < rows; i++) {
            columns[0][i] = 1;
            double eta = -0.5;
            double mu = 0;
            for (int j = 1; j <= k; j++) {
                double u = rng.nextDouble();
                double v = rng.nextDouble();
                double x = Math.sqrt(-2 * Math.log(1 - u)) * Math.cos(2 * Math.PI * v);
                columns[j][i] = x;
                eta += 0.15 * x;
                mu += 0.5 * x;
            }
            double p = 1 / (1 + Math.exp(-eta));
            score[i] = p;
            treated[i] = rng.nextDouble() < p;
            y[i] = mu + (treated[i] ? 1 : 0) + rng.nextDouble() - 0.5;
        }
    }

    /** @return matching on the known score with the Abadie-Imbens (2006) SE */
    @Benchmark
    public MatchingResult matchOnScoreAi2006() {
        return PsMatch.withDefaults().withNeighbors(1).withEstimand(Estimand.ATT)
                .withStandardError(PsMatch.StandardError.AI2006)
                .fitOnScore(y, treated, score, List.of(), new double[0][]);
    }

    /**
     * @return the default fit: logit, matching, AI2016 SE (ATT: with the covariate-space
     *     neighbours of Stata's d(tau)/d(gamma) term), balance table, overlap histogram and weights
     */
    @Benchmark
    public MatchingResult endToEndAi2016() {
        return PsMatch.withDefaults().withNeighbors(1).withEstimand(Estimand.ATT).fit(y, treated, columns, names);
    }

    /** @return the same for the ATE, whose AI2016 adjustment needs score-space neighbours only */
    @Benchmark
    public MatchingResult endToEndAteAi2016() {
        return PsMatch.withDefaults().withNeighbors(1).withEstimand(Estimand.ATE).fit(y, treated, columns, names);
    }
}
