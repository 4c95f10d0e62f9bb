package org.synergia.data.io;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.synergia.data.InputException;

/**
 * Mutated binary files must end in a dataset or an {@link InputException}, quickly: never another
 * exception, an out-of-memory error or a hang. Files that once broke a reader are kept in
 * {@code fixtures/fuzz} and read on every run.
 */
class BinaryReaderFuzzTest {

    private static final List<String> SEEDS = List.of("dta/haven_114.dta", "dta/haven_117.dta", "dta/haven_118.dta",
            "dta/haven_119.dta", "dta/msf_118.dta", "dta/pandas_114.dta", "dta/pandas_117_msf.dta",
            "dta/pandas_118.dta", "sav/pspp_uncompressed.sav", "sav/pspp_compressed.sav", "sav/pspp.zsav",
            "sav/haven_byte.sav", "sav/haven.zsav", "sav/pspp_cp1252.sav");

    private static Path resource(String name) {
        try {
            return Path.of(BinaryReaderFuzzTest.class.getResource("/fixtures/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] bytes(Path p) {
        try {
            return Files.readAllBytes(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Flips bytes, overwrites 32-bit fields (the declared sizes) and truncates, as the seed says. */
    static byte[] mutate(byte[] original, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        byte[] b = original.clone();
        int edits = 1 + rnd.nextInt(4);
        for (int e = 0; e < edits && b.length > 0; e++) {
            int at = rnd.nextInt(b.length);
            switch (rnd.nextInt(4)) {
                case 0 -> b[at] = (byte) rnd.nextInt(256);
                case 1 -> b[at] ^= (byte) (1 << rnd.nextInt(8));
                case 2 -> {
                    int v = rnd.nextBoolean() ? rnd.nextInt() : rnd.nextInt(1 << 16);
                    for (int i = 0; i < 4 && at + i < b.length; i++) {
                        b[at + i] = (byte) (v >>> (8 * i));
                    }
                }
                default -> b = java.util.Arrays.copyOf(b, at);
            }
        }
        return b;
    }

    private static void readOrRefuse(String name, byte[] content) {
        assertTimeoutPreemptively(Duration.ofSeconds(5), () -> {
            try {
                read(name, content);
            } catch (InputException expected) {
                // a one-line refusal is the right outcome for a damaged file
            }
        }, name);
    }

    private static void read(String name, byte[] content) {
        if (name.contains(".dta")) {
            StataReader.withDefaults().read(name, content);
        } else {
            SpssReader.withDefaults().read(name, content);
        }
    }

    @Property(tries = 300)
    void mutatedFilesAreReadOrRefused(@ForAll @IntRange(min = 0, max = 13) int which, @ForAll long seed) {
        String name = SEEDS.get(which);
        readOrRefuse(name + " mutated with seed " + seed, mutate(bytes(resource(name)), seed));
    }

    @Test
    void keptCrashersAreRefused() throws IOException {
        try (Stream<Path> files = Files.list(resource("fuzz"))) {
            files.filter(p -> !p.toString().endsWith(".md")).forEach(p -> assertThrows(InputException.class,
                    () -> read(p.getFileName().toString(), bytes(p)), p.toString()));
        }
    }
}
