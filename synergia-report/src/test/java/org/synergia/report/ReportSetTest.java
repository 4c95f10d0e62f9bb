package org.synergia.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.synergia.cases.run.Credibility;
import org.synergia.cases.run.Failures;
import org.synergia.cases.spec.CaseCatalogue;
import org.synergia.cases.spec.CaseSpec;
import org.synergia.cases.store.CaseRecord;
import org.synergia.cases.store.DiagnosticRecord;
import org.synergia.cases.store.EstimateRecord;
import org.synergia.cases.store.PooledRecord;
import org.synergia.cases.store.StudyRecord;
import org.synergia.report.documents.CaseDocuments;
import org.synergia.report.documents.CaseResults;
import org.synergia.report.documents.CrossCuttingReport;
import org.synergia.report.documents.Workspace;
import org.synergia.report.i18n.Messages;
import org.synergia.report.pdf.PdfRenderer;
import org.synergia.stats.inference.Term;

/** Reports from a workspace whose estimates are made up here (the real pipeline is tested in the cases module). */
class ReportSetTest {

    private static Workspace workspace;

    @BeforeAll
    static void fixture() {
        List<CaseResults> cases = new ArrayList<>();
        for (CaseSpec spec : CaseCatalogue.all()) {
            List<EstimateRecord> estimates = new ArrayList<>();
            Term.Effect ate = Term.Effect.binary(Term.Measure.ATE);
            int k = 0;
            for (var a : spec.plan()) {
                for (String outcome : a.outcomes()) {
                    for (Term term : List.of(ate.between(1, 0), ate.between(2, 0), new Term.Synergy())) {
                        double est = 0.3 + 0.11 * k++;
                        estimates.add(new EstimateRecord(spec.id(), a.id(), "ipwra", outcome,
                                spec.outcome(outcome).domain().name().toLowerCase().replace('_', '-'), term, term.toString(), est, 0.1,
                                est - 0.196, est + 0.196, 0.003, 0.01, 500, est + 0.01, 2.0));
                    }
                }
            }
            CaseRecord record = new CaseRecord(spec.id(), spec.country().en(), spec.region().name(), spec.institutionalOnly()
                    ? "institutional" : "ok", "", !spec.institutionalOnly(), spec.id() + "-simulated",
                    "ab".repeat(32), spec.sha256(), 7, 100, "test");
            cases.add(new CaseResults(spec, Optional.of(record), estimates, List.of(), List.of()));
        }
        List<PooledRecord> pooled = List.of(new PooledRecord("food-security", "combined", "all", 3, 0.21, 0.05, 0.1, 0.32,
                -0.05, 0.47, 0.01, 0.002, 35.0, "REML, Knapp-Hartung"));
        List<StudyRecord> studies = List.of(
                new StudyRecord("food-security", "combined", "mali-cash-plus", "africa", "ipwra", "fcs", 0.25, 0.08),
                new StudyRecord("food-security", "combined", "zambia-hgsf-casu", "africa", "factorial", "fcs", 0.18, 0.07),
                new StudyRecord("food-security", "combined", "colombia-fest-unidos", "latin-america", "psm", "fcs", 0.2, 0.09));
        workspace = new Workspace(cases, pooled, studies, "test");
    }

    /** An outcome the pipeline could not estimate is named under its analysis, with the reason in the reader's language. */
    @Test
    void anOutcomeNotEstimatedIsNamedWithItsReasonInTheReadersLanguage() throws IOException {
        CaseResults mali = workspace.get("mali-cash-plus");
        var a = mali.spec().plan().get(0);
        String outcome = a.outcomes().get(0);
        List<DiagnosticRecord> failed = List.of(
                new DiagnosticRecord(mali.spec().id(), a.id(), outcome, Failures.key("en"), "the treatment model did not converge"),
                new DiagnosticRecord(mali.spec().id(), a.id(), outcome, Failures.key("fr"), "le modèle de traitement n’a pas convergé"));
        CaseResults withFailure = new CaseResults(mali.spec(), mali.record(), mali.estimates(), failed, mali.models());
        String fr = visibleText(CaseDocuments.report(withFailure, Messages.of("fr"), "test"));
        assertTrue(fr.contains("Non estimé : " + mali.spec().outcome(outcome).label().in("fr") + " (le modèle de traitement n’a pas convergé)"),
                around(fr, Pattern.compile("estimé")));
        String es = visibleText(CaseDocuments.report(withFailure, Messages.of("es"), "test"));
        assertTrue(es.contains("No estimado: " + mali.spec().outcome(outcome).label().in("es") + " (the treatment model did not converge)"),
                "without a Spanish text the English one is shown");
    }

