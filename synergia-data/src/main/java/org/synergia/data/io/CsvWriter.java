package org.synergia.data.io;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.synergia.data.Column;
import org.synergia.data.Dataset;
import org.synergia.data.InputException;
import org.synergia.data.NumericColumn;

/**
 * Writes a {@link Dataset} as UTF-8 delimited text with a header line. Numbers are written in
 * their shortest round-trip form ({@code float} columns as floats), the system missing value as
 * an empty field and Stata's extended missing values as {@code .a}..{@code .z} (which
 * {@link CsvReader} reads back as such). Fields holding the delimiter, a quote, a line break or
 * surrounding blanks are quoted, and a row of one empty field is written {@code ""} so that it is
 * not read as a blank line. Settings are immutable.
 */
public final class CsvWriter {

    /** What to write for a labelled numeric value. */
    public enum LabelledValues {
        /** The numeric code (the default: the file reads back as it was). */
        CODES,
        /** The value label where there is one, the code otherwise. */
        LABELS
    }

    private final char delimiter;
    private final LabelledValues labelled;

    private CsvWriter(char delimiter, LabelledValues labelled) {
        this.delimiter = delimiter;
        this.labelled = labelled;
    }

    /** @return a writer of comma-separated codes */
    public static CsvWriter withDefaults() {
        return new CsvWriter(',', LabelledValues.CODES);
    }

    /**
     * @param d the delimiter
     * @return a writer using it
     */
    public CsvWriter withDelimiter(char d) {
        if (d == '"' || d == '\n' || d == '\r') {
            throw new IllegalArgumentException("a delimiter cannot be a quote or a line break");
        }
        return new CsvWriter(d, labelled);
    }

    /**
     * @param choice codes or labels for labelled values
     * @return a writer making that choice
     */
    public CsvWriter withLabelledValues(LabelledValues choice) {
        return new CsvWriter(delimiter, choice);
    }

    /**
     * @param data the dataset
     * @param file where to write it (replaced if it exists)
     */
    public void write(Dataset data, Path file) {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            write(data, w);
        } catch (IOException e) {
            throw new InputException(file + " cannot be written: " + e.getMessage(), e);
        }
    }

    /**
     * @param data the dataset
     * @param w where to write it
     * @throws IOException when writing fails
     */
    public void write(Dataset data, Writer w) throws IOException {
        int k = data.columnCount();
        StringBuilder line = new StringBuilder(256);
        for (int j = 0; j < k; j++) {
            if (j > 0) {
                line.append(delimiter);
            }
            field(line, data.column(j).name());
        }
        w.write(line.append('\n').toString());
        for (int r = 0; r < data.rowCount(); r++) {
            line.setLength(0);
            for (int j = 0; j < k; j++) {
                if (j > 0) {
                    line.append(delimiter);
                }
                Column c = data.column(j);
                if (c instanceof NumericColumn n) {
                    String label = labelled == LabelledValues.LABELS && !n.isMissing(r)
                            ? n.valueLabels().labelOf(n.rawValue(r)) : null;
                    if (label != null) {
                        field(line, label);
                    } else {
                        line.append(n.text(r));
                    }
                } else {
                    field(line, c.text(r));
                }
            }
            if (line.length() == 0) {
                line.append("\"\"");
            }
            w.write(line.append('\n').toString());
        }
    }

    private void field(StringBuilder line, String s) {
        boolean quote = !s.isEmpty() && (s.charAt(0) == ' ' || s.charAt(s.length() - 1) == ' ');
        for (int i = 0; i < s.length() && !quote; i++) {
            char c = s.charAt(i);
            quote = c == delimiter || c == '"' || c == '\n' || c == '\r';
        }
        if (!quote) {
            line.append(s);
            return;
        }
        line.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"') {
                line.append('"');
            }
            line.append(c);
        }
        line.append('"');
    }
}
