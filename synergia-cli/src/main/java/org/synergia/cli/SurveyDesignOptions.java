package org.synergia.cli;

import java.util.HashMap;
import java.util.Map;
import org.synergia.data.Column;
import org.synergia.data.Dataset;
import org.synergia.data.InputException;
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
        SurveyDesign d = SurveyDesign.simpleRandom(data.rowCount());
        if (strata != null) {
            d = d.withStrata(codes(data, strata));
        }
        if (psu != null) {
            d = d.withClusters(codes(data, psu));
        }
        if (ssu != null) {
            d = d.withSecondStageUnits(codes(data, ssu));
        }
        if (fpc != null) {
            d = d.withFpc(data.numeric(fpc).toDoubleArray());
        }
        if (fpc2 != null) {
            d = d.withSecondStageFpc(data.numeric(fpc2).toDoubleArray());
        }
        if (weights != null) {
            d = d.withWeights(data.numeric(weights).toDoubleArray());
        }
        return d;
    }

    /**
     * Integer codes for the distinct values of an identifier or grouping variable, in order of
     * first appearance.
     *
     * @param data the dataset
     * @param variable the variable
     * @param labels receives the distinct values' texts, in code order (may be null)
     * @return each row's code
     */
    static int[] codes(Dataset data, String variable, java.util.List<String> labels) {
        Column c = data.column(variable);
        Map<String, Integer> index = new HashMap<>();
        int[] out = new int[c.size()];
        for (int i = 0; i < out.length; i++) {
            if (c.isMissing(i)) {
                throw new InputException("variable '" + variable + "' is missing at row " + (i + 1)
                        + ": every row needs a value; drop or fill those rows");
            }
            String key = c.text(i);
            Integer code = index.get(key);
            if (code == null) {
                code = index.size();
                index.put(key, code);
                if (labels != null) {
                    labels.add(key);
                }
            }
            out[i] = code;
        }
        return out;
    }

    private static int[] codes(Dataset data, String variable) {
        return codes(data, variable, null);
    }
}
