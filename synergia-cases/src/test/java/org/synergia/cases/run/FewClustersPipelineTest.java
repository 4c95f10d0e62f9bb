package org.synergia.cases.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.synergia.cases.spec.CaseSpec;
import org.synergia.cases.spec.CaseSpecReader;
import org.synergia.cases.store.DiagnosticRecord;
import org.synergia.cases.store.EstimateRecord;
import org.synergia.data.MissingPolicy;

/**
 * Peru's plan on a simulated survey of 30 communities instead of 60, with a linear {@code glm} analysis added: the
 * saturation and glm analyses, which have fewer than 42 clusters, store the wild cluster bootstrap's p-values and
 * intervals (their SEs stay CR1) and say so; {@code options: {wild-bootstrap: 0}} turns it off; the bundled plan,
 * with 60 communities, is unchanged.
 */
class FewClustersPipelineTest {

    private static final String GLM = """
              - id: income-glm
                estimator: glm
                title: {en: "Income on Haku Winay", es: "Ingreso", fr: "Revenu"}
                outcomes: [income]
                treatment: hw
                cluster: community
                options: {model: "income ~ hw + hh_size", vce: cluster%s}
            multiple_testing: anderson
            """;

    private static String peru() throws IOException {
        try (InputStream in = CaseSpecReader.class.getResourceAsStream("/cases/peru-haku-winay.yaml")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static CaseRunner.Analyses run(String text) {
        CaseSpec spec = CaseSpecReader.parse("few.yaml", text.getBytes(StandardCharsets.UTF_8));
        return CaseRunner.analyse(spec, CaseData.load(spec, null, null).withOutcomes(spec), MissingPolicy.DROP, Progress.NONE);
    }

    private static String fewClusters(String glmOptions, String saturationOptions) throws IOException {
        String text = peru().replace("  clusters: 60\n", "  clusters: 30\n").replace("multiple_testing: anderson\n",
                GLM.formatted(glmOptions).stripIndent());
        return text.replace("options: {saturation: saturation}", "options: {saturation: saturation" + saturationOptions + "}");
    }

    @Test
    void fewClustersGetTheWildBootstrapsPValuesAndIntervals() throws IOException {
        CaseRunner.Analyses a = run(fewClusters("", ""));
        for (String analysis : List.of("coaching", "income-glm")) {
            List<EstimateRecord> rows = a.estimates().stream().filter(e -> e.analysisId().equals(analysis)).toList();
            assertFalse(rows.isEmpty(), analysis);
            for (EstimateRecord e : rows) {
                List<DiagnosticRecord> own = a.diagnostics().stream()
                        .filter(d -> d.analysisId().equals(analysis) && d.outcome().equals(e.outcome())).toList();
                assertTrue(own.contains(new DiagnosticRecord(e.caseId(), analysis, e.outcome(), "inference", "wild-bootstrap")));
                Map<?, ?> wb = (Map<?, ?>) Credibility.read(own, e.outcome(), "wild_bootstrap").orElseThrow();
                assertEquals(999, wb.get("draws"));
                Map<?, ?> term = ((List<?>) wb.get("terms")).stream().map(t -> (Map<?, ?>) t)
                        .filter(t -> t.get("term").equals(e.termName())).findFirst().orElseThrow();
                assertEquals(((Number) term.get("p_value")).doubleValue(), e.pValue(), e.termName());
                assertEquals(((Number) term.get("ci_low")).doubleValue(), e.ciLow(), e.termName());
                assertEquals(((Number) term.get("ci_high")).doubleValue(), e.ciHigh(), e.termName());
                assertTrue(own.stream().anyMatch(d -> d.key().equals("warning") && d.value().startsWith("only 30 clusters (fewer"
                        + " than 42): p-values and confidence intervals are from the wild cluster bootstrap-t with the null imposed"
                        + " (999 rademacher draws)")), own.toString());
            }
        }
        CaseRunner.Analyses off = run(fewClusters(", wild-bootstrap: 0", ", wild-bootstrap: 0"));
        assertTrue(off.diagnostics().stream().noneMatch(d -> d.key().equals("inference") || d.key().equals("wild_bootstrap")));
        for (EstimateRecord e : off.estimates()) {
            EstimateRecord boot = a.estimates().stream().filter(x -> x.analysisId().equals(e.analysisId())
                    && x.outcome().equals(e.outcome()) && x.term().equals(e.term())).findFirst().orElseThrow();
            assertEquals(boot.estimate(), e.estimate());
            assertEquals(boot.se(), e.se(), "the SEs stay the analytic ones");
        }
    }

    @Test
    void theBundledPlanHasSixtyCommunitiesAndKeepsItsAnalyticInference() throws IOException {
        CaseRunner.Analyses a = run(peru());
        assertTrue(a.diagnostics().stream().anyMatch(d -> d.analysisId().equals("coaching") && d.key().equals("clusters")
                && d.value().equals("60")));
        assertTrue(a.diagnostics().stream().noneMatch(d -> d.key().equals("inference") || d.key().equals("wild_bootstrap")));
    }
}
