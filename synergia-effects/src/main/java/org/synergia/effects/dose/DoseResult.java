package org.synergia.effects.dose;

import java.util.List;
import java.util.Map;
import org.synergia.stats.inference.AbstractEstimationResult;
import org.synergia.stats.inference.Estimate;

/**
 * Result of a dose-response estimator: the terms (dose coefficients, or the average potential
 * outcome {@code mu(t)} at each grid dose), diagnostics and warnings, and for the GPS method the
 * curve with its bootstrap band. Immutable.
 */
public final class DoseResult extends AbstractEstimationResult {

    /**
     * A dose-response curve: average potential outcome at each dose with a pointwise band.
     *
     * @param doses the grid
     * @param estimate {@code μ̂(t)} at each dose
     * @param lower lower end of the pointwise bootstrap band
     * @param upper upper end
     */
    public record Curve(double[] doses, double[] estimate, double[] lower, double[] upper) {
    }

    private final Curve curve;

    DoseResult(String method, List<Estimate> estimates, int n, Map<String, Object> diagnostics, List<String> warnings,
            Curve curve) {
        super(method, estimates, n, diagnostics, warnings);
        this.curve = curve;
    }

    /**
     * @param term a term's name
     * @return its row
     */
    public Estimate term(String term) {
        return findTerm(term);
    }

    /** @return the dose-response curve (GPS method), or null for exposure regressions */
    public Curve curve() {
        return curve == null ? null
                : new Curve(curve.doses().clone(), curve.estimate().clone(), curve.lower().clone(), curve.upper().clone());
    }
}
