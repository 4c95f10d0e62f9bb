package org.synergia.cli;

import org.synergia.effects.potentialoutcomes.OutcomeModel;
import org.synergia.effects.potentialoutcomes.PotentialOutcomeEstimator;
import org.synergia.stats.glm.Link;
import picocli.CommandLine.Option;

/** The options of {@code estimate aipw} and {@code estimate ipwra}: both models, their link and family. */
abstract class DoublyRobustCommand extends PotentialOutcomeCommand {

    @Option(names = "--outcome-model", required = true, paramLabel = "F",
            description = "the outcome model, e.g. \"re78 ~ age + educ + re74\"")
    private String outcomeModel;

    @Option(names = "--treatment-model", required = true, paramLabel = "F",
            description = "the treatment model, e.g. \"treat ~ age + educ + re74\" (more than two levels: multinomial logit)")
    private String treatmentModel;

    @Option(names = "--link", defaultValue = "logit", paramLabel = "LINK",
            description = "logit or probit for a binary treatment (default: ${DEFAULT-VALUE})")
    private LinkOption link;

    @Option(names = "--outcome-family", defaultValue = "linear", paramLabel = "M",
            description = "linear, logit or poisson (default: ${DEFAULT-VALUE})")
    private OutcomeFamilyOption family;

    /**
     * @param outcome the outcome model to fit by arm
     * @param treatmentLink the treatment model's link
     * @return the estimator
     */
    protected abstract PotentialOutcomeEstimator<?> estimator(OutcomeModel outcome, Link treatmentLink);

    @Override
    protected final PotentialOutcomeEstimator<?> estimator() {
        return estimator(outcomeModel(family), link(link));
    }

    @Override
    protected final String outcomeFormula() {
        return outcomeModel;
    }

    @Override
    protected final String treatmentFormula() {
        return treatmentModel;
    }
}
