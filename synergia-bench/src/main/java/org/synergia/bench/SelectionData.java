package org.synergia.bench;

import java.util.SplittableRandom;

/**
 * The treatment-effect benchmarks' simulated data (seeded): {@code k} standard normal covariates, a binary
 * treatment with probability {@code Λ(-0.2 + 0.1 Σx)} and the outcome {@code 1 + 0.3 Σx + 2T + e}.
 *
 * @param x the covariates, {@code x[j][i]}
 * @param t the treatment, 0 or 1
 * @param y the outcome
 */
record SelectionData(double[][] x, double[] t, double[] y) {

    /**
     * @param n the observations
     * @param k the covariates
     * @param seed the random seed
     * @return the data
     */
    static SelectionData draw(int n, int k, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[][] x = new double[k][n];
        double[] t = new double[n];
        double[] y = new double[n];
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
        return new SelectionData(x, t, y);
    }
}
