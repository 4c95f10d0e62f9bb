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
import org.synergia.stats.fewclusters.ClusteredRegression;
import org.synergia.stats.fewclusters.Cr2;
import org.synergia.stats.fewclusters.WildBootstrapResult;
import org.synergia.stats.fewclusters.WildClusterBootstrap;
import org.synergia.stats.inference.Clusters;
import org.synergia.stats.inference.Term;

/**
 * The wild cluster bootstrap on 100,000 simulated rows in 50 clusters of unequal sizes: a regression of the
 * outcome on an intercept, a cluster-level treatment (25 clusters) and three covariates, 9,999 Rademacher draws,
 * the p-value and the interval by test inversion of the treatment alone or of all five coefficients, each run
 * including the pass over the rows that builds the cluster sums; and CR2 with its degrees of freedom on the same
 * data. Run by hand (see docs/benchmarks.md, "Few clusters").
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3)
@Measurement(iterations = 5)
@Fork(value = 1, jvmArgs = {"-Xmx2g"})
public class WildBootstrapBenchmark {

    @Param({"100000"})
    private int n;

    @Param({"50"})
    private int clusters;

    @Param({"9999"})
    private int draws;

    private double[][] x;
    private double[] y;
    private Clusters ids;
    private final List<String> names = List.of("(Intercept)", "treat", "x1", "x2", "x3");

    /** Simulates the data once per trial (seeded): cluster sizes proportional to 1 + exp(N(0, 1)), a cluster effect. */
    @Setup
    public void simulate() {
        SplittableRandom rng = new SplittableRandom(20171);
        double[] size = new double[clusters];
        double total = 0;
        for (int g = 0; g < clusters; g++) {
            size[g] = 1 + Math.exp(rng.nextGaussian());
            total += size[g];
        }
        double[] effect = new double[clusters];
        for (int g = 0; g < clusters; g++) {
            effect[g] = 0.5 * rng.nextGaussian();
        }
        x = new double[5][n];
        y = new double[n];
        int[] code = new int[n];
        int g = 0;
        double filled = size[0] / total * n;
        for (int i = 0; i < n; i++) {
            while (i >= filled && g < clusters - 1) {
                g++;
                filled += size[g] / total * n;
            }
            code[i] = g;
            x[0][i] = 1;
            x[1][i] = g % 2;
            x[2][i] = rng.nextGaussian();
            x[3][i] = rng.nextDouble() < 0.4 ? 1 : 0;
            x[4][i] = 10 * rng.nextDouble();
            y[i] = 1 + 0.1 * x[1][i] + 0.5 * x[2][i] - 0.3 * x[3][i] + 0.05 * x[4][i] + effect[g] + rng.nextGaussian();
        }
        ids = Clusters.of(code);
    }

    /**
     * The treatment's test and interval, as boottest runs by default.
     *
     * @return the result (returned so the JIT keeps it)
     */
    @Benchmark
    public WildBootstrapResult treatment() {
        ClusteredRegression m = ClusteredRegression.of(x, names, y, null, ids);
        return WildClusterBootstrap.withDraws(draws).withSeed(1).test(m, new int[] {1}, List.of(Term.named("treat")));
    }

    /**
     * Every coefficient's test and interval, as {@code glm --wild-bootstrap} runs.
     *
     * @return the result
     */
    @Benchmark
    public WildBootstrapResult allCoefficients() {
        return WildClusterBootstrap.withDraws(draws).withSeed(1).test(ClusteredRegression.of(x, names, y, null, ids));
    }

    /**
     * CR2 with the degrees of freedom of every coefficient.
     *
     * @return the variance
     */
    @Benchmark
    public Cr2 cr2() {
        return Cr2.of(ClusteredRegression.of(x, names, y, null, ids));
    }
}
