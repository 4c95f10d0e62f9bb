package org.synergia.web.analyst;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Every action of the analyst area, one JSON object a line in {@code <workspace>/analyst/audit.log}:
 * time, account, client address, action, outcome and detail. Never a password or a survey value.
 * Each field is cut to {@value #MAX_FIELD} characters (control characters replaced) before it is
 * written, so a request cannot make a line long; the file is appended to and, past
 * {@code maxBytes}, rotated to {@code audit.log.1} ... {@code audit.log.}{@value #KEPT} (the oldest
 * dropped), so it outlives restarts and stays bounded. Reading goes backwards from the newest line,
 * a page at a time, never the whole log.
 */
public final class AuditLog {

    /**
     * One line of the log.
     *
     * @param time when (ISO-8601, UTC)
     * @param account the account, or {@code -}
     * @param address the client's address
     * @param action what was asked
     * @param outcome {@code ok}, {@code refused} or {@code failed}
     * @param detail what it concerned
     */
    public record Entry(String time, String account, String address, String action, String outcome, String detail) {}

    /** The longest field written, in characters. */
    public static final int MAX_FIELD = 200;
    /** How many rotated files are kept. */
    public static final int KEPT = 5;
    /** The size past which the log is rotated by default, in bytes. */
    public static final long DEFAULT_MAX_BYTES = 4L * 1024 * 1024;

    private static final ObjectMapper JSON = new ObjectMapper();
    private final Path file;
    private final long maxBytes;

    /** @param file the log file (appended to, rotated past {@value #DEFAULT_MAX_BYTES} bytes) */
    public AuditLog(Path file) {
        this(file, DEFAULT_MAX_BYTES);
    }

    /**
     * @param file the log file
     * @param maxBytes the size past which it is rotated
     */
    public AuditLog(Path file, long maxBytes) {
        this.file = file;
        this.maxBytes = maxBytes;
    }

    /** @return the current file (the rotated ones beside it) */
    public Path file() {
        return file;
    }

    /** @return a field as written: control characters replaced, cut to {@value #MAX_FIELD} characters */
    static String capped(String field) {
        String s = field == null ? "-" : field;
        if (s.length() > MAX_FIELD) {
            s = s.substring(0, MAX_FIELD) + "…";
        }
        return s.replaceAll("\\p{Cntrl}", "?");
    }

    /**
     * @param account the account, or {@code -} before login
     * @param address the client's address
     * @param action what was asked ({@code login}, {@code upload}, ...)
     * @param outcome {@code ok}, {@code refused} or {@code failed}
     * @param detail what it concerned
     */
    public synchronized void record(String account, String address, String action, String outcome, String detail) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("time", Instant.now().toString());
        o.put("account", capped(account));
        o.put("address", capped(address));
        o.put("action", capped(action));
        o.put("outcome", capped(outcome));
        o.put("detail", capped(detail));
        try {
            Files.createDirectories(file.getParent());
            if (Files.exists(file) && Files.size(file) > maxBytes) {
                rotate();
            }
            Files.writeString(file, o + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the audit log " + file + ": " + e.getMessage(), e);
        }
    }

    private void rotate() throws IOException {
        Files.deleteIfExists(rotated(KEPT));
        for (int k = KEPT - 1; k >= 1; k--) {
            if (Files.exists(rotated(k))) {
                Files.move(rotated(k), rotated(k + 1), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        Files.move(file, rotated(1), StandardCopyOption.REPLACE_EXISTING);
    }

    private Path rotated(int k) {
        return file.resolveSibling(file.getFileName() + "." + k);
    }

    /**
     * @param count how many entries at most
     * @return the latest entries, newest first
     */
    public List<Entry> latest(int count) {
        return page(0, count);
    }

    /**
     * @param page which page, 0 the newest
     * @param size entries a page
     * @return that page's entries, newest first (the current file, then the rotated ones), read backwards without
     *     loading the log
     */
    public synchronized List<Entry> page(int page, int size) {
        long skip = (long) page * size;
        List<Entry> entries = new ArrayList<>(size);
        for (int k = 0; k <= KEPT && entries.size() < size; k++) {
            Path f = k == 0 ? file : rotated(k);
            if (!Files.exists(f)) {
                continue;
            }
            try (ReverseLines lines = new ReverseLines(f)) {
                for (String line = lines.next(); line != null && entries.size() < size; line = lines.next()) {
                    if (line.isBlank()) {
                        continue;
                    }
                    if (skip > 0) {
                        skip--;
                        continue;
                    }
                    entries.add(entry(f, line));
                }
            } catch (IOException e) {
                throw new UncheckedIOException("could not read the audit log " + f + ": " + e.getMessage(), e);
            }
        }
        return entries;
    }

    private static Entry entry(Path f, String line) {
        try {
            JsonNode o = JSON.readTree(line);
            return new Entry(o.path("time").asText(), o.path("account").asText(), o.path("address").asText(),
                    o.path("action").asText(), o.path("outcome").asText(), o.path("detail").asText());
        } catch (IOException e) {
            throw new UncheckedIOException("the audit log " + f + " has a damaged line: " + e.getMessage(), e);
        }
    }

    /** The lines of a UTF-8 file from the last to the first, read in blocks from the end. */
    private static final class ReverseLines implements AutoCloseable {
        private static final int BLOCK = 64 * 1024;
        private final RandomAccessFile in;
        private long position;
        private final ByteArrayOutputStream pending = new ByteArrayOutputStream();
        private byte[] block = new byte[0];
        private int at;

        ReverseLines(Path f) throws IOException {
            in = new RandomAccessFile(f.toFile(), "r");
            position = in.length();
        }

        /** @return the previous line, or null before the first */
        String next() throws IOException {
            pending.reset();
            boolean any = false;
            while (true) {
                if (at == 0) {
                    if (position == 0) {
                        return any || pending.size() > 0 ? line() : null;
                    }
                    int n = (int) Math.min(BLOCK, position);
                    position -= n;
                    block = new byte[n];
                    in.seek(position);
                    in.readFully(block);
                    at = n;
                }
                byte b = block[--at];
                if (b == '\n') {
                    if (any) {
                        return line();
                    }
                    any = true; // the line's own end
                    continue;
                }
                any = true;
                pending.write(b);
            }
        }

        private String line() {
            byte[] reversed = pending.toByteArray();
            for (int i = 0, j = reversed.length - 1; i < j; i++, j--) {
                byte t = reversed[i];
                reversed[i] = reversed[j];
                reversed[j] = t;
            }
            return new String(reversed, StandardCharsets.UTF_8);
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}
