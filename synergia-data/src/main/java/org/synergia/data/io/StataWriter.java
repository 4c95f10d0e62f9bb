package org.synergia.data.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.synergia.data.Column;
import org.synergia.data.Dataset;
import org.synergia.data.InputException;
import org.synergia.data.MissingCodes;
import org.synergia.data.NumericColumn;
import org.synergia.data.StorageType;
import org.synergia.data.StringColumn;
import org.synergia.data.ValueLabels;

/**
 * Writes a {@link Dataset} as a Stata 14+ {@code .dta} file (format 118, little-endian, UTF-8),
 * as laid out in Stata's documentation ({@code help dta}). Integer columns keep their storage
 * when their values fit Stata's range for it and are widened otherwise; {@code float} columns
 * stay {@code float}; strings are {@code str#} up to 2,045 bytes and {@code strL} beyond. Missing
 * values keep their code ({@code .}, {@code .a}..{@code .z}); SPSS user-missing values are written
 * as the values they are (Stata has no user-missing values). Variable and value labels, display
 * formats and the dataset label are kept.
 */
public final class StataWriter {

    private static final int MAX_VARIABLES = 32_767;
    private static final int NAME = 129;
    private static final int FORMAT = 57;
    private static final int LABEL = 321;

    private StataWriter() {
    }

    /** @return a writer of format 118 */
    public static StataWriter withDefaults() {
        return new StataWriter();
    }

