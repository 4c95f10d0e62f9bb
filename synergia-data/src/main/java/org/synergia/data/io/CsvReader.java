package org.synergia.data.io;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.synergia.data.Dataset;
import org.synergia.data.InputException;
import org.synergia.data.NumericColumn;
import org.synergia.data.StorageType;
import org.synergia.data.StringColumn;
import org.synergia.data.ValueLabels;
import org.synergia.data.VariableType;

/**
 * Reads delimited text (RFC 4180 quoting: fields in double quotes may hold delimiters, line
 * breaks and doubled quotes). The first record names the variables. Settings are immutable:
 * {@code CsvReader.withDefaults().withDelimiter(';').withColumnType("id", VariableType.STRING)}.
 *
 * <p>Defaults: the delimiter is a tab for {@code .tsv} files and otherwise the most frequent of
 * {@code , ; | tab} in the header; the text is UTF-8, or Latin-1 when it is not valid UTF-8; the
 * missing tokens are {@code ""}, {@code NA} and {@code .}, and {@code .a}..{@code .z} are Stata's
 * extended missing values in numeric columns; a column whose non-missing values are
 * all numbers is numeric (integer storage when they are all whole), any other column is text.
 */
public final class CsvReader implements DatasetReader {

    private static final Set<String> DEFAULT_MISSING = Set.of("", "NA", ".");

    private final char delimiter;
    private final Charset charset;
    private final Set<String> missingTokens;
    private final Map<String, VariableType> types;

    private CsvReader(char delimiter, Charset charset, Set<String> missingTokens, Map<String, VariableType> types) {
        this.delimiter = delimiter;
        this.charset = charset;
        this.missingTokens = missingTokens;
        this.types = types;
    }

    /** @return a reader with the default settings described above */
    public static CsvReader withDefaults() {
        return new CsvReader('\0', null, DEFAULT_MISSING, Map.of());
    }

    /**
     * @param d the field delimiter
     * @return a reader using {@code d}
     */
    public CsvReader withDelimiter(char d) {
        if (d == '"' || d == '\n' || d == '\r' || d == '\0') {
            throw new IllegalArgumentException("a delimiter cannot be a quote, a line break or NUL");
        }
        return new CsvReader(d, charset, missingTokens, types);
    }

    /**
     * @param cs the text encoding (no automatic UTF-8/Latin-1 choice)
     * @return a reader decoding with {@code cs}
     */
    public CsvReader withCharset(Charset cs) {
        return new CsvReader(delimiter, cs, missingTokens, types);
    }

    /**
     * @param tokens the texts that mean "missing" (replacing the defaults); {@code ""} for empty fields
     * @return a reader using these tokens
     */
    public CsvReader withMissingTokens(String... tokens) {
        return new CsvReader(delimiter, charset, Set.of(tokens), types);
    }

    /**
     * Overrides type inference for one column: {@link VariableType#STRING} keeps the text as it is
     * (identifiers with leading zeros), {@link VariableType#INTEGER} and {@link VariableType#DOUBLE}
     * require numbers, {@link VariableType#CATEGORICAL} codes the distinct texts 1..k in sorted
     * order and keeps the texts as value labels.
     *
     * @param variable the column's name in the header
     * @param type the type wanted
     * @return a reader with this override
     */
    public CsvReader withColumnType(String variable, VariableType type) {
        Map<String, VariableType> next = new HashMap<>(types);
        next.put(variable, type);
        return new CsvReader(delimiter, charset, missingTokens, Map.copyOf(next));
    }

    @Override
    public Dataset read(Path file) {
        String fileName = String.valueOf(file.getFileName());
        // the bytes, their decoded characters (2 bytes each) and the columns built from them
        InputFiles.checkMemory(file, 4 * InputFiles.checkReadable(file));
        byte[] bytes = InputFiles.readAll(file);
        Charset used = charset;
        char[] text;
        if (used == null) {
            try {
                text = decode(bytes, StandardCharsets.UTF_8);
                used = StandardCharsets.UTF_8;
            } catch (CharacterCodingException e) {
                used = StandardCharsets.ISO_8859_1;
                text = new String(bytes, used).toCharArray();
            }
        } else {
            try {
                text = decode(bytes, used);
            } catch (CharacterCodingException e) {
                throw new InputException(fileName + " is not valid " + used.name()
                        + " text; give the right encoding (UTF-8 or Latin-1)");
            }
        }
        int start = text.length > 0 && text[0] == '\uFEFF' ? 1 : 0;
        char d = delimiter != '\0' ? delimiter : guessDelimiter(fileName, text, start);
        return new Parse(fileName, text, start, d).run(used);
    }

