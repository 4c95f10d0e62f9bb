package org.synergia.web.site;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import org.synergia.cases.spec.CaseSpec;
import org.synergia.cases.spec.OutcomeSpec;
import org.synergia.cases.store.ResultsStore;
import org.synergia.report.documents.CaseResults;
import org.synergia.report.documents.CrossCuttingReport;
import org.synergia.report.documents.Workspace;
import org.synergia.report.i18n.Messages;

/**
 * Writes the public pages of the portal as static files into the workspace's {@code site/}
 * folder, so they can be hosted anywhere: per language the home page, one page per filter value,
 * a page per case, the five cross-cutting pages, the style sheet, the reports and a results CSV
 * per case. Search needs the server and is left out.
 */
public final class SiteExport {

    /** The style sheet, on the class path. */
    public static final String STYLE_RESOURCE = "/org/synergia/web/site.css";

    private SiteExport() {}

    /**
     * Reads the workspace's results store and writes {@code <workspace>/site/}.
     *
     * @param workspace the workspace folder (with {@code results.duckdb} and {@code reports/})
     * @param specs the cases' specifications
     * @param version Synergia's version
     * @return the site's folder
     */
    public static Path write(Path workspace, List<CaseSpec> specs, String version) {
        Workspace content;
        try (ResultsStore store = ResultsStore.open(workspace.resolve("results.duckdb"))) {
            content = Workspace.load(store, specs, version);
        }
        return write(new Site(content, Downloads.scan(workspace)), workspace.resolve("site"));
    }

    /**
     * @param site the pages
     * @param folder the folder to write into (created when absent)
     * @return the folder
     */
    public static Path write(Site site, Path folder) {
        try {
            for (String lang : Messages.LANGUAGES) {
                Messages m = Messages.of(lang);
                page(folder, lang, "", site.home(Links.exported(lang, ""), m, CaseFilter.NONE, ""));
                filterPages(site, folder, m, "region", CaseSpec.Region.values());
                filterPages(site, folder, m, "type", CaseSpec.ProgrammeType.values());
                filterPages(site, folder, m, "domain", OutcomeSpec.Domain.values());
                for (CaseResults c : site.workspace().cases()) {
                    String path = "cases/" + c.spec().id();
                    page(folder, lang, path, site.casePage(Links.exported(lang, path), m, c));
                }
                for (CrossCuttingReport.Kind kind : CrossCuttingReport.Kind.values()) {
                    String path = "synthesis/" + kind.id();
                    page(folder, lang, path, site.synthesis(Links.exported(lang, path), m, kind));
                }
            }
            Files.createDirectories(folder.resolve("assets"));
            try (InputStream css = SiteExport.class.getResourceAsStream(STYLE_RESOURCE)) {
                Files.copy(css, folder.resolve("assets/site.css"), StandardCopyOption.REPLACE_EXISTING);
            }
            Files.createDirectories(folder.resolve("data"));
            for (CaseResults c : site.workspace().cases()) {
                if (!c.estimates().isEmpty()) {
                    Files.writeString(folder.resolve("data/" + c.spec().id() + "-estimates.csv"), EstimatesCsv.of(c), StandardCharsets.UTF_8);
                }
            }
            for (Map.Entry<String, Path> d : site.downloads().all().entrySet()) {
                Path target = folder.resolve("reports").resolve(d.getKey());
                Files.createDirectories(target.getParent());
                Files.copy(d.getValue(), target, StandardCopyOption.REPLACE_EXISTING);
            }
            return folder;
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the site into " + folder + ": " + e.getMessage(), e);
        }
    }

    private static void filterPages(Site site, Path folder, Messages m, String dimension, Enum<?>[] values) throws IOException {
        for (Enum<?> v : values) {
            String name = CaseFilter.name(v);
            String path = "filter/" + dimension + "/" + name;
            CaseFilter filter = CaseFilter.parse(dimension.equals("region") ? name : null, dimension.equals("type") ? name : null,
                    dimension.equals("domain") ? name : null);
            page(folder, m.language(), path, site.home(Links.exported(m.language(), path), m, filter, path));
        }
    }

    private static void page(Path folder, String lang, String path, String html) throws IOException {
        Path dir = folder.resolve(Links.prefix(lang) + path);
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("index.html"), html, StandardCharsets.UTF_8);
    }
}
