package org.synergia.report.documents;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.synergia.cases.spec.CaseSpec;
import org.synergia.cases.store.CaseRecord;
import org.synergia.cases.store.PooledRecord;
import org.synergia.cases.store.ResultsStore;
import org.synergia.cases.store.StudyRecord;

/**
 * Everything a report or page shows, read once from a workspace's results store: each case with
 * its results, and the cross-case synthesis.
 *
 * @param cases the cases, in catalogue order
 * @param pooled the pooled effects
 * @param studies the cases' standardised effects behind them
 * @param softwareVersion Synergia's version
 */
public record Workspace(List<CaseResults> cases, List<PooledRecord> pooled, List<StudyRecord> studies, String softwareVersion) {

    /**
     * @param store the results store
     * @param specs the cases' specifications
     * @param softwareVersion Synergia's version
     * @return the workspace's content
     */
    public static Workspace load(ResultsStore store, List<CaseSpec> specs, String softwareVersion) {
        Map<String, CaseRecord> records = store.cases().stream().collect(Collectors.toMap(CaseRecord::caseId, Function.identity()));
        List<CaseResults> cases = specs.stream().map(s -> new CaseResults(s, java.util.Optional.ofNullable(records.get(s.id())),
                store.estimates(s.id()), store.diagnostics(s.id()), store.modelResults(s.id()))).toList();
        return new Workspace(cases, store.pooled(), store.pooledStudies(), softwareVersion);
    }

    /** @return true when any case's results come from a simulated survey */
    public boolean anySimulated() {
        return cases.stream().anyMatch(CaseResults::simulated);
    }

    /**
     * @param caseId a case
     * @return that case
     */
    public CaseResults get(String caseId) {
        return cases.stream().filter(c -> c.spec().id().equals(caseId)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no case " + caseId + " in the workspace"));
    }
}
