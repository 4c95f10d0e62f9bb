package org.synergia.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import org.synergia.report.documents.CaseDocuments;
import org.synergia.report.documents.CaseResults;
import org.synergia.report.documents.CrossCuttingReport;
import org.synergia.report.documents.Workspace;
import org.synergia.report.i18n.Messages;
import org.synergia.report.pdf.PdfRenderer;

/**
 * Writes every report of a workspace, in HTML and PDF: per case and language a country report,
 * a country summary and a one-pager; per language the five cross-cutting documents. Files go to
 * {@code reports/<lang>/} in the workspace: {@code <case>-report}, {@code <case>-summary},
 * {@code <case>-onepager}, {@code cross-<kind>}.
 */
public final class ReportSet {

    private ReportSet() {}

    /**
     * One written document.
     *
     * @param language its language
     * @param name its name without extension
     * @param html the HTML file
     * @param pdf the PDF file
     */
    public record Written(String language, String name, Path html, Path pdf) {}

    /**
     * @param w the workspace's content
     * @param workspace the workspace folder
     * @param languages the languages to write
     * @param threads worker threads for PDF rendering
     * @param progress receives the name of each document written
     * @return the documents written
     */
    public static List<Written> write(Workspace w, Path workspace, List<String> languages, int threads, Consumer<String> progress) {
        List<Job> jobs = new ArrayList<>();
        for (String lang : languages) {
            Messages m = Messages.of(lang);
            for (CaseResults c : w.cases()) {
                String id = c.spec().id();
                jobs.add(new Job(lang, id + "-report", () -> CaseDocuments.report(c, m, w.softwareVersion())));
                jobs.add(new Job(lang, id + "-summary", () -> CaseDocuments.summary(c, m, w.softwareVersion())));
                jobs.add(new Job(lang, id + "-onepager", () -> CaseDocuments.onePager(c, m, w.softwareVersion())));
            }
            for (CrossCuttingReport.Kind kind : CrossCuttingReport.Kind.values()) {
                jobs.add(new Job(lang, "cross-" + kind.id(), () -> CrossCuttingReport.render(kind, w, m)));
            }
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads));
        try {
            List<Future<Written>> futures = new ArrayList<>();
            for (Job job : jobs) {
                futures.add(pool.submit(() -> {
                    Written written = job.write(workspace.resolve("reports").resolve(job.language()));
                    progress.accept(job.language() + "/" + job.name());
                    return written;
                }));
            }
            List<Written> out = new ArrayList<>();
            for (Future<Written> f : futures) {
                out.add(f.get());
            }
            return Collections.unmodifiableList(out);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("writing the reports was interrupted", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException re ? re : new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    private record Job(String language, String name, java.util.function.Supplier<String> html) {
        Written write(Path folder) {
            try {
                Files.createDirectories(folder);
                String text = html.get();
                Path htmlFile = folder.resolve(name + ".html");
                Files.writeString(htmlFile, text, StandardCharsets.UTF_8);
                Path pdfFile = folder.resolve(name + ".pdf");
                PdfRenderer.render(text, pdfFile);
                return new Written(language, name, htmlFile, pdfFile);
            } catch (IOException e) {
                throw new UncheckedIOException("could not write the report " + folder.resolve(name) + ": " + e.getMessage(), e);
            }
        }
    }
}
