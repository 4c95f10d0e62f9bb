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
        return moments(unitAndWeightedSums(x, w, group)[1], binary);
    }

    /**
     * {@link #moments} under unit weights and under {@code w}, in two passes over the rows instead of four.
     *
     * @param x values
     * @param w weights
     * @param group which rows belong to the group
     * @param binary whether {@code x} takes only the values 0 and 1
     * @return the moments under unit weights, then under {@code w}
     */
    public static double[][] unitAndWeightedMoments(double[] x, double[] w, boolean[] group, boolean binary) {
        double[][] s = unitAndWeightedSums(x, w, group);
        return new double[][] {moments(s[0], binary), moments(s[1], binary)};
    }

    private static double[] moments(double[] s, boolean binary) {
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
        return frequencyMoments(unitAndWeightedSums(x, w, group)[1]);
    }

    /**
     * {@link #frequencyMoments} under unit weights and under {@code w}, in two passes over the rows instead of four.
     *
     * @param x values
     * @param w weights
     * @param group which rows belong to the group
     * @return the moments under unit weights, then under {@code w}
     */
    public static double[][] unitAndWeightedFrequencyMoments(double[] x, double[] w, boolean[] group) {
        double[][] s = unitAndWeightedSums(x, w, group);
        return new double[][] {frequencyMoments(s[0]), frequencyMoments(s[1])};
    }

    private static double[] frequencyMoments(double[] s) {
        return new double[] {s[1] / s[0], s[5] / s[4], s[0] > 1 ? s[3] / (s[0] - 1) : 0, s[4] > 1 ? s[7] / (s[4] - 1) : 0};
    }

    /**
     * The sums of both groups under unit weights and under {@code w}, in two branch-free passes over the rows (sums over
     * all rows and over the group's, with a 0/1 factor; the others' by difference).
     *
     * @return under unit weights, then under {@code w}: {@code {sum w, sum w x, sum w^2, sum w (x - m)^2}} over the
     *     group's rows, then the same over the others
     */
    private static double[][] unitAndWeightedSums(double[] x, double[] w, boolean[] group) {
        double sAll = 0;
        double nIn = 0;
        double sIn = 0;
        double swAll = 0;
        double swxAll = 0;
        double sw2All = 0;
        double swIn = 0;
        double swxIn = 0;
        double sw2In = 0;
        for (int i = 0; i < x.length; i++) {
            double xi = x[i];
            double wi = w[i];
            double wx = wi * xi;
            double w2 = wi * wi;
            double g = group[i] ? 1 : 0;
            sAll += xi;
            nIn += g;
            sIn += g * xi;
            swAll += wi;
            swxAll += wx;
            sw2All += w2;
            swIn += g * wi;
            swxIn += g * wx;
            sw2In += g * w2;
        }
        double nOut = x.length - nIn;
        double mIn = sIn / nIn;
        double mOut = (sAll - sIn) / nOut;
        double aIn = swxIn / swIn;
        double aOut = (swxAll - swxIn) / (swAll - swIn);
        double ssAll = 0;
        double ssIn = 0;
        double wssAll = 0;
        double wssIn = 0;
        for (int i = 0; i < x.length; i++) {
            boolean in = group[i];
            double d = x[i] - (in ? mIn : mOut);
            double e = x[i] - (in ? aIn : aOut);
            double d2 = d * d;
            double we2 = w[i] * e * e;
            ssAll += d2;
            ssIn += in ? d2 : 0;
            wssAll += we2;
            wssIn += in ? we2 : 0;
        }
        return new double[][] {
            {nIn, sIn, nIn, ssIn, nOut, sAll - sIn, nOut, ssAll - ssIn},
            {swIn, swxIn, sw2In, wssIn, swAll - swIn, swxAll - swxIn, sw2All - sw2In, wssAll - wssIn}};
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
     * Each row's step of {@code F_treated - F_control} under the raw and the adjusted weights: its weight over its
     * group's total, negative for the control. They depend on the groups and weights only: computed once for all
     * covariates.
     *
     * @param treated group membership
     * @param raw the steps under the raw weights, by row, or null for unit raw weights
     * @param unitTreated with unit raw weights, a treated row's raw step
     * @param unitControl with unit raw weights, a control row's raw step
     * @param adjusted the steps under the adjusted weights, by row
     */
    public record EcdfSteps(boolean[] treated, double[] raw, double unitTreated, double unitControl, double[] adjusted) {

        /**
         * @param treated group membership
         * @param raw the raw weights, or null for unit weights (no sampling weights)
         * @param adjusted the adjusted weights
         * @return the steps
         */
        public static EcdfSteps of(boolean[] treated, double[] raw, double[] adjusted) {
            int nTreated = 0;
            for (boolean t : treated) {
                nTreated += t ? 1 : 0;
            }
            return new EcdfSteps(treated, raw == null ? null : steps(treated, raw), 1.0 / nTreated,
                    -1.0 / (treated.length - nTreated), steps(treated, adjusted));
        }

        private static double[] steps(boolean[] treated, double[] w) {
            double all = 0;
            double in = 0;
            for (int i = 0; i < w.length; i++) {
                all += w[i];
                in += treated[i] ? w[i] : 0;
            }
            double inTreated = 1 / in;
            double inControl = -1 / (all - in);
            double[] step = new double[w.length];
            for (int i = 0; i < w.length; i++) {
                step[i] = w[i] * (treated[i] ? inTreated : inControl);
            }
            return step;
        }
    }

    /**
     * Weighted eCDF differences between the groups, evaluated at every distinct value of all rows, under the raw
     * and the adjusted weights at once (one sort of the values, {@link RowOrder#ofAll}).
     *
     * @param x values
     * @param steps the rows' steps (their groups and weights)
     * @return {@code {eCDF mean, eCDF max}} of {@code |F_treated - F_control|} under the raw weights, then under the
     *     adjusted ones
     */
    public static double[] ecdfDifferences(double[] x, EcdfSteps steps) {
        int n = x.length;
        RowOrder order = RowOrder.ofAll(x);
        int[] rows = order.rows();
        // the steps in sorted order first (a loop of independent loads, so that the cache misses of this random
        // gather overlap), whose running sums the sweep then reads in sequence
        double[] raw = new double[n];
        double[] adjusted = new double[n];
        double[] adjustedStep = steps.adjusted();
        if (steps.raw() == null) {
            boolean[] treated = steps.treated();
            for (int i = 0; i < n; i++) {
                int r = rows[i];
                raw[i] = treated[r] ? steps.unitTreated() : steps.unitControl();
                adjusted[i] = adjustedStep[r];
            }
        } else {
            double[] rawStep = steps.raw();
            for (int i = 0; i < n; i++) {
                int r = rows[i];
                raw[i] = rawStep[r];
                adjusted[i] = adjustedStep[r];
            }
        }
        double dRaw = 0;
        double dAdjusted = 0;
        double sumRaw = 0;
        double maxRaw = 0;
        double sumAdjusted = 0;
        double maxAdjusted = 0;
        int distinct = 0;
        for (int i = 0; i < n; i++) {
            dRaw += raw[i];
            dAdjusted += adjusted[i];
            if (order.lastOfItsValue(i)) {
                double a = Math.abs(dRaw);
                double b = Math.abs(dAdjusted);
                sumRaw += a;
                maxRaw = Math.max(maxRaw, a);
                sumAdjusted += b;
                maxAdjusted = Math.max(maxAdjusted, b);
                distinct++;
            }
        }
        return new double[] {sumRaw / distinct, maxRaw, sumAdjusted / distinct, maxAdjusted};
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
