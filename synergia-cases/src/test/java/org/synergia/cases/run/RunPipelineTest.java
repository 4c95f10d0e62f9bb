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
        assertTrue(withTruth.size() >= 40, "estimates with a planted truth: " + withTruth.size());
        double coverage = summary.coverage();
        assertTrue(coverage >= 0.85 && coverage <= 1.0, "95% CIs cover the planted truth " + coverage);
        for (EstimateRecord e : summary.cases().stream().flatMap(c -> c.estimates().stream()).toList()) {
            assertTrue(Double.isFinite(e.estimate()) && Double.isFinite(e.se()), e.caseId() + " " + e.term());
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
