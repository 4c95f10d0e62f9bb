package org.synergia.stats.inference;

import java.util.List;
import java.util.Map;

/**
 * What every estimator returns: the estimated terms, the number of observations used, named
 * diagnostics and warnings. Implementations are immutable.
 */
public interface EstimationResult {

    /** @return the method's name as the command line spells it ({@code glm}, {@code ipwra}, ...) */
    String method();

    /** @return the estimated terms, in the order they should be shown */
    List<Estimate> estimates();

    /** @return the number of observations used in estimation */
    int n();

    /** @return named numeric or textual diagnostics (bandwidths, tau2, convergence, ...), in display order */
    Map<String, Object> diagnostics();

    /** @return warnings the user should read, each one sentence */
    List<String> warnings();

    /**
     * A result with nothing beyond the common parts, for an estimator that needs no accessors of its own.
     *
     * @param method the method's name as the command line spells it
     * @param estimates the estimated terms, in display order
     * @param n the number of observations used
     * @param diagnostics named diagnostics, in display order
     * @param warnings warnings for the user
     * @return the result, immutable
     */
    static EstimationResult of(String method, List<Estimate> estimates, int n, Map<String, Object> diagnostics,
            List<String> warnings) {
        return new AbstractEstimationResult(method, estimates, n, diagnostics, warnings) { };
    }
}
