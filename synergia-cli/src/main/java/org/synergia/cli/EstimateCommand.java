package org.synergia.cli;

import org.synergia.stats.estimator.Estimator;
import org.synergia.stats.estimator.Estimators;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code synergia estimate METHOD}: one estimator on one data file. Every estimator of the
 * registry ({@link Estimators#installed()}) gets its subcommand generated ({@link EstimatorCommand}).
 */
@Command(
        name = "estimate",
        mixinStandardHelpOptions = true,
        description = "Runs one estimator on one data file (CSV, Stata .dta, SPSS .sav, Parquet).",
        modelTransformer = EstimateCommand.Registered.class)
public final class EstimateCommand implements Runnable {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "estimate needs a METHOD");
    }

    /** Adds a subcommand for every registered estimator. */
    static final class Registered implements CommandLine.IModelTransformer {
        @Override
        public CommandLine.Model.CommandSpec transform(CommandLine.Model.CommandSpec estimate) {
            for (Estimator e : Estimators.installed().all()) {
                estimate.addSubcommand(e.name(), EstimatorCommand.of(e));
            }
            return estimate;
        }
    }
}
