package org.synergia.cli;

import org.synergia.effects.potentialoutcomes.PotentialOutcomeEstimator;
import org.synergia.effects.potentialoutcomes.Ra;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code synergia estimate ra}: regression adjustment (Stata {@code teffects ra}). */
@Command(name = "ra", mixinStandardHelpOptions = true,
        description = "Regression adjustment: outcome models by treatment arm; ATE, ATT or potential-outcome means"
                + " with stacked-equation SEs (Stata teffects ra).")
public final class EstimateRaCommand extends PotentialOutcomeCommand {

    @Option(names = "--outcome-model", required = true, paramLabel = "F",
            description = "the outcome model, e.g. \"re78 ~ age + educ + re74\"")
    private String outcomeModel;

    @Option(names = "--treatment", required = true, paramLabel = "T", description = "the treatment variable")
    private String treatment;

    @Option(names = "--outcome-family", defaultValue = "linear", paramLabel = "M",
            description = "linear, logit or poisson (default: ${DEFAULT-VALUE})")
    private OutcomeFamilyOption family;

    @Override
    protected PotentialOutcomeEstimator<?> estimator() {
        return Ra.withDefaults().withOutcomeModel(outcomeModel(family));
    }

    @Override
    protected String outcomeFormula() {
        return outcomeModel;
    }

    @Override
    protected String treatmentFormula() {
        return treatment;
    }
}
