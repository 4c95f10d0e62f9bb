package org.synergia.report.documents;

import java.util.List;
import java.util.Optional;
import org.synergia.cases.spec.CaseSpec;
import org.synergia.cases.store.CaseRecord;
import org.synergia.cases.store.DiagnosticRecord;
import org.synergia.cases.store.EstimateRecord;
import org.synergia.cases.store.ModelResultRecord;

/**
 * A case's specification with what the results store holds for it.
 *
 * @param spec the specification
 * @param record the stored case record, empty when the case has not been run
 * @param estimates its estimates
 * @param diagnostics its diagnostics and warnings
 * @param models its simulation-model statistics (LEWIE, microsimulation)
 */
public record CaseResults(CaseSpec spec, Optional<CaseRecord> record, List<EstimateRecord> estimates,
        List<DiagnosticRecord> diagnostics, List<ModelResultRecord> models) {

    /** @return true when the case's results come from a simulated survey */
    public boolean simulated() {
        return record.map(CaseRecord::simulated).orElse(false);
    }

    /** @return true when the case ran and failed */
    public boolean failed() {
        return record.map(r -> r.status().equals("failed")).orElse(false);
    }

    /**
     * @param model a model's name ({@code lewie}, {@code microsim})
     * @return its statistics, in stored order
     */
    public List<ModelResultRecord> model(String model) {
        return models.stream().filter(r -> r.model().equals(model)).toList();
    }

    /**
     * @param analysisId an analysis
     * @return its estimates, in stored order
     */
    public List<EstimateRecord> estimates(String analysisId) {
        return estimates.stream().filter(e -> e.analysisId().equals(analysisId)).toList();
    }
}
