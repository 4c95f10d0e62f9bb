package org.synergia.cli;

import org.synergia.effects.potentialoutcomes.Aipw;
import org.synergia.effects.potentialoutcomes.OutcomeModel;
import org.synergia.effects.potentialoutcomes.PotentialOutcomeEstimator;
import org.synergia.stats.glm.Link;
import picocli.CommandLine.Command;

/** {@code synergia estimate aipw}: augmented inverse-probability weighting (Stata {@code teffects aipw}). */
@Command(name = "aipw", mixinStandardHelpOptions = true,
        description = "Augmented IPW (doubly robust): outcome models by arm plus a treatment model; stacked-equation"
                + " SEs (Stata teffects aipw; ATT as the doubly robust ATT).")
public final class EstimateAipwCommand extends DoublyRobustCommand {

    @Override
    protected PotentialOutcomeEstimator<?> estimator(OutcomeModel outcome, Link treatmentLink) {
        return Aipw.withDefaults().withOutcomeModel(outcome).withLink(treatmentLink);
    }
}
