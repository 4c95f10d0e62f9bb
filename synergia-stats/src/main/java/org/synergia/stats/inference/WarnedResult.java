package org.synergia.stats.inference;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A result with warnings of the caller's (the rows left out for missing values, a model's collinear
 * columns) before the estimator's own; everything else is the inner result's.
 *
 * @param inner the estimator's result
 * @param first the warnings to put first
 */
public record WarnedResult(EstimationResult inner, List<String> first) implements EstimationResult {

    /** Copies the warnings. */
    public WarnedResult {
        first = List.copyOf(first);
    }

    /**
     * @param result a result
     * @param first warnings to put before its own
     * @return the result with them, or the result itself when there are none
     */
    public static EstimationResult of(EstimationResult result, List<String> first) {
        return first.isEmpty() ? result : new WarnedResult(result, first);
    }

    /**
     * @param result a result, possibly with warnings put first
     * @return the estimator's own result under them
     */
    public static EstimationResult unwrap(EstimationResult result) {
        EstimationResult r = result;
        while (r instanceof WarnedResult w) {
            r = w.inner();
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
        return inner.diagnostics();
    }

    @Override
    public List<String> warnings() {
        List<String> all = new ArrayList<>(first);
        all.addAll(inner.warnings());
        return all;
    }
}
