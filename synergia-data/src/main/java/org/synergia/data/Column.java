package org.synergia.data;

/**
 * One variable of a {@link Dataset}: a name, a label, a display format, a storage type and one
 * value per row, some of which may be missing. Columns are immutable and can be shared between
 * datasets.
 */
public sealed interface Column permits NumericColumn, StringColumn {

    /** @return the variable's name, as in the file */
    String name();

    /** @return the variable label, {@code ""} when there is none */
    String label();

    /** @return the display format (Stata {@code %9.0g}, SPSS {@code F8.2}), {@code ""} when unknown */
    String format();

    /** @return how the values are stored in the file */
    StorageType storage();

    /** @return the storage as Stata names it: {@code byte}, {@code double}, {@code str12}, {@code strL} */
    String storageName();

    /** @return what the values mean: integer, double, categorical or string */
    VariableType type();

    /** @return the number of rows */
    int size();

    /**
     * @param row a row index
     * @return true when the value is missing (any kind of missing)
     */
    boolean isMissing(int row);

    /** @return how many rows are missing */
    int missingCount();

    /**
     * @param row a row index
     * @return the value as text: numbers in shortest round-trip form, {@code ""} for the system
     *     missing value, {@code .a}..{@code .z} for Stata's extended missing values
     */
    String text(int row);

    /**
     * @param rows row indices, in the order wanted (repeats allowed)
     * @return a column holding those rows
     */
    Column rows(int[] rows);

    /**
     * @param newName the new name
     * @return this column under another name
     */
    Column renamed(String newName);
}
