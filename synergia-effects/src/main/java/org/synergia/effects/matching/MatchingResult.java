package org.synergia.effects.matching;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.synergia.effects.balance.BalanceTable;
import org.synergia.effects.balance.LovePlot;
import org.synergia.effects.balance.OverlapHistogram;
import org.synergia.stats.inference.Estimate;
import org.synergia.stats.inference.AbstractEstimationResult;

/**
 * The result of a matching estimator: the effect with its standard error, the counts and
 * settings as diagnostics, warnings about dropped units, the matching and IPW weights, the
 * balance table before and after matching, the overlap histogram and, for nearest-neighbour ATT
 * matching on the score, the matched pairs. Immutable.
 */
public final class MatchingResult extends AbstractEstimationResult {

    private final Estimate estimate;
    private final MatchingWeights weights;
    private final BalanceTable balance;
    private final OverlapHistogram overlap;
    private final MatchedPairs pairs;

    MatchingResult(String method, Estimate estimate, int n, Map<String, Object> diagnostics, List<String> warnings,
            MatchingWeights weights, BalanceTable balance, OverlapHistogram overlap) {
        this(method, estimate, n, diagnostics, warnings, weights, balance, overlap, null);
    }

    MatchingResult(String method, Estimate estimate, int n, Map<String, Object> diagnostics, List<String> warnings,
            MatchingWeights weights, BalanceTable balance, OverlapHistogram overlap, MatchedPairs pairs) {
        super(method, List.of(estimate), n, diagnostics, warnings);
        this.estimate = estimate;
        this.weights = weights;
        this.balance = balance;
        this.overlap = overlap;
        this.pairs = pairs;
    }

    /** @return the effect estimate (term {@code ATT} or {@code ATE}) */
    public Estimate effect() {
        return estimate;
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

    /**
     * @return the matched pairs of the treated units, for a sensitivity analysis
     *     ({@link RosenbaumBounds}): present for nearest-neighbour ATT matching on the score
     *     ({@link PsMatch}), empty for the ATE and for kernel or covariate matching
     */
    public Optional<MatchedPairs> pairs() {
        return Optional.ofNullable(pairs);
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
        return LovePlot.svg(balance, "Covariate balance: " + method() + " " + estimate.name());
    }
}
