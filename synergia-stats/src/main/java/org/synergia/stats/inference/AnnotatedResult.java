package org.synergia.stats.inference;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A result with what its caller adds: warnings put before the estimator's own (the rows left out for
 * missing values, a model's collinear columns) and diagnostics computed beside the estimator (a
 * balance summary), which replace the estimator's entries of the same name; everything else is the
 * inner result's, which {@link #unwrap} returns.
 *
 * @param inner the estimator's result
 * @param first the warnings to put first
 * @param added the diagnostics to add
 */
public record AnnotatedResult(EstimationResult inner, List<String> first, Map<String, Object> added)
        implements EstimationResult {

    /** Copies the warnings and diagnostics. */
    public AnnotatedResult {
        first = List.copyOf(first);
        added = new LinkedHashMap<>(added);
    }

    /**
     * @param result a result
     * @param first warnings to put before its own
     * @return the result with them, or the result itself when there are none
     */
    public static EstimationResult of(EstimationResult result, List<String> first) {
        return first.isEmpty() ? result : new AnnotatedResult(result, first, Map.of());
    }

    /**
     * @param result a result
     * @param added diagnostics to add to (or replace in) its own
     * @return the result with them, or the result itself when there are none
     */
    public static EstimationResult withDiagnostics(EstimationResult result, Map<String, Object> added) {
        return added.isEmpty() ? result : new AnnotatedResult(result, List.of(), added);
    }

    /**
     * @param result a result, possibly annotated
     * @return the estimator's own result under the annotations
     */
    public static EstimationResult unwrap(EstimationResult result) {
        EstimationResult r = result;
        while (r instanceof AnnotatedResult a) {
            r = a.inner();
        }
        return r;
    }

    @Override
    public String method() {
        return inner.method();
    }

    @Override
    public List<Estimate> estimates() {
        return inner.estimates();
    }

    @Override
    public int n() {
        return inner.n();
    }

    @Override
    public Map<String, Object> diagnostics() {
        if (added.isEmpty()) {
            return inner.diagnostics();
        }
        Map<String, Object> all = new LinkedHashMap<>(inner.diagnostics());
        all.putAll(added);
        return all;
    }

    @Override
    public List<String> warnings() {
        List<String> all = new ArrayList<>(first);
        all.addAll(inner.warnings());
        return all;
    }
}
