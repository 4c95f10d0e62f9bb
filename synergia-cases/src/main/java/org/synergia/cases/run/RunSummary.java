package org.synergia.cases.run;

import java.nio.file.Path;
import java.util.List;
import org.synergia.cases.store.CaseRecord;
import org.synergia.cases.store.EstimateRecord;

/**
 * What a run produced: each case's record and estimates, and the results database.
 *
 * @param cases the cases, in run order
 * @param database the results database
 */
public record RunSummary(List<CaseSummary> cases, Path database) {

    /**
     * One case of the run.
     *
     * @param record the case's record (status, provenance)
     * @param estimates its estimates
     */
    public record CaseSummary(CaseRecord record, List<EstimateRecord> estimates) {}

    /** @return every estimate of the run that carries a planted truth */
    public List<EstimateRecord> estimatesWithTruth() {
        return cases.stream().flatMap(c -> c.estimates().stream()).filter(EstimateRecord::hasTruth).toList();
    }

    /** @return the share of estimates with a planted truth whose 95% interval covers it (NaN when there are none) */
    public double coverage() {
        List<EstimateRecord> withTruth = estimatesWithTruth();
        return withTruth.isEmpty() ? Double.NaN
                : (double) withTruth.stream().filter(EstimateRecord::covers).count() / withTruth.size();
    }
}
