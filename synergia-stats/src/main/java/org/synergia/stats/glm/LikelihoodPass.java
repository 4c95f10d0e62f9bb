package org.synergia.stats.glm;

import java.util.concurrent.ForkJoinPool;
import java.util.stream.IntStream;
import org.synergia.stats.linalg.DotProduct;

/**
 * One pass over the data at a given {@code β}: evaluates {@code η = Xβ} and accumulates the
 * log-likelihood, score and information. Rows are processed in blocks of {@value #BLOCK} held in
 * small reusable arrays (no per-row allocation); chunks of {@value #CHUNK} rows are accumulated
 * independently and combined in chunk order, so results do not depend on the number of threads.
 */
final class LikelihoodPass {

    static final int BLOCK = 256;
    static final int CHUNK = 1 << 15;

    private final GlmKernel kernel;
    private final double[][] x;
    private final double[] y;
    private final double[] w;
    private final int n;
    private final int p;
    private final ForkJoinPool pool;

    /**
     * @param kernel the family–link pair
     * @param x the design's columns
     * @param y the outcome
     * @param w weights or null
     * @param pool threads to split chunks over, or null for the calling thread only
     */
    LikelihoodPass(GlmKernel kernel, double[][] x, double[] y, double[] w, ForkJoinPool pool) {
        this.kernel = kernel;
        this.x = x;
        this.y = y;
        this.w = w;
        this.n = y.length;
        this.p = x.length;
        this.pool = pool;
    }

    /**
     * Accumulates at {@code beta}.
     *
     * @param beta coefficients
     * @param observed observed (true) or expected information
     * @param etaOut if not null, receives {@code η_i} for every row
     * @return the sums
     */
    NewtonAccumulator run(double[] beta, boolean observed, double[] etaOut) {
        int chunks = (n + CHUNK - 1) / CHUNK;
        NewtonAccumulator[] parts = new NewtonAccumulator[Math.max(chunks, 1)];
        if (pool == null || chunks < 2) {
            for (int c = 0; c < chunks; c++) {
                parts[c] = chunk(c, beta, observed, etaOut);
            }
        } else {
            pool.submit(() -> IntStream.range(0, chunks).parallel()
                    .forEach(c -> parts[c] = chunk(c, beta, observed, etaOut))).join();
        }
        NewtonAccumulator total = new NewtonAccumulator(p);
        for (int c = 0; c < chunks; c++) {
            total.combine(parts[c]);
        }
        return total;
    }

    private NewtonAccumulator chunk(int c, double[] beta, boolean observed, double[] etaOut) {
        NewtonAccumulator acc = new NewtonAccumulator(p);
        double[] eta = new double[BLOCK];
        double[] u = new double[BLOCK];
        double[] h = new double[BLOCK];
        double[] hx = new double[BLOCK];
        int end = Math.min(n, (c + 1) * CHUNK);
        for (int from = c * CHUNK; from < end; from += BLOCK) {
            int len = Math.min(BLOCK, end - from);
            linearPredictor(beta, from, len, eta);
            if (etaOut != null) {
                System.arraycopy(eta, 0, etaOut, from, len);
            }
            acc.logLikelihood += kernel.evaluate(eta, y, w, from, len, u, h, observed);
            for (int j = 0; j < p; j++) {
                double[] xj = x[j];
                acc.score[j] += DotProduct.of(u, 0, xj, from, len);
                for (int t = 0; t < len; t++) {
                    hx[t] = h[t] * xj[from + t];
                }
                int row = j * p;
                for (int k = 0; k <= j; k++) {
                    acc.information[row + k] += DotProduct.of(hx, 0, x[k], from, len);
                }
            }
        }
        return acc;
    }

    /**
     * {@code η_t = Σ_j β_j x_j[from+t]} for a block.
     *
     * @param beta coefficients
     * @param from first row
     * @param len rows
     * @param eta output
     */
    void linearPredictor(double[] beta, int from, int len, double[] eta) {
        java.util.Arrays.fill(eta, 0, len, 0.0);
        for (int j = 0; j < p; j++) {
            double b = beta[j];
            if (b == 0) {
                continue;
            }
            double[] xj = x[j];
            for (int t = 0; t < len; t++) {
                eta[t] += b * xj[from + t];
            }
        }
    }
}
