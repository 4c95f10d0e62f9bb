package org.synergia.measures.poverty;

import java.util.Comparator;
import java.util.stream.IntStream;
import org.synergia.data.InputException;

/**
 * A weighted income (or consumption) distribution, sorted once (O(n log n)), with the
 * inequality measures of the EU-SILC conventions (Eurostat 2004; Alfons &amp; Templ 2013, R
 * {@code laeken}): weighted quantiles, Gini, at-risk-of-poverty rate, quantile shares, Theil.
 * Immutable.
 */
public final class IncomeDistribution {

    private final double[] y;
    private final double[] w;
    private final int[] order;
    private final double[] cumulativeWeight;
    private final double totalWeight;
    private final double totalIncome;

    private IncomeDistribution(double[] y, double[] w, int[] order) {
        this.y = y;
        this.w = w;
        this.order = order;
        cumulativeWeight = new double[y.length];
        double cw = 0;
        double ci = 0;
        for (int i = 0; i < y.length; i++) {
            cw += w[i];
            ci += w[i] * y[i];
            cumulativeWeight[i] = cw;
        }
        totalWeight = cw;
        totalIncome = ci;
    }

    /**
     * @param income each row's income, finite
     * @param weights each row's weight, positive (null for equal weights)
     * @return the distribution
     */
    public static IncomeDistribution of(double[] income, double[] weights) {
        int n = income.length;
        if (n == 0) {
            throw new InputException("an income distribution needs at least one row");
        }
        if (weights != null && weights.length != n) {
            throw new InputException("weights have " + weights.length + " values but income has " + n);
        }
        for (int i = 0; i < n; i++) {
            if (!Double.isFinite(income[i])) {
                throw new InputException("income is missing or non-finite at row " + (i + 1)
                        + ": drop or impute such rows first");
            }
            if (weights != null && !(weights[i] > 0 && Double.isFinite(weights[i]))) {
                throw new InputException("weight at row " + (i + 1) + " is " + weights[i] + ": weights must be positive");
            }
        }
        int[] order = IntStream.range(0, n).boxed().sorted(Comparator.comparingDouble(i -> income[i]))
                .mapToInt(Integer::intValue).toArray();
        double[] ys = new double[n];
        double[] ws = new double[n];
        for (int k = 0; k < n; k++) {
            ys[k] = income[order[k]];
            ws[k] = weights == null ? 1 : weights[order[k]];
        }
        return new IncomeDistribution(ys, ws, order);
    }

    /** @return the number of rows */
    public int size() {
        return y.length;
    }

    /** @return the sum of weights */
    public double totalWeight() {
        return totalWeight;
    }

    /** @return the weighted mean income */
    public double mean() {
        return totalIncome / totalWeight;
    }

    /**
     * The weighted quantile as EU-SILC and R {@code laeken}'s {@code weightedQuantile} define it:
     * the smallest sorted value whose cumulative weight share reaches {@code p}, averaged with
     * the next value when the share equals {@code p} exactly.
     *
     * @param p the probability, in [0, 1]
     * @return the quantile
     */
    public double quantile(double p) {
        if (!(p >= 0 && p <= 1)) {
            throw new IllegalArgumentException("quantile probability must be in [0, 1], got " + p);
        }
        int n = y.length;
        if (p == 0) {
            return y[0];
        }
        if (p == 1) {
            return y[n - 1];
        }
        int lo = 0;
        int hi = n - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (cumulativeWeight[mid] / totalWeight >= p) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return cumulativeWeight[lo] / totalWeight == p && lo + 1 < n ? (y[lo] + y[lo + 1]) / 2 : y[lo];
    }

    /** @return the weighted median ({@link #quantile} at 0.5) */
    public double median() {
        return quantile(0.5);
    }

    /**
     * The weighted Gini coefficient in [0, 1] (EU-SILC / laeken definition, Alfons &amp; Templ 2013,
     * eq. 7): {@code G = (2 sum_i w_i y_i C_i - sum_i w_i^2 y_i) / (W sum_i w_i y_i) - 1}, with
     * {@code C_i} the cumulative weight in income order.
     *
     * @return the Gini coefficient
     */
    public double gini() {
        double a = 0;
        for (int i = 0; i < y.length; i++) {
            a += w[i] * y[i] * (2 * cumulativeWeight[i] - w[i]);
        }
        return a / (totalWeight * totalIncome) - 1;
    }

