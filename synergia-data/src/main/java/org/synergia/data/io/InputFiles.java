package org.synergia.data.io;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.synergia.data.InputException;

/** Opening input files with messages an analyst understands. */
final class InputFiles {

    /** The largest file read whole into memory (Java arrays hold at most 2^31 - 1 bytes). */
    static final long MAX_BYTES = Integer.MAX_VALUE - 16;

    private InputFiles() {
    }

    /**
     * @param file a file
     * @return the file's name, for messages
     */
    static String name(Path file) {
        Path n = file.getFileName();
        return n == null ? file.toString() : n.toString();
    }

    /**
     * Checks that {@code file} is a readable regular file and returns its size.
     *
     * @param file the file
     * @return its size in bytes
     */
    static long checkReadable(Path file) {
        if (Files.isDirectory(file)) {
            throw new InputException(file + " is a directory; give a data file");
        }
        if (!Files.exists(file)) {
            throw new InputException("file not found: " + file + "; check the path");
        }
        if (!Files.isReadable(file)) {
            throw new InputException(file + " cannot be read (permission denied); check its permissions");
        }
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw unreadable(file, e);
        }
    }

    /**
     * @param file a file of at most {@link #MAX_BYTES} bytes
     * @return its bytes
     */
    static byte[] readAll(Path file) {
        long size = checkReadable(file);
        if (size > MAX_BYTES) {
            throw new InputException(name(file) + " is " + size / (1L << 20)
                    + " MiB, larger than Synergia reads in one piece (2 GiB); convert it to Parquet");
        }
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw unreadable(file, e);
        }
    }

    /**
     * Refuses, before any reading, a file whose reading would need more memory than the JVM has left, so the user gets
     * a message instead of an {@link OutOfMemoryError}.
     *
     * @param file the file
     * @param needed the bytes its reading holds at once (e.g. the bytes and their decoded characters)
     */
    static void checkMemory(Path file, long needed) {
        Runtime r = Runtime.getRuntime();
        long available = r.maxMemory() - (r.totalMemory() - r.freeMemory());
        if (needed > available) {
            throw new InputException(String.format(java.util.Locale.ROOT, "%s needs about %.1f GiB of memory to read and"
                    + " %.1f GiB is available: give Synergia more memory (SYNERGIA_JAVA_OPTS=-Xmx%dg) or convert the file to"
                    + " Parquet, which is read column by column", name(file), needed / 1073741824.0, available / 1073741824.0,
                    Math.max(2, (long) Math.ceil((r.maxMemory() + needed - available) / 1073741824.0) + 1)));
        }
    }

    /**
     * @param file the file
     * @param e the failure
     * @return an exception naming the file and the failure
     */
    static InputException unreadable(Path file, IOException e) {
        if (e instanceof NoSuchFileException) {
            return new InputException("file not found: " + file + "; check the path", e);
        }
        if (e instanceof AccessDeniedException) {
            return new InputException(file + " cannot be read (permission denied); check its permissions", e);
        }
        return new InputException(file + " cannot be read: " + e.getMessage(), e);
    }
}
