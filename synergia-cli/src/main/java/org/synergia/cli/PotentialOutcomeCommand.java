package org.synergia.cli;

import java.util.Locale;
import org.synergia.data.Dataset;
import org.synergia.effects.potentialoutcomes.Estimand;
import org.synergia.effects.potentialoutcomes.OverlapRule;
import org.synergia.effects.potentialoutcomes.PotentialOutcomeEstimator;
import org.synergia.effects.potentialoutcomes.Synergy;
import org.synergia.stats.inference.EstimationResult;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * What {@code synergia estimate ra|ipw|aipw|ipwra} share: the estimand, the control and treated
 * levels, the synergy contrast, the overlap rule, sampling weights and clusters. Each subclass
 * names its models and builds its estimator; the work is the library's
 * ({@link PotentialOutcomeEstimator#fit(Dataset, String, String)}).
 */
abstract class PotentialOutcomeCommand extends EstimateMethodCommand {

    /** The {@code --estimand} values. */
    enum EstimandOption { ate, att, pomeans }

    /** The {@code --overlap} values. */
    enum OverlapOption { refuse, trim, allow }

    @Option(names = "--estimand", defaultValue = "ate", paramLabel = "E",
            description = "ate, att or pomeans (default: ${DEFAULT-VALUE})")
    private EstimandOption estimand;

    @Option(names = "--control", paramLabel = "LEVEL", description = "the control level (default: the lowest level)")
    private Double control;

    @Option(names = "--treated", paramLabel = "LEVEL",
            description = "the treated level defining the ATT population (default: the synergy's combined level, else"
                    + " the highest level)")
    private Double treated;

    @Option(names = "--synergy", paramLabel = "C=A+B",
            description = "also estimate synergy = mu_C - mu_A - mu_B + mu_control, e.g. 3=1+2")
    private String synergy;

    @Option(names = "--overlap", defaultValue = "refuse", paramLabel = "RULE",
            description = "scores outside [1e-5, 1 - 1e-5]: refuse, trim (drop and refit) or allow (default: ${DEFAULT-VALUE})")
    private OverlapOption overlap;

    @Mixin
    private WeightsOption weights;

    @Mixin
    private ClusterOption cluster;

    /** @return the estimator with this command's own options (models, links) set */
    protected abstract PotentialOutcomeEstimator<?> estimator();

    /** @return the outcome model formula, or the outcome variable */
    protected abstract String outcomeFormula();

    /** @return the treatment model formula, or the treatment variable */
    protected abstract String treatmentFormula();

    @Override
    protected final EstimationResult estimate(Dataset dataset) {
        return configure(estimator()).fit(dataset, outcomeFormula(), treatmentFormula());
    }

    private <E extends PotentialOutcomeEstimator<E>> E configure(PotentialOutcomeEstimator<E> base) {
        E e = base.withEstimand(Estimand.valueOf(estimand.name().toUpperCase(Locale.ROOT)))
                .withOverlap(OverlapRule.valueOf(overlap.name().toUpperCase(Locale.ROOT)))
                .withThreads(global.threads());
        if (control != null) {
            e = e.withControl(control);
        }
        if (treated != null) {
            e = e.withTreatedLevel(treated);
        }
        if (synergy != null) {
            e = e.withSynergy(Synergy.parse(synergy));
        }
        if (weights.variable().isPresent()) {
            e = e.withWeights(weights.variable().get());
        }
        if (cluster.variable().isPresent()) {
            e = e.withCluster(cluster.variable().get());
        }
        return e;
    }
}
