package org.synergia.cli;

import org.synergia.effects.potentialoutcomes.Ipw;
import org.synergia.effects.potentialoutcomes.PotentialOutcomeEstimator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code synergia estimate ipw}: inverse-probability weighting (Stata {@code teffects ipw}). */
@Command(name = "ipw", mixinStandardHelpOptions = true,
        description = "Inverse-probability weighting with normalised weights; SEs account for the estimated"
                + " treatment model (Stata teffects ipw).")
public final class EstimateIpwCommand extends PotentialOutcomeCommand {

    @Mixin
    private TreatmentModelOptions treatmentModel;

    @Option(names = "--outcome", required = true, paramLabel = "Y", description = "the outcome variable")
    private String outcome;

    @Override
    protected PotentialOutcomeEstimator<?> estimator() {
        return Ipw.withDefaults().withLink(treatmentModel.link());
    }

    @Override
    protected String outcomeFormula() {
        return outcome;
    }

    @Override
    protected String treatmentFormula() {
        return treatmentModel.formula();
    }
}