    private static char[] decode(byte[] bytes, Charset cs) throws CharacterCodingException {
        CharBuffer cb = cs.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
        char[] out = new char[cb.remaining()];
        cb.get(out);
        return out;
    }

    private static char guessDelimiter(String fileName, char[] text, int start) {
        if (fileName.toLowerCase(Locale.ROOT).endsWith(".tsv")) {
            return '\t';
        }
        char[] candidates = {',', '\t', ';', '|'};
        int[] counts = new int[candidates.length];
        boolean quoted = false;
        for (int i = start; i < text.length; i++) {
            char c = text[i];
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && (c == '\n' || c == '\r')) {
                break;
            } else if (!quoted) {
                for (int k = 0; k < candidates.length; k++) {
                    if (c == candidates[k]) {
                        counts[k]++;
                    }
                }
            }
        }
        int best = 0;
        for (int k = 1; k < candidates.length; k++) {
            if (counts[k] > counts[best]) {
                best = k;
            }
        }
        return candidates[best];
    }

    /** One parse of one file: a tokenizer over the decoded text and the columns it fills. */
    private final class Parse {
        private final String fileName;
        private final char[] text;
        private final int dataStart;
        private final char delim;
        private int pos;
        private int line = 1;
        private int recordLine;
        private int fieldCount;
        private int[] starts = new int[16];
        private int[] ends = new int[16];
        private boolean[] escaped = new boolean[16];

        Parse(String fileName, char[] text, int start, char delim) {
            this.fileName = fileName;
            this.text = text;
            this.dataStart = start;
            this.pos = start;
            this.delim = delim;
        }

        Dataset run(Charset used) {
            if (!nextRecord()) {
                throw new InputException(fileName + " is empty; a CSV file needs a header line naming the variables");
            }
            int ncol = fieldCount;
            String[] names = new String[ncol];
            Set<String> seen = new LinkedHashSet<>();
            for (int j = 0; j < ncol; j++) {
                names[j] = field(j).strip();
                if (names[j].isEmpty()) {
                    names[j] = "V" + (j + 1);
                }
                if (!seen.add(names[j])) {
                    throw new InputException(fileName + ": the header names '" + names[j]
                            + "' twice; give every column its own name");
                }
            }
            for (String forced : types.keySet()) {
                if (!seen.contains(forced)) {
                    throw new InputException(fileName + ": a type is given for column '" + forced
                            + "', which the header does not have; the columns are " + String.join(", ", names));
                }
            }
            int bodyStart = pos;
            int bodyLine = line;
            ColumnState[] cols = new ColumnState[ncol];
            for (int j = 0; j < ncol; j++) {
                cols[j] = new ColumnState(names[j], types.get(names[j]));
            }
            int rows = 0;
            while (nextRecord()) {
                checkWidth(ncol);
                for (int j = 0; j < ncol; j++) {
                    cols[j].accept(rows, this, j);
                }
                rows++;
            }
            boolean secondPass = false;
            for (ColumnState c : cols) {
                secondPass |= c.needsText();
            }
            if (secondPass) {
                pos = bodyStart;
                line = bodyLine;
                int r = 0;
                while (nextRecord()) {
                    for (int j = 0; j < ncol; j++) {
                        if (cols[j].needsText()) {
                            cols[j].acceptText(r, this, j);
                        }
                    }
                    r++;
                }
            }
            Dataset.Builder b = Dataset.builder(fileName).metadata("format", "csv")
                    .metadata("encoding", used.name()).metadata("delimiter", delim == '\t' ? "tab" : String.valueOf(delim));
            for (ColumnState c : cols) {
                b.add(c.build(rows));
            }
            return b.build();
        }

        private void checkWidth(int ncol) {
            if (fieldCount != ncol) {
                throw new InputException(fileName + " line " + recordLine + " has " + fieldCount
                        + (fieldCount == 1 ? " field" : " fields") + " but the header has " + ncol
                        + "; fix that row (a missing or extra delimiter, or an unclosed quote) or give the delimiter");
            }
        }

        /** Reads the next non-blank record into the field spans; false at the end of the text. */
        boolean nextRecord() {
            while (true) {
                if (pos >= text.length) {
                    return false;
                }
                char c = text[pos];
                if (c == '\n' || c == '\r') {
                    skipLineBreak();
                    continue;
                }
                break;
            }
            recordLine = line;
            fieldCount = 0;
            while (true) {
                if (fieldCount == starts.length) {
                    starts = Arrays.copyOf(starts, fieldCount * 2);
                    ends = Arrays.copyOf(ends, fieldCount * 2);
                    escaped = Arrays.copyOf(escaped, fieldCount * 2);
                }
                int f = fieldCount++;
                escaped[f] = false;
                if (pos < text.length && text[pos] == '"') {
                    int openLine = line;
                    int s = ++pos;
                    while (true) {
                        if (pos >= text.length) {
                            throw new InputException(fileName + " line " + openLine
                                    + ": a quoted field is never closed; add the closing double quote");
                        }
                        char c = text[pos];
                        if (c == '"') {
                            if (pos + 1 < text.length && text[pos + 1] == '"') {
                                escaped[f] = true;
                                pos += 2;
                                continue;
                            }
                            break;
                        }
                        if (c == '\n') {
                            line++;
                        }
                        pos++;
                    }
                    starts[f] = s;
                    ends[f] = pos++;
                    while (pos < text.length && text[pos] != delim && text[pos] != '\n' && text[pos] != '\r') {
                        if (text[pos] != ' ' && text[pos] != '\t') {
                            throw new InputException(fileName + " line " + line
                                    + ": text after a closing quote; double the quotes inside quoted fields");
                        }
                        pos++;
                    }
                } else {
                    int s = pos;
                    while (pos < text.length) {
                        char c = text[pos];
                        if (c == delim || c == '\n' || c == '\r') {
                            break;
                        }
                        pos++;
                    }
                    starts[f] = s;
                    ends[f] = pos;
                }
                if (pos < text.length && text[pos] == delim) {
                    pos++;
                    continue;
                }
                if (pos < text.length) {
                    skipLineBreak();
                }
                return true;
            }
        }

        private void skipLineBreak() {
            if (text[pos] == '\r' && pos + 1 < text.length && text[pos + 1] == '\n') {
                pos++;
            }
            pos++;
            line++;
        }

        String field(int f) {
            String s = new String(text, starts[f], ends[f] - starts[f]);
            return escaped[f] ? s.replace("\"\"", "\"") : s;
        }

        boolean isMissingToken(int f) {
            int len = ends[f] - starts[f];
            if (len == 0) {
                return missingTokens.contains("");
            }
            if (len > 8) {
                return false;
            }
            return missingTokens.contains(field(f));
        }

        /** @return 1..26 when the field is Stata's extended missing value .a..z, 0 otherwise */
        int extendedMissing(int f) {
            if (ends[f] - starts[f] != 2 || text[starts[f]] != '.') {
                return 0;
            }
            char c = text[starts[f] + 1];
            return c >= 'a' && c <= 'z' ? c - 'a' + 1 : 0;
        }

        /** Parses a decimal number strictly; NaN when the field is not one. */
        double number(int f) {
            int s = starts[f];
            int e = ends[f];
            while (s < e && text[s] == ' ') {
                s++;
            }
            while (e > s && text[e - 1] == ' ') {
                e--;
            }
            if (s == e) {
                return Double.NaN;
            }
            int i = s;
            boolean negative = false;
            if (text[i] == '-' || text[i] == '+') {
                negative = text[i] == '-';
                i++;
            }
            long mantissa = 0;
            int digits = 0;
            int scale = 0;
            boolean dot = false;
            boolean simple = true;
            for (; i < e; i++) {
                char c = text[i];
                if (c >= '0' && c <= '9') {
                    if (digits < 18) {
                        mantissa = mantissa * 10 + (c - '0');
                        if (mantissa != 0) {
                            digits++;
                        }
                        if (dot) {
                            scale++;
                        }
                    } else {
                        simple = false;
                    }
                } else if (c == '.' && !dot) {
                    dot = true;
                } else {
                    simple = false;
                    break;
                }
            }
            if (simple) {
                boolean anyDigit = e - s > (dot ? 1 : 0) + (text[s] == '-' || text[s] == '+' ? 1 : 0);
                if (!anyDigit) {
                    return Double.NaN;
                }
                if (mantissa < (1L << 53) && scale <= 22) {
                    double v = scale == 0 ? mantissa : mantissa / POW10[scale];
                    return negative ? -v : v;
                }
            }
            return slowNumber(s, e);
        }

        private double slowNumber(int s, int e) {
            boolean digit = false;
            boolean exp = false;
            boolean dot = false;
            for (int i = s; i < e; i++) {
                char c = text[i];
                if (c >= '0' && c <= '9') {
                    digit = true;
                } else if ((c == '-' || c == '+') && (i == s || text[i - 1] == 'e' || text[i - 1] == 'E')) {
                    continue;
                } else if (c == '.' && !dot && !exp) {
                    dot = true;
                } else if ((c == 'e' || c == 'E') && digit && !exp && i + 1 < e) {
                    exp = true;
                } else {
                    return Double.NaN;
                }
            }
            if (!digit) {
                return Double.NaN;
            }
            double v = Double.parseDouble(new String(text, s, e - s));
            return Double.isInfinite(v) ? Double.NaN : v;
        }

        String where(int row, String name) {
            return fileName + " line " + recordLine + " (row " + (row + 1) + "), column '" + name + "'";
        }
    }

    private static final double[] POW10 = new double[23];

    static {
        POW10[0] = 1;
        for (int i = 1; i < POW10.length; i++) {
            POW10[i] = POW10[i - 1] * 10;
        }
    }

    /** What one column has collected so far. */
    private static final class ColumnState {
        private final String name;
        private final VariableType forced;
        private boolean text;
        private double[] values = new double[1024];
        private byte[] codes;
        private String[] strings;
        private double min = 0;
        private double max = 0;
        private boolean whole = true;

        ColumnState(String name, VariableType forced) {
            this.name = name;
            this.forced = forced;
            this.text = forced == VariableType.STRING || forced == VariableType.CATEGORICAL;
        }

        boolean needsText() {
            return text;
        }

        void accept(int row, Parse p, int f) {
            if (text) {
                return;
            }
            if (row == values.length) {
                values = Arrays.copyOf(values, row + (row >> 1));
            }
            if (p.isMissingToken(f)) {
                values[row] = Double.NaN;
                return;
            }
            int code = p.extendedMissing(f);
            if (code > 0) {
                values[row] = Double.NaN;
                if (codes == null) {
                    codes = new byte[values.length];
                } else if (codes.length < values.length) {
                    codes = Arrays.copyOf(codes, values.length);
                }
                codes[row] = (byte) code;
                return;
            }
            double v = p.number(f);
            if (v != v) {
                if (forced != null) {
                    throw new InputException(p.where(row, name) + ": '" + p.field(f) + "' is not a number, but the column"
                            + " was declared " + forced.name().toLowerCase(Locale.ROOT) + "; fix the value or read it as text");
                }
                text = true;
                values = null;
                codes = null;
                return;
            }
            if (v != Math.rint(v)) {
                if (forced == VariableType.INTEGER) {
                    throw new InputException(p.where(row, name) + ": " + p.field(f).strip()
                            + " is not a whole number, but the column was declared integer; read it as double");
                }
                whole = false;
            }
            values[row] = v;
            min = Math.min(min, v);
            max = Math.max(max, v);
        }

        void acceptText(int row, Parse p, int f) {
            if (strings == null) {
                strings = new String[Math.max(16, values == null ? 1024 : values.length)];
            }
            if (row == strings.length) {
                strings = Arrays.copyOf(strings, row + (row >> 1));
            }
            strings[row] = p.isMissingToken(f) ? null : p.field(f);
        }

        org.synergia.data.Column build(int rows) {
            if (text) {
                String[] s = strings == null ? new String[rows] : Arrays.copyOf(strings, rows);
                return forced == VariableType.CATEGORICAL ? categorical(s, rows) : StringColumn.of(name, s);
            }
            double[] v = Arrays.copyOf(values, rows);
            StorageType storage = whole && forced != VariableType.DOUBLE ? StorageType.narrowestInteger(min, max)
                    : StorageType.DOUBLE;
            if (forced == VariableType.INTEGER && !storage.isInteger()) {
                throw new InputException("column '" + name + "' has whole numbers beyond the 32-bit range ("
                        + NumericColumn.formatNumber(min) + " to " + NumericColumn.formatNumber(max)
                        + "); read it as double");
            }
            byte[] c = codes == null ? null : Arrays.copyOf(codes, rows);
            return NumericColumn.builder(name, v).storage(storage).missingCodes(c).build();
        }

        private NumericColumn categorical(String[] s, int rows) {
            TreeSet<String> levels = new TreeSet<>();
            for (String x : s) {
                if (x != null && !x.isEmpty()) {
                    levels.add(x);
                }
            }
            List<String> ordered = new ArrayList<>(levels);
            Map<String, Integer> code = new HashMap<>();
            ValueLabels.Builder labels = ValueLabels.builder(name);
            for (int k = 0; k < ordered.size(); k++) {
                code.put(ordered.get(k), k + 1);
                labels.add(k + 1, ordered.get(k));
            }
            double[] v = new double[rows];
            for (int i = 0; i < rows; i++) {
                v[i] = s[i] == null || s[i].isEmpty() ? Double.NaN : code.get(s[i]);
            }
            return NumericColumn.builder(name, v).storage(StorageType.narrowestInteger(0, ordered.size()))
                    .valueLabels(labels.build()).build();
        }
    }
}
