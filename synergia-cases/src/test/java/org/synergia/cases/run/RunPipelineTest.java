package org.synergia.cases.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.synergia.cases.spec.CaseCatalogue;
import org.synergia.cases.store.CaseRecord;
import org.synergia.cases.store.EstimateRecord;
import org.synergia.cases.store.ResultsStore;
import org.synergia.stats.inference.Term;

/** The main job on the eight bundled cases: every case runs, planted effects are covered, re-running changes nothing. */
class RunPipelineTest {

    @Test
    void evaluatesAllEightCasesAndCoversThePlantedEffects(@TempDir Path workspace) {
        RunSummary summary = RunPipeline.run(new RunPipeline.Options(CaseCatalogue.all(), null, workspace, null, 2, "test"),
                Progress.NONE);
        assertEquals(CaseCatalogue.IDS, summary.cases().stream().map(c -> c.record().caseId()).toList());
        for (RunSummary.CaseSummary c : summary.cases()) {
            CaseRecord r = c.record();
            assertEquals(r.caseId().equals("mexico-proinpro") ? "institutional" : "ok", r.status(), r.caseId() + ": " + r.message());
            assertEquals("", r.message(), r.caseId() + " has no failed estimation");
            if (!r.caseId().equals("mexico-proinpro")) {
                assertTrue(r.simulated() && c.estimates().size() >= 8, r.caseId());
            }
        }
        List<EstimateRecord> withTruth = summary.estimatesWithTruth();
        assertTrue(withTruth.size() >= 170, "estimates with a planted truth: " + withTruth.size());
        // every estimated effect carries the effect planted for it (Peru's saturation contrasts and slopes included);
        // only potential-outcome means, levels rather than effects, have none (also within a subgroup)
        for (EstimateRecord e : summary.cases().stream().flatMap(c -> c.estimates().stream()).toList()) {
            Term t = e.term() instanceof Term.Within w ? w.term() : e.term();
            assertTrue(e.hasTruth() || t instanceof Term.PoMean, e.caseId() + " " + e.analysisId() + " " + e.outcome() + " "
                    + e.term() + " has no planted truth");
        }
        double coverage = summary.coverage();
        assertTrue(coverage >= 0.90 && coverage <= 0.99, "95% CIs cover the planted truth " + coverage);
        for (EstimateRecord e : summary.cases().stream().flatMap(c -> c.estimates().stream()).toList()) {
            assertTrue(Double.isFinite(e.estimate()) && Double.isFinite(e.se()), e.caseId() + " " + e.term());
        }

        // Lesotho's local economy: the transfer and the transfer with gardens, with Monte Carlo intervals
        try (ResultsStore store = ResultsStore.open(summary.database())) {
            var lewie = store.modelResults("lesotho-cgp-springs");
            for (String scenario : List.of("transfer", "transfer-and-shock")) {
                var m = lewie.stream().filter(r -> r.scenario().equals(scenario) && r.statistic().equals("income_multiplier"))
                        .findFirst().orElseThrow();
                assertTrue(m.estimate() > 1 && m.estimate() < 4 && m.p5() < m.estimate() && m.estimate() < m.p95(), scenario + " " + m);
                var real = lewie.stream().filter(r -> r.scenario().equals(scenario) && r.statistic().equals("real_income_multiplier"))
                        .findFirst().orElseThrow();
                assertTrue(real.estimate() <= m.estimate(), "real below nominal in " + scenario);
            }
        }

        // idempotent: a second run stores the same numbers
        List<EstimateRecord> first;
        try (ResultsStore store = ResultsStore.open(summary.database())) {
            first = store.estimates("zambia-hgsf-casu");
        }
        RunPipeline.run(new RunPipeline.Options(List.of(CaseCatalogue.all().get(7)), null, workspace, null, 1, "test"), Progress.NONE);
        try (ResultsStore store = ResultsStore.open(summary.database())) {
            assertEquals(first, store.estimates("zambia-hgsf-casu"));
            assertEquals(8, store.cases().size());
        }
    }
}
