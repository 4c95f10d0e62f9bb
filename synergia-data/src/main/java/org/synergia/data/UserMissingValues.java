package org.synergia.data;

import java.util.Arrays;

/**
 * SPSS user-missing values of a numeric variable: up to three discrete values, or a range
 * {@code [low, high]} with at most one more discrete value. Values matching them are kept as they
 * were stored but count as missing. Immutable.
 */
public final class UserMissingValues {

    /** No user-missing values. */
    public static final UserMissingValues NONE = new UserMissingValues(new double[0], Double.NaN, Double.NaN);

    private final double[] discrete;
    private final double low;
    private final double high;

    private UserMissingValues(double[] discrete, double low, double high) {
        this.discrete = discrete;
        this.low = low;
        this.high = high;
    }

    /**
     * @param values one to three discrete missing values
     * @return the specification
     */
    public static UserMissingValues discrete(double... values) {
        if (values.length == 0 || values.length > 3) {
            throw new IllegalArgumentException("SPSS allows one to three discrete missing values, got " + values.length);
        }
        return new UserMissingValues(values.clone(), Double.NaN, Double.NaN);
    }

    /**
     * @param low the lower end (may be {@code -Infinity}, SPSS's LOWEST)
     * @param high the upper end (may be {@code +Infinity}, SPSS's HIGHEST)
     * @param extra at most one more discrete missing value
     * @return the specification
     */
    public static UserMissingValues range(double low, double high, double... extra) {
        if (!(low <= high) || extra.length > 1) {
            throw new IllegalArgumentException("a missing range needs low <= high and at most one extra value");
        }
        return new UserMissingValues(extra.clone(), low, high);
    }

    /** @return true when there is no user-missing value */
    public boolean isEmpty() {
        return discrete.length == 0 && !hasRange();
    }

    /** @return true when a range is declared */
    public boolean hasRange() {
        return low == low;
    }

    /** @return the range's lower end, NaN without a range */
    public double low() {
        return low;
    }

    /** @return the range's upper end, NaN without a range */
    public double high() {
        return high;
    }

    /** @return the discrete missing values (a copy) */
    public double[] discreteValues() {
        return discrete.clone();
    }

    /**
     * @param value a stored value
     * @return true when it is declared missing
     */
    public boolean matches(double value) {
        for (double d : discrete) {
            if (value == d) {
                return true;
            }
        }
        return value >= low && value <= high;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof UserMissingValues u && Arrays.equals(discrete, u.discrete)
                && Double.compare(low, u.low) == 0 && Double.compare(high, u.high) == 0;
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(discrete) * 31 + Double.hashCode(low);
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder();
        if (hasRange()) {
            s.append(low == Double.NEGATIVE_INFINITY ? "LOWEST" : NumericColumn.formatNumber(low)).append(" THRU ")
                    .append(high == Double.POSITIVE_INFINITY ? "HIGHEST" : NumericColumn.formatNumber(high));
        }
        for (double d : discrete) {
            s.append(s.length() == 0 ? "" : ", ").append(NumericColumn.formatNumber(d));
        }
        return s.toString();
    }
}
