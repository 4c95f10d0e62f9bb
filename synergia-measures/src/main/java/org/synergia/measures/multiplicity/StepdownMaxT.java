package org.synergia.measures.multiplicity;

import java.util.SplittableRandom;
import org.synergia.data.InputException;

/**
 * Resampling-based step-down adjustment with the maximum statistic, controlling the familywise
 * error rate under arbitrary dependence: Westfall &amp; Young (1993, Algorithm 2.8, "maxT") with
 * permutation statistics, and Romano &amp; Wolf (2005, 2016, Algorithm 2.1) with centred bootstrap
 * statistics. Hypotheses are ordered by decreasing observed {@code |t|}; the adjusted p-value of
 * the s-th is the share of resamples whose maximum {@code |t*|} over the hypotheses not yet
 * rejected (s-th and below) reaches {@code |t_s|}, counted as {@code (1 + #)/(1 + B)}, then made
 * monotone. O(B m + m log m).
 */
public final class StepdownMaxT {

    /** One resample's statistics, one per hypothesis, drawn with the given generator. */
    @FunctionalInterface
    public interface Resampler {
        /**
         * @param rng the seeded generator to draw the resample with
         * @return the resample's null statistics (permutation t, or bootstrap t centred at the estimate)
         */
        double[] statistics(SplittableRandom rng);
    }

    private StepdownMaxT() {
    }

    /**
     * Westfall–Young maxT with permutation (or other null-generated) statistics.
     *
     * @param t observed test statistics, one per hypothesis
     * @param nullStatistics B rows of m statistics generated under the complete null
     * @return adjusted p-values, in the input order
     */
    public static double[] westfallYoung(double[] t, double[][] nullStatistics) {
        return adjust(t, nullStatistics);
    }

    /**
     * Romano–Wolf step-down with bootstrap estimates, centred at the sample estimates and scaled
     * by the sample SEs: {@code t*_bj = (theta*_bj - theta_j) / se_j}; observed {@code t_j = theta_j / se_j}.
     *
     * @param estimates the sample estimates
     * @param se their standard errors
     * @param bootstrapEstimates B rows of m bootstrap estimates
     * @return adjusted p-values, in the input order
     */
    public static double[] romanoWolf(double[] estimates, double[] se, double[][] bootstrapEstimates) {
        int m = estimates.length;
        if (se.length != m) {
            throw new InputException("got " + m + " estimates but " + se.length + " standard errors");
        }
        double[] t = new double[m];
        for (int j = 0; j < m; j++) {
            if (!(se[j] > 0)) {
                throw new InputException("standard error of hypothesis " + (j + 1) + " is " + se[j] + ": it must be positive");
            }
            t[j] = estimates[j] / se[j];
        }
        double[][] centred = new double[bootstrapEstimates.length][];
        for (int b = 0; b < centred.length; b++) {
            double[] row = checkRow(bootstrapEstimates[b], m, b);
            centred[b] = new double[m];
            for (int j = 0; j < m; j++) {
                centred[b][j] = (row[j] - estimates[j]) / se[j];
            }
        }
        return adjust(t, centred);
    }

    /**
     * The step-down adjustment with statistics drawn by a callback, seeded.
     *
     * @param t observed statistics
     * @param resampler draws one resample's null statistics
     * @param replications the number of resamples B
     * @param seed the seed; resample b uses an independent generator split from it, in order
     * @return adjusted p-values, in the input order
     */
    public static double[] adjust(double[] t, Resampler resampler, int replications, long seed) {
        if (replications < 1) {
            throw new InputException("the number of resamples must be positive, got " + replications);
        }
        SplittableRandom root = new SplittableRandom(seed);
        double[][] stats = new double[replications][];
        for (int b = 0; b < replications; b++) {
            stats[b] = resampler.statistics(root.split());
        }
        return adjust(t, stats);
    }

    /**
     * The maxT step-down kernel.
     *
     * @param t observed statistics
     * @param nullStatistics B rows of m null statistics
     * @return adjusted p-values, in the input order
     */
    public static double[] adjust(double[] t, double[][] nullStatistics) {
        int m = t.length;
        int replications = nullStatistics.length;
        if (m == 0 || replications == 0) {
            throw new InputException("step-down adjustment needs at least one hypothesis and one resample");
        }
        double[] abs = new double[m];
        for (int j = 0; j < m; j++) {
            if (!Double.isFinite(t[j])) {
                throw new InputException("test statistic " + (j + 1) + " is " + t[j]);
            }
            abs[j] = -Math.abs(t[j]);
        }
        int[] order = PValueAdjustment.ascendingOrder(abs); // decreasing |t|
        int[] exceed = new int[m];
        for (int b = 0; b < replications; b++) {
            double[] row = checkRow(nullStatistics[b], m, b);
            double max = Double.NEGATIVE_INFINITY;
            for (int s = m - 1; s >= 0; s--) {
                max = Math.max(max, Math.abs(row[order[s]]));
                if (max >= Math.abs(t[order[s]])) {
                    exceed[s]++;
                }
            }
        }
        double[] out = new double[m];
        double running = 0;
        for (int s = 0; s < m; s++) {
            running = Math.max(running, (1.0 + exceed[s]) / (1.0 + replications));
            out[order[s]] = running;
        }
        return out;
    }

    private static double[] checkRow(double[] row, int m, int b) {
        if (row.length != m) {
            throw new InputException("resample " + (b + 1) + " has " + row.length + " statistics, expected " + m);
        }
        for (double v : row) {
            if (!Double.isFinite(v)) {
                throw new InputException("resample " + (b + 1) + " has a missing or non-finite statistic: drop it");
            }
        }
        return row;
    }
}
