package org.synergia.data.io;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import org.synergia.data.Dataset;
import org.synergia.data.InputException;
import org.synergia.data.NumericColumn;
import org.synergia.data.StorageType;
import org.synergia.data.StringColumn;
import org.synergia.data.UserMissingValues;
import org.synergia.data.ValueLabels;

/**
 * Reads SPSS system files: {@code .sav} uncompressed or bytecode-compressed and {@code .zsav}
 * (zlib-compressed), in either byte order, with long variable names, very long strings
 * (over 255 bytes), variable labels, value labels of numeric variables, user-missing values
 * (discrete values and ranges, {@code LOWEST}/{@code HIGHEST} as infinities) and display
 * formats. Text is decoded with the file's declared encoding (the character-encoding record, or
 * else the code page of the machine-integer record; Windows-1252 when neither is present). The
 * layout follows the system-file description in the GNU PSPP manual. Value labels and
 * user-missing values of string variables are not kept (the dataset model has them for numbers only).
 */
public final class SpssReader implements DatasetReader {

    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
    /** SPSS's system-missing value, -DBL_MAX. */
    private static final long SYSMIS_BITS = 0xffef_ffff_ffff_ffffL;
    /** SPSS's LOWEST, the next double above -DBL_MAX (used in missing-value ranges). */
    private static final long LOWEST_BITS = 0xffef_ffff_ffff_fffeL;
    /**
     * A very long string of width W is stored as ceil(W / 252) string variables ("segments"):
     * all but the last of width 255, the last of width W - 252 (n - 1). The text is packed into
     * them 255 bytes per segment; what lies beyond W bytes is unused.
     */
    private static final int SEGMENT_STEP = 252;
    private static final int SEGMENT_WIDTH = 255;

    private SpssReader() {
    }

    /** @return a reader */
    public static SpssReader withDefaults() {
        return new SpssReader();
    }

    @Override
    public Dataset read(Path file) {
        return read(InputFiles.name(file), InputFiles.readAll(file));
    }

    /**
     * @param name the file's name, for messages and the dataset's name
     * @param bytes the file's content
     * @return the dataset
     */
    Dataset read(String name, byte[] bytes) {
        BinaryInput in = new BinaryInput(name, "SPSS system", bytes);
        try {
            return new Parse(name, in).run();
        } catch (IndexOutOfBoundsException | java.nio.BufferUnderflowException | IllegalArgumentException e) {
            throw in.corrupt("a declared size or value is out of range (" + e.getMessage() + ")");
        }
    }

    /** One variable record of the dictionary (a very long string is several, merged later). */
    private static final class Var {
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

    /** One parse of one file. */
    private static final class Parse {
        private final String name;
        private final BinaryInput in;
        private final List<Var> vars = new ArrayList<>();
        private final Map<Integer, Var> byUnit = new HashMap<>();
        private int compression;
        private int caseSize;
        private long cases = -1;
        private double bias = 100;
        private Charset cs;
        private int codePage;
        private byte[] longNames;
        private byte[] veryLongStrings;
        private byte[] fileLabel;
        private final Dataset.Builder out;

        Parse(String name, BinaryInput in) {
            this.name = name;
            this.in = in;
            this.out = Dataset.builder(name);
        }

