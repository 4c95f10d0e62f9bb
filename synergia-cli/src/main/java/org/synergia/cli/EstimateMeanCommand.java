package org.synergia.cli;

import picocli.CommandLine.Command;

/** {@code synergia estimate mean}: a design-based mean with a Taylor-linearised SE (term {@code mean:<variable>}; with {@code --by}, {@code mean:<variable>[<group>]}). */
@Command(name = "mean", mixinStandardHelpOptions = true,
        description = "Design-based mean with a Taylor-linearised standard error and design effect.")
public final class EstimateMeanCommand extends SurveyStatisticCommand {

    /** A mean command. */
    public EstimateMeanCommand() {
        super(Statistic.MEAN);
    }
}
