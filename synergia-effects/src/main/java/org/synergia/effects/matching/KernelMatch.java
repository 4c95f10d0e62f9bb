package org.synergia.effects.matching;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.synergia.data.InputException;
import org.synergia.effects.balance.BalanceTable;
import org.synergia.effects.balance.OverlapHistogram;
import org.synergia.effects.potentialoutcomes.Estimand;
import org.synergia.stats.glm.Family;
import org.synergia.stats.glm.Glm;
import org.synergia.stats.glm.Link;
import org.synergia.stats.inference.Estimate;
import org.synergia.stats.inference.Term;

/**
 * Kernel matching on the estimated propensity score (Heckman, Ichimura and Todd 1998): the
 * counterfactual of unit i is the kernel-weighted mean of the other arm's outcomes,
 * {@code Yhat_i = sum_j K((p_j - p_i)/h) Y_j / sum_j K((p_j - p_i)/h)}; the ATT averages
 * {@code Y_i - Yhat_i(0)} over the treated, the ATE averages {@code Yhat_i(1) - Yhat_i(0)} over
 * every unit. Units with no unit of the other arm within the kernel's reach (a kernel sum below
 * 1e-12 of the kernel's peak) are dropped (with a warning). The standard error is a seeded nonparametric bootstrap, resampling rows within each
 * arm and re-fitting the treatment model in every replication (Abadie and Imbens 2008 show the
 * bootstrap is invalid for nearest-neighbour matching, so it is offered for kernel matching only).
 *
 * <p>Sums over the window {@code |p_j - p_i| <= reach * h} use the pool sorted by score and
 * bisection; the Epanechnikov kernel is a quadratic in {@code p_j}, so its sums come from prefix
 * sums in {@code O(log n)} per unit, and the whole estimate costs {@code O(n log n)}.
 */
public final class KernelMatch {

    private final Kernel kernel;
    private final double bandwidth;
    private final Estimand estimand;
    private final int replications;
    private final long seed;
    private final double level;

    private KernelMatch(Kernel kernel, double bandwidth, Estimand estimand, int replications, long seed, double level) {
        this.kernel = kernel;
        this.bandwidth = bandwidth;
        this.estimand = estimand;
        this.replications = replications;
        this.seed = seed;
        this.level = level;
    }

    /** @return Epanechnikov kernel, bandwidth 0.06 (psmatch2's default), ATT, 200 bootstrap replications, seed 20171 */
    public static KernelMatch withDefaults() {
        return new KernelMatch(Kernel.EPANECHNIKOV, 0.06, Estimand.ATT, 200, 20171, 0.95);
    }

    /**
     * @param k the kernel
     * @return a copy with that setting
     */
    public KernelMatch withKernel(Kernel k) {
        return new KernelMatch(k, bandwidth, estimand, replications, seed, level);
    }

    /**
     * @param h the bandwidth on the probability scale, {@code > 0}
     * @return a copy with that setting
     */
    public KernelMatch withBandwidth(double h) {
        if (!(h > 0)) {
            throw new InputException("the kernel bandwidth must be positive, not " + h);
        }
        return new KernelMatch(kernel, h, estimand, replications, seed, level);
    }

    /**
     * @param e the estimand, {@code ATT} or {@code ATE}
     * @return a copy with that setting
     */
    public KernelMatch withEstimand(Estimand e) {
        Validation.checkEstimand(e);
        return new KernelMatch(kernel, bandwidth, e, replications, seed, level);
    }

    /**
     * @param b number of bootstrap replications, {@code >= 2}
     * @param s the random seed
     * @return a copy with those settings
     */
    public KernelMatch withBootstrap(int b, long s) {
        if (b < 2) {
            throw new InputException("the bootstrap needs at least 2 replications, not " + b);
        }
        return new KernelMatch(kernel, bandwidth, estimand, b, s, level);
    }

