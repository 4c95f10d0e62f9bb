package org.synergia.effects.balance;

import java.util.Arrays;

/**
 * Weighted two-group balance statistics on primitive arrays, defined as R {@code cobalt} 4.x
 * defines them (Greifer, {@code bal.tab} documentation). A weight of zero leaves a row out.
 * <ul>
 * <li>weighted mean {@code m = sum w x / sum w};</li>
 * <li>weighted variance of a continuous variable
 *     {@code v = sum w (x - m)^2 * sum w / ((sum w)^2 - sum w^2)} (the unbiased form, equal to
 *     the usual {@code n - 1} variance for unit weights); of a binary variable {@code m (1 - m)};</li>
 * <li>empirical CDF statistics: with {@code F_t}, {@code F_c} the weighted eCDFs of the two
 *     groups evaluated at every distinct value of the pooled sample (rows of zero weight
 *     included, as MatchIt's {@code summary} does), the eCDF max (the
 *     Kolmogorov-Smirnov statistic) is {@code max |F_t - F_c|} and the eCDF mean is its mean
 *     over the distinct values;</li>
 * <li>effective sample size (Kish) {@code (sum w)^2 / sum w^2}.</li>
 * </ul>
 */
public final class BalanceStatistics {

    private BalanceStatistics() {
    }

    /**
     * @param x values
     * @param w weights (same length)
     * @param group which rows belong to the group
     * @param want the group wanted
     * @return the weighted mean of {@code x} over rows with {@code group[i] == want}
     */
    public static double mean(double[] x, double[] w, boolean[] group, boolean want) {
        return moments(x, w, group, true)[want ? 0 : 1];
    }

    /**
     * @param x values
     * @param w weights
     * @param group which rows belong to the group
     * @param want the group wanted
     * @param binary whether {@code x} takes only the values 0 and 1
     * @return the weighted variance, as defined in the class comment
     */
    public static double variance(double[] x, double[] w, boolean[] group, boolean want, boolean binary) {
        return moments(x, w, group, binary)[want ? 2 : 3];
    }

    /**
     * The weighted means and variances of both groups at once, in two passes over the rows.
     *
     * @param x values
     * @param w weights (same length)
     * @param group which rows belong to the group
     * @param binary whether {@code x} takes only the values 0 and 1
     * @return {@code {mean, mean of the other rows, variance, variance of the other rows}}, the
     *     first of each pair over rows with {@code group[i]}, as defined in the class comment
     */
    public static double[] moments(double[] x, double[] w, boolean[] group, boolean binary) {
        double[] s = sums(x, w, group);
        double mIn = s[1] / s[0];
        double mOut = s[5] / s[4];
        if (binary) {
            return new double[] {mIn, mOut, mIn * (1 - mIn), mOut * (1 - mOut)};
        }
        double denomIn = s[0] * s[0] - s[2];
        double denomOut = s[4] * s[4] - s[6];
        return new double[] {mIn, mOut, denomIn > 0 ? s[3] * s[0] / denomIn : 0, denomOut > 0 ? s[7] * s[4] / denomOut : 0};
    }

    /**
     * The weighted means and frequency-weight variances {@code sum w (x - m)^2 / (sum w - 1)} of both
     * groups, for binary and continuous variables alike: the form of Stata's {@code summarize} with
     * {@code fweight}s, which {@code tebalance summarize} applies to its (normalised) weights.
     *
     * @param x values
     * @param w weights (same length; a weight of zero leaves a row out)
     * @param group which rows belong to the group
     * @return {@code {mean, mean of the other rows, variance, variance of the other rows}}
     */
    public static double[] frequencyMoments(double[] x, double[] w, boolean[] group) {
        double[] s = sums(x, w, group);
        return new double[] {s[1] / s[0], s[5] / s[4], s[0] > 1 ? s[3] / (s[0] - 1) : 0, s[4] > 1 ? s[7] / (s[4] - 1) : 0};
    }

    /**
     * @return {@code {sum w, sum w x, sum w^2, sum w (x - m)^2}} over the group's rows, then the same over the others
     */
    private static double[] sums(double[] x, double[] w, boolean[] group) {
        double swIn = 0;
        double sIn = 0;
        double swOut = 0;
        double sOut = 0;
        for (int i = 0; i < x.length; i++) {
            double wi = w[i];
            if (wi == 0) {
                continue;
            }
            if (group[i]) {
                swIn += wi;
                sIn += wi * x[i];
            } else {
                swOut += wi;
                sOut += wi * x[i];
            }
        }
        double mIn = sIn / swIn;
        double mOut = sOut / swOut;
        double sw2In = 0;
        double ssIn = 0;
        double sw2Out = 0;
        double ssOut = 0;
        for (int i = 0; i < x.length; i++) {
            double wi = w[i];
            if (wi == 0) {
                continue;
            }
            double d = x[i] - (group[i] ? mIn : mOut);
            if (group[i]) {
                sw2In += wi * wi;
                ssIn += wi * d * d;
            } else {
                sw2Out += wi * wi;
                ssOut += wi * d * d;
            }
        }
        return new double[] {swIn, sIn, sw2In, ssIn, swOut, sOut, sw2Out, ssOut};
    }

