package org.synergia.cli;

import java.util.Locale;
import org.synergia.effects.potentialoutcomes.OutcomeModel;
import picocli.CommandLine.Option;

/**
 * Mixed into the potential-outcome methods that fit outcome models by arm ({@code ra}, {@code aipw},
 * {@code ipwra}): {@code --outcome-model F} and its {@code --outcome-family}.
 */
final class OutcomeModelOptions {

    /** The {@code --outcome-family} values of the outcome model. */
    enum OutcomeFamilyOption { linear, logit, poisson }

    @Option(names = "--outcome-model", required = true, paramLabel = "F",
            description = "the outcome model, e.g. \"re78 ~ age + educ + re74\"")
    private String formula;

    @Option(names = "--outcome-family", defaultValue = "linear", paramLabel = "M",
            description = "linear, logit or poisson (default: ${DEFAULT-VALUE})")
    private OutcomeFamilyOption family;

    /** @return the outcome model formula */
    String formula() {
        return formula;
    }

    /** @return the library's outcome model for {@code --outcome-family} */
    OutcomeModel model() {
        return OutcomeModel.valueOf(family.name().toUpperCase(Locale.ROOT));
    }
}
