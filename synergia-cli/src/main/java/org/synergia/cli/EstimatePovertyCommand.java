package org.synergia.cli;

import java.util.ArrayList;
import java.util.List;
import org.synergia.data.Dataset;
import org.synergia.measures.poverty.PovertyMeasures;
import org.synergia.measures.survey.DesignVariables;
import org.synergia.stats.inference.EstimationResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code synergia estimate poverty}: FGT0, FGT1, FGT2 and Gini at a poverty line, with
 * linearised SEs, overall or by group ({@code FGT0[<group>]}).
 */
@Command(name = "poverty", mixinStandardHelpOptions = true,
        description = "Poverty (FGT 0, 1, 2 at a line) and inequality (Gini) with design-based standard errors.")
public final class EstimatePovertyCommand extends EstimateMethodCommand {

    @Option(names = "--variable", required = true, paramLabel = "Y", description = "income or consumption")
    private String variable;

    @Option(names = "--line", required = true, paramLabel = "Z", description = "the poverty line, in Y's units")
    private double line;

    @Option(names = "--by", paramLabel = "G", description = "estimate for each value of this variable")
    private String by;

    @Mixin
    private SurveyDesignOptions design;

    @Override
    protected EstimationResult estimate(Dataset dataset) {
        PovertyMeasures measures = PovertyMeasures.atLine(line);
        double[] y = dataset.numeric(variable).toDoubleArray();
        if (by == null) {
            return measures.fit(design.design(dataset), y);
        }
        List<String> labels = new ArrayList<>();
        int[] group = DesignVariables.codes(dataset, by, labels);
        return measures.fitByGroup(design.design(dataset), y, group, labels.toArray(String[]::new));
    }
}
