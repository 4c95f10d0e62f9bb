package org.synergia.effects.did;

import java.util.List;
import java.util.Map;
import org.synergia.stats.inference.AbstractEstimationResult;
import org.synergia.stats.inference.Estimate;

/**
 * Result of {@link StaggeredDid}: terms {@code ATT(g,t)} for every cohort and period, the simple
 * aggregate {@code ATT} over post-treatment cells and the event-time aggregates {@code ATT:e=k}.
 * {@link #n()} counts rows used: units times periods of the balanced panel. Immutable.
 */
public final class StaggeredDidResult extends AbstractEstimationResult {

    StaggeredDidResult(List<Estimate> estimates, int n, Map<String, Object> diagnostics, List<String> warnings) {
        super("did", estimates, n, diagnostics, warnings);
    }

    /**
     * @param term a term's name, e.g. {@code ATT(2004,2006)} or {@code ATT:e=1}
     * @return its row
     */
    public Estimate term(String term) {
        return findTerm(term);
    }
}
