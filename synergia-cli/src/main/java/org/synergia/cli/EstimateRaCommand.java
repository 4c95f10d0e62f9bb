package org.synergia.cli;

import org.synergia.effects.potentialoutcomes.PotentialOutcomeEstimator;
import org.synergia.effects.potentialoutcomes.Ra;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code synergia estimate ra}: regression adjustment (Stata {@code teffects ra}). */
@Command(name = "ra", mixinStandardHelpOptions = true,
        description = "Regression adjustment: outcome models by treatment arm; ATE, ATT or potential-outcome means"
                + " with stacked-equation SEs (Stata teffects ra).")
public final class EstimateRaCommand extends PotentialOutcomeCommand {

    @Mixin
    private OutcomeModelOptions outcomeModel;

    @Option(names = "--treatment", required = true, paramLabel = "T", description = "the treatment variable")
    private String treatment;

    @Override
    protected PotentialOutcomeEstimator<?> estimator() {
        return Ra.withDefaults().withOutcomeModel(outcomeModel.model());
    }

    @Override
    protected String outcomeFormula() {
        return outcomeModel.formula();
    }

    @Override
    protected String treatmentFormula() {
        return treatment;
    }
}
