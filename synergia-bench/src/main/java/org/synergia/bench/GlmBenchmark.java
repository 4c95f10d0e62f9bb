package org.synergia.bench;

import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
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
import org.synergia.stats.glm.Glm;
import org.synergia.stats.glm.GlmFit;
import org.synergia.stats.inference.VarianceType;

/**
 * A logit with an intercept and 10 regressors on 1,000,000 simulated rows, fitted to full
 * convergence with the model-based or robust variance, on 1 or 2 threads. Run by hand (see
 * docs/benchmarks.md, "GLMs"); {@link #main} writes the same data for R's {@code glm}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 5)
@Fork(value = 1, jvmArgs = {"-Xmx3g"})
public class GlmBenchmark {

    static final int REGRESSORS = 10;

    @Param({"1000000"})
    private int n;

    @Param({"1", "2"})
    private int threads;

    @Param({"OIM", "ROBUST"})
    private VarianceType variance;

    private double[][] x;
    private double[] y;
    private List<String> names;

    /** Simulates the data once per trial (seeded). */
    @Setup
    public void simulate() {
        x = design(n);
        y = outcome(x);
        names = new ArrayList<>();
        names.add("(Intercept)");
        for (int j = 1; j <= REGRESSORS; j++) {
            names.add("x" + j);
        }
    }

    /**
     * Regressors: 5 standard normal, 3 Bernoulli(0.3), 2 uniform on [0, 10), with an intercept column.
     *
     * @param n rows
     * @return the columns
     */
    static double[][] design(int n) {
        SplittableRandom rng = new SplittableRandom(20171);
        double[][] x = new double[REGRESSORS + 1][n];
        for (int i = 0; i < n; i++) {
            x[0][i] = 1;
            for (int j = 1; j <= REGRESSORS; j++) {
                x[j][i] = j <= 5 ? rng.nextGaussian() : j <= 8 ? (rng.nextDouble() < 0.3 ? 1 : 0) : 10 * rng.nextDouble();
            }
        }
        return x;
    }

    /**
     * Outcome with {@code P(y = 1) = Λ(-1 + Σ_j c_j x_j)}, {@code c_j = (-1)^j 0.1 j / 2}.
     *
     * @param x the design
     * @return the outcome
     */
    static double[] outcome(double[][] x) {
        int n = x[0].length;
        SplittableRandom rng = new SplittableRandom(7);
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            double eta = -1;
            for (int j = 1; j <= REGRESSORS; j++) {
                eta += (j % 2 == 0 ? 1 : -1) * 0.05 * j * x[j][i];
            }
            y[i] = rng.nextDouble() < 1 / (1 + Math.exp(-eta)) ? 1 : 0;
        }
        return y;
    }

    /**
     * One fit.
     *
     * @return the fit (returned so the JIT keeps it)
     */
    @Benchmark
    public GlmFit logit() {
        return Glm.withDefaults().withThreads(threads).withVariance(variance).fit(x, names, y);
    }

    /**
     * Writes the benchmark's data (n = 1,000,000) as little-endian doubles, row by row: y, x1..x10,
     * for {@code readBin} in R.
     *
     * @param args the output file
     * @throws IOException when the file cannot be written
     */
    public static void main(String[] args) throws IOException {
        int n = 1_000_000;
        double[][] x = design(n);
        double[] y = outcome(x);
        ByteBuffer row = ByteBuffer.allocate(8 * (REGRESSORS + 1)).order(ByteOrder.LITTLE_ENDIAN);
        try (OutputStream out = new DataOutputStream(Files.newOutputStream(Path.of(args[0])))) {
            for (int i = 0; i < n; i++) {
                row.clear();
                row.putDouble(y[i]);
                for (int j = 1; j <= REGRESSORS; j++) {
                    row.putDouble(x[j][i]);
                }
                out.write(row.array());
            }
        }
    }
}
