package org.synergia.stats.glm;

import java.util.concurrent.ForkJoinPool;
import java.util.stream.IntStream;
import org.synergia.stats.linalg.DotProduct;

/**
 * One pass of the multinomial logit log-likelihood over the data. Parameters are ordered by
 * non-base outcome level {@code m = 0..M-1}, then regressor: {@code θ[m·p + j]}. For row {@code i}
 * with probabilities {@code π_im} the score is {@code (1[y_i = m] - π_im) x_i} and the information
 * block {@code (m, l)} is {@code π_im (δ_ml - π_il) x_i x_iᵀ} (Greene 2018, Econometric Analysis, §18.2.2).
 * Blocked and chunked as {@link LikelihoodPass}.
 */
final class MultinomialPass {

    private final double[][] x;
    private final int[] y;
    private final double[] w;
    private final int base;
    private final int levels;
    private final int n;
    private final int p;
    private final ForkJoinPool pool;

    MultinomialPass(double[][] x, int[] y, double[] w, int base, int levels, ForkJoinPool pool) {
        this.x = x;
        this.y = y;
        this.w = w;
        this.base = base;
        this.levels = levels;
        this.n = y.length;
        this.p = x.length;
        this.pool = pool;
    }

    /** @return the outcome level of non-base index {@code m} */
    int level(int m) {
        return m < base ? m : m + 1;
    }

    NewtonAccumulator run(double[] theta, double[] probabilitiesOut) {
        int chunks = (n + LikelihoodPass.CHUNK - 1) / LikelihoodPass.CHUNK;
        NewtonAccumulator[] parts = new NewtonAccumulator[Math.max(chunks, 1)];
        if (pool == null || chunks < 2) {
            for (int c = 0; c < chunks; c++) {
                parts[c] = chunk(c, theta, probabilitiesOut);
            }
        } else {
            pool.submit(() -> IntStream.range(0, chunks).parallel()
                    .forEach(c -> parts[c] = chunk(c, theta, probabilitiesOut))).join();
        }
        NewtonAccumulator total = new NewtonAccumulator((levels - 1) * p);
        for (int c = 0; c < chunks; c++) {
            total.combine(parts[c]);
        }
        return total;
    }

    /**
     * Probabilities of rows {@code from..from+len-1}: {@code prob[m][t]} for non-base {@code m}.
     *
     * @return {@code Σ w log π_{i, y_i}} over the block
     */
    double probabilities(double[] theta, int from, int len, double[][] prob, double[] weightOut) {
        int m = levels - 1;
        for (int k = 0; k < m; k++) {
            double[] eta = prob[k];
            java.util.Arrays.fill(eta, 0, len, 0.0);
            for (int j = 0; j < p; j++) {
                double b = theta[k * p + j];
                if (b == 0) {
                    continue;
                }
                double[] xj = x[j];
                for (int t = 0; t < len; t++) {
                    eta[t] += b * xj[from + t];
                }
            }
        }
        double ll = 0;
        for (int t = 0; t < len; t++) {
            double max = 0; // the base level's η
            for (int k = 0; k < m; k++) {
                max = Math.max(max, prob[k][t]);
            }
            double sum = Math.exp(-max);
            for (int k = 0; k < m; k++) {
                sum += Math.exp(prob[k][t] - max);
            }
            double logSum = max + Math.log(sum);
            int yi = y[from + t];
            double wt = w == null ? 1.0 : w[from + t];
            weightOut[t] = wt;
            ll += wt * ((yi == base ? 0.0 : prob[yi < base ? yi : yi - 1][t]) - logSum);
            for (int k = 0; k < m; k++) {
                prob[k][t] = Math.exp(prob[k][t] - logSum);
            }
        }
        return ll;
    }

    private NewtonAccumulator chunk(int c, double[] theta, double[] probabilitiesOut) {
        int m = levels - 1;
        int dim = m * p;
        NewtonAccumulator acc = new NewtonAccumulator(dim);
        double[][] prob = new double[m][LikelihoodPass.BLOCK];
        double[] wt = new double[LikelihoodPass.BLOCK];
        double[] u = new double[LikelihoodPass.BLOCK];
        double[] hx = new double[LikelihoodPass.BLOCK];
        int end = Math.min(n, (c + 1) * LikelihoodPass.CHUNK);
        for (int from = c * LikelihoodPass.CHUNK; from < end; from += LikelihoodPass.BLOCK) {
            int len = Math.min(LikelihoodPass.BLOCK, end - from);
            acc.logLikelihood += probabilities(theta, from, len, prob, wt);
            if (probabilitiesOut != null) {
                for (int k = 0; k < m; k++) {
                    System.arraycopy(prob[k], 0, probabilitiesOut, k * n + from, len);
                }
            }
            for (int a = 0; a < m; a++) {
                int levelA = level(a);
                for (int t = 0; t < len; t++) {
                    u[t] = wt[t] * ((y[from + t] == levelA ? 1 : 0) - prob[a][t]);
                }
                for (int j = 0; j < p; j++) {
                    acc.score[a * p + j] += DotProduct.of(u, 0, x[j], from, len);
                }
                for (int b = 0; b <= a; b++) {
                    for (int t = 0; t < len; t++) {
                        u[t] = wt[t] * prob[a][t] * ((a == b ? 1 : 0) - prob[b][t]);
                    }
                    for (int j = 0; j < p; j++) {
                        for (int t = 0; t < len; t++) {
                            hx[t] = u[t] * x[j][from + t];
                        }
                        int row = (a * p + j) * dim;
                        int kMax = a == b ? j : p - 1;
                        for (int k = 0; k <= kMax; k++) {
                            acc.information[row + b * p + k] += DotProduct.of(hx, 0, x[k], from, len);
                        }
                    }
                }
            }
        }
        return acc;
    }
}
