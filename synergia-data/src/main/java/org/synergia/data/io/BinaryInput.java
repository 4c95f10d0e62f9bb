package org.synergia.data.io;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.synergia.data.InputException;

/**
 * A bounds-checked cursor over a binary file held in memory. Every read checks that the bytes
 * exist, so a truncated or corrupt file ends in an {@link InputException} naming the file and what
 * was being read, never in an out-of-memory error or a wrong value.
 */
final class BinaryInput {

    private final String file;
    private final String kind;
    private final ByteBuffer buf;
    private int pos;

    /**
     * @param file the file's name, for messages
     * @param kind what the file should be ({@code Stata .dta}), for messages
     * @param bytes its content
     */
    BinaryInput(String file, String kind, byte[] bytes) {
        this.file = file;
        this.kind = kind;
        this.buf = ByteBuffer.wrap(bytes);
    }

    /** @param order the byte order of the multi-byte numbers that follow */
    void order(ByteOrder order) {
        buf.order(order);
    }

    /** @return the byte order in use */
    ByteOrder order() {
        return buf.order();
    }

    /** @return the underlying buffer, for fast absolute reads within checked bounds */
    ByteBuffer buffer() {
        return buf;
    }

    /** @return the file's size */
    int size() {
        return buf.capacity();
    }

    /** @return the current position */
    int position() {
        return pos;
    }

    /** @return the bytes left after the current position */
    long remaining() {
        return buf.capacity() - (long) pos;
    }

    /**
     * @param position a position to move to
     * @param what what is there, for messages
     */
    void seek(long position, String what) {
        if (position < 0 || position > buf.capacity()) {
            throw corrupt(what + " is said to start at byte " + position + ", beyond the end of the file ("
                    + buf.capacity() + " bytes)");
        }
        pos = (int) position;
    }

    /**
     * Checks that {@code n} more bytes exist.
     *
     * @param n a byte count (may be computed from declared sizes, so possibly huge or negative)
     * @param what what they hold, for messages
     */
    void need(long n, String what) {
        if (n < 0 || n > remaining()) {
            throw new InputException(file + " is truncated or corrupt: reading " + what + " needs " + n + " bytes but only "
                    + remaining() + " remain; the " + kind + " file is damaged, write it again from its source");
        }
    }

    /**
     * @param detail what is wrong
     * @return an exception naming the file
     */
    InputException corrupt(String detail) {
        return new InputException(file + " is not a valid " + kind + " file: " + detail
                + "; write it again from its source");
    }

    void skip(long n, String what) {
        need(n, what);
        pos += (int) n;
    }

    int u8(String what) {
        need(1, what);
        return buf.get(pos++) & 0xff;
    }

    int u16(String what) {
        need(2, what);
        int v = buf.getShort(pos) & 0xffff;
        pos += 2;
        return v;
    }

    int i32(String what) {
        need(4, what);
        int v = buf.getInt(pos);
        pos += 4;
        return v;
    }

    /** @return an unsigned 32-bit number */
    long u32(String what) {
        return i32(what) & 0xffffffffL;
    }

    long i64(String what) {
        need(8, what);
        long v = buf.getLong(pos);
        pos += 8;
        return v;
    }

    double f64(String what) {
        need(8, what);
        double v = buf.getDouble(pos);
        pos += 8;
        return v;
    }

    /**
     * Reads an unsigned integer of {@code width} bytes (1..8) at {@code at} in the current byte
     * order, without moving the cursor (the caller has checked the bounds).
     */
    long unsignedAt(int at, int width) {
        long v = 0;
        if (buf.order() == ByteOrder.LITTLE_ENDIAN) {
            for (int i = width - 1; i >= 0; i--) {
                v = (v << 8) | (buf.get(at + i) & 0xff);
            }
        } else {
            for (int i = 0; i < width; i++) {
                v = (v << 8) | (buf.get(at + i) & 0xff);
            }
        }
        return v;
    }

    byte[] bytes(int n, String what) {
        need(n, what);
        byte[] out = new byte[n];
        buf.get(pos, out);
        pos += n;
        return out;
    }

    /**
     * Reads a fixed-width field holding a NUL-terminated string.
     */
    String fixedString(int width, Charset cs, String what) {
        need(width, what);
        String s = string(pos, width, cs);
        pos += width;
        return s;
    }

    /**
     * Decodes the bytes at {@code [at, at + width)} up to the first NUL, without moving the cursor
     * (the caller has checked the bounds).
     */
    String string(int at, int width, Charset cs) {
        int end = at;
        int limit = at + width;
        byte[] a = buf.array();
        while (end < limit && a[end] != 0) {
            end++;
        }
        return new String(a, at, end - at, cs);
    }

    /**
     * Checks that the ASCII text {@code tag} comes next and moves past it.
     */
    void expect(String tag) {
        if (!lookingAt(tag)) {
            throw corrupt("expected " + tag + " at byte " + pos);
        }
        pos += tag.length();
    }

    /** @return true when the ASCII text {@code tag} comes next */
    boolean lookingAt(String tag) {
        if (remaining() < tag.length()) {
            return false;
        }
        byte[] t = tag.getBytes(StandardCharsets.US_ASCII);
        for (int i = 0; i < t.length; i++) {
            if (buf.get(pos + i) != t[i]) {
                return false;
            }
        }
        return true;
    }
}
