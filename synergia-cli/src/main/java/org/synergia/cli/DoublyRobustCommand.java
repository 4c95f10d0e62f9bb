package org.synergia.cli;

import org.synergia.effects.potentialoutcomes.OutcomeModel;
import org.synergia.effects.potentialoutcomes.PotentialOutcomeEstimator;
import org.synergia.stats.glm.Link;
import picocli.CommandLine.Mixin;

/** The options of {@code estimate aipw} and {@code estimate ipwra}: both models, their link and family. */
abstract class DoublyRobustCommand extends PotentialOutcomeCommand {

    @Mixin
    private OutcomeModelOptions outcomeModel;

    @Mixin
    private TreatmentModelOptions treatmentModel;

    /**
     * @param outcome the outcome model to fit by arm
     * @param treatmentLink the treatment model's link
     * @return the estimator
     */
    protected abstract PotentialOutcomeEstimator<?> estimator(OutcomeModel outcome, Link treatmentLink);

    @Override
    protected final PotentialOutcomeEstimator<?> estimator() {
        return estimator(outcomeModel.model(), treatmentModel.link());
    }

    @Override
    protected final String outcomeFormula() {
        return outcomeModel.formula();
    }

    @Override
    protected final String treatmentFormula() {
        return treatmentModel.formula();
    }
}
