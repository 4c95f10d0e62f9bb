package org.synergia.measures.survey;

import java.util.List;
import java.util.Map;
import org.synergia.stats.inference.Estimate;
import org.synergia.stats.inference.EstimationResult;

/**
 * An immutable design-based estimation result: the estimated terms with linearised SEs, the
 * number of rows used, diagnostics (design effects, design degrees of freedom) and warnings.
 *
 * @param method the method's name as the command line spells it ({@code mean}, {@code total}, {@code poverty})
 * @param estimates the estimated terms
 * @param n the number of rows used
 * @param diagnostics named diagnostics, in display order
 * @param warnings warnings for the user
 */
public record SurveyResult(String method, List<Estimate> estimates, int n, Map<String, Object> diagnostics,
        List<String> warnings) implements EstimationResult {

    /** Copies the collections so the result stays immutable. */
    public SurveyResult {
        estimates = List.copyOf(estimates);
        diagnostics = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(diagnostics));
        warnings = List.copyOf(warnings);
    }

    /**
     * @param term a term's name
     * @return that term's row
     */
    public Estimate term(String term) {
        for (Estimate e : estimates) {
            if (e.name().equals(term)) {
                return e;
            }
        }
        throw new IllegalArgumentException("no term " + term + " in this result");
    }
}
