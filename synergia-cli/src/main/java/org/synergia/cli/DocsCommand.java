package org.synergia.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.synergia.cases.docs.DiagnosisDocument;
import org.synergia.cases.docs.GeneratedDocument;
import org.synergia.cases.docs.LewieDocument;
import org.synergia.cases.docs.RepositoryRoot;
import org.synergia.cases.run.Progress;
import org.synergia.data.InputException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code synergia docs}: rewrites the generated sections of the repository's documents from
 * seeded runs ({@code org.synergia.cases.docs}), or with {@code --check} tells whether they are
 * up to date without writing.
 */
@Command(name = "docs", mixinStandardHelpOptions = true,
        description = "Regenerates the computed figures of docs/diagnosis.md and docs/lewie.md (between their marker comments).",
        subcommands = {DocsCommand.Diagnosis.class, DocsCommand.Lewie.class})
public final class DocsCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "docs needs a subcommand: diagnosis or lewie");
    }

    /** What every {@code docs} subcommand takes and does; a subcommand names its document. */
    abstract static class DocumentCommand implements Callable<Integer> {

        @Option(names = "--file", paramLabel = "PATH",
                description = "the document to rewrite (default: the repository's, found from the current directory)")
        Path file;

        @Option(names = "--check", description = "write nothing; exit 1 when the file differs from what would be written")
        boolean check;

        @Option(names = "--threads", paramLabel = "N", description = "worker threads (default: all cores; the text does not depend on it)")
        Integer threads;

        @Option(names = "--quiet", description = "no progress on stderr")
        boolean quiet;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        /**
         * @param threads worker threads
         * @param progress where a long computation's progress goes
         * @return the document this subcommand writes
         */
        abstract GeneratedDocument document(int threads, Progress progress);

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            int workers = threads == null ? Runtime.getRuntime().availableProcessors() : Math.max(1, threads);
            GeneratedDocument doc = document(workers, quiet ? Progress.NONE : new ConsoleProgress(err));
            Path path = file != null ? file : defaultFile(doc);
            String source = path.toString();
            if (!Files.isRegularFile(path)) {
                throw new InputException(source + ": no such file; give --file PATH of a document with the markers of '"
                        + doc.command() + "', or run from the repository");
            }
            String text = read(path);
            String updated = doc.regenerate(text, source);
            if (check) {
                if (!updated.equals(text)) {
                    String fix = doc.command() + (file == null ? "" : " --file " + source);
                    err.println("synergia: " + source + " is out of date: its generated sections differ from what '" + fix
                            + "' writes; run it to regenerate them");
                    err.flush();
                    return SynergiaCli.EXIT_FAILURE;
                }
                out.println(source + " is up to date");
            } else if (updated.equals(text)) {
                out.println(source + " was already up to date");
            } else {
                write(path, updated);
                out.println("wrote the generated sections of " + source);
            }
            out.flush();
            return 0;
        }

        private static Path defaultFile(GeneratedDocument doc) {
            Path here = Path.of("").toAbsolutePath();
            Path root = RepositoryRoot.find(here).orElseThrow(() -> new InputException("no Synergia repository (a folder whose"
                    + " pom.xml lists the modules) at or above " + here + "; run from the repository or give --file PATH"));
            Path path = root.resolve(doc.defaultPath());
            return path.startsWith(here) ? here.relativize(path) : path;
        }

        private static String read(Path path) {
            try {
                return Files.readString(path, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new InputException(path + ": cannot read it (" + e.getMessage() + "); check its permissions", e);
            }
        }

        private static void write(Path path, String text) {
            try {
                Files.writeString(path, text, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write " + path, e);
            }
        }
    }

    /** {@code synergia docs diagnosis}: {@code docs/diagnosis.md}. */
    @Command(name = "diagnosis", mixinStandardHelpOptions = true,
            description = "Rewrites the figures of docs/diagnosis.md: the design diagnosis of the bundled cases over "
                    + DiagnosisDocument.SURVEYS + " SIMULATED surveys per case from seed " + DiagnosisDocument.FIRST_SEED
                    + " (one to three minutes on two cores).")
    static final class Diagnosis extends DocumentCommand {
        @Override
        GeneratedDocument document(int threads, Progress progress) {
            return DiagnosisDocument.of(threads, progress);
        }
    }

    /** {@code synergia docs lewie}: {@code docs/lewie.md}. */
    @Command(name = "lewie", mixinStandardHelpOptions = true,
            description = "Rewrites the figures of docs/lewie.md: the bundled LEWIE example's multipliers, with "
                    + LewieDocument.DRAWS + " Monte Carlo draws from seed " + LewieDocument.SEED + ".")
    static final class Lewie extends DocumentCommand {
        @Override
        GeneratedDocument document(int threads, Progress progress) {
            return LewieDocument.of(threads);
        }
    }
}
