package org.synergia.effects.estimators;

import org.synergia.data.InputException;
import org.synergia.data.OptionName;
import org.synergia.effects.matching.Ties;
import org.synergia.stats.estimator.EstimatorOption;
import org.synergia.stats.estimator.EstimatorOptions;

/**
 * The tie rule of the matching estimators ({@link Ties}): {@code --dtolerance D}, Stata's
 * {@code dtolerance()} and the default, or {@code --tie-tolerance T}, R {@code Matching}'s
 * {@code distance.tolerance}.
 */
final class TieOptions {

    static final String STATA = "dtolerance";
    static final String MATCHING = "tie-tolerance";

    private TieOptions() {
    }

    /**
     * @param distance what the distance is, for the help ("score distance")
     * @return {@code --dtolerance}
     */
    static EstimatorOption stata(String distance) {
        return EstimatorOption.number(STATA, "D", "Stata's dtolerance(): a unit whose " + distance + " exceeds the M-th"
                + " nearest's by at most the share D ties with it and is kept (default: sqrt(c(epsdouble)) = 1.49e-8)");
    }

    /**
     * @param distance what the distance is, for the help ("score distance")
     * @param scale the unit of R's squared distances, for the help ("score variances")
     * @return {@code --tie-tolerance}
     */
    static EstimatorOption matching(String distance, String scale) {
        return EstimatorOption.number(MATCHING, "T", "instead, R Matching's distance.tolerance: ties when the squared "
                + distance + ", in " + scale + ", exceeds the M-th nearest's by at most T (1e-5 reproduces R Matching's"
                + " default)");
    }

    /** @return the rule the options give, Stata's default when neither is given */
    static Ties of(EstimatorOptions options) {
        if (options.given(STATA) && options.given(MATCHING)) {
            throw new InputException(EstimatorProblem.TIES_BOTH, OptionName.of(STATA), OptionName.of(MATCHING));
        }
        if (options.given(MATCHING)) {
            return new Ties(Ties.Convention.MATCHING, options.number(MATCHING).orElseThrow());
        }
        return new Ties(Ties.Convention.STATA, options.number(STATA).orElse(Ties.STATA_DEFAULT));
    }
}
