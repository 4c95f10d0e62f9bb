package org.synergia.cli;

import org.synergia.data.Dataset;
import org.synergia.measures.survey.SurveyEstimator;
import org.synergia.stats.inference.EstimationResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code synergia estimate total}: a design-based total with a Taylor-linearised SE (term {@code total:<variable>}). */
@Command(name = "total", mixinStandardHelpOptions = true,
        description = "Design-based total with a Taylor-linearised standard error and design effect.")
public final class EstimateTotalCommand extends EstimateMethodCommand {

    @Option(names = "--variable", required = true, paramLabel = "Y", description = "the variable")
    private String variable;

    @Mixin
    private SurveyDesignOptions design;

    @Override
    protected EstimationResult estimate(Dataset dataset) {
        return SurveyEstimator.withDefaults().total(design.design(dataset), dataset.numeric(variable).toDoubleArray(),
                variable);
    }
}
