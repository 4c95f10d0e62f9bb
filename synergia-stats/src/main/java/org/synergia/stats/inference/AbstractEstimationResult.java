package org.synergia.stats.inference;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The stored part of an {@link EstimationResult}: method name, terms, observations used,
 * diagnostics (kept in insertion order) and warnings, copied once so that the result stays
 * immutable. Estimator results extend it and add their own accessors.
 */
public abstract class AbstractEstimationResult implements EstimationResult {

    private final String method;
    private final List<Estimate> estimates;
    private final int n;
    private final Map<String, Object> diagnostics;
    private final List<String> warnings;

    /**
     * @param method the method's name as the command line spells it
     * @param estimates the estimated terms, in display order (copied)
     * @param n the number of observations used
     * @param diagnostics named diagnostics, in display order (copied)
     * @param warnings warnings for the user (copied)
     */
    protected AbstractEstimationResult(String method, List<Estimate> estimates, int n, Map<String, Object> diagnostics,
            List<String> warnings) {
        this.method = method;
        this.estimates = List.copyOf(estimates);
        this.n = n;
        this.diagnostics = Collections.unmodifiableMap(new LinkedHashMap<>(diagnostics));
        this.warnings = List.copyOf(warnings);
    }

    @Override
    public final String method() {
        return method;
    }

    @Override
    public final List<Estimate> estimates() {
        return estimates;
    }

    @Override
    public final int n() {
        return n;
    }

    @Override
    public final Map<String, Object> diagnostics() {
        return diagnostics;
    }

    @Override
    public final List<String> warnings() {
        return warnings;
    }

    /**
     * @param term a term's name
     * @return its row
     * @throws IllegalArgumentException when there is no such term
     */
    protected final Estimate findTerm(String term) {
        return estimates.stream().filter(e -> e.name().equals(term)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no term " + term));
    }
}
