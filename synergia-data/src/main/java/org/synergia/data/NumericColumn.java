package org.synergia.data;

/**
 * A numeric variable, held as {@code double} whatever its {@link StorageType storage}. Missing
 * values are NaN in storage and carry their kind: Stata's system missing {@code .} or extended
 * missing {@code .a}..{@code .z} (see {@link #missingCode(int)}); SPSS user-missing values keep
 * their stored value and are recognised through {@link #userMissing()}. A column with value labels
 * is {@link VariableType#CATEGORICAL} (labels of missing codes alone do not make it one). Immutable.
 */
public final class NumericColumn implements Column {

    private final String name;
    private final String label;
    private final String format;
    private final StorageType storage;
    private final double[] values;
    private final byte[] missingCodes;
    private final ValueLabels valueLabels;
    private final UserMissingValues userMissing;
    private final int missingCount;

    private NumericColumn(Builder b, int missingCount) {
        this.name = b.name;
        this.label = b.label;
        this.format = b.format.isEmpty() ? defaultFormat(b.storage) : b.format;
        this.storage = b.storage;
        this.values = b.values;
        this.missingCodes = b.missingCodes;
        this.valueLabels = b.valueLabels;
        this.userMissing = b.userMissing;
        this.missingCount = missingCount;
    }

    /**
     * A builder that adopts {@code values} without copying it: the caller must not change the
     * array afterwards. NaN marks a missing value (the system missing value unless
     * {@link Builder#missingCodes(byte[])} says otherwise).
     *
     * @param name the variable's name
     * @param values one value per row
     * @return a builder, with {@link StorageType#DOUBLE} storage until told otherwise
     */
    public static Builder builder(String name, double[] values) {
        return new Builder(name, values);
    }

