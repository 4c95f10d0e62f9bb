package org.synergia.stats.estimators;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.synergia.data.InputException;
import org.synergia.data.OptionName;
import org.synergia.stats.estimator.EstimatorOption;
import org.synergia.stats.estimator.EstimatorOptions;
import org.synergia.stats.fewclusters.FewClustersProblem;
import org.synergia.stats.fewclusters.WildBootstrapResult;
import org.synergia.stats.fewclusters.WildClusterBootstrap;
import org.synergia.stats.fewclusters.WildWeights;

/**
 * The options of the wild cluster bootstrap ({@link WildClusterBootstrap}), shared by the estimators of least-squares
 * models that offer it ({@code glm}'s linear models, {@code saturation}): {@code --wild-bootstrap B} and
 * {@code --wild-weights rademacher|webb}. Its draws are seeded by the run's {@code --seed}; its results go to
 * {@code diagnostics.wild_bootstrap} ({@link WildBootstrapResult#toDiagnostic()}).
 */
public final class FewClustersOptions {

    /** The option giving the number of draws. */
    public static final String DRAWS = "wild-bootstrap";
    /** The option giving the weights' distribution. */
    public static final String WEIGHTS = "wild-weights";

    /** The options, in the order help lists them. */
    public static final List<EstimatorOption> OPTIONS = List.of(
            EstimatorOption.integer(DRAWS, "B", "wild cluster bootstrap-t with the null imposed (boottest's WCR), B draws"
                    + " seeded by --seed (all 2^G sign vectors when 2^G <= B): p-values and intervals by test inversion in"
                    + " diagnostics.wild_bootstrap; 0 for none"),
            EstimatorOption.choice(WEIGHTS, "W", "with --wild-bootstrap, the weights: rademacher or webb (six-point)"
                    + " (default: ${DEFAULT-VALUE})", "rademacher", "webb").withDefault("rademacher"));

    private FewClustersOptions() {
    }

    /**
     * The bootstrap the options ask for: none without {@code --wild-bootstrap} or with 0 (then
     * {@code --wild-weights} is refused), else checked against the level.
     *
     * @param options the estimator's options, which include {@link #OPTIONS}
     * @param level the confidence level of the estimator's intervals
     * @return the bootstrap seeded by the run's seed, or empty
     * @throws InputException naming the option at fault
     */
    public static Optional<WildClusterBootstrap> read(EstimatorOptions options, double level) {
        int draws = options.integer(DRAWS).orElse(0);
        if (draws < 0) {
            throw new InputException(FewClustersProblem.NEGATIVE_DRAWS, OptionName.of(DRAWS), String.valueOf(draws));
        }
        if (draws == 0) {
            if (options.given(WEIGHTS)) {
                throw new InputException(FewClustersProblem.WEIGHTS_WITHOUT_BOOTSTRAP, OptionName.of(WEIGHTS), OptionName.of(DRAWS));
            }
            return Optional.empty();
        }
        WildWeights weights = WildWeights.valueOf(options.required(WEIGHTS).toUpperCase(Locale.ROOT));
        return Optional.of(WildClusterBootstrap.withDraws(draws).withLevel(level).withWeights(weights)
                .withSeed(options.seed()));
    }
}
