package org.synergia.measures.poverty;

/**
 * Streaming, mergeable sums for the Foster–Greer–Thorbecke poverty measures at a fixed line
 * {@code z} (Foster, Greer &amp; Thorbecke 1984, eq. 2): {@code FGT_a = sum_i w_i g_i^a / sum_i w_i}
 * with {@code g_i = max(0, (z - y_i)/z)} and {@code g^0 = 1[y_i < z]}. Feed rows with
 * {@link #add}, merge partial sums from other threads or partitions with {@link #combine}; the
 * result does not depend on the order or the split. Not thread-safe: use one per thread.
 */
public final class FgtAccumulator implements java.io.Serializable {

    private static final long serialVersionUID = 1L;

    private final double line;
    private double weight;
    private double poor;
    private double gap;
    private double gapSquared;

    /**
     * @param line the poverty line z, positive
     */
    public FgtAccumulator(double line) {
        if (!(line > 0) || Double.isInfinite(line)) {
            throw new org.synergia.data.InputException("poverty line " + line + " must be positive and finite");
        }
        this.line = line;
    }

    /**
     * Adds one row.
     *
     * @param income the row's income or consumption
     * @param w the row's weight
     * @return this accumulator
     */
    public FgtAccumulator add(double income, double w) {
        weight += w;
        if (income < line) {
            double g = (line - income) / line;
            poor += w;
            gap += w * g;
            gapSquared += w * g * g;
        }
        return this;
    }

    /**
     * Adds another accumulator's sums (same line) to this one.
     *
     * @param other partial sums over other rows
     * @return this accumulator
     */
    public FgtAccumulator combine(FgtAccumulator other) {
        if (other.line != line) {
            throw new IllegalArgumentException("cannot combine FGT sums at lines " + line + " and " + other.line);
        }
        weight += other.weight;
        poor += other.poor;
        gap += other.gap;
        gapSquared += other.gapSquared;
        return this;
    }

    /** @return the poverty line */
    public double line() {
        return line;
    }

    /** @return the sum of weights so far */
    public double weight() {
        return weight;
    }

    /**
     * @param alpha 0 (headcount), 1 (poverty gap) or 2 (squared gap, severity)
     * @return FGT_alpha over the rows added so far
     */
    public double fgt(int alpha) {
        if (weight == 0) {
            throw new IllegalStateException("no rows with positive weight were added");
        }
        return switch (alpha) {
            case 0 -> poor / weight;
            case 1 -> gap / weight;
            case 2 -> gapSquared / weight;
            default -> throw new IllegalArgumentException("FGT alpha must be 0, 1 or 2, got " + alpha);
        };
    }

    /**
     * The row's contribution {@code g_i^alpha} (the kernel shared by the accumulator and the
     * linearised variance).
     *
     * @param income the row's income
     * @param line the poverty line
     * @param alpha 0, 1 or 2
     * @return {@code g^alpha}, 0 for the non-poor
     */
    public static double contribution(double income, double line, int alpha) {
        if (income >= line) {
            return 0;
        }
        double g = (line - income) / line;
        return alpha == 0 ? 1 : alpha == 1 ? g : g * g;
    }
}
