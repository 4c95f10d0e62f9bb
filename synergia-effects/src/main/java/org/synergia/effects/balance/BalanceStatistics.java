package org.synergia.effects.balance;

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
        double sw = 0;
        double s = 0;
        for (int i = 0; i < x.length; i++) {
            if (group[i] == want && w[i] != 0) {
                sw += w[i];
                s += w[i] * x[i];
            }
        }
        return s / sw;
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
        double m = mean(x, w, group, want);
        if (binary) {
            return m * (1 - m);
        }
        double sw = 0;
        double sw2 = 0;
        double ss = 0;
        for (int i = 0; i < x.length; i++) {
            if (group[i] == want && w[i] != 0) {
                double d = x[i] - m;
                sw += w[i];
                sw2 += w[i] * w[i];
                ss += w[i] * d * d;
            }
        }
        double denom = sw * sw - sw2;
        return denom > 0 ? ss * sw / denom : 0;
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
        int[] all = new int[n];
        for (int i = 0; i < n; i++) {
            all[i] = i;
        }
        RowOrder order = RowOrder.of(x, all);
        double[] v = order.values();
        int[] rows = order.rows();
        double[] ft = new double[m];
        double[] fc = new double[m];
        double[] out = new double[2 * m];
        int distinct = 0;
        int i = 0;
        while (i < n) {
            double value = v[i];
            while (i < n && v[i] == value) {
                int r = rows[i];
                for (int a = 0; a < m; a++) {
                    if (treated[r]) {
                        ft[a] += weights[a][r];
                    } else {
                        fc[a] += weights[a][r];
                    }
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
}
