package org.synergia.cases.spec;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.synergia.data.NumericColumn;
import org.synergia.data.OptionStyle;
import org.synergia.stats.estimator.Estimator;
import org.synergia.stats.estimator.EstimatorOption;
import org.synergia.stats.estimator.Estimators;
import org.synergia.stats.formula.Formula;

/**
 * One analysis of the plan: an estimator applied to a list of outcomes with the same design.
 *
 * @param id identifier, unique within the case
 * @param estimator the estimator's name in the registry ({@link org.synergia.stats.estimator.Estimators}): {@code ipwra},
 *        {@code psmatch}, {@code did}, {@code rd}, {@code saturation}, {@code dose}, ...
 * @param title what the analysis estimates, for readers
 * @param outcomes the outcomes it is applied to
 * @param treatment the treatment (group) variable, or for dose response the dose variable
 * @param covariates the covariates of the treatment and outcome models
 * @param control the control group's code
 * @param arms the group codes compared (empty: all groups)
 * @param estimand ATE, ATT or potential-outcome means
 * @param synergy the factorial contrast {@code both = a + b}, if any
 * @param cluster the cluster variable for cluster-robust SEs, if any
 * @param weights the sampling weight variable, if any
 * @param subgroup the subgroup variable the analysis is estimated within, each level on its own units, if any
 * @param synthesis what the analysis's main effect compares, for analyses whose terms are not group contrasts
 *        (regression discontinuity, for example); group contrasts are classified from the groups' programmes
 * @param options method-specific settings (running variable, cutoff, time, id, ...)
 */
public record AnalysisSpec(
        String id,
        String estimator,
        Text title,
        List<String> outcomes,
        String treatment,
        List<String> covariates,
        int control,
        List<Integer> arms,
        Estimand estimand,
        Optional<Synergy> synergy,
        Optional<String> cluster,
        Optional<String> weights,
        Optional<Subgroups> subgroup,
        Optional<Comparison> synthesis,
        Map<String, String> options) {

    /**
     * What an effect compares, in the terms of the cross-case synthesis: one kind of programme
     * alone or the combination against no programme, a productive component added to social
     * protection, or the synergy.
     */
    public enum Comparison { SOCIAL_PROTECTION, PRODUCTIVE, COMBINED, PRODUCTIVE_ADDED, SYNERGY }

    /** Treatment-effect estimands. */
    public enum Estimand { ATE, ATT, POMEANS }

    /**
     * A factorial contrast: {@code both} is the group receiving {@code a} and {@code b}.
     *
     * @param both the combined group's code
     * @param a one single-programme group's code
     * @param b the other single-programme group's code
     */
    public record Synergy(int both, int a, int b) {
        @Override
        public String toString() {
            return both + "=" + a + "+" + b;
        }
    }

    /**
     * A subgroup analysis: the estimator fitted within each level of a variable, and each level's effects
     * compared with those of the first level.
     *
     * @param variable the subgroup variable (categorical, at most 20 levels)
     * @param labels the levels' names for readers, by level; a level without one is shown as {@code variable = level}
     */
    public record Subgroups(String variable, Map<Double, Text> labels) {
        public Subgroups {
            labels = Map.copyOf(labels);
        }

        /**
         * @param level a level of the variable
         * @param language en, es or fr
         * @return the level's name in that language
         */
        public String label(double level, String language) {
            Text t = labels.get(level == 0 ? 0.0 : level);
            return t != null ? t.in(language) : variable + " = " + NumericColumn.formatNumber(level);
        }
    }

    /**
     * How a refusal names an estimator option to the author of a case specification: the plan keys
     * that fill an option by themselves ({@code weights}, {@code cluster}, {@code covariates},
     * {@code treatment}, {@code outcomes}, {@code control}, {@code estimand}), the missing-value rule
     * as the flag of {@code synergia run} that sets it ({@code --missing}), any other as
     * {@code options.NAME}.
     */
    public static final OptionStyle OPTION_STYLE = name -> switch (name) {
        case "missing" -> "--missing";
        case "weights", "cluster", "covariates", "control", "estimand" -> name;
        case "by", "subgroup" -> "subgroup";
        case "treatment", "group", "dose", "treatment-model" -> "treatment";
        case "outcome", "outcome-model" -> "outcomes";
        default -> "options." + name;
    };

    /** The options of the bundled estimators' adapters that name a variable of the data. */
    private static final Set<String> VARIABLE_OPTIONS = Set.of("time", "id", "running", "saturation");

    /**
     * The variables of the data the analysis reads besides its outcomes: treatment, covariates,
     * cluster, weights, subgroup, and those its options name (the options above, and any option its
     * estimator declares as a variable or a formula). The case pipeline checks them and the analyst
     * area asks for their mapping.
     *
     * @return them, in that order, each once
     */
    public List<String> designVariables() {
        Set<String> v = new LinkedHashSet<>();
        v.add(treatment);
        v.addAll(covariates);
        cluster.ifPresent(v::add);
        weights.ifPresent(v::add);
        subgroup.ifPresent(g -> v.add(g.variable()));
        Optional<Estimator> registered = Estimators.installed().find(estimator);
        for (Map.Entry<String, String> o : options.entrySet()) {
            Optional<EstimatorOption.Kind> kind = registered.flatMap(e -> e.options().stream()
                    .filter(d -> d.name().equals(o.getKey())).findFirst()).map(EstimatorOption::kind);
            if (VARIABLE_OPTIONS.contains(o.getKey()) || kind.equals(Optional.of(EstimatorOption.Kind.VARIABLE))) {
                v.add(o.getValue());
            } else if (kind.equals(Optional.of(EstimatorOption.Kind.FORMULA))) {
                v.addAll(Formula.parse(o.getValue()).variables());
            }
        }
        return List.copyOf(v);
    }

    /**
     * @param key an option's name
     * @return its value
     */
    public Optional<String> option(String key) {
        return Optional.ofNullable(options.get(key));
    }
}
