package org.synergia.effects.did;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.synergia.stats.inference.Estimate;
import org.synergia.stats.inference.EstimationResult;

/**
 * Result of {@link StaggeredDid}: terms {@code ATT(g,t)} for every cohort and period, the simple
 * aggregate {@code ATT} over post-treatment cells and the event-time aggregates {@code ATT:e=k}.
 * Immutable.
 */
public final class StaggeredDidResult implements EstimationResult {

    private final List<Estimate> estimates;
    private final int n;
    private final Map<String, Object> diagnostics;
    private final List<String> warnings;

    StaggeredDidResult(List<Estimate> estimates, int n, Map<String, Object> diagnostics, List<String> warnings) {
        this.estimates = List.copyOf(estimates);
        this.n = n;
        this.diagnostics = Collections.unmodifiableMap(new LinkedHashMap<>(diagnostics));
        this.warnings = List.copyOf(warnings);
    }

    @Override
    public String method() {
        return "did";
    }

    @Override
    public List<Estimate> estimates() {
        return estimates;
    }

    /**
     * @param term a term's name, e.g. {@code ATT(2004,2006)} or {@code ATT:e=1}
     * @return its row
     */
    public Estimate term(String term) {
        return estimates.stream().filter(e -> e.term().equals(term)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no term " + term));
    }

    /** @return rows used: units times periods of the balanced panel */
    @Override
    public int n() {
        return n;
    }

    @Override
    public Map<String, Object> diagnostics() {
        return diagnostics;
    }

    @Override
    public List<String> warnings() {
        return warnings;
    }
}
