package org.synergia.data;

/**
 * A text variable. A value is missing when it is {@code null} or empty (as in Stata, where the
 * empty string is a string variable's missing value). Immutable.
 */
public final class StringColumn implements Column {

    private final String name;
    private final String label;
    private final String format;
    private final StorageType storage;
    private final int width;
    private final String[] values;
    private final int missingCount;

    private StringColumn(String name, String label, String format, StorageType storage, int width, String[] values) {
        this.name = name;
        this.label = label;
        this.storage = storage;
        this.values = values;
        int missing = 0;
        int w = 1;
        for (String s : values) {
            if (s == null || s.isEmpty()) {
                missing++;
            } else {
                w = Math.max(w, s.length());
            }
        }
        this.missingCount = missing;
        this.width = storage == StorageType.STR ? Math.max(width, w) : 0;
        this.format = format.isEmpty() ? "%-" + Math.min(Math.max(this.width, 9), 2045) + "s" : format;
    }

    /**
     * A string column with {@code str#} storage as wide as its longest value.
     *
     * @param name the variable's name
     * @param values one value per row, adopted without copying; null or empty for missing
     * @return the column
     */
    public static StringColumn of(String name, String[] values) {
        return of(name, values, "", "", StorageType.STR, 0);
    }

    /**
     * @param name the variable's name
     * @param values one value per row, adopted without copying; null or empty for missing
     * @param label the variable label
     * @param format the display format ({@code ""} for the default)
     * @param storage {@link StorageType#STR} or {@link StorageType#STRL}
     * @param width the declared {@code str#} width (raised to the longest value)
     * @return the column
     */
    public static StringColumn of(String name, String[] values, String label, String format, StorageType storage,
            int width) {
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException("a column needs a name");
        }
        if (storage.isNumeric()) {
            throw new IllegalArgumentException("a string column cannot have storage " + storage);
        }
        return new StringColumn(name, label == null ? "" : label, format == null ? "" : format, storage, width, values);
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

    /** @return the {@code str#} width in characters, 0 for {@code strL} */
    public int width() {
        return width;
    }

    @Override
    public String storageName() {
        return storage.displayName(width);
    }

    @Override
    public VariableType type() {
        return VariableType.STRING;
    }

    @Override
    public int size() {
        return values.length;
    }

    @Override
    public boolean isMissing(int row) {
        String s = values[row];
        return s == null || s.isEmpty();
    }

    @Override
    public int missingCount() {
        return missingCount;
    }

    /**
     * @param row a row index
     * @return the value, {@code null} when missing
     */
    public String value(int row) {
        String s = values[row];
        return s == null || s.isEmpty() ? null : s;
    }

    @Override
    public String text(int row) {
        String s = values[row];
        return s == null ? "" : s;
    }

    @Override
    public StringColumn rows(int[] rows) {
        String[] v = new String[rows.length];
        for (int i = 0; i < rows.length; i++) {
            v[i] = values[rows[i]];
        }
        return new StringColumn(name, label, format, storage, width, v);
    }

    @Override
    public StringColumn renamed(String newName) {
        return new StringColumn(newName, label, format, storage, width, values);
    }

    @Override
    public String toString() {
        return name + " (" + storageName() + ", " + values.length + " rows)";
    }
}