    /**
     * @param name the variable's name
     * @param values one value per row (copied), NaN for missing
     * @return a double column
     */
    public static NumericColumn of(String name, double... values) {
        return builder(name, values.clone()).build();
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String label() {
        return label;
    }

    @Override
    public String format() {
        return format;
    }

    @Override
    public StorageType storage() {
        return storage;
    }

    @Override
    public String storageName() {
        return storage.displayName(0);
    }

    @Override
    public VariableType type() {
        if (valueLabels.size() > 0) {
            return VariableType.CATEGORICAL;
        }
        return storage.isInteger() ? VariableType.INTEGER : VariableType.DOUBLE;
    }

    @Override
    public int size() {
        return values.length;
    }

    @Override
    public boolean isMissing(int row) {
        double v = values[row];
        return v != v || (userMissing != UserMissingValues.NONE && userMissing.matches(v));
    }

    @Override
    public int missingCount() {
        return missingCount;
    }

    /**
     * @param row a row index
     * @return the value, NaN when missing (of any kind, user-missing included)
     */
    public double value(int row) {
        double v = values[row];
        return userMissing != UserMissingValues.NONE && userMissing.matches(v) ? Double.NaN : v;
    }

    /**
     * @param row a row index
     * @return the value as stored: NaN for system and extended missing, the stored code for SPSS
     *     user-missing values
     */
    public double rawValue(int row) {
        return values[row];
    }

    /**
     * @param row a row index
     * @return {@link MissingCodes#NOT_MISSING} when the stored value is present (user-missing
     *     values included), {@link MissingCodes#SYSTEM} for {@code .}, 1..26 for {@code .a}..{@code .z}
     */
    public int missingCode(int row) {
        double v = values[row];
        if (v == v) {
            return MissingCodes.NOT_MISSING;
        }
        return missingCodes == null ? MissingCodes.SYSTEM : missingCodes[row];
    }

    /**
     * @param row a row index
     * @return true when the stored value is present but declared missing by SPSS user-missing values
     */
    public boolean isUserMissing(int row) {
        double v = values[row];
        return v == v && userMissing.matches(v);
    }

    /** @return true when some value is one of Stata's extended missing values {@code .a}..{@code .z} */
    public boolean hasExtendedMissing() {
        if (missingCodes != null) {
            for (byte c : missingCodes) {
                if (c > 0) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * The values in a new array, NaN for every missing value (system, extended and user-missing),
     * for numerical code to read quickly.
     *
     * @return a fresh array of {@link #size()} values
     */
    public double[] toDoubleArray() {
        double[] out = values.clone();
        if (userMissing != UserMissingValues.NONE) {
            for (int i = 0; i < out.length; i++) {
                if (userMissing.matches(out[i])) {
                    out[i] = Double.NaN;
                }
            }
        }
        return out;
    }

    /** @return the value labels, {@link ValueLabels#NONE} when there are none */
    public ValueLabels valueLabels() {
        return valueLabels;
    }

    /** @return the SPSS user-missing values, {@link UserMissingValues#NONE} when there are none */
    public UserMissingValues userMissing() {
        return userMissing;
    }

    @Override
    public String text(int row) {
        double v = values[row];
        if (v != v) {
            int code = missingCode(row);
            return code == MissingCodes.SYSTEM ? "" : MissingCodes.name(code);
        }
        return storage == StorageType.FLOAT ? formatFloat((float) v) : formatNumber(v);
    }

    @Override
    public NumericColumn rows(int[] rows) {
        double[] v = new double[rows.length];
        byte[] c = missingCodes == null ? null : new byte[rows.length];
        for (int i = 0; i < rows.length; i++) {
            v[i] = values[rows[i]];
            if (c != null) {
                c[i] = missingCodes[rows[i]];
            }
        }
        return toBuilder(name, v, c).build();
    }

    @Override
    public NumericColumn renamed(String newName) {
        return toBuilder(newName, values, missingCodes).build();
    }

    /**
     * @param labels the new value labels
     * @return this column with other value labels
     */
    public NumericColumn withValueLabels(ValueLabels labels) {
        return toBuilder(name, values, missingCodes).valueLabels(labels).build();
    }

    /**
     * @param newLabel the new variable label
     * @return this column with another variable label
     */
    public NumericColumn withLabel(String newLabel) {
        return toBuilder(name, values, missingCodes).label(newLabel).build();
    }

    private Builder toBuilder(String newName, double[] v, byte[] codes) {
        return builder(newName, v).storage(storage).label(label).format(format).valueLabels(valueLabels)
                .userMissing(userMissing).missingCodes(codes);
    }

    @Override
    public String toString() {
        return name + " (" + storageName() + ", " + values.length + " rows)";
    }

    /**
     * Formats a number in its shortest round-trip form, integers without a decimal point.
     *
     * @param v a finite number
     * @return its text
     */
    public static String formatNumber(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return Double.toString(v);
    }

    private static String formatFloat(float v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e7f) {
            return Long.toString((long) v);
        }
        return Float.toString(v);
    }

    private static String defaultFormat(StorageType storage) {
        return switch (storage) {
            case LONG -> "%12.0g";
            case FLOAT -> "%9.0g";
            case DOUBLE -> "%10.0g";
            default -> "%8.0g";
        };
    }

    /** Builds a {@link NumericColumn}. */
    public static final class Builder {
        private final String name;
        private final double[] values;
        private StorageType storage = StorageType.DOUBLE;
        private String label = "";
        private String format = "";
        private byte[] missingCodes;
        private ValueLabels valueLabels = ValueLabels.NONE;
        private UserMissingValues userMissing = UserMissingValues.NONE;

        private Builder(String name, double[] values) {
            if (name == null || name.isEmpty()) {
                throw new IllegalArgumentException("a column needs a name");
            }
            this.name = name;
            this.values = values;
        }

        /**
         * @param t a numeric storage type; integer types require whole values in their range
         * @return this builder
         */
        public Builder storage(StorageType t) {
            if (!t.isNumeric()) {
                throw new IllegalArgumentException("a numeric column cannot have storage " + t);
            }
            this.storage = t;
            return this;
        }

        /**
         * @param text the variable label
         * @return this builder
         */
        public Builder label(String text) {
            this.label = text == null ? "" : text;
            return this;
        }

        /**
         * @param displayFormat the display format
         * @return this builder
         */
        public Builder format(String displayFormat) {
            this.format = displayFormat == null ? "" : displayFormat;
            return this;
        }

        /**
         * Adopts (without copying) the missing code of each row: meaningful where the value is
         * NaN, 0 for {@code .}, 1..26 for {@code .a}..{@code .z}; {@code null} means every NaN is {@code .}.
         *
         * @param codes one code per row, or null
         * @return this builder
         */
        public Builder missingCodes(byte[] codes) {
            this.missingCodes = codes;
            return this;
        }

        /**
         * @param labels the value labels
         * @return this builder
         */
        public Builder valueLabels(ValueLabels labels) {
            this.valueLabels = labels == null ? ValueLabels.NONE : labels;
            return this;
        }

        /**
         * @param spec SPSS user-missing values
         * @return this builder
         */
        public Builder userMissing(UserMissingValues spec) {
            this.userMissing = spec == null || spec.isEmpty() ? UserMissingValues.NONE : spec;
            return this;
        }

        /** @return the column */
        public NumericColumn build() {
            if (missingCodes != null && missingCodes.length != values.length) {
                throw new IllegalArgumentException(name + ": " + missingCodes.length + " missing codes for "
                        + values.length + " values");
            }
            boolean integer = storage.isInteger();
            boolean user = userMissing != UserMissingValues.NONE;
            int missing = 0;
            for (int i = 0; i < values.length; i++) {
                double v = values[i];
                if (v != v) {
                    missing++;
                    if (missingCodes != null && (missingCodes[i] < 0 || missingCodes[i] > MissingCodes.LAST)) {
                        throw new IllegalArgumentException(name + " row " + i + ": bad missing code " + missingCodes[i]);
                    }
                } else if (integer && !storage.fits(v)) {
                    throw new IllegalArgumentException(name + " row " + i + ": " + v + " does not fit storage " + storage);
                } else if (user && userMissing.matches(v)) {
                    missing++;
                } else if (Double.isInfinite(v)) {
                    throw new IllegalArgumentException(name + " row " + i + ": infinite value");
                }
            }
            return new NumericColumn(this, missing);
        }
    }
}
