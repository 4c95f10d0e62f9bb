package org.synergia.data.io;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.synergia.data.Column;
import org.synergia.data.InputException;
import org.synergia.data.NumericColumn;
import org.synergia.data.StorageType;
import org.synergia.data.StringColumn;
import org.synergia.data.UserMissingValues;
import org.synergia.data.ValueLabels;

/**
 * The dictionary of an SPSS system file, between the header and the data: the variable records
 * (with their labels, missing values and formats), the value labels, the documents and the
 * extension records the reader needs (code page, system-missing value, long variable names, very
 * long strings, number of cases, character encoding). Once read, the text encoding is settled,
 * long names are applied and the segments of very long strings merged, so that there is one
 * variable a column; each becomes its column with {@link #column}.
 */
final class SpssDictionary {

    /** SPSS's LOWEST, the next double above -DBL_MAX (used in missing-value ranges). */
    private static final long LOWEST_BITS = 0xffef_ffff_ffff_fffeL;
    /**
     * A very long string of width W is stored as ceil(W / 252) string variables ("segments"):
     * all but the last of width 255, the last of width W - 252 (n - 1). The text is packed into
     * them 255 bytes per segment; what lies beyond W bytes is unused.
     */
    private static final int SEGMENT_STEP = 252;
    private static final int SEGMENT_WIDTH = 255;

    /** One variable record of the dictionary (a very long string is several, merged later). */
    static final class Var {
        byte[] shortName;
        String name;
        int width;
        int units;
        byte[] label = new byte[0];
        int missingCount;
        double[] missing = new double[0];
        int printFormat;
        final Map<Double, byte[]> labels = new HashMap<>();
        /** Widths of the segments of a very long string, each stored in its own units. */
        int[] segmentWidths;
        int[] segmentUnits;
    }

    private final String name;
    private final BinaryInput in;
    private final List<Var> vars = new ArrayList<>();
    private final Map<Integer, Var> byUnit = new HashMap<>();
    private int caseSize;
    private long cases;
    private Charset cs;
    private int codePage;
    private byte[] longNames;
    private byte[] veryLongStrings;

    private SpssDictionary(String name, BinaryInput in, SpssHeader header) {
        this.name = name;
        this.in = in;
        this.caseSize = header.caseSize();
        this.cases = header.cases();
    }

    /**
     * Reads the dictionary, up to and including its end record.
     *
     * @param name the file's name, for messages
     * @param in the file, after its header
     * @param header the file's header
     * @return the dictionary; the input is at the data
     */
    static SpssDictionary read(String name, BinaryInput in, SpssHeader header) {
        SpssDictionary d = new SpssDictionary(name, in, header);
        d.records();
        d.cs = d.encoding();
        d.assemble();
        return d;
    }

    /** @return the variables, one a column */
    List<Var> variables() {
        return vars;
    }

    /** @return the number of 8-byte units per case */
    int caseSize() {
        return caseSize;
    }

    /** @return the number of cases the file declares (-1: unknown) */
    long cases() {
        return cases;
    }

    /** @return the encoding of the file's text */
    Charset charset() {
        return cs;
    }

    private void records() {
        int unit = 0;
        Var last = null;
        while (true) {
            int type = in.i32("a dictionary record");
            switch (type) {
                case 2 -> {
                    Var v = variable();
                    if (v.width < 0) {
                        if (last == null || last.width == 0 || last.units >= (last.width + 7) / 8) {
                            throw in.corrupt("a string continuation record at byte " + in.position()
                                    + " follows no string that needs it");
                        }
                        last.units++;
                    } else {
                        vars.add(v);
                        byUnit.put(unit + 1, v);
                        last = v;
                    }
                    unit++;
                }
                case 3 -> valueLabels();
                case 6 -> {
                    long lines = in.u32("the document record");
                    in.skip(lines * 80, "the document record");
                }
                case 7 -> extension();
                case 999 -> {
                    in.i32("the dictionary end");
                    if (caseSize >= 0 && caseSize != unit) {
                        // PSPP and SPSS agree on this; a mismatch means a damaged dictionary
                        throw in.corrupt("the header declares " + caseSize + " units per case, the dictionary " + unit);
                    }
                    caseSize = unit;
                    return;
                }
                default -> throw in.corrupt("unknown dictionary record type " + type + " at byte "
                        + (in.position() - 4));
            }
        }
    }

