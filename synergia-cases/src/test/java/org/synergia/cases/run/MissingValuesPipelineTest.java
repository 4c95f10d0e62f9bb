package org.synergia.cases.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.synergia.cases.spec.CaseSpec;
import org.synergia.cases.spec.CaseSpecReader;
import org.synergia.cases.store.DiagnosticRecord;
import org.synergia.cases.store.EstimateRecord;
import org.synergia.data.MissingPolicy;

/**
 * The pipeline follows the command line's missing-value rule ({@link org.synergia.data.CompleteCases}):
 * Peru's saturation analysis leaves out the 381 households whose saturation is missing in the
 * simulated survey and stores their number and the one-line warning; under
 * {@link MissingPolicy#REFUSE} those analyses fail with the reason, the others still run.
 */
class MissingValuesPipelineTest {

    @Test
    void storesTheRowsLeftOutAndRefusesOnRequest() {
        CaseSpec peru = CaseSpecReader.bundled("peru-haku-winay");
        CaseData data = CaseData.load(peru, null, null).withOutcomes(peru);
        CaseRunner.Analyses dropped = CaseRunner.analyse(peru, data, MissingPolicy.DROP, Progress.NONE);
        List<DiagnosticRecord> counts = dropped.diagnostics().stream()
                .filter(d -> d.key().equals(PlanExecutor.ROWS_DROPPED)).toList();
        assertTrue(!counts.isEmpty());
        for (DiagnosticRecord d : counts) {
            assertEquals("coaching", d.analysisId());
            assertEquals("381", d.value());
            assertTrue(dropped.diagnostics().contains(new DiagnosticRecord(d.caseId(), d.analysisId(), d.outcome(), "warning",
                    "381 rows left out for missing values (saturation: 381)")), d.outcome());
        }
        CaseRunner.Analyses refused = CaseRunner.analyse(peru, data, MissingPolicy.REFUSE, Progress.NONE);
        List<DiagnosticRecord> failed = refused.diagnostics().stream()
                .filter(d -> d.key().equals(Failures.KEY) && d.analysisId().equals("coaching")).toList();
        assertEquals(counts.size(), failed.size());
        assertTrue(failed.get(0).value().contains("variable 'saturation' is missing at row"), failed.get(0).value());
        List<EstimateRecord> others = refused.estimates().stream().filter(e -> !e.analysisId().equals("coaching")).toList();
        assertEquals(dropped.estimates().stream().filter(e -> !e.analysisId().equals("coaching")).count(), others.size());
    }
}
