package org.synergia.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.synergia.cases.spec.CaseCatalogue;
import org.synergia.web.site.SiteExport;

/** The static export: every page in three languages, every relative link resolving to a written file. */
class SiteExportTest {

    private static final Pattern HREF = Pattern.compile("(?:href|action)=\"([^\"#]+)\"");
    /** A whole word "vs", as English writes a comparison. */
    private static final Pattern VS = Pattern.compile("\\bvs\\b");

    private static Path site;

    @BeforeAll
    static void export() {
        SiteExport.write(PortalFixture.workspace(), CaseCatalogue.all(), "test");
        site = PortalFixture.workspace().resolve("site");
    }

    @Test
    void everyLinkOfEveryPageResolves() throws IOException {
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

    /** Mali's page (a factorial design run on its simulated survey) in Spanish and French, and Mexico's card. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "es | Malí · África | Solo efectivo frente a Control | índice 0–56 (más alto es peor) | México · América Latina",
        "fr | Mali · Afrique | Cash seul contre Témoin | indice 0–56 (plus élevé = pire) | Mexique · Amérique latine"})
    void casePagesNameCountryUnitsAndComparisonsInTheReadersLanguage(String lang, String where, String contrast, String unit,
            String mexico) throws IOException {
        String page = visibleText(Files.readString(site.resolve(lang + "/cases/mali-cash-plus/index.html")));
        assertTrue(page.contains(where), "the case's country in " + lang);
        assertTrue(page.contains(contrast), "the results compare groups in " + lang);
        assertTrue(page.contains(unit), "the outcome's unit in " + lang + " (group means chart)");
        assertFalse(page.contains("higher is worse") || page.contains("Tropical Livestock Units"), "no English unit in " + lang);
        Matcher vs = VS.matcher(page);
        assertFalse(vs.find(), () -> "no English 'vs' in " + lang + ": " + page.substring(Math.max(0, vs.start() - 80), vs.end()));
        String home = visibleText(Files.readString(site.resolve(lang + "/index.html")));
        assertTrue(home.contains(mexico) && !home.contains("Mexico ·"), "the case cards name the country in " + lang);
    }

    /** The text a reader sees (tags removed, including SVG titles and descriptions), with entities decoded. */
    private static String visibleText(String html) {
        return html.replaceAll("(?s)<style[^>]*>.*?</style>", " ").replaceAll("<[^>]+>", " ").replace("&lt;", "<")
                .replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'").replace("&amp;", "&").replaceAll("\\s+", " ");
    }
}