    /**
     * Fits a logit treatment model, kernel-matches on its probability and bootstraps the SE.
     *
     * @param y the outcome
     * @param treated the arm of every row
     * @param columns the treatment model's regressors by column, an intercept column included if wanted
     * @param names the regressors' names
     * @return the result
     */
    public MatchingResult fit(double[] y, boolean[] treated, double[][] columns, List<String> names) {
        Validation.check(y, treated, columns, names);
        int n = y.length;
        double[] p = score(treated, columns, names);
        double[] w = new double[n];
        List<String> warnings = new ArrayList<>();
        double tau = estimate(y, treated, p, w, warnings);
        int[][] arms = Validation.arms(treated, allTrue(n));
        SplittableRandom rng = new SplittableRandom(seed);
        double sum = 0;
        double sumSq = 0;
        int failed = 0;
        double[] yb = new double[n];
        boolean[] tb = new boolean[n];
        double[][] xb = new double[columns.length][n];
        for (int b = 0; b < replications; b++) {
            int q = 0;
            for (int[] arm : arms) {
                for (int i = 0; i < arm.length; i++) {
                    int r = arm[rng.nextInt(arm.length)];
                    yb[q] = y[r];
                    tb[q] = treated[r];
                    for (int j = 0; j < columns.length; j++) {
                        xb[j][q] = columns[j][r];
                    }
                    q++;
                }
            }
            double est;
            try {
                est = estimate(yb, tb, score(tb, xb, names), new double[n], new ArrayList<>());
            } catch (InputException e) {
                failed++;
                continue;
            }
            sum += est;
            sumSq += est * est;
        }
        int ok = replications - failed;
        if (ok < 2) {
            throw new InputException("fewer than 2 bootstrap replications could be estimated: widen the bandwidth");
        }
        if (failed > 0) {
            warnings.add(failed + " of " + replications + " bootstrap replications could not be estimated (perfect "
                    + "prediction or no unit within the bandwidth) and were skipped");
        }
        double mean = sum / ok;
        double se = Math.sqrt(Math.max(0, (sumSq - ok * mean * mean) / (ok - 1)));
        Map<String, Object> diag = new LinkedHashMap<>();
        diag.put("kernel", kernel.name().toLowerCase(Locale.ROOT));
        diag.put("bandwidth", bandwidth);
        diag.put("se", "bootstrap");
        diag.put("bootstrap_replications", ok);
        diag.put("seed", seed);
        diag.put("n_treated", arms[0].length);
        diag.put("n_control", arms[1].length);
        String formula = estimand == Estimand.ATT
                ? "treated: 1 if any control within the kernel's reach; control j: sum over treated i of "
                        + "K((p_j - p_i)/h) / sum_l K((p_l - p_i)/h)"
                : "unit j: 1{kept} + sum over units i of the other arm of K((p_j - p_i)/h) / sum_l K((p_l - p_i)/h)";
        diag.put("matching_weights", formula);
        double[] ipw = new double[n];
        for (int i = 0; i < n; i++) {
            ipw[i] = estimand == Estimand.ATT ? (treated[i] ? 1 : p[i] / (1 - p[i]))
                    : (treated[i] ? 1 / p[i] : 1 / (1 - p[i]));
        }
        MatchingWeights weights = new MatchingWeights(w, ipw, formula,
                estimand == Estimand.ATT ? MatchingWeights.ATT_IPW : MatchingWeights.ATE_IPW);
        BalanceTable balance = BalanceTable.ofVarying(names, columns, treated, w,
                estimand == Estimand.ATT ? BalanceTable.SdDenominator.TREATED : BalanceTable.SdDenominator.POOLED);
        if (balance != null) {
            diag.put("balance", balance.toMap());
        }
        OverlapHistogram overlap = OverlapHistogram.of(p, treated, w, 20);
        diag.put("overlap", overlap.toList());
        return new MatchingResult("psmatch", Estimate.wald(Term.Effect.binary(Term.Measure.valueOf(estimand.name())), tau, se, level), n, diag, warnings,
                weights, balance, overlap);
    }

    private static boolean[] allTrue(int n) {
        boolean[] b = new boolean[n];
        java.util.Arrays.fill(b, true);
        return b;
    }

    private static double[] score(boolean[] treated, double[][] columns, List<String> names) {
        double[] t = new double[treated.length];
        for (int i = 0; i < t.length; i++) {
            t[i] = treated[i] ? 1 : 0;
        }
        return Glm.withDefaults().withFamily(Family.BINOMIAL).withLink(Link.LOGIT).fit(columns, names, t)
                .fittedValues();
    }