    /** The stored score histogram is drawn as a mirrored histogram, each bar at its arm's share of units, in every language. */
    @Test
    void theScoresOverlapIsDrawnFromTheStoredHistogram() {
        CaseResults mali = workspace.get("mali-cash-plus");
        var a = mali.spec().plan().get(0);
        String outcome = a.outcomes().get(0);
        String id = mali.spec().id();
        List<DiagnosticRecord> checks = List.of(
                new DiagnosticRecord(id, a.id(), outcome, Credibility.BALANCE, "[{\"contrast\":\"1vs0\",\"variable\":\"land_ha\","
                        + "\"smd_raw\":-0.45,\"smd_adjusted\":0.12,\"vr_raw\":1.5,\"vr_adjusted\":1.1,\"smd_flag\":true,\"vr_flag\":false}]"),
                new DiagnosticRecord(id, a.id(), outcome, Credibility.SCORE_HISTOGRAM, "[{\"low\":0.1,\"high\":0.5,\"treated_before\":1.0,"
                        + "\"control_before\":3.0},{\"low\":0.5,\"high\":0.9,\"treated_before\":3.0,\"control_before\":1.0}]"));
        CaseResults withChecks = new CaseResults(mali.spec(), mali.record(), mali.estimates(), checks, mali.models());
        for (String lang : Messages.LANGUAGES) {
            Messages m = Messages.of(lang);
            String html = CaseDocuments.report(withChecks, m, "test");
            assertTrue(html.contains(org.synergia.report.html.Html.escape(m.get("chart.overlap.title"))), lang);
            Matcher bar = Pattern.compile("data-side=\"(treated|control)\" data-low=\"([^\"]+)\" data-high=\"[^\"]+\" data-share=\"([^\"]+)\"")
                    .matcher(html);
            Map<String, Double> shares = new java.util.HashMap<>();
            while (bar.find()) {
                shares.put(bar.group(1) + bar.group(2), Double.parseDouble(bar.group(3)));
            }
            assertEquals(Map.of("treated0.1", 0.25, "control0.1", 0.75, "treated0.5", 0.75, "control0.5", 0.25), shares, lang);
        }
    }

    /** The credibility checks the pipeline stores are shown under their analysis, with their numbers, in every language. */
    @Test
    void credibilityChecksAreShownWithTheStoredNumbers() {
        CaseResults mali = workspace.get("mali-cash-plus");
        var a = mali.spec().plan().get(0);
        String outcome = a.outcomes().get(0);
        EstimateRecord effect = mali.estimates(a.id()).stream().filter(e -> e.outcome().equals(outcome)).findFirst().orElseThrow();
        String id = mali.spec().id();
        List<DiagnosticRecord> checks = List.of(
                new DiagnosticRecord(id, a.id(), outcome, Credibility.BALANCE, "[{\"contrast\":\"1vs0\",\"variable\":\"land_ha\","
                        + "\"smd_raw\":-0.45,\"smd_adjusted\":0.128,\"vr_raw\":1.5,\"vr_adjusted\":2.1,\"ks_raw\":0.2,\"ks_adjusted\":0.05,"
                        + "\"smd_flag\":true,\"vr_flag\":true}]"),
                new DiagnosticRecord(id, a.id(), outcome, Credibility.eValueKey(effect.termName()), "{\"e_value\":2.07,\"e_value_ci\":1.73}"),
                new DiagnosticRecord(id, a.id(), outcome, Credibility.sensitivityKey(effect.termName()),
                        "{\"rv_q\":0.144,\"rv_qa\":0.0932}"));
        CaseResults withChecks = new CaseResults(mali.spec(), mali.record(), mali.estimates(), checks, mali.models());
        for (String lang : Messages.LANGUAGES) {
            Messages m = Messages.of(lang);
            String html = CaseDocuments.report(withChecks, m, "test");
            assertTrue(html.contains(org.synergia.report.html.Html.escape(m.get("sec.credibility"))), lang);
            assertEquals(2.07, value(html, "e_value"), 0, lang);
            assertEquals(14.4, value(html, "rv_q"), 1e-12, lang);
            assertEquals(0.128, value(html, "smd_adjusted"), 0, lang);
            assertTrue(visibleText(html).contains("land_ha * !"), "both flags of the covariate, " + lang);
            String sentence = visibleText(html);
            org.synergia.report.html.Html h = new org.synergia.report.html.Html(m.locale());
            assertTrue(sentence.contains(h.format(14.4)) && sentence.contains(h.format(9.32)), "the robustness values in words, " + lang);
        }
        assertFalse(CaseDocuments.report(mali, Messages.of("en"), "test").contains("How credible"),
                "no section without the checks");
    }

