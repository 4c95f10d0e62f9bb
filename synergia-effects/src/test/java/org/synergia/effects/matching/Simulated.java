package org.synergia.effects.matching;

import java.util.SplittableRandom;

/**
 * A seeded simulated observational study: two covariates, logit treatment
 * {@code P(T=1) = logistic(-0.3 + 0.8 x1 - 0.5 x2)}, outcome
 * {@code Y = 1 + x1 + 0.5 x2 + effect * T + e}, {@code e ~ N(0, 1)}; the effect is constant, so
 * the ATT and the ATE both equal {@code effect}.
 */
final class Simulated {

    final double[] y;
    final boolean[] treated;
    /** Treatment-model regressors by column: intercept, x1, x2. */
    final double[][] columns;
    final double[] propensity;

    Simulated(int n, double effect, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        y = new double[n];
        treated = new boolean[n];
        columns = new double[3][n];
        propensity = new double[n];
        for (int i = 0; i < n; i++) {
            double x1 = gaussian(rng);
            double x2 = gaussian(rng);
            double p = 1 / (1 + Math.exp(-(-0.3 + 0.8 * x1 - 0.5 * x2)));
            boolean t = rng.nextDouble() < p;
            columns[0][i] = 1;
            columns[1][i] = x1;
            columns[2][i] = x2;
            propensity[i] = p;
            treated[i] = t;
            y[i] = 1 + x1 + 0.5 * x2 + (t ? effect : 0) + gaussian(rng);
        }
    }

    static double gaussian(SplittableRandom rng) {
        double u = rng.nextDouble();
        double v = rng.nextDouble();
        return Math.sqrt(-2 * Math.log(1 - u)) * Math.cos(2 * Math.PI * v);
    }
}
