package org.synergia.effects.did;

import java.util.List;
import java.util.Map;
import org.synergia.stats.inference.AbstractEstimationResult;
import org.synergia.stats.inference.Estimate;

/**
 * Result of {@link StaggeredDid}: terms {@code ATT(g,t)} for every cohort and period, the simple
 * aggregate {@code ATT} over post-treatment cells, the event-time aggregates {@code ATT:e=k} and
 * their mean {@code ATT:dynamic}, the cohort averages {@code ATT:g=g} and {@code ATT:group}, the
 * calendar averages {@code ATT:t=t} and {@code ATT:calendar}; diagnostics with the pre-trend test
 * and the uniform bands. {@link #n()} counts rows used. Immutable.
 */
public final class StaggeredDidResult extends AbstractEstimationResult {

    private final List<EventStudyPlot.Point> eventStudy;
    private final double level;
    private final double eventCritical;
    private final int draws;

    StaggeredDidResult(List<Estimate> estimates, int n, Map<String, Object> diagnostics, List<String> warnings,
            List<EventStudyPlot.Point> eventStudy, double level, double eventCritical, int draws) {
        super("did", estimates, n, diagnostics, warnings);
        this.eventStudy = List.copyOf(eventStudy);
        this.level = level;
        this.eventCritical = eventCritical;
        this.draws = draws;
    }

    /**
     * @param term a term's name, e.g. {@code ATT(2004,2006)} or {@code ATT:e=1}
     * @return its row
     */
    public Estimate term(String term) {
        return findTerm(term);
    }

    /** @return the event-time effects with their pointwise intervals and uniform band, as plotted */
    public List<EventStudyPlot.Point> eventStudy() {
        return eventStudy;
    }

    /**
     * @param outcome the outcome's label, for the vertical axis
     * @return the event-study plot as a standalone SVG document
     */
    public String eventPlotSvg(String outcome) {
        return EventStudyPlot.svg(eventStudy, level, eventCritical, draws, outcome);
    }
}
