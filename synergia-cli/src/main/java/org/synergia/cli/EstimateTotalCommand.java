package org.synergia.cli;

import picocli.CommandLine.Command;

/** {@code synergia estimate total}: a design-based total with a Taylor-linearised SE (term {@code total:<variable>}; with {@code --by}, {@code total:<variable>[<group>]}). */
@Command(name = "total", mixinStandardHelpOptions = true,
        description = "Design-based total with a Taylor-linearised standard error and design effect.")
public final class EstimateTotalCommand extends SurveyStatisticCommand {

    /** A total command. */
    public EstimateTotalCommand() {
        super(Statistic.TOTAL);
    }
}
