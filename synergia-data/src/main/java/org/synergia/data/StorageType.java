package org.synergia.data;

/**
 * How a column is stored in its file, named as Stata names its storage types. Numeric columns
 * are held in memory as {@code double} whatever their storage; the storage type says which
 * values a file format can hold and is kept so that writers can go back to it.
 */
public enum StorageType {
    /** 8-bit integer; Stata's non-missing range is -127..100. */
    BYTE(-127, 100),
    /** 16-bit integer; Stata's non-missing range is -32,767..32,740. */
    INT(-32_767, 32_740),
    /** 32-bit integer; Stata's non-missing range is -2,147,483,647..2,147,483,620. */
    LONG(-2_147_483_647L, 2_147_483_620L),
    /** 32-bit IEEE floating point. */
    FLOAT(0, 0),
    /** 64-bit IEEE floating point. */
    DOUBLE(0, 0),
    /** Fixed-width string ({@code str#}). */
    STR(0, 0),
    /** Long string of any length ({@code strL}). */
    STRL(0, 0);

    private final long min;
    private final long max;

    StorageType(long min, long max) {
        this.min = min;
        this.max = max;
    }

    /** @return true for {@link #BYTE}, {@link #INT} and {@link #LONG} */
    public boolean isInteger() {
        return this == BYTE || this == INT || this == LONG;
    }

    /** @return true for the numeric storage types */
    public boolean isNumeric() {
        return this != STR && this != STRL;
    }

    /**
     * @param value a value
     * @return true when this integer type holds {@code value} exactly as a non-missing value
     */
    public boolean holds(double value) {
        return isInteger() && value >= min && value <= max && value == Math.rint(value);
    }

    /**
     * @param value a value
     * @return true when {@code value} is a whole number within this integer type's bits
     *     (Stata keeps the top of each range for missing codes; see {@link #holds(double)})
     */
    public boolean fits(double value) {
        if (value != Math.rint(value)) {
            return false;
        }
        return switch (this) {
            case BYTE -> value >= Byte.MIN_VALUE && value <= Byte.MAX_VALUE;
            case INT -> value >= Short.MIN_VALUE && value <= Short.MAX_VALUE;
            case LONG -> value >= Integer.MIN_VALUE && value <= Integer.MAX_VALUE;
            default -> false;
        };
    }

    /**
     * The narrowest integer storage that holds every value in {@code [min, max]}, or
     * {@link #DOUBLE} when no integer type does.
     *
     * @param min the smallest value
     * @param max the largest value
     * @return {@link #BYTE}, {@link #INT}, {@link #LONG} or {@link #DOUBLE}
     */
    public static StorageType narrowestInteger(double min, double max) {
        for (StorageType t : new StorageType[] {BYTE, INT, LONG}) {
            if (min >= t.min && max <= t.max) {
                return t;
            }
        }
        return DOUBLE;
    }

    /**
     * @param width the declared width of a {@link #STR} column (ignored otherwise)
     * @return the name Stata shows: {@code byte}, {@code double}, {@code str12}, {@code strL}
     */
    public String displayName(int width) {
        return switch (this) {
            case STR -> "str" + width;
            case STRL -> "strL";
            default -> name().toLowerCase(java.util.Locale.ROOT);
        };
    }
}
