package org.synergia.cli;

import org.synergia.stats.glm.Link;
import picocli.CommandLine.Option;

/**
 * Mixed into the potential-outcome methods that fit a treatment model ({@code ipw}, {@code aipw},
 * {@code ipwra}): {@code --treatment-model F} and its {@code --link}.
 */
final class TreatmentModelOptions {

    /** The {@code --link} values of the treatment model. */
    enum LinkOption { logit, probit }

    @Option(names = "--treatment-model", required = true, paramLabel = "F",
            description = "the treatment model, e.g. \"treat ~ age + educ + re74\" (more than two levels: multinomial logit)")
    private String formula;

    @Option(names = "--link", defaultValue = "logit", paramLabel = "LINK",
            description = "logit or probit for a binary treatment (default: ${DEFAULT-VALUE})")
    private LinkOption link;

    /** @return the treatment model formula */
    String formula() {
        return formula;
    }

    /** @return the library's link for the binary treatment model */
    Link link() {
        return link == LinkOption.probit ? Link.PROBIT : Link.LOGIT;
    }
}
