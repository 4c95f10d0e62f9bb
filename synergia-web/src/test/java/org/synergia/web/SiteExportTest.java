package org.synergia.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.synergia.cases.spec.CaseCatalogue;
import org.synergia.web.site.SiteExport;

/** The static export: every page in three languages, every relative link resolving to a written file. */
class SiteExportTest {

    private static final Pattern HREF = Pattern.compile("(?:href|action)=\"([^\"#]+)\"");

    @Test
    void everyLinkOfEveryPageResolves(@TempDir Path out) throws IOException {
        SiteExport.write(PortalFixture.workspace(), CaseCatalogue.all(), "test");
        Path site = PortalFixture.workspace().resolve("site");
        for (String lang : List.of("", "es/", "fr/")) {
            assertTrue(Files.exists(site.resolve(lang + "index.html")));
            for (String id : CaseCatalogue.IDS) {
                assertTrue(Files.exists(site.resolve(lang + "cases/" + id + "/index.html")), lang + id);
            }
            assertTrue(Files.exists(site.resolve(lang + "synthesis/global/index.html")));
        }
        assertTrue(Files.exists(site.resolve("data/mali-cash-plus-estimates.csv")));
        assertTrue(Files.exists(site.resolve("reports/fr/mali-cash-plus-report.html")));
        assertTrue(Files.notExists(site.resolve("reports/en/notes.txt")), "only whitelisted report files are copied");
        int pages = 0;
        try (Stream<Path> files = Files.walk(site)) {
            for (Path page : files.filter(f -> f.getFileName().toString().equals("index.html")).toList()) {
                pages++;
                String html = Files.readString(page);
                assertTrue(html.length() < 500_000, page + " is " + html.length() + " characters");
                assertTrue(!html.contains("<script"));
                Matcher m = HREF.matcher(html);
                while (m.find()) {
                    String link = m.group(1);
                    assertTrue(!link.startsWith("/") && !link.startsWith("http"), "relative link in " + page + ": " + link);
                    assertTrue(Files.exists(page.getParent().resolve(link).normalize()), page + " links to missing " + link);
                }
            }
        }
        // per language: home, 2 regions + 3 types + 6 domains, 8 cases, 5 cross-cutting pages
        assertEquals(3 * (1 + 11 + 8 + 5), pages);
    }
}
