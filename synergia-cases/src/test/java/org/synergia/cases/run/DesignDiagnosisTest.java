package org.synergia.cases.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.synergia.cases.spec.CaseSpec;
import org.synergia.cases.spec.CaseSpecReader;
import org.synergia.cases.store.EstimateRecord;

/**
 * The diagnosis of Mali's design over three surveys agrees with the same surveys analysed one by
 * one and summarised here by hand (bias, RMSE, coverage and its Monte Carlo error, power), and
 * skips the case without a simulated survey.
 */
class DesignDiagnosisTest {

    private static final long FIRST_SEED = 500;
    private static final int REPLICATIONS = 3;

    @Test
    void summarisesEachPlannedEstimateOverTheSurveys() {
        CaseSpec mali = CaseSpecReader.bundled("mali-cash-plus");
        List<DesignDiagnosis.Row> rows = DesignDiagnosis.run(List.of(mali, CaseSpecReader.bundled("mexico-proinpro")),
                REPLICATIONS, FIRST_SEED, 2, Progress.NONE);

        Map<String, List<EstimateRecord>> byEstimate = new LinkedHashMap<>();
        for (int r = 0; r < REPLICATIONS; r++) {
            CaseData data = CaseData.load(mali, null, FIRST_SEED + r).withOutcomes(mali);
            for (EstimateRecord e : CaseRunner.estimates(mali, data)) {
                if (e.hasTruth()) {
                    byEstimate.computeIfAbsent(e.analysisId() + "|" + e.outcome() + "|" + e.termName(), k -> new ArrayList<>()).add(e);
                }
            }
        }
        assertEquals(byEstimate.size(), rows.size(), "one row per estimate with a truth; Mexico (institutional only) adds none");
        // Mali: 2 analyses x 5 outcomes, each with two arm contrasts (the second analysis compares Cash+ with Cash only)
        assertTrue(rows.size() >= 15, "rows: " + rows.size());
        for (DesignDiagnosis.Row row : rows) {
            List<EstimateRecord> list = byEstimate.get(row.analysisId() + "|" + row.outcome() + "|" + row.term());
            assertEquals(REPLICATIONS, list.size(), row.toString());
            assertEquals("mali-cash-plus", row.caseId());
            assertEquals(REPLICATIONS, row.replications());
            double truth = 0;
            double bias = 0;
            double squared = 0;
            double covered = 0;
            double rejected = 0;
            for (EstimateRecord e : list) {
                truth += e.truth() / REPLICATIONS;
                bias += (e.estimate() - e.truth()) / REPLICATIONS;
                squared += Math.pow(e.estimate() - e.truth(), 2) / REPLICATIONS;
                covered += (e.ciLow() <= e.truth() && e.truth() <= e.ciHigh() ? 1.0 : 0.0) / REPLICATIONS;
                rejected += (e.pValue() < 0.05 ? 1.0 : 0.0) / REPLICATIONS;
            }
            double tolerance = 1e-9 * (1 + Math.abs(truth));
            assertEquals(truth, row.meanTruth(), tolerance, row.toString());
            assertEquals(bias, row.bias(), tolerance, row.toString());
            assertEquals(Math.sqrt(squared), row.rmse(), tolerance, row.toString());
            assertEquals(covered, row.coverage(), 1e-12, row.toString());
            assertEquals(Math.sqrt(covered * (1 - covered) / REPLICATIONS), row.coverageMcError(), 1e-12, row.toString());
            assertEquals(rejected, row.power(), 1e-12, row.toString());
        }
    }
}