    /**
     * The Gini's linearised values (its derivative with respect to each row's weight; Deville
     * 1999, Osier 2009, §4): {@code z_k = [2 y_k C_k + 2 (Y - Y_k)]/(W Y) - (G + 1)(1/W + y_k/Y)},
     * where {@code C_k} and {@code Y_k} are the cumulative weight and income up to the end of
     * {@code y_k}'s block of ties. Pass them to {@code SurveyDesign.variance} for the
     * design-based variance.
     *
     * @return the linearised value of each row, in the original row order
     */
    public double[] giniLinearised() {
        int n = y.length;
        double g = gini();
        double[] z = new double[n];
        int start = 0;
        double cumIncome = 0;
        while (start < n) {
            int end = start;
            double blockIncome = w[start] * y[start];
            while (end + 1 < n && y[end + 1] == y[start]) {
                end++;
                blockIncome += w[end] * y[end];
            }
            cumIncome += blockIncome;
            double ck = cumulativeWeight[end];
            for (int k = start; k <= end; k++) {
                z[order[k]] = (2 * y[k] * ck + 2 * (totalIncome - cumIncome)) / (totalWeight * totalIncome)
                        - (g + 1) * (1 / totalWeight + y[k] / totalIncome);
            }
            start = end + 1;
        }
        return z;
    }

    /**
     * The at-risk-of-poverty rate (Eurostat; laeken {@code arpr}): the weighted share of rows with
     * income strictly below {@code fraction} times the weighted median.
     *
     * @param fraction the threshold as a fraction of the median, e.g. 0.6
     * @return the rate, in [0, 1]
     */
    public double atRiskOfPovertyRate(double fraction) {
        return shareBelow(fraction * median());
    }

    /**
     * @param threshold an income level
     * @return the weighted share of rows with income strictly below it
     */
    public double shareBelow(double threshold) {
        int k = firstAtOrAbove(threshold);
        return k == 0 ? 0 : cumulativeWeight[k - 1] / totalWeight;
    }

    /**
     * Income shares of {@code groups} quantile groups (e.g. 5 for quintiles, 10 for deciles): a
     * row belongs to group {@code j} when {@code q_(j-1) < y <= q_j}, with the weighted quantiles
     * {@code q_j = quantile(j/groups)} (laeken's convention for the S80/S20 ratio).
     *
     * @param groups the number of groups, at least 2
     * @return each group's share of total income, summing to 1
     */
    public double[] quantileShares(int groups) {
        int[] group = quantileGroupsSorted(groups);
        double[] share = new double[groups];
        for (int k = 0; k < y.length; k++) {
            share[group[k]] += w[k] * y[k] / totalIncome;
        }
        return share;
    }

    /**
     * The quantile group (0-based) of each row in the original row order, as in
     * {@link #quantileShares}.
     *
     * @param groups the number of groups
     * @return each row's group
     */
    public int[] quantileGroups(int groups) {
        int[] sorted = quantileGroupsSorted(groups);
        int[] out = new int[y.length];
        for (int k = 0; k < y.length; k++) {
            out[order[k]] = sorted[k];
        }
        return out;
    }

    /**
     * The income quintile share ratio S80/S20 (Eurostat; laeken {@code qsr}): total income of the
     * top quintile over total income of the bottom quintile.
     *
     * @return the ratio
     */
    public double s80s20() {
        double[] s = quantileShares(5);
        return s[4] / s[0];
    }

    /** @return the weighted Theil index (see {@link TheilAccumulator}) */
    public double theil() {
        TheilAccumulator acc = new TheilAccumulator();
        for (int k = 0; k < y.length; k++) {
            acc.add(y[k], w[k]);
        }
        return acc.theil();
    }

    private int[] quantileGroupsSorted(int groups) {
        if (groups < 2) {
            throw new IllegalArgumentException("quantile groups must be at least 2, got " + groups);
        }
        double[] q = new double[groups - 1];
        for (int j = 1; j < groups; j++) {
            q[j - 1] = quantile((double) j / groups);
        }
        int[] group = new int[y.length];
        int j = 0;
        for (int k = 0; k < y.length; k++) {
            while (j < q.length && y[k] > q[j]) {
                j++;
            }
            group[k] = j;
        }
        return group;
    }

    private int firstAtOrAbove(double threshold) {
        int lo = 0;
        int hi = y.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (y[mid] < threshold) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
