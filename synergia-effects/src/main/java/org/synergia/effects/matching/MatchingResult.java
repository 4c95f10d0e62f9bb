package org.synergia.effects.matching;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.synergia.effects.balance.BalanceTable;
import org.synergia.effects.balance.LovePlot;
import org.synergia.effects.balance.OverlapHistogram;
import org.synergia.stats.inference.Estimate;
import org.synergia.stats.inference.EstimationResult;

/**
 * The result of a matching estimator: the effect with its standard error, the counts and
 * settings as diagnostics, warnings about dropped units, the matching and IPW weights, the
 * balance table before and after matching and the overlap histogram. Immutable.
 */
public final class MatchingResult implements EstimationResult {

    private final String method;
    private final Estimate estimate;
    private final int n;
    private final Map<String, Object> diagnostics;
    private final List<String> warnings;
    private final MatchingWeights weights;
    private final BalanceTable balance;
    private final OverlapHistogram overlap;

    MatchingResult(String method, Estimate estimate, int n, Map<String, Object> diagnostics, List<String> warnings,
            MatchingWeights weights, BalanceTable balance, OverlapHistogram overlap) {
        this.method = method;
        this.estimate = estimate;
        this.n = n;
        this.diagnostics = Collections.unmodifiableMap(new LinkedHashMap<>(diagnostics));
        this.warnings = List.copyOf(warnings);
        this.weights = weights;
        this.balance = balance;
        this.overlap = overlap;
    }

    @Override
    public String method() {
        return method;
    }

    @Override
    public List<Estimate> estimates() {
        return List.of(estimate);
    }

    /** @return the effect estimate (term {@code ATT} or {@code ATE}) */
    public Estimate effect() {
        return estimate;
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

    /** @return the per-row matching and IPW weights with their formulas (arrays are copies) */
    public MatchingWeights weights() {
        return new MatchingWeights(weights.matching().clone(), weights.ipw().clone(), weights.matchingFormula(),
                weights.ipwFormula());
    }

    /** @return the balance table, when covariates were given */
    public Optional<BalanceTable> balance() {
        return Optional.ofNullable(balance);
    }

    /** @return histogram data of the score by arm, before and after matching */
    public OverlapHistogram overlap() {
        return overlap;
    }

    /**
     * @return a love plot of the balance table as a standalone SVG document
     * @throws IllegalStateException when no covariates were given for the balance table
     */
    public String lovePlotSvg() {
        if (balance == null) {
            throw new IllegalStateException("no balance table: fit with covariates to get a love plot");
        }
        return LovePlot.svg(balance, "Covariate balance: " + method + " " + estimate.term());
    }
}