    /** A made-up balance row of the pipeline's {@code diagnostics.balance} list. */
    private static String balanceRow(String contrast, String variable, double raw, String adjusted) {
        return "{\"contrast\":\"" + contrast + "\",\"variable\":\"" + variable + "\",\"smd_raw\":" + raw + ",\"smd_adjusted\":"
                + adjusted + ",\"vr_raw\":1.1,\"vr_adjusted\":1.0,\"ks_raw\":0.1,\"ks_adjusted\":0.05,\"smd_flag\":false,\"vr_flag\":false}";
    }

    private static final Map<String, List<String>> LOVE_PLOT_WORDS = Map.of(
            "en", List.of("Absolute standardised difference", "Raw", "Adjusted"),
            "es", List.of("Diferencia estandarizada absoluta", "Bruta", "Ajustada"),
            "fr", List.of("Différence standardisée absolue", "Brute", "Ajustée"));

    /**
     * Every balance record is drawn as a love plot before its table: one panel per comparison named
     * with its groups (a comparison record's own groups, not the estimator's recoded 1vs0), one
     * marker pair per covariate at the stored absolute differences on the axis its ticks show, the
     * words in the reader's language; the estimator's own English love plot of a comparison with a
     * balance record is left out, other estimator charts stay.
     */
    @Test
    void everyBalanceRecordIsALovePlotWithOneMarkerPairPerCovariateAtTheStoredValues() {
        CaseResults mali = workspace.get("mali-cash-plus");
        var weighting = mali.spec().plan().get(0);
        var plus = mali.spec().plan().get(1);
        String outcome = weighting.outcomes().get(0);
        String comparison = plus.outcomes().get(0) + ":2vs1";
        String id = mali.spec().id();
        // contrast -> variable -> {raw, adjusted}
        Map<String, Map<String, double[]>> stored = new LinkedHashMap<>();
        stored.put("1vs0", new LinkedHashMap<>(Map.of()));
        stored.get("1vs0").put("land_ha", new double[] {-0.45, 0.128});
        stored.get("1vs0").put("hh_size", new double[] {0.22, -0.027});
        stored.get("1vs0").put("female_head", new double[] {0.307, 0.0});
        stored.put("2vs0", new LinkedHashMap<>());
        stored.get("2vs0").put("land_ha", new double[] {0.31, 0.05});
        stored.get("2vs0").put("hh_size", new double[] {-0.02, 0.011});
        stored.get("2vs0").put("female_head", new double[] {0.5, -0.09});
        stored.put("2vs1", new LinkedHashMap<>());
        stored.get("2vs1").put("livestock", new double[] {-0.119, -0.002});
        List<String> rows = new ArrayList<>();
        for (String contrast : List.of("1vs0", "2vs0")) {
            stored.get(contrast).forEach((v, x) -> rows.add(balanceRow(contrast, v, x[0], String.valueOf(x[1]))));
        }
        String svgPlot = "<svg xmlns=\"http://www.w3.org/2000/svg\"><text>Covariate balance: psmatch</text></svg>";
        String rdPlot = "<svg xmlns=\"http://www.w3.org/2000/svg\"><text>binned means either side</text></svg>";
        List<DiagnosticRecord> checks = List.of(
                new DiagnosticRecord(id, weighting.id(), outcome, Credibility.BALANCE, "[" + String.join(",", rows) + "]"),
                // a comparison record whose estimator recoded Cash+ and Cash only to 1 and 0, and whose adjusted difference is NaN (stored as text)
                new DiagnosticRecord(id, plus.id(), comparison, Credibility.BALANCE, "[" + balanceRow("1vs0", "livestock", -0.119, "-0.002")
                        + "," + balanceRow("1vs0", "head_age", 0.2, "\"NaN\"") + "]"),
                new DiagnosticRecord(id, plus.id(), comparison, "plot_svg", svgPlot),
                new DiagnosticRecord(id, plus.id(), plus.outcomes().get(0), "plot_svg", rdPlot));
        CaseResults withBalance = new CaseResults(mali.spec(), mali.record(), mali.estimates(), checks, mali.models());
        Pattern figure = Pattern.compile("<figure class=\"loveplot\">(<svg.*?</svg>)<figcaption>");
        Pattern panel = Pattern.compile("<g data-contrast=\"([^\"]+)\">(.*?)(?=<g data-contrast=|</svg>)");
        Pattern pair = Pattern.compile("<g data-variable=\"([^\"]+)\" data-smd-raw=\"([^\"]+)\" data-smd-adjusted=\"([^\"]+)\">"
                + "(?:<line[^>]*/>)?<g data-series=\"raw\"><circle cx=\"([^\"]+)\"[^>]*/></g>"
                + "(?:<g data-series=\"adjusted\"><circle cx=\"([^\"]+)\"[^>]*/></g>)?</g>");
        Pattern tick = Pattern.compile("<text x=\"([^\"]+)\" y=\"[^\"]+\" font-size=\"10.0\" text-anchor=\"middle\" fill=\"#4d4d4d\">([0-9.]+)</text>");
        Pattern threshold = Pattern.compile("<g data-threshold=\"0.1\"><line x1=\"([^\"]+)\"");
        for (String lang : Messages.LANGUAGES) {
            Messages m = Messages.of(lang);
            String html = CaseDocuments.report(withBalance, m, "test");
            assertFalse(html.contains("Covariate balance: psmatch"), "the estimator's English love plot is replaced, " + lang);
            assertTrue(html.contains("binned means either side"), "other estimator charts stay, " + lang);
            Matcher f = figure.matcher(html);
            Map<String, String> panels = new LinkedHashMap<>();
            int figures = 0;
            while (f.find()) {
                figures++;
                String svg = f.group(1);
                assertTrue(html.indexOf("data-field=\"smd_adjusted\"", f.end()) > 0, "the table follows its chart");
                for (String word : LOVE_PLOT_WORDS.get(lang)) {
                    assertTrue(visibleText(svg).contains(word), "'" + word + "' in the " + lang + " love plot");
                }
                Matcher p = panel.matcher(svg);
                while (p.find()) {
                    panels.put(p.group(1), p.group(2));
                }
            }
            assertEquals(2, figures, "one love plot per analysis with balance, " + lang);
            assertEquals(List.of("1vs0", "2vs0", "2vs1"), List.copyOf(panels.keySet()), "one panel per comparison, " + lang);
            for (var e : panels.entrySet()) {
                String[] groups = e.getKey().split("vs");
                String text = visibleText(e.getValue());
                for (String g : groups) {
                    String name = mali.spec().group(Integer.parseInt(g)).orElseThrow().label().in(lang);
                    assertTrue(text.contains(name), "panel " + e.getKey() + " names " + name + " in " + lang + ": " + text);
                }
                // the axis, from the panel's own tick labels: the first (0) and the last
                Matcher t = tick.matcher(e.getValue());
                List<double[]> ticks = new ArrayList<>();
                while (t.find()) {
                    ticks.add(new double[] {Double.parseDouble(t.group(2)), Double.parseDouble(t.group(1))});
                }
                assertTrue(ticks.size() >= 3 && ticks.get(0)[0] == 0, "ticks from 0 in panel " + e.getKey());
                double x0 = ticks.get(0)[1];
                double perUnit = (ticks.get(ticks.size() - 1)[1] - x0) / ticks.get(ticks.size() - 1)[0];
                Matcher th = threshold.matcher(e.getValue());
                assertTrue(th.find(), "a dashed line at 0.1 in panel " + e.getKey());
                assertEquals(x0 + 0.1 * perUnit, Double.parseDouble(th.group(1)), 0.02, "the line is at 0.1");
                Matcher mk = pair.matcher(e.getValue());
                Map<String, double[]> drawn = new LinkedHashMap<>();
                while (mk.find()) {
                    double raw = Double.parseDouble(mk.group(2));
                    double adjusted = Double.parseDouble(mk.group(3));
                    assertEquals(x0 + Math.abs(raw) * perUnit, Double.parseDouble(mk.group(4)), 0.02, mk.group(1) + " raw at |smd_raw|");
                    if (Double.isNaN(adjusted)) {
                        assertNull(mk.group(5), "no adjusted marker without a value");
                    } else {
                        assertEquals(x0 + Math.abs(adjusted) * perUnit, Double.parseDouble(mk.group(5)), 0.02,
                                mk.group(1) + " adjusted at |smd_adjusted|");
                    }
                    assertNull(drawn.put(mk.group(1), new double[] {raw, adjusted}), "one marker pair per covariate");
                }
                Map<String, double[]> expected = new LinkedHashMap<>(stored.get(e.getKey()));
                if (e.getKey().equals("2vs1")) {
                    expected.put("head_age", new double[] {0.2, Double.NaN});
                }
                assertEquals(List.copyOf(expected.keySet()), List.copyOf(drawn.keySet()), "the covariates of " + e.getKey() + " in order");
                expected.forEach((v, x) -> assertArrayEquals(x, drawn.get(v), 0, v + " in " + e.getKey()));
            }
        }
    }

