package org.synergia.web.site;

import java.util.List;
import org.synergia.cases.store.EstimateRecord;
import org.synergia.report.documents.CaseResults;

/**
 * A case's estimates as a CSV table, one row per stored estimate, numbers exactly as the results
 * store holds them (an empty cell where the store has none) and a {@code simulated} column.
 */
public final class EstimatesCsv {

    /** The header row. */
    public static final String HEADER = "case,analysis,estimator,outcome,domain,term,label,estimate,se,ci_low,ci_high,p_value,"
            + "q_value,n,truth,scale,simulated";

    private EstimatesCsv() {}

    /**
     * @param c the case
     * @return its estimates as CSV
     */
    public static String of(CaseResults c) {
        StringBuilder s = new StringBuilder(HEADER).append('\n');
        List<EstimateRecord> rows = c.estimates();
        for (EstimateRecord e : rows) {
            s.append(text(e.caseId())).append(',').append(text(e.analysisId())).append(',').append(text(e.estimator())).append(',')
                    .append(text(e.outcome())).append(',').append(text(e.domain())).append(',').append(text(e.termName())).append(',')
                    .append(text(e.label())).append(',').append(number(e.estimate())).append(',').append(number(e.se())).append(',')
                    .append(number(e.ciLow())).append(',').append(number(e.ciHigh())).append(',').append(number(e.pValue()))
                    .append(',').append(number(e.qValue())).append(',').append(e.n()).append(',').append(number(e.truth()))
                    .append(',').append(number(e.scale())).append(',').append(c.simulated()).append('\n');
        }
        return s.toString();
    }

    private static String number(double v) {
        return Double.isFinite(v) ? Double.toString(v) : "";
    }

    private static String text(String v) {
        if (v == null) {
            return "";
        }
        return v.contains(",") || v.contains("\"") || v.contains("\n") ? "\"" + v.replace("\"", "\"\"") + "\"" : v;
    }
}