    private Var variable() {
        Var v = new Var();
        v.width = in.i32("a variable's type");
        if (v.width > 255) {
            throw in.corrupt("a variable record declares width " + v.width);
        }
        int hasLabel = in.i32("a variable record");
        v.missingCount = in.i32("a variable's missing values");
        v.printFormat = in.i32("a variable's format");
        in.i32("a variable's write format");
        v.shortName = in.bytes(8, "a variable name");
        v.units = 1;
        if (hasLabel == 1) {
            long len = in.u32("a variable label's length");
            in.need((len + 3) & ~3L, "a variable label");
            v.label = in.bytes((int) len, "a variable label");
            in.skip(((len + 3) & ~3L) - len, "a variable label's padding");
        } else if (hasLabel != 0) {
            throw in.corrupt("a variable record's label flag is " + hasLabel);
        }
        if (v.missingCount < -3 || v.missingCount > 3 || v.missingCount == -1) {
            throw in.corrupt("a variable declares missing-value code " + v.missingCount);
        }
        v.missing = new double[Math.abs(v.missingCount)];
        for (int i = 0; i < v.missing.length; i++) {
            v.missing[i] = in.f64("a missing value");
        }
        return v;
    }

    private void valueLabels() {
        long count = in.u32("a value-label record");
        in.need(count * 9, "a value-label record");
        List<Double> values = new ArrayList<>();
        List<byte[]> labels = new ArrayList<>();
        for (long i = 0; i < count; i++) {
            double value = in.f64("a labelled value");
            int len = in.u8("a value label's length");
            labels.add(in.bytes(len, "a value label"));
            values.add(value);
            int padding = (8 - (len + 1) % 8) % 8;
            in.skip(padding, "a value label's padding");
        }
        if (in.i32("the value-label variables record") != 4) {
            throw in.corrupt("a value-label record is not followed by its variable list");
        }
        long n = in.u32("the value-label variables record");
        in.need(n * 4, "the value-label variables record");
        for (long i = 0; i < n; i++) {
            int index = in.i32("a labelled variable");
            Var v = byUnit.get(index);
            if (v == null) {
                throw in.corrupt("value labels refer to variable " + index + ", which does not exist");
            }
            if (v.width == 0) {
                for (int k = 0; k < values.size(); k++) {
                    v.labels.put(values.get(k), labels.get(k));
                }
            }
        }
    }

    private void extension() {
        int subtype = in.i32("an extension record");
        long size = in.u32("an extension record");
        long count = in.u32("an extension record");
        long length = size * count;
        in.need(length, "extension record " + subtype);
        int at = in.position();
        switch (subtype) {
            case 3 -> {
                if (size == 4 && count >= 8) {
                    codePage = in.buffer().getInt(at + 28);
                }
            }
            case 4 -> {
                if (size == 8 && count >= 1) {
                    long sysmis = in.buffer().getLong(at);
                    if (sysmis != SpssReader.SYSMIS_BITS) {
                        throw in.corrupt("an unusual system-missing value " + Double.longBitsToDouble(sysmis));
                    }
                }
            }
            case 13 -> longNames = in.bytes((int) length, "the long variable names");
            case 14 -> veryLongStrings = in.bytes((int) length, "the very long strings");
            case 16 -> {
                if (size == 8 && count == 2) {
                    long n = in.buffer().getLong(at + 8);
                    if (n >= 0) {
                        cases = n;
                    }
                }
            }
            case 20 -> {
                String enc = new String(in.bytes((int) length, "the encoding"), StandardCharsets.US_ASCII).strip();
                if (!Charset.isSupported(enc)) {
                    throw new InputException(name + " declares text encoding '" + enc
                            + "', which this Java runtime does not know; save it as UTF-8 in SPSS");
                }
                cs = Charset.forName(enc);
            }
            default -> {
                // other records (display parameters, attributes, multiple-response sets, ...) are not needed
            }
        }
        in.seek(at + length, "the next dictionary record");
    }

    private Charset encoding() {
        if (cs != null) {
            return cs;
        }
        String guess = switch (codePage) {
            case 65001 -> "UTF-8";
            case 28591 -> "ISO-8859-1";
            case 20127, 2 -> "US-ASCII";
            case 0, 1252 -> "windows-1252";
            default -> Charset.isSupported("windows-" + codePage) ? "windows-" + codePage
                    : Charset.isSupported("cp" + codePage) ? "cp" + codePage : "windows-1252";
        };
        return Charset.forName(guess);
    }

    /** @return the text in the file's encoding, without trailing blanks and NULs */
    String text(byte[] b) {
        int end = b.length;
        while (end > 0 && (b[end - 1] == ' ' || b[end - 1] == 0)) {
            end--;
        }
        return new String(b, 0, end, cs);
    }

