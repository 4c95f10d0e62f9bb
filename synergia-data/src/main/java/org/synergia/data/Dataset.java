package org.synergia.data;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A rectangular data set as read from a survey file or generated: a name, ordered
 * {@link Column columns} of equal length, a dataset label and metadata (notes, the file's
 * encoding or format version, ...). Immutable: the derived datasets ({@link #select},
 * {@link #rows}, {@link #withColumn}) share the columns they keep.
 */
public final class Dataset {

    private final String name;
    private final String label;
    private final List<Column> columns;
    private final Map<String, Integer> index;
    private final int rowCount;
    private final Map<String, String> metadata;

    private Dataset(String name, String label, List<Column> columns, int rowCount, Map<String, String> metadata) {
        this.name = name;
        this.label = label;
        this.columns = List.copyOf(columns);
        this.rowCount = rowCount;
        this.metadata = Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
        this.index = new HashMap<>(columns.size() * 2);
        for (int j = 0; j < columns.size(); j++) {
            Column c = columns.get(j);
            if (c.size() != rowCount) {
                throw new IllegalArgumentException(name + ": column " + c.name() + " has " + c.size()
                        + " rows, the others " + rowCount);
            }
            if (index.put(c.name(), j) != null) {
                throw new InputException(name + ": the variable name '" + c.name()
                        + "' appears twice; give every variable its own name");
            }
        }
    }

    /**
     * @param name the dataset's name, usually its file name
     * @return an empty builder
     */
    public static Builder builder(String name) {
        return new Builder(name);
    }

    /** @return the dataset's name (the file name for a dataset read from a file) */
    public String name() {
        return name;
    }

    /** @return the dataset label, {@code ""} when there is none */
    public String label() {
        return label;
    }

    /** @return the number of rows */
    public int rowCount() {
        return rowCount;
    }

    /** @return the number of columns */
    public int columnCount() {
        return columns.size();
    }

    /** @return the columns, in order (unmodifiable) */
    public List<Column> columns() {
        return columns;
    }

    /** @return the variable names, in order */
    public List<String> columnNames() {
        List<String> names = new ArrayList<>(columns.size());
        for (Column c : columns) {
            names.add(c.name());
        }
        return names;
    }

    /**
     * @param j a column index
     * @return the j-th column
     */
    public Column column(int j) {
        return columns.get(j);
    }

    /**
     * @param variable a variable name (exact, case-sensitive)
     * @return true when the dataset has it
     */
    public boolean hasColumn(String variable) {
        return index.containsKey(variable);
    }

    /**
     * @param variable a variable name (exact, case-sensitive)
     * @return the column
     * @throws InputException naming the unknown variable and the closest names when there is none
     */
    public Column column(String variable) {
        Integer j = index.get(variable);
        if (j == null) {
            throw unknownVariable(variable);
        }
        return columns.get(j);
    }

    /**
     * @param variable a variable name
     * @return the numeric column
     * @throws InputException when the variable is unknown or holds text
     */
    public NumericColumn numeric(String variable) {
        Column c = column(variable);
        if (c instanceof NumericColumn n) {
            return n;
        }
        throw new InputException("variable '" + variable + "' in " + name + " holds text (" + c.storageName()
                + "), a number is needed here: recode it to numbers");
    }

    /**
     * @param variable a variable name
     * @return the string column
     * @throws InputException when the variable is unknown or numeric
     */
    public StringColumn string(String variable) {
        Column c = column(variable);
        if (c instanceof StringColumn s) {
            return s;
        }
        throw new InputException("variable '" + variable + "' in " + name + " is numeric (" + c.storageName()
                + "), text is needed here");
    }

    /** @return the metadata (encoding, format version, notes, ...), in insertion order */
    public Map<String, String> metadata() {
        return metadata;
    }

    /**
     * @param variables the variables to keep, in the order wanted
     * @return a dataset with only those columns
     */
    public Dataset select(List<String> variables) {
        List<Column> kept = new ArrayList<>(variables.size());
        for (String v : variables) {
            kept.add(column(v));
        }
        return new Dataset(name, label, kept, rowCount, metadata);
    }

    /**
     * @param rows row indices, in the order wanted
     * @return a dataset with those rows of every column
     */
    public Dataset rows(int[] rows) {
        List<Column> sub = new ArrayList<>(columns.size());
        for (Column c : columns) {
            sub.add(c.rows(rows));
        }
        return new Dataset(name, label, sub, rows.length, metadata);
    }

    /**
     * @param column a column of {@link #rowCount()} rows
     * @return a dataset with the column added at the end, or replacing the column of the same name
     */
    public Dataset withColumn(Column column) {
        List<Column> next = new ArrayList<>(columns);
        Integer j = index.get(column.name());
        if (j == null) {
            next.add(column);
        } else {
            next.set(j, column);
        }
        return new Dataset(name, label, next, rowCount, metadata);
    }

    /**
     * The error for a variable this dataset does not have, suggesting the closest names.
     *
     * @param variable the unknown name
     * @return the exception, for the caller to throw
     */
    public InputException unknownVariable(String variable) {
        List<String> close = closeNames(variable);
        StringBuilder msg = new StringBuilder("unknown variable '").append(variable).append("' in ").append(name);
        if (!close.isEmpty()) {
            msg.append("; did you mean ").append(String.join(" or ", close.stream().map(s -> "'" + s + "'").toList()))
                    .append('?');
        } else {
            List<String> all = columnNames();
            msg.append("; its variables are ")
                    .append(String.join(", ", all.subList(0, Math.min(all.size(), 12))))
                    .append(all.size() > 12 ? ", ... (" + all.size() + " in all; see 'synergia describe')" : "");
        }
        return new InputException(msg.toString());
    }

    private List<String> closeNames(String wanted) {
        String w = wanted.toLowerCase(Locale.ROOT);
        int limit = Math.max(1, w.length() / 3);
        List<int[]> scored = new ArrayList<>();
        for (int j = 0; j < columns.size(); j++) {
            String n = columns.get(j).name().toLowerCase(Locale.ROOT);
            int d = n.equals(w) ? 0 : editDistance(w, n, limit + 1);
            if (d <= limit || (w.length() >= 3 && (n.startsWith(w) || w.startsWith(n) && n.length() >= 3))) {
                scored.add(new int[] {d, j});
            }
        }
        scored.sort((a, b) -> a[0] != b[0] ? Integer.compare(a[0], b[0]) : Integer.compare(a[1], b[1]));
        List<String> out = new ArrayList<>();
        for (int i = 0; i < Math.min(3, scored.size()); i++) {
            out.add(columns.get(scored.get(i)[1]).name());
        }
        return out;
    }

    /** Levenshtein distance, stopping early once it exceeds {@code cap}. */
    private static int editDistance(String a, String b, int cap) {
        if (Math.abs(a.length() - b.length()) > cap) {
            return cap + 1;
        }
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            int rowMin = cur[0];
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
                rowMin = Math.min(rowMin, cur[j]);
            }
            if (rowMin > cap) {
                return cap + 1;
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }

    @Override
    public String toString() {
        return name + " (" + rowCount + " rows, " + columns.size() + " variables)";
    }

    /**
     * Builds a {@link Dataset}, for readers and for code that generates data (simulated surveys).
     * Arrays handed to the {@code add...} methods are adopted without copying.
     */
    public static final class Builder {
        private final String name;
        private String label = "";
        private final List<Column> columns = new ArrayList<>();
        private final Map<String, String> metadata = new LinkedHashMap<>();
        private int rows = -1;

        private Builder(String name) {
            this.name = name == null ? "" : name;
        }

        /**
         * @param text the dataset label
         * @return this builder
         */
        public Builder label(String text) {
            this.label = text == null ? "" : text;
            return this;
        }

        /**
         * @param key a metadata key ({@code format}, {@code encoding}, {@code note1}, ...)
         * @param value its value
         * @return this builder
         */
        public Builder metadata(String key, String value) {
            metadata.put(key, value);
            return this;
        }

        /**
         * @param column a column; all columns must have the same number of rows
         * @return this builder
         */
        public Builder add(Column column) {
            if (rows >= 0 && column.size() != rows) {
                throw new IllegalArgumentException(name + ": column " + column.name() + " has " + column.size()
                        + " rows, the others " + rows);
            }
            rows = column.size();
            columns.add(column);
            return this;
        }

        /**
         * @param variable the name
         * @param values the values (adopted), NaN for missing
         * @return this builder, with a {@code double} column added
         */
        public Builder addNumeric(String variable, double[] values) {
            return add(NumericColumn.builder(variable, values).build());
        }

        /**
         * @param variable the name
         * @param values whole numbers
         * @return this builder, with an integer column in the narrowest storage that holds the values
         */
        public Builder addIntegers(String variable, int[] values) {
            return add(integerColumn(variable, values, ValueLabels.NONE));
        }

        /**
         * @param variable the name
         * @param codes the category codes
         * @param labels the label of each code
         * @return this builder, with a categorical column added
         */
        public Builder addCategorical(String variable, int[] codes, ValueLabels labels) {
            return add(integerColumn(variable, codes, labels));
        }

        /**
         * @param variable the name
         * @param values the text values (adopted), null or empty for missing
         * @return this builder, with a string column added
         */
        public Builder addStrings(String variable, String[] values) {
            return add(StringColumn.of(variable, values));
        }

        private static NumericColumn integerColumn(String variable, int[] values, ValueLabels labels) {
            double[] v = new double[values.length];
            int min = 0;
            int max = 0;
            for (int i = 0; i < values.length; i++) {
                v[i] = values[i];
                min = Math.min(min, values[i]);
                max = Math.max(max, values[i]);
            }
            return NumericColumn.builder(variable, v).storage(StorageType.narrowestInteger(min, max))
                    .valueLabels(labels).build();
        }

        /** @return the dataset */
        public Dataset build() {
            return new Dataset(name, label, columns, Math.max(rows, 0), metadata);
        }
    }
}
