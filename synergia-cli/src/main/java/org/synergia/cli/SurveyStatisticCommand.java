package org.synergia.cli;

import java.util.ArrayList;
import java.util.List;
import org.synergia.data.Dataset;
import org.synergia.measures.survey.DesignVariables;
import org.synergia.measures.survey.SurveyEstimator;
import org.synergia.stats.inference.EstimationResult;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * What {@code synergia estimate mean} and {@code estimate total} share: the variable, the optional
 * domain variable {@code --by} and the sample design; each subclass names its statistic.
 */
abstract class SurveyStatisticCommand extends EstimateMethodCommand {

    /** The design-based statistic a subcommand estimates. */
    enum Statistic { MEAN, TOTAL }

    private final Statistic statistic;

    @Option(names = "--variable", required = true, paramLabel = "Y", description = "the variable")
    private String variable;

    @Option(names = "--by", paramLabel = "G", description = "domain estimates for each value of this variable")
    private String by;

    @Mixin
    private SurveyDesignOptions design;

    /** @param statistic the statistic this subcommand estimates */
    SurveyStatisticCommand(Statistic statistic) {
        this.statistic = statistic;
    }

    @Override
    protected final EstimationResult estimate(Dataset dataset) {
        SurveyEstimator estimator = SurveyEstimator.withDefaults();
        double[] y = dataset.numeric(variable).toDoubleArray();
        if (by == null) {
            return statistic == Statistic.MEAN ? estimator.mean(design.design(dataset), y, variable)
                    : estimator.total(design.design(dataset), y, variable);
        }
        List<String> labels = new ArrayList<>();
        int[] group = DesignVariables.codes(dataset, by, labels);
        String[] names = labels.toArray(String[]::new);
        return statistic == Statistic.MEAN ? estimator.meanByGroup(design.design(dataset), y, variable, group, names)
                : estimator.totalByGroup(design.design(dataset), y, variable, group, names);
    }
}