    /**
     * The kernel-matching estimate on a given score; fills the matching weights.
     *
     * @param y outcome
     * @param treated arms
     * @param p the score
     * @param weights receives the matching weight of every row
     * @param warnings receives warnings about dropped units
     * @return the estimate
     */
    double estimate(double[] y, boolean[] treated, double[] p, double[] weights, List<String> warnings) {
        int n = y.length;
        int[][] arms = Validation.arms(treated, allTrue(n));
        Validation.checkArms(arms[0].length, arms[1].length, 1, estimand, true);
        double total = 0;
        int kept = 0;
        int droppedT = 0;
        int droppedC = 0;
        double[] ones = new double[n];
        java.util.Arrays.fill(ones, 1.0);
        for (int side = 0; side < (estimand == Estimand.ATE ? 2 : 1); side++) {
            int[] focal = arms[side];
            SortedScores pool = new SortedScores(p, arms[1 - side]);
            KernelSums count = new KernelSums(pool, ones);
            KernelSums outcome = new KernelSums(pool, y);
            double[] inverseSum = new double[n];
            int keptHere = 0;
            for (int i : focal) {
                double sk = count.at(p[i]);
                if (!(sk > 1e-12 * count.peak())) {
                    continue;
                }
                double imputed = outcome.at(p[i]) / sk;
                inverseSum[i] = 1 / sk;
                weights[i] += 1;
                total += side == 0 ? y[i] - imputed : imputed - y[i];
                keptHere++;
            }
            kept += keptHere;
            if (side == 0) {
                droppedT = focal.length - keptHere;
            } else {
                droppedC = focal.length - keptHere;
            }
            // each pool unit's weight: sum over kept focal i of K((p_j - p_i)/h) / S_i
            KernelSums spread = new KernelSums(new SortedScores(p, focal), inverseSum);
            for (int r : arms[1 - side]) {
                weights[r] += spread.at(p[r]);
            }
        }
        if (kept == 0 || (estimand == Estimand.ATT && droppedT == arms[0].length)) {
            throw new InputException(String.format(Locale.ROOT, "no treated unit has a control within the kernel's reach "
                    + "(bandwidth %g): widen the bandwidth", bandwidth));
        }
        if (droppedT + droppedC > 0) {
            warnings.add(String.format(Locale.ROOT, "%d treated and %d control units had no unit of the other arm within "
                    + "the kernel's reach (bandwidth %g) and were dropped", droppedT, droppedC, bandwidth));
        }
        return total / kept;
    }

    /**
     * Kernel sums {@code sum_r c_r K((v_r - x)/h)} over a pool sorted by score with a coefficient
     * per row. For the Epanechnikov kernel, {@code K} is a quadratic in {@code v_r} on the window,
     * so the sum is read from prefix sums of {@code c}, {@code c v} and {@code c v^2} in
     * {@code O(log n)}; the Gaussian kernel is summed over its window.
     */
    private final class KernelSums {
        private final SortedScores pool;
        private final double[] coef;
        private final double[][] prefix;

        KernelSums(SortedScores pool, double[] coef) {
            this.pool = pool;
            this.coef = coef;
            if (kernel == Kernel.EPANECHNIKOV) {
                int m = pool.size();
                prefix = new double[3][m + 1];
                for (int q = 0; q < m; q++) {
                    double v = pool.values[q];
                    double c = coef[pool.rows[q]];
                    prefix[0][q + 1] = prefix[0][q] + c;
                    prefix[1][q + 1] = prefix[1][q] + c * v;
                    prefix[2][q + 1] = prefix[2][q] + c * v * v;
                }
            } else {
                prefix = null;
            }
        }

        /** @return the kernel's peak value, for a relative test of an empty window */
        double peak() {
            return kernel.at(0);
        }

        double at(double x) {
            double reach = kernel.reach() * bandwidth;
            int lo = pool.lowerBound(x - reach);
            int hi = pool.lowerBound(Math.nextUp(x + reach));
            if (hi <= lo) {
                return 0;
            }
            if (prefix != null) {
                double s0 = prefix[0][hi] - prefix[0][lo];
                double s1 = prefix[1][hi] - prefix[1][lo];
                double s2 = prefix[2][hi] - prefix[2][lo];
                // sum c 3/4 (1 - (v - x)^2 / h^2) = 3/4 [S0 - (S2 - 2x S1 + x^2 S0) / h^2]
                return 0.75 * (s0 - (s2 - 2 * x * s1 + x * x * s0) / (bandwidth * bandwidth));
            }
            double s = 0;
            for (int q = lo; q < hi; q++) {
                s += coef[pool.rows[q]] * kernel.at((pool.values[q] - x) / bandwidth);
            }
            return s;
        }
    }
}