    /**
     * @param data the dataset
     * @param file where to write it (replaced if it exists)
     * @throws InputException when a name or label cannot be stored in a .dta file, or the file cannot be written
     */
    public void write(Dataset data, Path file) {
        if (data.columnCount() > MAX_VARIABLES) {
            throw new InputException(data.name() + " has " + data.columnCount() + " variables; a .dta file of format"
                    + " 118 holds at most 32,767; keep fewer variables");
        }
        Plan plan = new Plan(data);
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            new Output(ch).write(data, plan);
        } catch (IOException e) {
            throw new InputException(file + " cannot be written: " + e.getMessage(), e);
        }
    }

    /** The storage type of each column and the value-label tables, decided before writing. */
    private static final class Plan {
        final int[] types;
        final String[] labelNames;
        final Map<String, ValueLabels> labelSets = new LinkedHashMap<>();

        Plan(Dataset data) {
            int k = data.columnCount();
            types = new int[k];
            labelNames = new String[k];
            for (int j = 0; j < k; j++) {
                Column c = data.column(j);
                checkName(c.name(), "variable", data.name());
                labelNames[j] = "";
                if (c instanceof NumericColumn n) {
                    types[j] = numericType(n);
                    ValueLabels vl = n.valueLabels();
                    if (!vl.isEmpty()) {
                        String name = vl.name().isEmpty() ? n.name() : vl.name();
                        ValueLabels known = labelSets.get(name);
                        if (known != null && !known.equals(vl)) {
                            name = n.name();
                        }
                        checkName(name, "value-label set", data.name());
                        checkLabelValues(n.name(), vl);
                        labelSets.put(name, vl);
                        labelNames[j] = name;
                    }
                } else {
                    StringColumn s = (StringColumn) c;
                    int width = 1;
                    for (int i = 0; i < s.size(); i++) {
                        width = Math.max(width, utf8Length(s.text(i)));
                    }
                    types[j] = width <= StataFormat.MAX_STR ? width : StataFormat.TYPE_STRL;
                }
            }
        }

        private static int numericType(NumericColumn n) {
            StorageType st = n.storage();
            if (st == StorageType.FLOAT) {
                return StataFormat.TYPE_FLOAT;
            }
            if (!st.isInteger()) {
                return StataFormat.TYPE_DOUBLE;
            }
            double min = 0;
            double max = 0;
            for (int i = 0; i < n.size(); i++) {
                double v = n.rawValue(i);
                if (v == v) {
                    min = Math.min(min, v);
                    max = Math.max(max, v);
                }
            }
            StorageType fit = st.holds(min) && st.holds(max) ? st : StorageType.narrowestInteger(min, max);
            return switch (fit) {
                case BYTE -> StataFormat.TYPE_BYTE;
                case INT -> StataFormat.TYPE_INT;
                case LONG -> StataFormat.TYPE_LONG;
                default -> StataFormat.TYPE_DOUBLE;
            };
        }

        private static void checkLabelValues(String variable, ValueLabels vl) {
            for (int i = 0; i < vl.size(); i++) {
                double v = vl.value(i);
                if (v != Math.rint(v) || v < -2_147_483_647 || v > 2_147_483_620) {
                    throw new InputException("variable " + variable + " has a value label for "
                            + NumericColumn.formatNumber(v) + ", but Stata labels only whole numbers up to"
                            + " 2,147,483,620; recode the variable or drop its labels");
                }
            }
        }

        private static void checkName(String name, String what, String dataset) {
            boolean ok = !name.isEmpty() && name.length() <= 32 && utf8Length(name) < NAME
                    && (Character.isLetter(name.charAt(0)) || name.charAt(0) == '_');
            for (int i = 1; ok && i < name.length(); i++) {
                char c = name.charAt(i);
                ok = Character.isLetterOrDigit(c) || c == '_';
            }
            if (!ok) {
                throw new InputException(dataset + ": the " + what + " name '" + name + "' is not a valid Stata name"
                        + " (1-32 letters, digits or _, not starting with a digit); rename it before writing .dta");
            }
        }
    }

    private static int utf8Length(String s) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                n++;
            } else if (c < 0x800) {
                n += 2;
            } else if (Character.isHighSurrogate(c)) {
                n += 4;
                i++;
            } else {
                n += 3;
            }
        }
        return n;
    }

    /** Buffered little-endian output that knows its position. */
    private static final class Output {
        private final FileChannel ch;
        private final ByteBuffer buf = ByteBuffer.allocate(1 << 20).order(ByteOrder.LITTLE_ENDIAN);
        private long flushed;

        Output(FileChannel ch) {
            this.ch = ch;
        }

        long position() {
            return flushed + buf.position();
        }

        void room(int n) throws IOException {
            if (buf.remaining() < n) {
                flush();
            }
        }

        void flush() throws IOException {
            buf.flip();
            while (buf.hasRemaining()) {
                flushed += ch.write(buf);
            }
            buf.clear();
        }

        void tag(String t) throws IOException {
            bytes(t.getBytes(StandardCharsets.US_ASCII));
        }

        void bytes(byte[] b) throws IOException {
            int off = 0;
            while (off < b.length) {
                room(1);
                int n = Math.min(buf.remaining(), b.length - off);
                buf.put(b, off, n);
                off += n;
            }
        }

        /** A NUL-padded fixed-width field holding {@code s}, cut at a character boundary if too long. */
        void fixed(String s, int width) throws IOException {
            byte[] b = s.getBytes(StandardCharsets.UTF_8);
            int n = Math.min(b.length, width - 1);
            while (n > 0 && n < b.length && (b[n] & 0xC0) == 0x80) {
                n--;
            }
            room(width);
            buf.put(b, 0, n);
            for (int i = n; i < width; i++) {
                buf.put((byte) 0);
            }
        }

        void write(Dataset data, Plan plan) throws IOException {
            long[] map = new long[14];
            int k = data.columnCount();
            int n = data.rowCount();
            tag("<stata_dta><header><release>118</release><byteorder>LSF</byteorder><K>");
            room(2);
            buf.putShort((short) k);
            tag("</K><N>");
            room(8);
            buf.putLong(n);
            tag("</N><label>");
            byte[] label = truncate(data.label(), 320);
            room(2);
            buf.putShort((short) label.length);
            bytes(label);
            tag("</label><timestamp>");
            String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("dd MMM yyyy HH:mm", Locale.ENGLISH));
            room(1);
            buf.put((byte) 17);
            tag(stamp);
            tag("</timestamp></header>");
            map[1] = position();
            tag("<map>");
            long mapValues = position();
            room(14 * 8);
            for (int i = 0; i < 14; i++) {
                buf.putLong(0);
            }
            tag("</map>");
            map[2] = position();
            tag("<variable_types>");
            for (int t : plan.types) {
                room(2);
                buf.putShort((short) t);
            }
            tag("</variable_types>");
            map[3] = position();
            tag("<varnames>");
            for (Column c : data.columns()) {
                fixed(c.name(), NAME);
            }
            tag("</varnames>");
            map[4] = position();
            tag("<sortlist>");
            for (int j = 0; j <= k; j++) {
                room(2);
                buf.putShort((short) 0);
            }
            tag("</sortlist>");
            map[5] = position();
            tag("<formats>");
            for (int j = 0; j < k; j++) {
                fixed(format(data.column(j), plan.types[j]), FORMAT);
            }
            tag("</formats>");
            map[6] = position();
            tag("<value_label_names>");
            for (String l : plan.labelNames) {
                fixed(l, NAME);
            }
            tag("</value_label_names>");
            map[7] = position();
            tag("<variable_labels>");
            for (Column c : data.columns()) {
                fixed(c.label(), LABEL);
            }
            tag("</variable_labels>");
            map[8] = position();
            tag("<characteristics></characteristics>");
            map[9] = position();
            tag("<data>");
            data(data.columns(), plan.types, n);
            tag("</data>");
            map[10] = position();
            tag("<strls>");
            strls(data.columns(), plan.types, n);
            tag("</strls>");
            map[11] = position();
            tag("<value_labels>");
            for (Map.Entry<String, ValueLabels> e : plan.labelSets.entrySet()) {
                valueLabels(e.getKey(), e.getValue());
            }
            tag("</value_labels>");
            map[12] = position();
            tag("</stata_dta>");
            map[13] = position();
            flush();
            ByteBuffer m = ByteBuffer.allocate(14 * 8).order(ByteOrder.LITTLE_ENDIAN);
            for (long v : map) {
                m.putLong(v);
            }
            m.flip();
            long at = mapValues;
            while (m.hasRemaining()) {
                at += ch.write(m, at);
            }
        }

        private static byte[] truncate(String s, int maxBytes) {
            byte[] b = s.getBytes(StandardCharsets.UTF_8);
            if (b.length <= maxBytes) {
                return b;
            }
            int n = maxBytes;
            while (n > 0 && (b[n] & 0xC0) == 0x80) {
                n--;
            }
            return java.util.Arrays.copyOf(b, n);
        }

        private static String format(Column c, int type) {
            String f = c.format();
            if (f.startsWith("%") && f.length() < FORMAT && f.chars().allMatch(ch -> ch < 0x80)
                    && f.endsWith("s") == (type <= StataFormat.MAX_STR || type == StataFormat.TYPE_STRL)) {
                return f;
            }
            return switch (type) {
                case StataFormat.TYPE_DOUBLE -> "%10.0g";
                case StataFormat.TYPE_FLOAT -> "%9.0g";
                case StataFormat.TYPE_LONG -> "%12.0g";
                case StataFormat.TYPE_BYTE, StataFormat.TYPE_INT -> "%8.0g";
                case StataFormat.TYPE_STRL -> "%9s";
                default -> "%" + Math.max(type, 1) + "s";
            };
        }

        private void data(List<Column> cols, int[] types, int n) throws IOException {
            int k = cols.size();
            NumericColumn[] num = new NumericColumn[k];
            StringColumn[] str = new StringColumn[k];
            for (int j = 0; j < k; j++) {
                if (cols.get(j) instanceof NumericColumn c) {
                    num[j] = c;
                } else {
                    str[j] = (StringColumn) cols.get(j);
                }
            }
            for (int r = 0; r < n; r++) {
                for (int j = 0; j < k; j++) {
                    int t = types[j];
                    if (num[j] != null) {
                        double v = num[j].rawValue(r);
                        int code = v == v ? MissingCodes.NOT_MISSING : num[j].missingCode(r);
                        room(8);
                        switch (t) {
                            case StataFormat.TYPE_BYTE -> buf.put((byte) (code < 0 ? (int) v : StataFormat.BYTE_MISSING + code));
                            case StataFormat.TYPE_INT -> buf.putShort((short) (code < 0 ? (int) v : StataFormat.INT_MISSING + code));
                            case StataFormat.TYPE_LONG -> buf.putInt(code < 0 ? (int) v : StataFormat.LONG_MISSING + code);
                            case StataFormat.TYPE_FLOAT -> buf.putInt(code < 0 ? Float.floatToRawIntBits((float) v)
                                    : StataFormat.FLOAT_MISSING_BITS + (code << StataFormat.FLOAT_MISSING_SHIFT));
                            default -> buf.putLong(code < 0 ? Double.doubleToRawLongBits(v)
                                    : StataFormat.DOUBLE_MISSING_BITS + ((long) code << StataFormat.DOUBLE_MISSING_SHIFT));
                        }
                    } else if (t == StataFormat.TYPE_STRL) {
                        room(8);
                        boolean empty = str[j].isMissing(r);
                        buf.putShort((short) (empty ? 0 : j + 1));
                        long o = empty ? 0 : r + 1L;
                        buf.putInt((int) o);
                        buf.putShort((short) (o >>> 32));
                    } else {
                        fixedData(str[j].text(r), t);
                    }
                }
            }
        }

        /** A {@code str#} cell: the bytes, NUL-padded, without a terminator when full. */
        private void fixedData(String s, int width) throws IOException {
            byte[] b = s.getBytes(StandardCharsets.UTF_8);
            room(width);
            buf.put(b, 0, b.length);
            for (int i = b.length; i < width; i++) {
                buf.put((byte) 0);
            }
        }

        private void strls(List<Column> cols, int[] types, int n) throws IOException {
            for (int r = 0; r < n; r++) {
                for (int j = 0; j < cols.size(); j++) {
                    if (types[j] != StataFormat.TYPE_STRL || cols.get(j).isMissing(r)) {
                        continue;
                    }
                    byte[] b = cols.get(j).text(r).getBytes(StandardCharsets.UTF_8);
                    tag("GSO");
                    room(17);
                    buf.putInt(j + 1);
                    buf.putLong(r + 1L);
                    buf.put((byte) 130);
                    buf.putInt(b.length + 1);
                    bytes(b);
                    room(1);
                    buf.put((byte) 0);
                }
            }
        }

        private void valueLabels(String name, ValueLabels vl) throws IOException {
            int count = vl.size();
            int missing = 0;
            for (int c = 0; c <= MissingCodes.LAST; c++) {
                missing += vl.missingLabel(c) == null ? 0 : 1;
            }
            int total = count + missing;
            byte[][] texts = new byte[total][];
            int[] values = new int[total];
            int textLength = 0;
            int e = 0;
            for (int i = 0; i < count; i++, e++) {
                values[e] = (int) vl.value(i);
                texts[e] = vl.label(i).getBytes(StandardCharsets.UTF_8);
                textLength += texts[e].length + 1;
            }
            for (int c = 0; c <= MissingCodes.LAST; c++) {
                if (vl.missingLabel(c) != null) {
                    values[e] = StataFormat.LONG_MISSING + c;
                    texts[e] = vl.missingLabel(c).getBytes(StandardCharsets.UTF_8);
                    textLength += texts[e++].length + 1;
                }
            }
            tag("<lbl>");
            room(4);
            buf.putInt(8 + 8 * total + textLength);
            fixed(name, NAME);
            room(3);
            buf.put(new byte[3]);
            room(8);
            buf.putInt(total);
            buf.putInt(textLength);
            int offset = 0;
            for (int i = 0; i < total; i++) {
                room(4);
                buf.putInt(offset);
                offset += texts[i].length + 1;
            }
            for (int i = 0; i < total; i++) {
                room(4);
                buf.putInt(values[i]);
            }
            for (byte[] t : texts) {
                bytes(t);
                room(1);
                buf.put((byte) 0);
            }
            tag("</lbl>");
        }
    }
}
