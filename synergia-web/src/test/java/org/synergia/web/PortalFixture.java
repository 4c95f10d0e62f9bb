package org.synergia.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.synergia.cases.run.Progress;
import org.synergia.cases.run.RunPipeline;
import org.synergia.cases.spec.CaseCatalogue;
import org.synergia.cases.spec.CaseSpec;
import org.synergia.cases.spec.CaseSpecReader;
import org.synergia.cases.store.ResultsStore;
import org.synergia.report.documents.CaseDocuments;
import org.synergia.report.documents.Workspace;
import org.synergia.report.i18n.Messages;
import org.synergia.synthesis.crosscase.CrossCaseSynthesis;

/**
 * A small real workspace shared by the portal's tests: two cases run by the main job's pipeline
 * on their simulated surveys (Mali, with a factorial design, and Mexico, institutional only), the
 * cross-case synthesis, the Mali country report in HTML, and files that must never be served.
 */
final class PortalFixture {

    /** The cases the fixture runs. */
    static final List<String> RUN = List.of("mali-cash-plus", "mexico-proinpro");

    private static Path workspace;

    private PortalFixture() {}

    /** @return the workspace, created on first use */
    static synchronized Path workspace() {
        if (workspace != null) {
            return workspace;
        }
        try {
            Path dir = Files.createTempDirectory("synergia-portal-test");
            List<CaseSpec> run = RUN.stream().map(CaseSpecReader::bundled).toList();
            RunPipeline.run(new RunPipeline.Options(run, null, dir, null, 2, "test"), Progress.NONE);
            Workspace content;
            try (ResultsStore store = ResultsStore.open(dir.resolve(RunPipeline.DATABASE))) {
                CrossCaseSynthesis.Result s = CrossCaseSynthesis.synthesise(run, store::estimates);
                store.replaceSynthesis(s.pooled(), s.studies());
                content = Workspace.load(store, CaseCatalogue.all(), "test");
            }
            for (String lang : Messages.LANGUAGES) {
                Path reports = Files.createDirectories(dir.resolve("reports").resolve(lang));
                Files.writeString(reports.resolve("mali-cash-plus-report.html"),
                        CaseDocuments.report(content.get("mali-cash-plus"), Messages.of(lang), "test"), StandardCharsets.UTF_8);
            }
            Files.writeString(dir.resolve("reports/en/notes.txt"), "SECRET-NOTES", StandardCharsets.UTF_8);
            Files.writeString(dir.resolve("secret.txt"), "SECRET-ROOT", StandardCharsets.UTF_8);
            workspace = dir;
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * @return a fresh copy of the workspace without its analyst area, for tests that stop and restart servers on it
     */
    static Path copy() {
        Path from = workspace();
        try {
            Path to = Files.createTempDirectory("synergia-portal-copy");
            try (var files = Files.walk(from)) {
                for (Path f : (Iterable<Path>) files::iterator) {
                    Path rel = from.relativize(f);
                    if (rel.startsWith("analyst")) {
                        continue;
                    }
                    if (Files.isDirectory(f)) {
                        Files.createDirectories(to.resolve(rel.toString()));
                    } else {
                        Files.copy(f, to.resolve(rel.toString()));
                    }
                }
            }
            return to;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * @param html a page
     * @return its text as a reader sees it: tags removed, entities decoded, spaces collapsed
     */
    static String text(String html) {
        return html.replaceAll("<[^>]*>", " ").replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'")
                .replace("&amp;", "&").replaceAll("\\s+", " ");
    }

    /** A plain HTTP client that follows no redirect. */
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    /**
     * @param port the server's port
     * @param rawPath the path as sent, not normalised
     * @return the response
     */
    static HttpResponse<String> get(int port, String rawPath) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + rawPath)).timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
