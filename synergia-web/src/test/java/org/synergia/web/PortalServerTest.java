package org.synergia.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.synergia.cases.run.RunPipeline;
import org.synergia.cases.spec.CaseCatalogue;
import org.synergia.cases.store.EstimateRecord;
import org.synergia.cases.store.ResultsStore;
import org.synergia.report.documents.CrossCuttingReport;
import org.synergia.stats.estimator.Estimator;
import org.synergia.stats.estimator.Estimators;
import org.synergia.web.server.PortalServer;

/** The portal's pages and JSON API, served on a random loopback port over a real workspace. */
class PortalServerTest {

    private static PortalServer server;
    private static int port;
    private static final ObjectMapper JSON = new ObjectMapper();

    @BeforeAll
    static void start() {
        server = PortalServer.start(PortalFixture.workspace(), CaseCatalogue.all(), "test", "127.0.0.1", 0);
        port = server.port();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static int count(String text, String pattern) {
        Matcher m = Pattern.compile(pattern).matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    @Test
    void homeListsTheEightCasesWithSecurityHeaders() {
        HttpResponse<String> r = PortalFixture.get(port, "/");
        assertEquals(200, r.statusCode());
        assertEquals(8, count(r.body(), "class=\"case-card\""));
        assertTrue(r.body().contains("class=\"skip\" href=\"#main\""));
        assertTrue(r.body().contains("SIMULATED DATA"), "the simulated-data banner is shown");
        String csp = r.headers().firstValue("Content-Security-Policy").orElseThrow();
        assertTrue(csp.contains("frame-ancestors 'none'") && csp.contains("script-src 'self'") && !csp.contains("unsafe-eval"));
        assertEquals("nosniff", r.headers().firstValue("X-Content-Type-Options").orElseThrow());
        assertTrue(r.headers().firstValue("Referrer-Policy").isPresent());
        assertFalse(r.body().contains("<script"), "no script on public pages");
    }

    @Test
    void filtersByRegionTypeAndDomainWithoutScript() {
        String africa = PortalFixture.get(port, "/filter/region/africa").body();
        String latin = PortalFixture.get(port, "/filter/region/latin-america").body();
        assertEquals(8, count(africa, "class=\"case-card\"") + count(latin, "class=\"case-card\""));
        assertTrue(africa.contains("data-case=\"mali-cash-plus\"") && !africa.contains("data-case=\"mexico-proinpro\""));
        String query = PortalFixture.get(port, "/?region=africa&domain=food-security").body();
        assertTrue(count(query, "class=\"case-card\"") <= count(africa, "class=\"case-card\""));
        assertEquals(404, PortalFixture.get(port, "/filter/region/atlantis").statusCode());
    }

    @Test
    void casePageShowsChartsTablesDownloadsAndTheSimulatedBanner() {
        HttpResponse<String> r = PortalFixture.get(port, "/cases/mali-cash-plus");
        assertEquals(200, r.statusCode());
        String page = r.body();
        assertTrue(count(page, "<svg") >= 2, "actor diagram and result charts");
        assertTrue(page.contains("<title>"), "SVG charts carry a title");
        assertTrue(page.contains("data-field=\"estimate\""));
        assertTrue(page.contains("SIMULATED DATA"));
        assertTrue(page.contains("href=\"/reports/en/mali-cash-plus-report.html\""));
        assertTrue(page.contains("href=\"/data/mali-cash-plus-estimates.csv\""));
        assertTrue(page.length() < 500_000, "page under 500 KB: " + page.length());
        String es = PortalFixture.get(port, "/es/cases/mali-cash-plus").body();
        assertTrue(es.startsWith("<!DOCTYPE html>\n<html lang=\"es\""));
        assertTrue(es.contains("href=\"/reports/es/mali-cash-plus-report.html\""));
        String mexico = PortalFixture.get(port, "/fr/cases/mexico-proinpro").body();
        assertTrue(mexico.contains("<html lang=\"fr\"") && mexico.contains("<svg"));
    }

    @Test
    void theFiveCrossCuttingPagesInThreeLanguages() {
        for (String prefix : List.of("", "/es", "/fr")) {
            for (CrossCuttingReport.Kind kind : CrossCuttingReport.Kind.values()) {
                HttpResponse<String> r = PortalFixture.get(port, prefix + "/synthesis/" + kind.id());
                assertEquals(200, r.statusCode(), prefix + kind.id());
                assertTrue(r.body().length() < 500_000);
            }
        }
    }

    @Test
    void searchFindsCasesByTheirTextsInTheReadersLanguage() {
        String hit = PortalFixture.get(port, "/search?q=mali").body();
        assertTrue(hit.contains("href=\"/cases/mali-cash-plus\""));
        String accents = PortalFixture.get(port, "/fr/search?q=MEXIQUE").body();
        assertTrue(accents.contains("href=\"/fr/cases/mexico-proinpro\""), "case and accents ignored");
        String none = PortalFixture.get(port, "/search?q=" + "zzzqqq").body();
        assertEquals(0, count(none, "href=\"/cases/"));
        String hostile = PortalFixture.get(port, "/search?q=%3Cscript%3Ealert(1)%3C/script%3E").body();
        assertFalse(hostile.contains("<script>alert"), "the query is escaped");
    }

    @Test
    void apiCasesAndEstimatesAreExactlyTheStoresRows() throws Exception {
        JsonNode cases = JSON.readTree(PortalFixture.get(port, "/api/cases").body());
        assertEquals(8, cases.get("cases").size());
        assertTrue(cases.get("simulated").asBoolean());
        JsonNode detail = JSON.readTree(PortalFixture.get(port, "/api/cases/mali-cash-plus").body());
        assertEquals("ok", detail.get("status").asText());
        assertFalse(detail.get("summary").get("fr").asText().isEmpty());
        JsonNode est = JSON.readTree(PortalFixture.get(port, "/api/cases/mali-cash-plus/estimates").body());
        List<EstimateRecord> stored;
        try (ResultsStore store = ResultsStore.open(PortalFixture.workspace().resolve(RunPipeline.DATABASE))) {
            stored = store.estimates("mali-cash-plus");
        }
        assertEquals(stored.size(), est.get("estimates").size());
        assertTrue(est.get("simulated").asBoolean());
        for (int i = 0; i < stored.size(); i++) {
            EstimateRecord e = stored.get(i);
            JsonNode j = est.get("estimates").get(i);
            assertEquals(e.termName(), j.get("term").asText());
            assertEquals(e.outcome(), j.get("outcome").asText());
            assertEquals(e.estimate(), j.get("estimate").asDouble(), 0.0);
            assertEquals(e.se(), j.get("se").asDouble(), 0.0);
            assertEquals(e.hasTruth(), !j.get("truth").isNull());
            if (e.hasTruth()) {
                assertEquals(e.truth(), j.get("truth").asDouble(), 0.0);
            }
        }
        String csv = PortalFixture.get(port, "/api/cases/mali-cash-plus/estimates.csv").body();
        assertEquals(stored.size() + 1, csv.strip().split("\n").length);
        assertTrue(csv.startsWith("case,analysis,estimator,outcome,domain,term,"));
        JsonNode mexico = JSON.readTree(PortalFixture.get(port, "/api/cases/mexico-proinpro").body());
        assertEquals("Mexico", mexico.get("country").asText(), "country keeps the English name");
        assertEquals("México", mexico.at("/country_text/es").asText());
        assertEquals("Mexique", mexico.at("/country_text/fr").asText());
        JsonNode cashVsControl = null;
        for (JsonNode j : est.get("estimates")) {
            if (j.get("term").asText().equals("ATE:1vs0")) {
                cashVsControl = j;
            }
        }
        assertEquals("Cash only vs Control", cashVsControl.get("label").asText(), "label keeps the stored English words");
        assertEquals("Cash only vs Control", cashVsControl.at("/label_text/en").asText());
        assertTrue(cashVsControl.get("e_value").asDouble() >= 1 && cashVsControl.get("rv_q").asDouble() > 0,
                "the credibility checks of an effect: " + cashVsControl);
        assertTrue(est.get("estimates").get(0).has("e_value"), "every estimate has the fields, null when not computed");
        JsonNode balance = est.get("balance");
        assertTrue(balance.size() > 0 && balance.get(0).has("smd_adjusted") && balance.get(0).has("analysis"), "balance rows");
        assertEquals("Solo efectivo frente a Control", cashVsControl.at("/label_text/es").asText());
        assertEquals("Cash seul contre Témoin", cashVsControl.at("/label_text/fr").asText());
        JsonNode synthesis = JSON.readTree(PortalFixture.get(port, "/api/synthesis").body());
        assertTrue(synthesis.get("pooled").size() > 0);
        assertEquals(404, PortalFixture.get(port, "/api/cases/nowhere").statusCode());
    }

    @Test
    void estimatorsListTheRegistryWithTheirOptions() throws Exception {
        JsonNode doc = JSON.readTree(PortalFixture.get(port, "/api/estimators").body());
        List<String> names = new java.util.ArrayList<>();
        doc.get("estimators").forEach(e -> names.add(e.get("name").asText()));
        assertEquals(Estimators.installed().all().stream().map(Estimator::name).toList(), names);
        JsonNode ipwra = doc.get("estimators").get(names.indexOf("ipwra"));
        assertTrue(ipwra.get("weights").asBoolean() && ipwra.get("cluster").asBoolean());
        JsonNode estimand = null;
        for (JsonNode o : ipwra.get("options")) {
            if (o.get("name").asText().equals("estimand")) {
                estimand = o;
            }
        }
        assertEquals("choice", estimand.get("kind").asText());
        assertEquals("ate", estimand.get("default").asText());
        assertEquals("[\"ate\",\"att\",\"pomeans\"]", estimand.get("choices").toString());
        assertEquals("ate, att or pomeans (default: ate)", estimand.get("description").asText());
    }

    @Test
    void openApiDescribesEveryApiRoute() throws Exception {
        HttpResponse<String> r = PortalFixture.get(port, "/api/openapi.json");
        assertEquals(200, r.statusCode());
        JsonNode paths = JSON.readTree(r.body()).get("paths");
        for (String p : List.of("/api/cases", "/api/cases/{id}", "/api/cases/{id}/estimates", "/api/cases/{id}/estimates.csv",
                "/api/synthesis", "/api/estimators")) {
            assertTrue(paths.has(p), p);
        }
        JsonNode required = JSON.readTree(r.body()).at("/components/schemas/Estimate/required");
        JsonNode row = JSON.readTree(PortalFixture.get(port, "/api/cases/mali-cash-plus/estimates").body()).get("estimates").get(0);
        required.forEach(f -> assertTrue(row.has(f.asText()), "estimate rows have " + f.asText()));
    }
}
