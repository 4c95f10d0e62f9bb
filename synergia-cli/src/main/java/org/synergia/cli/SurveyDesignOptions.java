package org.synergia.cli;

import org.synergia.data.Dataset;
import org.synergia.measures.survey.DesignVariables;
import org.synergia.measures.survey.SurveyDesign;
import picocli.CommandLine.Option;

/**
 * The sample-design options of the design-based {@code estimate} methods ({@code mean},
 * {@code total}, {@code poverty}): {@code --weights --strata --psu --ssu --fpc --fpc2}, turned
 * into a {@link SurveyDesign}.
 */
public final class SurveyDesignOptions {

    @Option(names = "--weights", paramLabel = "W", description = "sampling weights (default: from --fpc, else 1)")
    private String weights;

    @Option(names = "--strata", paramLabel = "S", description = "stratum identifiers")
    private String strata;

    @Option(names = {"--psu", "--cluster"}, paramLabel = "C", description = "primary sampling unit identifiers (nested in strata)")
    private String psu;

    @Option(names = "--ssu", paramLabel = "C2", description = "second-stage unit identifiers (nested in PSUs)")
    private String ssu;

    @Option(names = "--fpc", paramLabel = "F",
            description = "stage-1 finite population correction: PSUs in the stratum, or the sampling fraction (<= 1)")
    private String fpc;

    @Option(names = "--fpc2", paramLabel = "F2",
            description = "stage-2 finite population correction: SSUs in the PSU, or the sampling fraction (<= 1)")
    private String fpc2;

    /**
     * @param data the dataset
     * @return the design the options describe
     */
    SurveyDesign design(Dataset data) {
        return new DesignVariables(weights, strata, psu, ssu, fpc, fpc2).design(data);
    }
}
