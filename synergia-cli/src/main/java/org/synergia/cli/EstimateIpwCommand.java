package org.synergia.cli;

import org.synergia.effects.potentialoutcomes.Ipw;
import org.synergia.effects.potentialoutcomes.PotentialOutcomeEstimator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code synergia estimate ipw}: inverse-probability weighting (Stata {@code teffects ipw}). */
@Command(name = "ipw", mixinStandardHelpOptions = true,
        description = "Inverse-probability weighting with normalised weights; SEs account for the estimated"
                + " treatment model (Stata teffects ipw).")
public final class EstimateIpwCommand extends PotentialOutcomeCommand {

    @Option(names = "--treatment-model", required = true, paramLabel = "F",
            description = "the treatment model, e.g. \"treat ~ age + educ + re74\" (more than two levels: multinomial logit)")
    private String treatmentModel;

    @Option(names = "--outcome", required = true, paramLabel = "Y", description = "the outcome variable")
    private String outcome;

    @Option(names = "--link", defaultValue = "logit", paramLabel = "LINK",
            description = "logit or probit for a binary treatment (default: ${DEFAULT-VALUE})")
    private LinkOption link;

    @Override
    protected PotentialOutcomeEstimator<?> estimator() {
        return Ipw.withDefaults().withLink(link(link));
    }

    @Override
    protected String outcomeFormula() {
        return outcome;
    }

    @Override
    protected String treatmentFormula() {
        return treatmentModel;
    }
}
