package org.synergia.cli;

import org.synergia.data.Dataset;
import org.synergia.measures.survey.DesignVariables;
import org.synergia.measures.survey.SurveyEstimator;
import org.synergia.stats.inference.EstimationResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code synergia estimate mean}: a design-based mean with a Taylor-linearised SE (term {@code mean:<variable>}; with {@code --by}, {@code mean:<variable>[<group>]}). */
@Command(name = "mean", mixinStandardHelpOptions = true,
        description = "Design-based mean with a Taylor-linearised standard error and design effect.")
public final class EstimateMeanCommand extends EstimateMethodCommand {

    @Option(names = "--variable", required = true, paramLabel = "Y", description = "the variable")
    private String variable;

    @Option(names = "--by", paramLabel = "G", description = "domain estimates for each value of this variable")
    private String by;

    @Mixin
    private SurveyDesignOptions design;

    @Override
    protected EstimationResult estimate(Dataset dataset) {
        double[] y = dataset.numeric(variable).toDoubleArray();
        if (by == null) {
            return SurveyEstimator.withDefaults().mean(design.design(dataset), y, variable);
        }
        java.util.List<String> labels = new java.util.ArrayList<>();
        int[] group = DesignVariables.codes(dataset, by, labels);
        return SurveyEstimator.withDefaults().meanByGroup(design.design(dataset), y, variable, group,
                labels.toArray(String[]::new));
    }
}
