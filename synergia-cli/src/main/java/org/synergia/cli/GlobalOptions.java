package org.synergia.cli;

import picocli.CommandLine.Option;

/** The options every command accepts (the command-line contract's global options). */
public final class GlobalOptions {

    /** How results are printed. */
    public enum Format { text, json }

    @Option(names = "--format", description = "text or json (default: ${DEFAULT-VALUE}); json prints one document on stdout",
            defaultValue = "text")
    Format format = Format.text;

    @Option(names = "--seed", description = "seed for every random draw (default: ${DEFAULT-VALUE})", defaultValue = "20171")
    long seed = 20171;

    @Option(names = "--threads", description = "worker threads (default: all cores)")
    Integer threads;

    @Option(names = "--quiet", description = "no progress or warnings on stderr")
    boolean quiet;

    /** @return true when the output is one JSON document */
    public boolean json() {
        return format == Format.json;
    }

    /** @return the seed for random draws */
    public long seed() {
        return seed;
    }

    /** @return the number of worker threads to use */
    public int threads() {
        return threads == null ? Runtime.getRuntime().availableProcessors() : Math.max(1, threads);
    }

    /** @return true when progress and warnings should not be printed */
    public boolean quiet() {
        return quiet;
    }
}
