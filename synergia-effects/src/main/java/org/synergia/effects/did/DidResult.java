package org.synergia.effects.did;

import java.util.List;
import java.util.Map;
import org.synergia.stats.inference.AbstractEstimationResult;
import org.synergia.stats.inference.Estimate;

/**
 * The result of a two-period DiD estimator: one term, {@code ATT}, with its influence-function
 * standard error, Wald interval and p-value; diagnostics (method, design, group sizes, variance
 * type, clusters) and warnings. {@link #n()} counts observations (rows) used: twice the units of a
 * panel, the observations of repeated cross-sections. Immutable.
 */
public final class DidResult extends AbstractEstimationResult {

    private final double[] influence;

    DidResult(Estimate att, int n, Map<String, Object> diagnostics, List<String> warnings, double[] influence) {
        super("did", List.of(att), n, diagnostics, warnings);
        this.influence = influence;
    }

    /** @return the ATT row */
    public Estimate att() {
        return estimates().get(0);
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