    @Test
    void everyNumberInAReportTableComesFromTheStore() {
        CaseResults mali = workspace.get("mali-cash-plus");
        for (String lang : Messages.LANGUAGES) {
            String html = CaseDocuments.report(mali, Messages.of(lang), "test");
            Matcher row = Pattern.compile("<tr data-case=\"([^\"]+)\" data-analysis=\"([^\"]+)\" data-outcome=\"([^\"]+)\""
                    + " data-term=\"([^\"]+)\">(.*?)</tr>").matcher(html);
            int rows = 0;
            while (row.find()) {
                String analysis = row.group(2);
                String outcome = row.group(3);
                String term = row.group(4);
                EstimateRecord stored = mali.estimates().stream()
                        .filter(e -> e.analysisId().equals(analysis) && e.outcome().equals(outcome) && e.termName().equals(term))
                        .findFirst().orElseThrow();
                assertEquals(stored.estimate(), value(row.group(5), "estimate"), 0, term);
                assertEquals(stored.se(), value(row.group(5), "se"), 0, term);
                assertEquals(stored.qValue(), value(row.group(5), "q_value"), 0, term);
                rows++;
            }
            assertEquals(mali.estimates().size(), rows, "every stored estimate is in the " + lang + " report");
            assertTrue(html.contains(org.synergia.report.html.Html.escape(Messages.of(lang).get("simulated.banner"))), "simulated data are labelled");
        }
    }