    /**
     * @param w weights
     * @param group which rows belong to the group
     * @param want the group wanted
     * @return Kish's effective sample size {@code (sum w)^2 / sum w^2} of the group
     */
    public static double effectiveSampleSize(double[] w, boolean[] group, boolean want) {
        double sw = 0;
        double sw2 = 0;
        for (int i = 0; i < w.length; i++) {
            if (group[i] == want) {
                sw += w[i];
                sw2 += w[i] * w[i];
            }
        }
        return sw2 > 0 ? sw * sw / sw2 : 0;
    }

    /**
     * Weighted eCDF differences between the groups, evaluated at every distinct value of all
     * rows, for one or more weightings at once (one sort of the values).
     *
     * @param x values
     * @param treated group membership
     * @param weights one or more weight vectors
     * @return for each weighting in turn, {@code eCDF mean, eCDF max} of {@code |F_treated - F_control|}
     */
    public static double[] ecdfDifferences(double[] x, boolean[] treated, double[]... weights) {
        int n = x.length;
        int m = weights.length;
        double[] st = new double[m];
        double[] sc = new double[m];
        for (int a = 0; a < m; a++) {
            for (int i = 0; i < n; i++) {
                if (treated[i]) {
                    st[a] += weights[a][i];
                } else {
                    sc[a] += weights[a][i];
                }
            }
        }
        double[] levels = fewDistinct(x);
        int[] rows;
        if (levels != null) {
            rows = byLevel(x, levels);
        } else {
            int[] all = new int[n];
            for (int i = 0; i < n; i++) {
                all[i] = i;
            }
            rows = RowOrder.of(x, all).rows();
        }
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = x[rows[i]];
        }
        // the arms and weights in sorted order first: a loop of independent loads, so that the cache misses of
        // this random gather overlap, then the running sums read them in sequence
        boolean[] arm = new boolean[n];
        double[][] sorted = new double[m][n];
        for (int i = 0; i < n; i++) {
            int r = rows[i];
            arm[i] = treated[r];
            for (int a = 0; a < m; a++) {
                sorted[a][i] = weights[a][r];
            }
        }
        double[] ft = new double[m];
        double[] fc = new double[m];
        double[] out = new double[2 * m];
        int distinct = 0;
        int i = 0;
        while (i < n) {
            double value = v[i];
            while (i < n && v[i] == value) {
                double[] f = arm[i] ? ft : fc;
                for (int a = 0; a < m; a++) {
                    f[a] += sorted[a][i];
                }
                i++;
            }
            for (int a = 0; a < m; a++) {
                double d = Math.abs(ft[a] / st[a] - fc[a] / sc[a]);
                out[2 * a] += d;
                out[2 * a + 1] = Math.max(out[2 * a + 1], d);
            }
            distinct++;
        }
        for (int a = 0; a < m; a++) {
            out[2 * a] /= distinct;
        }
        return out;
    }

    /** Up to this many distinct values, the rows are ordered by counting instead of a radix sort. */
    private static final int FEW = 64;

    /** @return the distinct values of {@code x} ascending when there are at most {@link #FEW}, else null */
    private static double[] fewDistinct(double[] x) {
        double[] found = new double[FEW];
        int count = 0;
        for (double v : x) {
            int at = Arrays.binarySearch(found, 0, count, v);
            if (at < 0) {
                if (count == FEW || Double.isNaN(v)) {
                    return null;
                }
                int insert = -at - 1;
                System.arraycopy(found, insert, found, insert + 1, count - insert);
                found[insert] = v == 0 ? 0.0 : v;
                count++;
            }
        }
        return Arrays.copyOf(found, count);
    }

    /**
     * The rows in ascending order of a variable with few distinct values, ties in input order: a counting sort
     * by value, the order {@link RowOrder} gives, in two passes instead of a radix sort's.
     */
    private static int[] byLevel(double[] x, double[] levels) {
        int[] level = new int[x.length];
        int[] start = new int[levels.length + 1];
        for (int i = 0; i < x.length; i++) {
            level[i] = Arrays.binarySearch(levels, x[i] == 0 ? 0.0 : x[i]);
            start[level[i] + 1]++;
        }
        for (int j = 0; j < levels.length; j++) {
            start[j + 1] += start[j];
        }
        int[] rows = new int[x.length];
        for (int i = 0; i < x.length; i++) {
            rows[start[level[i]]++] = i;
        }
        return rows;
    }

    /**
     * @param x values
     * @return true when every value is 0 or 1
     */
    public static boolean isBinary(double[] x) {
        for (double v : x) {
            if (v != 0 && v != 1) {
                return false;
            }
        }
        return true;
    }

    /**
     * @param x values
     * @return whether they are not all equal (an intercept does not vary)
     */
    static boolean varies(double[] x) {
        for (double v : x) {
            if (v != x[0]) {
                return true;
            }
        }
        return false;
    }
}
