package org.synergia.effects.did;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.synergia.stats.inference.Estimate;
import org.synergia.stats.inference.EstimationResult;

/**
 * The result of a two-period DiD estimator: one term, {@code ATT}, with its influence-function
 * standard error, Wald interval and p-value; diagnostics (method, design, group sizes, variance
 * type, clusters) and warnings. Immutable.
 */
public final class DidResult implements EstimationResult {

    private final List<Estimate> estimates;
    private final int n;
    private final Map<String, Object> diagnostics;
    private final List<String> warnings;
    private final double[] influence;

    DidResult(Estimate att, int n, Map<String, Object> diagnostics, List<String> warnings, double[] influence) {
        this.estimates = List.of(att);
        this.n = n;
        this.diagnostics = Collections.unmodifiableMap(new LinkedHashMap<>(diagnostics));
        this.warnings = List.copyOf(warnings);
        this.influence = influence;
    }

    @Override
    public String method() {
        return "did";
    }

    @Override
    public List<Estimate> estimates() {
        return estimates;
    }

    /** @return the ATT row */
    public Estimate att() {
        return estimates.get(0);
    }

    /** @return observations (rows) used: twice the units of a panel, the observations of repeated cross-sections */
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

    /**
     * The estimated influence function {@code ψ_i}, one value per unit (panel), observation
     * (repeated cross-sections) or stacked row (TWFE), such that {@code ATT̂ - ATT ≈ (1/N) Σ ψ_i};
     * for combining with other estimators or a multiplier bootstrap.
     *
     * @return a copy
     */
    public double[] influenceFunction() {
        return influence.clone();
    }
}