        Dataset run() {
            String magic = in.remaining() >= 4 ? new String(in.bytes(4, "the signature"), StandardCharsets.US_ASCII) : "";
            if (!magic.equals("$FL2") && !magic.equals("$FL3")) {
                throw in.corrupt("it does not start with $FL2 or $FL3");
            }
            in.need(172, "the file header");
            in.order(ByteOrder.LITTLE_ENDIAN);
            int layout = in.buffer().getInt(64);
            if (layout != 2 && layout != 3) {
                in.order(ByteOrder.BIG_ENDIAN);
                layout = in.buffer().getInt(64);
                if (layout != 2 && layout != 3) {
                    throw in.corrupt("layout code " + layout + " (expected 2 or 3)");
                }
            }
            in.skip(60, "the product name");
            in.i32("the layout code");
            caseSize = in.i32("the case size");
            compression = in.i32("the compression");
            if (compression < 0 || compression > 2 || (compression == 2) != magic.equals("$FL3")) {
                throw in.corrupt("compression code " + compression + " does not match signature " + magic);
            }
            in.i32("the weight index");
            int n = in.i32("the number of cases");
            cases = n < 0 ? -1 : n;
            bias = in.f64("the compression bias");
            in.skip(17, "the creation date");
            fileLabel = in.bytes(64, "the file label");
            in.skip(3, "header padding");
            dictionary();
            cs = encoding();
            assemble();
            List<Object> columns = readData();
            out.label(text(fileLabel).strip()).metadata("format", "sav")
                    .metadata("compression", switch (compression) {
                        case 0 -> "none";
                        case 1 -> "bytecode";
                        default -> "zlib";
                    })
                    .metadata("byteorder", in.order() == ByteOrder.BIG_ENDIAN ? "big-endian" : "little-endian")
                    .metadata("encoding", cs.name());
            for (int j = 0; j < vars.size(); j++) {
                out.add(column(vars.get(j), columns.get(j)));
            }
            return out.build();
        }