    @Test
    void writesEveryDocumentInEveryLanguageAndTheOnePagerHasOnePage(@TempDir Path dir) throws IOException {
        List<ReportSet.Written> written = ReportSet.write(workspace, dir, List.of("es"), 2, name -> { });
        assertEquals(8 * 3 + 5, written.size());
        for (ReportSet.Written w : written) {
            assertTrue(Files.size(w.pdf()) > 1000, w.name());
            try (PDDocument pdf = Loader.loadPDF(w.pdf().toFile())) {
                if (w.name().endsWith("-onepager")) {
                    assertEquals(1, pdf.getNumberOfPages(), w.name() + " is one page");
                }
                if (w.name().endsWith("-summary")) {
                    assertTrue(pdf.getNumberOfPages() >= 1 && pdf.getNumberOfPages() <= 4, w.name() + " has 1-4 pages");
                }
                for (PDPage page : pdf.getPages()) {
                    for (var name : page.getResources().getFontNames()) {
                        PDFont font = page.getResources().getFont(name);
                        assertTrue(font.isEmbedded(), w.name() + " embeds " + font.getName());
                    }
                }
            }
        }
        String html = Files.readString(dir.resolve("reports/es/zambia-hgsf-casu-report.html"));
        assertTrue(html.contains("<svg") && html.contains("Sinergia"), "charts and Spanish text");
        assertFalse(html.contains("???"));
    }

    /** A whole word "vs", as English writes a comparison. */
    private static final Pattern VS = Pattern.compile("\\bvs\\b");

