package org.synergia.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code synergia estimate METHOD}: one estimator on one data file. */
@Command(
        name = "estimate",
        mixinStandardHelpOptions = true,
        description = "Runs one estimator on one data file (CSV, Stata .dta, SPSS .sav, Parquet).",
        subcommands = {EstimateGlmCommand.class, EstimateMeanCommand.class, EstimateTotalCommand.class,
            EstimatePovertyCommand.class, EstimateMetaCommand.class, DidCommand.class, SaturationCommand.class,
            DoseCommand.class, EstimateRdCommand.class, EstimatePsmatchCommand.class, EstimateRaCommand.class,
            EstimateIpwCommand.class, EstimateAipwCommand.class, EstimateIpwraCommand.class})
public final class EstimateCommand implements Runnable {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "estimate needs a METHOD");
    }
}
