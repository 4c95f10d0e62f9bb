package org.synergia.stats.glm;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import org.synergia.data.InputException;
import org.synergia.stats.inference.Clusters;
import org.synergia.stats.inference.SmallSampleCorrection;
import org.synergia.stats.inference.VarianceType;

/**
 * The multinomial logit {@code P(y = m | x) = exp(xᵀβ_m) / Σ_l exp(xᵀβ_l)} with {@code β_base = 0}
 * (McFadden 1974; Greene 2018, §18.2.2), fitted by Newton–Raphson with step halving from
 * {@code β = 0}. Settings are immutable:
 * <pre>{@code
 * MultinomialLogitFit fit = MultinomialLogit.withDefaults().withBase(0).fit(columns, names, codes, levels);
 * }</pre>
 * The outcome is coded {@code 0..K-1}; {@code levels} names the codes (for terms {@code level:regressor}).
 */
public final class MultinomialLogit {

    private final int base;
    private final WeightKind weightKind;
    private final VarianceType varianceType;
    private final SmallSampleCorrection correction;
    private final int maxIterations;
    private final int threads;
    private final double level;

    private MultinomialLogit(int base, WeightKind weightKind, VarianceType varianceType, SmallSampleCorrection correction,
            int maxIterations, int threads, double level) {
        this.base = base;
        this.weightKind = weightKind;
        this.varianceType = varianceType;
        this.correction = correction;
        this.maxIterations = maxIterations;
        this.threads = threads;
        this.level = level;
    }

    /**
     * Base level code 0 (R {@code multinom}'s first level), sampling weights, OIM variance, 100
     * iterations, all processors, 95% intervals.
     *
     * @return the default settings
     */
    public static MultinomialLogit withDefaults() {
        return new MultinomialLogit(0, WeightKind.SAMPLING, VarianceType.OIM, null, 100,
                Runtime.getRuntime().availableProcessors(), 0.95);
    }

    /**
     * @param code the outcome code whose coefficients are fixed at zero
     * @return new settings
     */
    public MultinomialLogit withBase(int code) {
        return new MultinomialLogit(code, weightKind, varianceType, correction, maxIterations, threads, level);
    }

    /**
     * @param kind what the weights mean
     * @return new settings
     */
    public MultinomialLogit withWeights(WeightKind kind) {
        return new MultinomialLogit(base, kind, varianceType, correction, maxIterations, threads, level);
    }

    /**
     * @param type the reported variance; robust defaults to {@code N/(N-1)}, cluster to {@code G/(G-1)} (Stata {@code mlogit})
     * @return new settings
     */
    public MultinomialLogit withVariance(VarianceType type) {
        return new MultinomialLogit(base, weightKind, type, correction, maxIterations, threads, level);
    }

    /**
     * @param c the small-sample factor, overriding the default
     * @return new settings
     */
    public MultinomialLogit withCorrection(SmallSampleCorrection c) {
        return new MultinomialLogit(base, weightKind, varianceType, c, maxIterations, threads, level);
    }

    /**
     * @param max the iteration limit
     * @return new settings
     */
    public MultinomialLogit withMaxIterations(int max) {
        return new MultinomialLogit(base, weightKind, varianceType, correction, max, threads, level);
    }

    /**
     * @param t worker threads
     * @return new settings
     */
    public MultinomialLogit withThreads(int t) {
        return new MultinomialLogit(base, weightKind, varianceType, correction, maxIterations, Math.max(1, t), level);
    }

    /**
     * @param l confidence level in (0, 1)
     * @return new settings
     */
    public MultinomialLogit withLevel(double l) {
        return new MultinomialLogit(base, weightKind, varianceType, correction, maxIterations, threads, l);
    }

    int base() {
        return base;
    }

    WeightKind weightKind() {
        return weightKind;
    }

    VarianceType varianceType() {
        return varianceType;
    }

    double level() {
        return level;
    }

    SmallSampleCorrection correctionFor(VarianceType type) {
        return correction != null ? correction
                : type == VarianceType.CLUSTER ? SmallSampleCorrection.CLUSTER : SmallSampleCorrection.ML;
    }

    /**
     * Fits without weights or clusters.
     *
     * @param x the design's columns
     * @param names regressor names
     * @param y outcome codes {@code 0..K-1}
     * @param levels the name of each code
     * @return the fit
     */
    public MultinomialLogitFit fit(double[][] x, List<String> names, int[] y, List<String> levels) {
        return fit(x, names, y, levels, null, null);
    }