    /** Applies long names and merges the segments of very long strings. */
    private void assemble() {
        for (Var v : vars) {
            v.name = text(v.shortName);
        }
        Map<String, Var> byShort = new HashMap<>();
        for (Var v : vars) {
            byShort.put(v.name.toUpperCase(Locale.ROOT), v);
        }
        if (veryLongStrings != null) {
            for (String entry : new String(veryLongStrings, cs).split("\t")) {
                String e = entry.replace("\0", "").strip();
                int eq = e.indexOf('=');
                if (eq <= 0) {
                    continue;
                }
                Var first = byShort.get(e.substring(0, eq).toUpperCase(Locale.ROOT));
                int width;
                try {
                    width = Integer.parseInt(e.substring(eq + 1).strip());
                } catch (NumberFormatException ex) {
                    throw in.corrupt("very long string entry '" + e + "'");
                }
                if (first == null || width <= 255 || width > 32767) {
                    throw in.corrupt("very long string entry '" + e + "'");
                }
                merge(first, width);
            }
        }
        if (longNames != null) {
            for (String entry : new String(longNames, cs).split("\t")) {
                int eq = entry.indexOf('=');
                if (eq <= 0) {
                    continue;
                }
                Var v = byShort.get(entry.substring(0, eq).toUpperCase(Locale.ROOT));
                if (v != null) {
                    v.name = entry.substring(eq + 1);
                }
            }
        }
    }

    private void merge(Var first, int width) {
        int segments = (width + SEGMENT_STEP - 1) / SEGMENT_STEP;
        int index = vars.indexOf(first);
        if (index + segments > vars.size()) {
            throw in.corrupt("very long string " + first.name + " has fewer segments than its width needs");
        }
        first.segmentWidths = new int[segments];
        first.segmentUnits = new int[segments];
        int total = 0;
        for (int s = 0; s < segments; s++) {
            Var seg = vars.get(index + s);
            first.segmentWidths[s] = s < segments - 1 ? SEGMENT_WIDTH : width - SEGMENT_STEP * (segments - 1);
            first.segmentUnits[s] = seg.units;
            total += seg.units;
        }
        first.units = total;
        first.width = width;
        for (int s = 1; s < segments; s++) {
            vars.remove(index + 1);
        }
    }

    /**
     * @param v a variable of the dictionary
     * @param values its values as read from the data ({@code double[]} or {@code String[]})
     * @return its column, with its label, format, and for numbers its value labels and user-missing values
     */
    Column column(Var v, Object values) {
        String label = text(v.label);
        String format = v.segmentWidths != null ? "A" + v.width : format(v.printFormat);
        if (v.width > 0) {
            return StringColumn.of(v.name, (String[]) values, label, format, StorageType.STR, v.width);
        }
        double[] d = (double[]) values;
        ValueLabels.Builder labels = ValueLabels.builder("");
        v.labels.forEach((value, text) -> {
            if (Double.isFinite(value) && Double.doubleToRawLongBits(value) != SpssReader.SYSMIS_BITS) {
                labels.add(value, text(text));
            }
        });
        return NumericColumn.builder(v.name, d).storage(StorageType.DOUBLE).label(label).format(format)
                .valueLabels(labels.build()).userMissing(userMissing(v)).build();
    }

    private static UserMissingValues userMissing(Var v) {
        double[] m = v.missing.clone();
        for (int i = 0; i < m.length; i++) {
            long bits = Double.doubleToRawLongBits(m[i]);
            if (bits == SpssReader.SYSMIS_BITS || bits == LOWEST_BITS) {
                m[i] = Double.NEGATIVE_INFINITY;
            } else if (m[i] == Double.MAX_VALUE) {
                m[i] = Double.POSITIVE_INFINITY;
            }
        }
        if (v.missingCount > 0) {
            return UserMissingValues.discrete(m);
        }
        if (v.missingCount == -2) {
            return UserMissingValues.range(m[0], m[1]);
        }
        if (v.missingCount == -3) {
            return UserMissingValues.range(m[0], m[1], m[2]);
        }
        return UserMissingValues.NONE;
    }

    private static String format(int packed) {
        int type = (packed >> 16) & 0xff;
        int width = (packed >> 8) & 0xff;
        int decimals = packed & 0xff;
        String[] names = {"", "A", "AHEX", "COMMA", "DOLLAR", "F", "IB", "PIBHEX", "P", "PIB", "PK", "RB", "RBHEX",
            "", "", "Z", "N", "E", "", "", "DATE", "TIME", "DATETIME", "ADATE", "JDATE", "DTIME", "WKDAY", "MONTH",
            "MOYR", "QYR", "WKYR", "PCT", "DOT", "CCA", "CCB", "CCC", "CCD", "CCE", "EDATE", "SDATE", "MTIME",
            "YMDHMS"};
        String n = type < names.length ? names[type] : "";
        if (n.isEmpty()) {
            return "";
        }
        return n + width + (n.equals("A") || n.equals("AHEX") || decimals == 0 ? "" : "." + decimals);
    }
}
