package org.synergia.data;

import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;

/**
 * A named set of value labels (Stata's label set, SPSS's value labels): numeric codes, in
 * increasing order, each with its text. Labels of Stata's extended missing values {@code .a}–{@code .z}
 * are kept apart, by missing code. Immutable.
 */
public final class ValueLabels {

    /** The empty label set. */
    public static final ValueLabels NONE = new ValueLabels("", new double[0], new String[0], new String[27]);

    private final String name;
    private final double[] values;
    private final String[] labels;
    private final String[] missingLabels;

    private ValueLabels(String name, double[] values, String[] labels, String[] missingLabels) {
        this.name = name;
        this.values = values;
        this.labels = labels;
        this.missingLabels = missingLabels;
    }

    /**
     * @param name the label set's name ({@code ""} when the format has none)
     * @return a builder
     */
    public static Builder builder(String name) {
        return new Builder(name);
    }

    /** @return the label set's name, {@code ""} when it has none */
    public String name() {
        return name;
    }

    /** @return the number of labelled (non-missing) values */
    public int size() {
        return values.length;
    }

    /** @return true when there is no label at all */
    public boolean isEmpty() {
        if (values.length > 0) {
            return false;
        }
        for (String s : missingLabels) {
            if (s != null) {
                return false;
            }
        }
        return true;
    }

    /**
     * @param i an index in {@code [0, size())}
     * @return the i-th labelled value, in increasing order
     */
    public double value(int i) {
        return values[i];
    }

    /**
     * @param i an index in {@code [0, size())}
     * @return the label of the i-th labelled value
     */
    public String label(int i) {
        return labels[i];
    }

    /**
     * @param value a value
     * @return its label, or {@code null} when it has none
     */
    public String labelOf(double value) {
        int i = Arrays.binarySearch(values, value);
        return i >= 0 ? labels[i] : null;
    }

    /**
     * @param code a missing code: 0 for {@code .}, 1..26 for {@code .a}..{@code .z}
     * @return the label of that missing code, or {@code null}
     */
    public String missingLabel(int code) {
        return code >= 0 && code < missingLabels.length ? missingLabels[code] : null;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ValueLabels v && name.equals(v.name) && Arrays.equals(values, v.values)
                && Arrays.equals(labels, v.labels) && Arrays.equals(missingLabels, v.missingLabels);
    }

    @Override
    public int hashCode() {
        return 31 * name.hashCode() + Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder(name).append('{');
        for (int i = 0; i < values.length; i++) {
            s.append(i == 0 ? "" : ", ").append(NumericColumn.formatNumber(values[i])).append('=').append(labels[i]);
        }
        for (int c = 0; c < missingLabels.length; c++) {
            if (missingLabels[c] != null) {
                s.append(", ").append(MissingCodes.name(c)).append('=').append(missingLabels[c]);
            }
        }
        return s.append('}').toString();
    }

    /** Collects labels; a later label for the same value replaces the earlier one. */
    public static final class Builder {
        private final String name;
        private final TreeMap<Double, String> labels = new TreeMap<>();
        private final String[] missingLabels = new String[27];

        private Builder(String name) {
            this.name = name == null ? "" : name;
        }

        /**
         * @param value a non-missing value (finite)
         * @param label its text
         * @return this builder
         */
        public Builder add(double value, String label) {
            if (!Double.isFinite(value)) {
                throw new IllegalArgumentException("a value label needs a finite value, got " + value);
            }
            labels.put(value == 0 ? 0.0 : value, label);
            return this;
        }

        /**
         * @param code a missing code: 0 for {@code .}, 1..26 for {@code .a}..{@code .z}
         * @param label its text
         * @return this builder
         */
        public Builder addMissing(int code, String label) {
            missingLabels[MissingCodes.check(code)] = label;
            return this;
        }

        /**
         * @param all labels keyed by value
         * @return this builder
         */
        public Builder addAll(Map<? extends Number, String> all) {
            all.forEach((k, v) -> add(k.doubleValue(), v));
            return this;
        }

        /** @return the label set */
        public ValueLabels build() {
            double[] v = new double[labels.size()];
            String[] l = new String[labels.size()];
            int i = 0;
            for (Map.Entry<Double, String> e : labels.entrySet()) {
                v[i] = e.getKey();
                l[i++] = e.getValue();
            }
            return new ValueLabels(name, v, l, missingLabels.clone());
        }
    }
}