    /**
     * Fits the model.
     *
     * @param x the design's columns ({@code x[j][i]}); kept by reference, do not modify
     * @param names regressor names
     * @param y outcome codes {@code 0..K-1}
     * @param levels the name of each code ({@code K ≥ 2})
     * @param weights weights or null
     * @param clusters clusters (for the CLUSTER variance) or null
     * @return the fit
     * @throws InputException for an unobserved level, perfect prediction, collinearity or non-convergence
     */
    public MultinomialLogitFit fit(double[][] x, List<String> names, int[] y, List<String> levels, double[] weights,
            Clusters clusters) {
        int n = y.length;
        int k = levels.size();
        int p = x.length;
        if (k < 2) {
            throw new InputException("the multinomial outcome needs at least 2 levels, it has " + k);
        }
        if (base < 0 || base >= k) {
            throw new InputException("base level code " + base + " is not one of the outcome's " + k + " levels");
        }
        Glm.validateDesign(x, names, n);
        int[] counts = new int[k];
        for (int i = 0; i < n; i++) {
            if (y[i] < 0 || y[i] >= k) {
                throw new InputException("outcome code " + y[i] + " in row " + (i + 1) + " is not one of 0.." + (k - 1));
            }
            counts[y[i]]++;
        }
        for (int l = 0; l < k; l++) {
            if (counts[l] == 0) {
                throw new InputException("outcome level '" + levels.get(l) + "' is never observed: drop it from the levels");
            }
        }
        Glm.validateWeights(weights, weightKind, n, (k - 1) * p);
        Glm.validateVariance(varianceType, weightKind, weights, clusters, n);
        checkPerfectPrediction(x, names, y, levels);
        List<String> terms = new ArrayList<>();
        for (int m = 0; m < k; m++) {
            if (m != base) {
                for (String name : names) {
                    terms.add(levels.get(m) + ":" + name);
                }
            }
        }
        ForkJoinPool pool = threads > 1 && n > 2 * LikelihoodPass.CHUNK ? new ForkJoinPool(threads) : null;
        try {
            MultinomialPass pass = new MultinomialPass(x, y, weights, base, k, pool);
            double[] prob = new double[(k - 1) * n];
            NewtonMaximiser.Outcome out = NewtonMaximiser.maximise(t -> pass.run(t, prob), new double[(k - 1) * p], 0,
                    Double.NaN, 0, maxIterations,
                    column -> new InputException("regressor '" + names.get(column % p) + "' is collinear with earlier"
                            + " regressors: drop it"),
                    (t, step, iterations) -> notConverged(x, terms, step, iterations));
            NewtonAccumulator acc = out.last(); // evaluated at the estimate, probabilities filled
            return new MultinomialLogitFit(this, x, List.copyOf(names), List.copyOf(levels), List.copyOf(terms), y, weights,
                    clusters, out.beta(), prob, acc.informationMatrix(), acc.logLikelihood, out.iterations());
        } finally {
            if (pool != null) {
                pool.shutdown();
            }
        }
    }

    /** A two-valued regressor at one of whose values some outcome level never occurs. */
    private static void checkPerfectPrediction(double[][] x, List<String> names, int[] y, List<String> levels) {
        int k = levels.size();
        for (int j = 0; j < x.length; j++) {
            double[] xj = x[j];
            double a = xj[0];
            double b = Double.NaN;
            boolean twoValued = true;
            for (int i = 0; i < xj.length && twoValued; i++) {
                if (xj[i] != a) {
                    if (Double.isNaN(b)) {
                        b = xj[i];
                    } else if (xj[i] != b) {
                        twoValued = false;
                    }
                }
            }
            if (!twoValued || Double.isNaN(b)) {
                continue;
            }
            for (double v : new double[] {a, b}) {
                int[] counts = new int[k];
                int rows = 0;
                for (int i = 0; i < xj.length; i++) {
                    if (xj[i] == v) {
                        counts[y[i]]++;
                        rows++;
                    }
                }
                for (int l = 0; l < k; l++) {
                    if (counts[l] == 0) {
                        throw new InputException("regressor '" + names.get(j) + "' predicts perfectly that the outcome is not '"
                                + levels.get(l) + "' when it equals " + v + " (" + rows
                                + " rows): drop the regressor, merge outcome levels or drop those rows");
                    }
                }
            }
        }
    }

    private static InputException notConverged(double[][] x, List<String> terms, double[] step, int iterations) {
        if (step != null) {
            int p = x.length;
            int worst = 0;
            double largest = -1;
            for (int t = 0; t < step.length; t++) {
                double[] xj = x[t % p];
                double ss = 0;
                for (double v : xj) {
                    ss += v * v;
                }
                double moved = Math.abs(step[t]) * Math.sqrt(ss / xj.length);
                if (moved > largest) {
                    largest = moved;
                    worst = t;
                }
            }
            return new InputException("the multinomial logit did not converge after " + iterations + " iterations; the"
                    + " coefficient '" + terms.get(worst) + "' diverges, which suggests perfect prediction (separation):"
                    + " drop that regressor or merge outcome levels");
        }
        return new InputException("the multinomial logit did not converge after " + iterations
                + " iterations: rescale the regressors or simplify the model");
    }
}
