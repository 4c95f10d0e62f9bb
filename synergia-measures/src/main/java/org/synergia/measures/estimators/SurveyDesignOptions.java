package org.synergia.measures.estimators;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.synergia.data.CompleteCases;
import org.synergia.data.Dataset;
import org.synergia.data.MissingPolicy;
import org.synergia.measures.survey.DesignVariables;
import org.synergia.measures.survey.LonelyPsu;
import org.synergia.measures.survey.SurveyDesign;
import org.synergia.stats.estimator.EstimatorOption;
import org.synergia.stats.estimator.EstimatorOptions;

/**
 * The sample-design options of the design-based estimators ({@code mean}, {@code total},
 * {@code poverty}): {@code weights strata psu (alias cluster) ssu fpc fpc2}, turned into a
 * {@link SurveyDesign}, and the domain the complete rows make in it.
 */
final class SurveyDesignOptions {

    /** The design options, after the estimator's own. */
    static final List<EstimatorOption> OPTIONS = List.of(
            EstimatorOption.variable(EstimatorOption.WEIGHTS, "W", "sampling weights (default: from --fpc, else 1)"),
            EstimatorOption.variable("strata", "S", "stratum identifiers"),
            EstimatorOption.variable("psu", "C", "primary sampling unit identifiers (nested in strata)")
                    .withAlias(EstimatorOption.CLUSTER),
            EstimatorOption.variable("ssu", "C2", "second-stage unit identifiers (nested in PSUs)"),
            EstimatorOption.variable("fpc", "F",
                    "stage-1 finite population correction: PSUs in the stratum, or the sampling fraction (<= 1)"),
            EstimatorOption.variable("fpc2", "F2",
                    "stage-2 finite population correction: SSUs in the PSU, or the sampling fraction (<= 1)"),
            EstimatorOption.choice("lonely-psu", "RULE", "a stratum with one PSU: fail, remove (no contribution), adjust"
                    + " (centred at the overall mean) or average (the other strata's average), as R survey's survey.lonely.psu"
                    + " (default: ${DEFAULT-VALUE})", "fail", "remove", "adjust", "average").withDefault("fail"));

    private SurveyDesignOptions() {
    }

    /**
     * @param own the estimator's own options
     * @return them followed by the design options
     */
    static List<EstimatorOption> after(List<EstimatorOption> own) {
        List<EstimatorOption> all = new ArrayList<>(own);
        all.addAll(OPTIONS);
        return List.copyOf(all);
    }

    /**
     * @param options the options
     * @param analysis the options naming the analysis variables, before the design's
     * @return the analysis variables then the design variables, each once
     */
    static List<String> variables(EstimatorOptions options, String... analysis) {
        Set<String> all = new LinkedHashSet<>(options.variablesOf(analysis));
        all.addAll(design(options).names());
        return new ArrayList<>(all);
    }

    private static DesignVariables design(EstimatorOptions o) {
        return new DesignVariables(text(o, EstimatorOption.WEIGHTS), text(o, "strata"), text(o, "psu"), text(o, "ssu"),
                text(o, "fpc"), text(o, "fpc2"));
    }

    private static String text(EstimatorOptions o, String name) {
        return o.text(name).orElse(null);
    }

    /**
     * The design and the domain of a design-based estimate, by the missing-value rule: a row missing
     * a design variable cannot be placed in the design and leaves it; a row missing only an
     * analysis variable stays in the design, outside the domain (zero contribution, its stratum
     * and PSU still counted), as R {@code survey} with {@code na.rm = TRUE}. The complete rows were
     * taken under the caller's policy, so a refused missing value never gets here and dropping the
     * rows without the design variables is that policy's rule for them.
     *
     * @param complete the rows complete in every variable (design and analysis) of the data read
     * @param options the options
     * @return the data and design on the rows with the design variables present, and the domain
     */
    static Domain domain(CompleteCases complete, EstimatorOptions options) {
        DesignVariables design = design(options);
        Dataset all = complete.source();
        Collection<String> known = design.names().stream().filter(all::hasColumn).toList();
        CompleteCases placed = CompleteCases.of(all, known, MissingPolicy.DROP);
        Dataset data = placed.dataset();
        boolean[] domain = null;
        if (complete.size() < placed.size()) {
            boolean[] kept = complete.keptMask();
            int[] rows = placed.rows();
            domain = new boolean[rows.length];
            for (int r = 0; r < rows.length; r++) {
                domain[r] = kept[rows[r]];
            }
        }
        LonelyPsu lonely = LonelyPsu.valueOf(options.required("lonely-psu").toUpperCase(Locale.ROOT));
        return new Domain(data, design.design(data).withLonelyPsu(lonely), domain);
    }

    /**
     * @param data the rows with every design variable present
     * @param design their design
     * @param domain which of those rows are in the domain, null for all
     */
    record Domain(Dataset data, SurveyDesign design, boolean[] domain) {

        /**
         * @param variable a numeric variable
         * @return its values on the design's rows
         */
        double[] values(String variable) {
            return data.numeric(variable).toDoubleArray();
        }

        /**
         * @param by the grouping variable
         * @param labels receives the groups' labels, in code order
         * @return each design row's group code
         */
        int[] groups(String by, List<String> labels) {
            return DesignVariables.codes(data, by, labels, domain);
        }
    }
}
