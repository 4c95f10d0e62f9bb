package org.synergia.measures.poverty;

import org.synergia.data.InputException;

/**
 * Streaming, mergeable weighted Gini coefficient over a fixed grid of income bins (for data too
 * large to sort, or split over threads and cluster partitions). Rows are added to the bin holding
 * their income; per bin it keeps the weight {@code W_b} and the weighted income {@code Y_b}. With
 * bins in income order and {@code C_<b} the weight of the bins below, the laeken Gini (Alfons
 * &amp; Templ 2013, eq. 7, as in {@link IncomeDistribution#gini()}) is exact across bins and
 * within a bin treats incomes as equal:
 * {@code G = sum_b Y_b (2 C_<b + W_b) / (W Y) - 1}. The approximation error is at most
 * {@code sum_b W_b^2 (hi_b - lo_b) / (W Y)} ({@link #errorBound()}), i.e. of the order of the bin
 * width times the largest bin's weight share. Sums are order-independent up to rounding, so
 * {@link #combine} of partial accumulators gives the same result whatever the split. The grid is
 * geometric between {@code low} and {@code high}; one extra bin takes {@code [0, low)} and one
 * {@code [high, ∞)} (its error bound is unbounded if used). Not thread-safe: use one per thread.
 */
public final class GiniAccumulator implements java.io.Serializable {

    private static final long serialVersionUID = 1L;

    private final double low;
    private final double high;
    private final int bins;
    private final double logLow;
    private final double binsPerLog;
    private final double[] weight;
    private final double[] income;

    /**
     * @param low lower edge of the geometric grid, positive
     * @param high upper edge, above {@code low}
     * @param bins number of geometric bins (at least 1)
     */
    public GiniAccumulator(double low, double high, int bins) {
        if (!(low > 0) || !(high > low) || Double.isInfinite(high) || bins < 1) {
            throw new InputException("Gini grid [" + low + ", " + high + "] with " + bins
                    + " bins: need 0 < low < high finite and at least one bin");
        }
        this.low = low;
        this.high = high;
        this.bins = bins;
        this.logLow = Math.log(low);
        this.binsPerLog = bins / (Math.log(high) - logLow);
        this.weight = new double[bins + 2];
        this.income = new double[bins + 2];
    }

    /**
     * @param income a non-negative income
     * @return the index of its bin: 0 below {@code low}, {@code bins + 1} at or above {@code high}
     */
    public int bin(double income) {
        if (income < low) {
            if (income < 0) {
                throw new InputException("Gini needs non-negative incomes, got " + income);
            }
            return 0;
        }
        if (income >= high) {
            return bins + 1;
        }
        int b = 1 + (int) ((Math.log(income) - logLow) * binsPerLog);
        return Math.min(b, bins);
    }

    /**
     * Adds one row.
     *
     * @param y the row's income, non-negative
     * @param w the row's weight
     * @return this accumulator
     */
    public GiniAccumulator add(double y, double w) {
        int b = bin(y);
        weight[b] += w;
        income[b] += w * y;
        return this;
    }

    /**
     * Adds another accumulator's bins (same grid) to this one.
     *
     * @param other partial sums over other rows
     * @return this accumulator
     */
    public GiniAccumulator combine(GiniAccumulator other) {
        if (other.low != low || other.high != high || other.bins != bins) {
            throw new IllegalArgumentException("cannot combine Gini sums over different grids");
        }
        for (int b = 0; b < weight.length; b++) {
            weight[b] += other.weight[b];
            income[b] += other.income[b];
        }
        return this;
    }

    /** @return the total weight so far */
    public double totalWeight() {
        double s = 0;
        for (double v : weight) {
            s += v;
        }
        return s;
    }

    /** @return the Gini coefficient of the rows added so far */
    public double gini() {
        double c = 0;
        double a = 0;
        double y = 0;
        for (int b = 0; b < weight.length; b++) {
            a += income[b] * (2 * c + weight[b]);
            c += weight[b];
            y += income[b];
        }
        if (!(c > 0) || !(y > 0)) {
            throw new IllegalStateException("Gini needs positive total weight and income");
        }
        return a / (c * y) - 1;
    }

    /**
     * @return the bound {@code sum_b W_b^2 (hi_b - lo_b) / (W Y)} on {@code |gini() - exact|};
     *     infinite if any weight fell at or above {@code high}
     */
    public double errorBound() {
        double w = 0;
        double y = 0;
        double s = 0;
        for (int b = 0; b < weight.length; b++) {
            w += weight[b];
            y += income[b];
            if (weight[b] > 0) {
                s += weight[b] * weight[b] * (upperEdge(b) - lowerEdge(b));
            }
        }
        return s / (w * y);
    }

    /**
     * @param b a bin index
     * @return its lower edge
     */
    public double lowerEdge(int b) {
        return b == 0 ? 0 : Math.exp(logLow + (b - 1) / binsPerLog);
    }

    /**
     * @param b a bin index
     * @return its upper edge (infinite for the top bin)
     */
    public double upperEdge(int b) {
        return b == bins + 1 ? Double.POSITIVE_INFINITY : b == 0 ? low : Math.exp(logLow + b / binsPerLog);
    }

    /** @return the number of bins including the two open-ended ones */
    public int binCount() {
        return weight.length;
    }

    /**
     * @param b a bin index
     * @return the weight in that bin
     */
    public double binWeight(int b) {
        return weight[b];
    }
}
