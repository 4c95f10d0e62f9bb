package org.synergia.cli;

import org.synergia.effects.potentialoutcomes.Ipwra;
import org.synergia.effects.potentialoutcomes.OutcomeModel;
import org.synergia.effects.potentialoutcomes.PotentialOutcomeEstimator;
import org.synergia.stats.glm.Link;
import picocli.CommandLine.Command;

/** {@code synergia estimate ipwra}: inverse-probability-weighted regression adjustment (Stata {@code teffects ipwra}). */
@Command(name = "ipwra", mixinStandardHelpOptions = true,
        description = "IPW regression adjustment (doubly robust): outcome models by arm weighted by inverse"
                + " probabilities; stacked-equation SEs (Stata teffects ipwra).")
public final class EstimateIpwraCommand extends DoublyRobustCommand {

    @Override
    protected PotentialOutcomeEstimator<?> estimator(OutcomeModel outcome, Link treatmentLink) {
        return Ipwra.withDefaults().withOutcomeModel(outcome).withLink(treatmentLink);
    }
}
