package org.synergia.effects.dose;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.synergia.stats.inference.Estimate;
import org.synergia.stats.inference.EstimationResult;

/**
 * Result of a dose-response estimator: the terms (dose coefficients, or the average potential
 * outcome {@code mu(t)} at each grid dose), diagnostics and warnings, and for the GPS method the
 * curve with its bootstrap band. Immutable.
 */
public final class DoseResult implements EstimationResult {

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

    private final String method;
    private final List<Estimate> estimates;
    private final int n;
    private final Map<String, Object> diagnostics;
    private final List<String> warnings;
    private final Curve curve;

    DoseResult(String method, List<Estimate> estimates, int n, Map<String, Object> diagnostics, List<String> warnings,
            Curve curve) {
        this.method = method;
        this.estimates = List.copyOf(estimates);
        this.n = n;
        this.diagnostics = Collections.unmodifiableMap(new LinkedHashMap<>(diagnostics));
        this.warnings = List.copyOf(warnings);
        this.curve = curve;
    }

    @Override
    public String method() {
        return method;
    }

    @Override
    public List<Estimate> estimates() {
        return estimates;
    }

    /**
     * @param term a term's name
     * @return its row
     */
    public Estimate term(String term) {
        return estimates.stream().filter(e -> e.term().equals(term)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no term " + term));
    }

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

    /** @return the dose-response curve (GPS method), or null for exposure regressions */
    public Curve curve() {
        return curve == null ? null
                : new Curve(curve.doses().clone(), curve.estimate().clone(), curve.lower().clone(), curve.upper().clone());
    }
}