    /**
     * The Ethiopia case is named differently in all three languages; its one-pager's first key
     * result is the consumption effect of the existing-PSNP group against the comparison group.
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "es | Etiopía | Nuevos PSNP + IN-SCT frente a Comparación | Consumo (birr por adulto equivalente al mes) — PSNP antiguos que suman IN-SCT frente a Comparación",
        "fr | Éthiopie | Nouveaux PSNP + IN-SCT contre Comparaison | Consommation (birr par équivalent adulte par mois) — Anciens PSNP ajoutant IN-SCT contre Comparaison"})
    void caseDocumentsNameCountryUnitsAndComparisonsInTheReadersLanguage(String lang, String country, String contrast, String keyResult)
            throws IOException {
        Messages m = Messages.of(lang);
        CaseResults ethiopia = workspace.get("ethiopia-psnp-insct");
        String report = visibleText(CaseDocuments.report(ethiopia, m, "test"));
        String summary = visibleText(CaseDocuments.summary(ethiopia, m, "test"));
        String onePagerHtml = CaseDocuments.onePager(ethiopia, m, "test");
        String onePager = visibleText(onePagerHtml);
        for (String doc : List.of(report, summary, onePager)) {
            assertTrue(doc.contains(ethiopia.spec().title().in(lang) + " — " + country), "the title names the country in " + lang);
            assertFalse(doc.contains(" — Ethiopia"), "no English country name in the " + lang + " title");
            assertFalse(VS.matcher(doc).find(), "no English 'vs' in " + lang + ": " + around(doc, VS));
        }
        assertTrue(report.contains(contrast), "the results table compares groups in " + lang);
        assertTrue(onePager.contains(keyResult), "the key result gives its unit in " + lang + ": " + around(onePager, Pattern.compile("birr")));
        assertFalse(onePager.contains("birr per adult equivalent"), "no English unit in the " + lang + " one-pager");

        Path pdf = Files.createTempFile("synergia-onepager-" + lang, ".pdf");
        try {
            PdfRenderer.render(onePagerHtml, pdf);
            try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
                String text = new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
                assertTrue(text.contains(country) && text.contains(keyResult.replaceAll("\\s+", " ")),
                        "the " + lang + " PDF reads: " + around(text, Pattern.compile("birr")));
                assertFalse(VS.matcher(text).find(), "no English 'vs' in the " + lang + " PDF");
            }
        } finally {
            Files.deleteIfExists(pdf);
        }
    }

    @ParameterizedTest
    @CsvSource({"es, Etiopía, Perú, México, Zambia", "fr, Éthiopie, Pérou, Mexique, Zambie"})
    void crossCuttingReportsNameCountriesInTheReadersLanguage(String lang, String ethiopia, String peru, String mexico, String zambia) {
        String global = visibleText(CrossCuttingReport.render(CrossCuttingReport.Kind.GLOBAL, workspace, Messages.of(lang)));
        for (String country : List.of(ethiopia, peru, mexico)) {
            assertTrue(global.contains(country), country + " in the cases table, the mechanism matrix and the lists");
        }
        assertTrue(global.contains(zambia + ":"), "recommendations, facilitators and obstacles are prefixed with the " + lang + " country name");
        assertFalse(global.contains("Ethiopia") || global.contains("Mexico") || global.contains("Peru"), "no English country name in " + lang);
        assertFalse(VS.matcher(global).find(), "no English 'vs' in " + lang);
    }

    /** The text a reader sees (tags removed, including SVG titles and descriptions), with entities decoded. */
    private static String visibleText(String html) {
        return html.replaceAll("(?s)<style[^>]*>.*?</style>", " ").replaceAll("<[^>]+>", " ").replace("&lt;", "<").replace("&gt;", ">")
                .replace("&quot;", "\"").replace("&#39;", "'").replace("&amp;", "&").replaceAll("\\s+", " ");
    }

    private static String around(String text, Pattern p) {
        Matcher m = p.matcher(text);
        return m.find() ? text.substring(Math.max(0, m.start() - 80), Math.min(text.length(), m.end() + 80)) : "(not found)";
    }

    private static double value(String cells, String field) {
        Matcher m = Pattern.compile("data-field=\"" + field + "\" data-value=\"([^\"]*)\"").matcher(cells);
        assertTrue(m.find(), field);
        return m.group(1).isEmpty() ? Double.NaN : Double.parseDouble(m.group(1));
    }
}
