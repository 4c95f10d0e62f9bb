package org.synergia.effects.matching;

import java.util.stream.IntStream;
import org.hipparchus.stat.descriptive.moment.Variance;

/**
 * Matching on the generalised propensity score for a treatment with several levels (Yang, Imbens, Cui, Faries &amp;
 * Kadziola 2016, Biometrics 72(4), "Propensity score matching and subclassification in observational studies with
 * multi-level treatments"): for each level {@code t}, every unit of another level is matched to its nearest units of
 * level {@code t} on the score {@code r(t, x)} (with replacement; ties kept ({@link Ties}), each match
 * weighing {@code 1/#J}), which imputes its potential outcome {@code Y_i(t)}; a unit of level {@code t} keeps its
 * own outcome. Every level's potential-outcome mean is then estimated on the whole sample, so any contrast of them
 * (each level against the control, the synergy {@code mu_C - mu_A - mu_B + mu_0}) refers to one population.
 *
 * <p>The variance of a contrast {@code theta = sum_t c_t mu_t} is Abadie and Imbens's (2006, Theorem 7) marginal
 * variance generalised from two levels to any weights: {@code (1/N) [mean_i (sum_t c_t Y_i(t) - theta)^2 +
 * mean_i c_{W_i}^2 ((K_i/M)^2 + (2M - 1)/M K_i/M) sigma_i^2]}, with {@code K_i} the (weighted) number of times unit
 * {@code i} is used as a match and {@code sigma_i^2} its conditional variance from matching within its own level
 * on its level's score ({@code J/(J+1)} times the squared difference from the mean of its {@code J} nearest). For a
 * pairwise contrast this is R {@code multilevelMatching}'s {@code Variance}; it treats the score as known.
 */
public final class GpsMatching {

    private final int n;
    private final int levels;
    private final int m;
    /** the imputed potential outcomes, {@code [t * n + i]} */
    private final double[] imputed;
    private final double[] mean;
    private final int[] arm;
    private final double[] uses;
    private final double[] sigma2;

    private GpsMatching(int n, int levels, int m, double[] imputed, double[] mean, int[] arm, double[] uses, double[] sigma2) {
        this.n = n;
        this.levels = levels;
        this.m = m;
        this.imputed = imputed;
        this.mean = mean;
        this.arm = arm;
        this.uses = uses;
        this.sigma2 = sigma2;
    }

    /**
     * @param y the outcome of every unit
     * @param arm the level code of every unit, {@code 0..L-1}
     * @param score {@code score[t][i]}, the estimated probability of level {@code t} for unit {@code i}
     * @param m the matches per unit ({@code >= 1})
     * @param j the matches within a unit's own level for its conditional variance ({@code >= 1})
     * @param ties when a farther unit ties with the M-th nearest (under R's rule, squared distances in units of the
     *     variance of the level's score over all units)
     * @return the imputations
     */
    public static GpsMatching fit(double[] y, int[] arm, double[][] score, int m, int j, Ties ties) {
        int n = y.length;
        int levels = score.length;
        double[] imputed = new double[levels * n];
        double[] mean = new double[levels];
        double[] uses = new double[n];
        double[] sigma2 = new double[n];
        for (int t = 0; t < levels; t++) {
            int level = t;
            int[] same = IntStream.range(0, n).filter(i -> arm[i] == level).toArray();
            int[] other = IntStream.range(0, n).filter(i -> arm[i] != level).toArray();
            Ties.Bound bound = ties.on(new Variance().evaluate(score[t]));
            SortedScores pool = new SortedScores(score[t], same);
            MatchSet matches = ScoreMatcher.nearest(pool, score[t], other, m, Double.POSITIVE_INFINITY, false, true, bound, false);
            for (int i : same) {
                imputed[t * n + i] = y[i];
            }
            for (int k = 0; k < matches.focalCount(); k++) {
                int[] matched = matches.matchesOf(k);
                double sum = 0;
                for (int r : matched) {
                    sum += y[r];
                    uses[r] += 1.0 / matched.length;
                }
                imputed[t * n + matches.focalRow(k)] = sum / matched.length;
            }
            MatchSet within = ScoreMatcher.nearest(pool, score[t], same, j, Double.POSITIVE_INFINITY, false, true, bound, true);
            for (int k = 0; k < within.focalCount(); k++) {
                int[] matched = within.matchesOf(k);
                double sum = 0;
                for (int r : matched) {
                    sum += y[r];
                }
                double d = y[within.focalRow(k)] - sum / matched.length;
                sigma2[within.focalRow(k)] = (double) j / (j + 1) * d * d;
            }
            double s = 0;
            for (int i = 0; i < n; i++) {
                s += imputed[t * n + i];
            }
            mean[t] = s / n;
        }
        return new GpsMatching(n, levels, m, imputed, mean, arm.clone(), uses, sigma2);
    }

    /** @return each level's potential-outcome mean over all units */
    public double[] means() {
        return mean.clone();
    }

    /**
     * @param c the contrast's weight on each level's mean
     * @return {@code sum_t c_t mu_t}
     */
    public double estimate(double[] c) {
        double theta = 0;
        for (int t = 0; t < levels; t++) {
            theta += c[t] * mean[t];
        }
        return theta;
    }

    /**
     * @param c the contrast's weight on each level's mean
     * @return its variance, as in the class comment
     */
    public double variance(double[] c) {
        double theta = estimate(c);
        double conditionalMean = 0;
        double conditionalVariance = 0;
        for (int i = 0; i < n; i++) {
            double v = 0;
            for (int t = 0; t < levels; t++) {
                v += c[t] * imputed[t * n + i];
            }
            conditionalMean += (v - theta) * (v - theta);
            double km = uses[i] / m;
            double own = c[arm[i]];
            conditionalVariance += own * own * (km * km + (2.0 * m - 1) / m * km) * sigma2[i];
        }
        return (conditionalMean / n + conditionalVariance / n) / n;
    }
}
