package org.synergia.cases.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.synergia.cases.run.DesignDiagnosis;
import org.synergia.cases.run.Progress;
import org.synergia.cases.spec.CaseCatalogue;
import org.synergia.cases.spec.CaseSpec;
import org.synergia.stats.inference.Term;

/** docs/diagnosis.md is what {@code synergia docs diagnosis} writes; the rendering rounds counts, never noise. */
class DiagnosisDocumentTest {

    /** The full diagnosis of the bundled cases: about 100 s on two cores. */
    @Test
    void committedDocumentIsUpToDate() throws Exception {
        CommittedDocument.assertUpToDate(DiagnosisDocument.of(Runtime.getRuntime().availableProcessors(), Progress.NONE));
    }

    @Test
    void rendersCountsOfMadeUpRows() {
        List<CaseSpec> cases = CaseCatalogue.all();
        Term.Effect both = new Term.Effect(Term.Measure.ATE, 3, 0, true);
        List<DesignDiagnosis.Row> rows = List.of(
                row("zambia-hgsf-casu", "factorial", both, 0.97, 1.0),
                row("zambia-hgsf-casu", "factorial", new Term.Synergy(), 0.83, 0.42),
                row("peru-haku-winay", "rd-haku-winay", new Term.Discontinuity(Term.RdRow.ROBUST), 0.94, 0.2),
                row("peru-haku-winay", "rd-haku-winay", new Term.Discontinuity(Term.RdRow.BIAS_CORRECTED), 0.88, 0.3));
        Map<String, String> s = DiagnosisDocument.render(cases, rows, 100, 7);
        assertEquals(List.of("run", "table", "undercoverage", "rd", "synergy"), List.copyOf(s.keySet()));
        String run = s.get("run").replace('\n', ' ');
        assertTrue(run.contains("(seeds 7–106)") && run.contains(" 4 planned estimates of 2 analyses in 2 cases carry a planted"
                + " truth; each was estimated in all 100 surveys."), run);
        assertTrue(s.get("table").contains("| `zambia-hgsf-casu` | `factorial` | 2 | 0.900 | 0.83 – 0.97 | 0.71 |"), s.get("table"));
        assertTrue(s.get("undercoverage").contains("- `zambia-hgsf-casu` / `factorial` / `-` / `synergy`: 0.83\n"),
                s.get("undercoverage"));
        assertTrue(s.get("undercoverage").contains("- `peru-haku-winay` / `rd-haku-winay` / `-` / `bias-corrected`: 0.88\n"),
                s.get("undercoverage"));
        assertTrue(s.get("rd").contains("`bias-corrected` 0.88–0.88, `robust` 0.94–0.94."), s.get("rd"));
        assertTrue(s.get("synergy").contains("The 1 synergy estimates") && s.get("synergy").contains("42%")
                && s.get("synergy").contains("100%") && s.get("synergy").contains("`ATE:3vs0`"), s.get("synergy"));
        for (String text : s.values()) {
            for (String line : text.split("\n")) {
                assertTrue(line.length() <= Paragraphs.WIDTH || line.startsWith("|"), line);
            }
        }
    }

    private static DesignDiagnosis.Row row(String caseId, String analysis, Term term, double coverage, double power) {
        return new DesignDiagnosis.Row(caseId, analysis, "-", term, 100, 1, 0, 1, coverage, Math.sqrt(coverage * (1 - coverage) / 100),
                power);
    }
}
