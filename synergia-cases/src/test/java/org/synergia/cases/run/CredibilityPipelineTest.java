package org.synergia.cases.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.synergia.cases.spec.CaseSpec;
import org.synergia.cases.spec.CaseSpecReader;
import org.synergia.cases.store.DiagnosticRecord;
import org.synergia.cases.store.EstimateRecord;
import org.synergia.data.MissingPolicy;

/**
 * The pipeline stores the credibility checks ({@link Credibility}) beside the estimates: the balance of the
 * treatment model's covariates for the first outcome of each weighting or matching analysis, every effect's
 * E-values and, for unweighted linear outcome models, its robustness values. On the simulated surveys, whose
 * treatment models are the ones that assigned the groups, weighting or matching must leave the covariates far
 * better balanced than raw.
 */
class CredibilityPipelineTest {

    private static CaseRunner.Analyses run(String caseId) {
        CaseSpec spec = CaseSpecReader.bundled(caseId);
        return CaseRunner.analyse(spec, CaseData.load(spec, null, null).withOutcomes(spec), MissingPolicy.DROP, Progress.NONE);
    }

    @SuppressWarnings("unchecked")
    private static void balanceImproves(CaseRunner.Analyses r, String analysis, String outcome, List<String> contrasts) {
        List<Map<String, Object>> rows = (List<Map<String, Object>>) Credibility.read(r.diagnostics().stream()
                .filter(d -> d.analysisId().equals(analysis)).toList(), outcome, Credibility.BALANCE)
                .orElseThrow(() -> new AssertionError("no balance for " + analysis + " " + outcome));
        assertEquals(contrasts, rows.stream().map(m -> (String) m.get("contrast")).distinct().toList());
        double raw = rows.stream().mapToDouble(m -> Math.abs(((Number) m.get("smd_raw")).doubleValue())).average().orElseThrow();
        double adjusted = rows.stream().mapToDouble(m -> Math.abs(((Number) m.get("smd_adjusted")).doubleValue())).average()
                .orElseThrow();
        assertTrue(adjusted < raw / 3, analysis + ": mean |SMD| " + raw + " raw, " + adjusted + " adjusted");
    }

    @Test
    void weightingStoresBalanceEValuesAndRobustnessValues() {
        CaseRunner.Analyses r = run("mali-cash-plus");
        balanceImproves(r, "ipwra", "fcs", List.of("1vs0", "2vs0"));
        List<EstimateRecord> effects = r.estimates().stream().filter(e -> e.analysisId().equals("ipwra")
                && e.termName().contains("vs")).toList();
        assertTrue(!effects.isEmpty());
        for (EstimateRecord e : effects) {
            List<DiagnosticRecord> d = r.diagnostics().stream().filter(x -> x.analysisId().equals("ipwra")).toList();
            Map<?, ?> ev = (Map<?, ?>) Credibility.read(d, e.outcome(), Credibility.eValueKey(e.termName())).orElseThrow();
            assertTrue(((Number) ev.get("e_value")).doubleValue() >= 1, e.termName());
            Map<?, ?> rv = (Map<?, ?>) Credibility.read(d, e.outcome(), Credibility.sensitivityKey(e.termName())).orElseThrow();
            double q = ((Number) rv.get("rv_q")).doubleValue();
            assertTrue(q > 0 && q < 1, e.termName() + " RV_q " + q);
            assertTrue(((Number) rv.get("rv_qa")).doubleValue() <= q, "RV_q,alpha is at most RV_q");
        }
    }

    @Test
    void matchingStoresBalanceByComparison() {
        CaseRunner.Analyses r = run("lesotho-cgp-springs");
        balanceImproves(r, "psm-vs-neither", "hdds:1vs0", List.of("1vs0"));
        balanceImproves(r, "psm-vs-neither", "hdds:2vs0", List.of("2vs0"));
        assertTrue(r.diagnostics().stream().anyMatch(d -> d.analysisId().equals("psm-vs-neither")
                && d.key().startsWith("e_value[")), "E-values of the matched effects");
        List<DiagnosticRecord> d = r.diagnostics().stream().filter(x -> x.analysisId().equals("psm-vs-neither")).toList();
        for (EstimateRecord e : r.estimates().stream().filter(x -> x.analysisId().equals("psm-vs-neither")).toList()) {
            Map<?, ?> bounds = (Map<?, ?>) Credibility.read(d, e.outcome(), Credibility.rosenbaumKey(e.termName())).orElseThrow();
            double gamma = ((Number) bounds.get("rosenbaum_gamma")).doubleValue();
            assertTrue(gamma >= 1, e.outcome() + " " + e.termName() + " Γ* " + gamma);
            assertEquals(0.05, ((Number) bounds.get("rosenbaum_alpha")).doubleValue());
        }
    }
}
