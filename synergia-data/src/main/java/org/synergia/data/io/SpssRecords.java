package org.synergia.data.io;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import org.synergia.data.InputException;

/**
 * The case records of an SPSS system file, after its dictionary: 8-byte units read as they are,
 * decoded from bytecode compression, or first inflated from zlib blocks ({@code .zsav}); each
 * case's units become the values of the dictionary's variables (very long strings joined from
 * their segments). The number of cases is checked against the file's declaration and the memory
 * Java has before anything is allocated.
 */
final class SpssRecords {

    /** Inflated sizes below this are never suspect, whatever the ratio. */
    private static final long MIN_SUSPECT_INFLATED = 64L << 20;
    /** The largest ratio of inflated to compressed bytes accepted above that size (zlib's own ceiling is about 1,000). */
    private static final long MAX_RATIO = 200;


    private final String name;
    private final BinaryInput in;
    private final SpssHeader header;
    private final SpssDictionary dictionary;
    private final List<SpssDictionary.Var> vars;
    private final Charset cs;

    private SpssRecords(String name, BinaryInput in, SpssHeader header, SpssDictionary dictionary) {
        this.name = name;
        this.in = in;
        this.header = header;
        this.dictionary = dictionary;
        this.vars = dictionary.variables();
        this.cs = dictionary.charset();
    }

    /**
     * @param name the file's name, for messages
     * @param in the file, at its data
     * @param header the file's header
     * @param dictionary the file's dictionary
     * @return each variable's values, in the dictionary's order: {@code double[]} for numbers, {@code String[]} for text
     */
    static List<Object> read(String name, BinaryInput in, SpssHeader header, SpssDictionary dictionary) {
        return new SpssRecords(name, in, header, dictionary).read();
    }

    private List<Object> read() {
        long cases = dictionary.cases();
        int caseSize = dictionary.caseSize();
        long cap = cases;
        UnitSource src = switch (header.compression()) {
            case 0 -> new UnitSource(in.buffer(), in.position(), in.size(), false, header.bias());
            case 1 -> new UnitSource(in.buffer(), in.position(), in.size(), true, header.bias());
            default -> {
                byte[] inflated = inflate();
                ByteBuffer b = ByteBuffer.wrap(inflated).order(in.order());
                yield new UnitSource(b, 0, inflated.length, true, header.bias());
            }
        };
        long available = header.compression() == 0 ? in.remaining() / Math.max(1, 8L * caseSize)
                : src.limit / Math.max(1, caseSize);
        if (cap < 0 || cap > available) {
            if (cap > available && header.compression() == 0) {
                throw new InputException(name + " is truncated or corrupt: it declares " + cases + " cases but holds "
                        + available + "; the SPSS system file is damaged, write it again from its source");
            }
            cap = available;
        }
        checkMemory(cap);
        int rows = (int) Math.min(cap, Integer.MAX_VALUE - 8);
        List<Object> cols = new ArrayList<>(vars.size());
        for (SpssDictionary.Var v : vars) {
            cols.add(v.width == 0 ? new double[rows] : new String[rows]);
        }
        byte[] scratch = new byte[8 * Math.max(1, maxUnits())];
        int r = 0;
        for (; r < rows; r++) {
            if (!src.hasMore()) {
                break;
            }
            for (int j = 0; j < vars.size(); j++) {
                SpssDictionary.Var v = vars.get(j);
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
                cols.set(j, c instanceof double[] d ? Arrays.copyOf(d, r) : Arrays.copyOf((String[]) c, r));
            }
        }
        return cols;
    }

    private int maxUnits() {
        int m = 0;
        for (SpssDictionary.Var v : vars) {
            m = Math.max(m, v.units);
        }
        return m;
    }

    private void checkMemory(long rows) {
        long need = 0;
        for (SpssDictionary.Var v : vars) {
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

    private String string(SpssDictionary.Var v, UnitSource src, byte[] scratch) {
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
        long compressedTotal = 0;
        for (int c : compressed) {
            compressedTotal += c;
        }
        if (total > MIN_SUSPECT_INFLATED && total > MAX_RATIO * Math.max(1, compressedTotal)) {
            throw new InputException(String.format(java.util.Locale.ROOT, "%s declares %d MiB of data in %d KiB of zlib blocks,"
                    + " a ratio of %d to 1 that survey data do not reach (at most %d): the file is damaged or built to exhaust"
                    + " memory; save it again from its source, uncompressed (.sav)", name, total >> 20, compressedTotal >> 10,
                    total / Math.max(1, compressedTotal), MAX_RATIO));
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
                case 254 -> Arrays.fill(dst, off, off + 8, (byte) ' ');
                default -> throw new InputException(file + " is not a valid SPSS system file: a string is coded as"
                        + " number " + code + "; write it again from its source");
            }
        }

        private static double clean(double v) {
            return Double.doubleToRawLongBits(v) == SpssReader.SYSMIS_BITS || Double.isNaN(v) || Double.isInfinite(v)
                    ? Double.NaN : v;
        }
    }
}