        private void dictionary() {
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
                        if (sysmis != SYSMIS_BITS) {
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

        private String text(byte[] b) {
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

        private List<Object> readData() {
            long cap = cases;
            UnitSource src = switch (compression) {
                case 0 -> new UnitSource(in.buffer(), in.position(), in.size(), false, bias);
                case 1 -> new UnitSource(in.buffer(), in.position(), in.size(), true, bias);
                default -> {
                    byte[] inflated = inflate();
                    ByteBuffer b = ByteBuffer.wrap(inflated).order(in.order());
                    yield new UnitSource(b, 0, inflated.length, true, bias);
                }
            };
            long available = compression == 0 ? in.remaining() / Math.max(1, 8L * caseSize)
                    : src.limit / Math.max(1, caseSize);
            if (cap < 0 || cap > available) {
                if (cap > available && compression == 0) {
                    throw new InputException(name + " is truncated or corrupt: it declares " + cases + " cases but holds "
                            + available + "; the SPSS system file is damaged, write it again from its source");
                }
                cap = available;
            }
            checkMemory(cap);
            int rows = (int) Math.min(cap, Integer.MAX_VALUE - 8);
            List<Object> cols = new ArrayList<>(vars.size());
            for (Var v : vars) {
                cols.add(v.width == 0 ? new double[rows] : new String[rows]);
            }
            byte[] scratch = new byte[8 * Math.max(1, maxUnits())];
            int r = 0;
            for (; r < rows; r++) {
                if (!src.hasMore()) {
                    break;
                }
                for (int j = 0; j < vars.size(); j++) {
                    Var v = vars.get(j);
                    if (v.width == 0) {
                        ((double[]) cols.get(j))[r] = src.number(name);
                    } else {
                        ((String[]) cols.get(j))[r] = string(v, src, scratch);
                    }
                }
            }
            if (cases >= 0 && r < cases) {
                throw new InputException(name + " is truncated or corrupt: it declares " + cases + " cases but the data end"
                        + " after " + r + "; the SPSS system file is damaged, write it again from its source");
            }
            if (r < rows) {
                for (int j = 0; j < cols.size(); j++) {
                    Object c = cols.get(j);
                    cols.set(j, c instanceof double[] d ? java.util.Arrays.copyOf(d, r)
                            : java.util.Arrays.copyOf((String[]) c, r));
                }
            }
            return cols;
        }

        private int maxUnits() {
            int m = 0;
            for (Var v : vars) {
                m = Math.max(m, v.units);
            }
            return m;
        }

        private void checkMemory(long rows) {
            long need = 0;
            for (Var v : vars) {
                need += v.width == 0 ? 8 : 40;
            }
            need *= rows;
            Runtime rt = Runtime.getRuntime();
            long free = rt.maxMemory() - (rt.totalMemory() - rt.freeMemory());
            if (need > free) {
                throw new InputException(name + " needs about " + (need >> 20) + " MiB of memory to hold its " + rows
                        + " cases, more than Java has (" + (free >> 20)
                        + " MiB free); allow more with SYNERGIA_JAVA_OPTS=-Xmx16g or keep fewer variables");
            }
        }

        private String string(Var v, UnitSource src, byte[] scratch) {
            int length = 0;
            if (v.segmentWidths == null) {
                for (int u = 0; u < v.units; u++) {
                    src.chars(scratch, 8 * u, name);
                }
                length = Math.min(v.width, 8 * v.units);
            } else {
                int pos = 0;
                byte[] seg = new byte[8 * 32];
                for (int s = 0; s < v.segmentWidths.length; s++) {
                    int units = v.segmentUnits[s];
                    if (seg.length < 8 * units) {
                        seg = new byte[8 * units];
                    }
                    for (int u = 0; u < units; u++) {
                        src.chars(seg, 8 * u, name);
                    }
                    int take = Math.min(v.segmentWidths[s], 8 * units);
                    System.arraycopy(seg, 0, scratch, pos, take);
                    pos += take;
                }
                length = Math.min(pos, v.width);
            }
            while (length > 0 && (scratch[length - 1] == ' ' || scratch[length - 1] == 0)) {
                length--;
            }
            return length == 0 ? null : new String(scratch, 0, length, cs);
        }

        private byte[] inflate() {
            int start = in.position();
            in.need(24, "the zlib header");
            long headerOffset = in.i64("the zlib header");
            long trailerOffset = in.i64("the zlib header");
            long trailerLength = in.i64("the zlib header");
            if (headerOffset != start || trailerOffset < in.position() || trailerLength < 24
                    || trailerOffset + trailerLength > in.size()) {
                throw in.corrupt("the zlib header points outside the file");
            }
            in.seek(trailerOffset, "the zlib trailer");
            in.f64("the zlib trailer");
            in.i64("the zlib trailer");
            long blockSize = in.u32("the zlib trailer");
            long blocks = in.u32("the zlib trailer");
            if (24 + 24 * blocks > trailerLength) {
                throw in.corrupt("the zlib trailer declares " + blocks + " blocks in " + trailerLength + " bytes");
            }
            long total = 0;
            long[] compressedAt = new long[(int) blocks];
            int[] uncompressed = new int[(int) blocks];
            int[] compressed = new int[(int) blocks];
            for (int b = 0; b < blocks; b++) {
                in.i64("a zlib block");
                compressedAt[b] = in.i64("a zlib block");
                long u = in.u32("a zlib block");
                long c = in.u32("a zlib block");
                if (compressedAt[b] < 0 || compressedAt[b] + c > trailerOffset || u > Math.max(blockSize, 1L << 22)) {
                    throw in.corrupt("zlib block " + (b + 1) + " lies outside the data");
                }
                uncompressed[b] = (int) u;
                compressed[b] = (int) c;
                total += u;
            }
            Runtime rt = Runtime.getRuntime();
            if (total > Math.min(Integer.MAX_VALUE - 8, rt.maxMemory() / 2)) {
                throw new InputException(name + " declares " + (total >> 20) + " MiB of compressed data, more than Java"
                        + " can hold; allow more with SYNERGIA_JAVA_OPTS=-Xmx16g");
            }
            ByteArrayOutputStream outBytes = new ByteArrayOutputStream((int) total);
            Inflater inflater = new Inflater();
            try {
                byte[] buf = new byte[1 << 16];
                for (int b = 0; b < blocks; b++) {
                    inflater.reset();
                    inflater.setInput(in.buffer().array(), (int) compressedAt[b], compressed[b]);
                    int produced = 0;
                    while (!inflater.finished()) {
                        int n = inflater.inflate(buf);
                        if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                            throw in.corrupt("zlib block " + (b + 1) + " ends early");
                        }
                        produced += n;
                        if (produced > uncompressed[b]) {
                            throw in.corrupt("zlib block " + (b + 1) + " inflates beyond its declared size");
                        }
                        outBytes.write(buf, 0, n);
                    }
                }
            } catch (DataFormatException e) {
                throw in.corrupt("a zlib block is damaged (" + e.getMessage() + ")");
            } finally {
                inflater.end();
            }
            return outBytes.toByteArray();
        }

        private org.synergia.data.Column column(Var v, Object values) {
            String label = text(v.label);
            String format = v.segmentWidths != null ? "A" + v.width : format(v.printFormat);
            if (v.width > 0) {
                return StringColumn.of(v.name, (String[]) values, label, format, StorageType.STR, v.width);
            }
            double[] d = (double[]) values;
            ValueLabels.Builder labels = ValueLabels.builder("");
            v.labels.forEach((value, text) -> {
                if (Double.isFinite(value) && Double.doubleToRawLongBits(value) != SYSMIS_BITS) {
                    labels.add(value, text(text));
                }
            });
            return NumericColumn.builder(v.name, d).storage(StorageType.DOUBLE).label(label).format(format)
                    .valueLabels(labels.build()).userMissing(userMissing(v)).build();
        }

        private UserMissingValues userMissing(Var v) {
            double[] m = v.missing.clone();
            for (int i = 0; i < m.length; i++) {
                long bits = Double.doubleToRawLongBits(m[i]);
                if (bits == SYSMIS_BITS || bits == LOWEST_BITS) {
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

    /**
     * The 8-byte units of the data, read as they are (uncompressed files) or decoded from SPSS's
     * bytecode compression: each command byte is 0 (padding), 1..251 (the number code - bias),
     * 252 (end of data), 253 (the next raw 8 bytes), 254 (eight spaces) or 255 (system missing).
     */
    private static final class UnitSource {
        private final ByteBuffer buf;
        private int pos;
        private final int limit;
        private final boolean compressed;
        private final double bias;
        private int commandAt = -1;
        private int commandIndex = 8;
        private boolean ended;

        UnitSource(ByteBuffer buf, int start, int limit, boolean compressed, double bias) {
            this.buf = buf;
            this.pos = start;
            this.limit = limit;
            this.compressed = compressed;
            this.bias = bias;
        }

        /** @return true unless the data have ended */
        boolean hasMore() {
            if (!compressed) {
                return limit - pos >= 8;
            }
            return peek() >= 0;
        }

        /** The next command byte that is not padding, without consuming it; -1 at the end. */
        private int peek() {
            while (!ended) {
                if (commandIndex == 8) {
                    if (limit - pos < 8) {
                        ended = true;
                        break;
                    }
                    commandAt = pos;
                    pos += 8;
                    commandIndex = 0;
                }
                int code = buf.get(commandAt + commandIndex) & 0xff;
                if (code == 0) {
                    commandIndex++;
                    continue;
                }
                if (code == 252) {
                    ended = true;
                    break;
                }
                return code;
            }
            return -1;
        }

        private int next(String file) {
            int code = peek();
            if (code < 0) {
                throw new InputException(file + " is truncated or corrupt: the data end inside a case; the SPSS"
                        + " system file is damaged, write it again from its source");
            }
            commandIndex++;
            return code;
        }

        private int raw(String file) {
            if (limit - pos < 8) {
                throw new InputException(file + " is truncated or corrupt: the data end inside a case; the SPSS"
                        + " system file is damaged, write it again from its source");
            }
            int at = pos;
            pos += 8;
            return at;
        }

        double number(String file) {
            if (!compressed) {
                return clean(buf.getDouble(raw(file)));
            }
            int code = next(file);
            return switch (code) {
                case 253 -> clean(buf.getDouble(raw(file)));
                case 254 -> throw new InputException(file + " is not a valid SPSS system file: a numeric value is coded"
                        + " as blanks; write it again from its source");
                case 255 -> Double.NaN;
                default -> code - bias;
            };
        }

        void chars(byte[] dst, int off, String file) {
            if (!compressed) {
                buf.get(raw(file), dst, off, 8);
                return;
            }
            int code = next(file);
            switch (code) {
                case 253 -> buf.get(raw(file), dst, off, 8);
                case 254 -> java.util.Arrays.fill(dst, off, off + 8, (byte) ' ');
                default -> throw new InputException(file + " is not a valid SPSS system file: a string is coded as"
                        + " number " + code + "; write it again from its source");
            }
        }

        private static double clean(double v) {
            return Double.doubleToRawLongBits(v) == SYSMIS_BITS || Double.isNaN(v) || Double.isInfinite(v)
                    ? Double.NaN : v;
        }
    }
}
