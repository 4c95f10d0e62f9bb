package org.synergia.effects.estimators;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.synergia.data.CompleteCases;
import org.synergia.data.Dataset;
import org.synergia.data.InputException;
import org.synergia.data.OptionName;
import org.synergia.data.NumericColumn;
import org.synergia.effects.did.BasePeriod;
import org.synergia.effects.did.ControlGroup;
import org.synergia.effects.did.DidColumns;
import org.synergia.effects.did.DidMethod;
import org.synergia.effects.did.DidProblem;
import org.synergia.effects.did.DrDid;
import org.synergia.effects.did.StaggeredDid;
import org.synergia.effects.did.StaggeredDidResult;
import org.synergia.stats.estimator.Estimation;
import org.synergia.stats.estimator.Estimator;
import org.synergia.stats.estimator.EstimatorOption;
import org.synergia.stats.estimator.EstimatorOptions;
import org.synergia.stats.estimator.Regressors;
import org.synergia.stats.inference.EstimationResult;
import org.synergia.stats.inference.AnnotatedResult;

/**
 * {@code did}: difference-in-differences ATT over {@link DrDid} (two periods: doubly robust, IPW,
 * outcome regression or TWFE; panel with {@code id}, repeated cross-sections without) and
 * {@link StaggeredDid} (staggered adoption with {@code cohort}: group-time effects and their aggregations as R
 * {@code did} computes them, the event-study plot as the file {@code event-plot}). Term {@code ATT}.
 */
public final class DidEstimator implements Estimator {

    private static final List<EstimatorOption> OPTIONS = List.of(
            EstimatorOption.variable("outcome", "Y", "the outcome variable").asRequired(),
            EstimatorOption.variable("time", "T", "the period variable: two values (the later is post-treatment), or the"
                    + " periods of a staggered design").asRequired(),
            EstimatorOption.variable("group", "D", "treated group 1, comparison group 0 (two periods)"),
            EstimatorOption.number("control", "LEVEL", "with --group, the comparison group's value when it is not 0:"
                    + " the other value is the treated group"),
            EstimatorOption.variable("cohort", "G",
                    "instead of --group, for staggered adoption: first treated period, 0 never treated"),
            EstimatorOption.variable("id", "I", "unit identifier: panel data (omit for repeated cross-sections)"),
            EstimatorOption.formula(Covariates.OPTION, "\"x1 + x2\"",
                    "covariates as the right-hand side of a formula (pre-period values in a panel)"),
            EstimatorOption.choice("method", "M", "dr-improved, dr-traditional, ipw-std, ipw, reg or twfe (default:"
                    + " ${DEFAULT-VALUE}, as DRDID's drdid; with --cohort dr-traditional, as did's att_gt)",
                    Arrays.stream(DidMethod.values()).map(DidMethod::label).toArray(String[]::new))
                    .withDefault(DidMethod.DR_IMPROVED.label()),
            EstimatorOption.number("trim", "P", "comparison units with propensity score >= P get weight 0 (default:"
                    + " ${DEFAULT-VALUE}; with --cohort, in every group-time cell)").withDefault("0.995"),
            EstimatorOption.choice("control-group", "never|notyet", "with --cohort: compare each cohort with the never treated or"
                    + " with the units not yet treated, as R did's control_group (default: ${DEFAULT-VALUE})",
                    "never", "notyet").withDefault("never"),
            EstimatorOption.integer("anticipation", "K", "with --cohort: periods before its first treated period in"
                    + " which a cohort may already react (default: ${DEFAULT-VALUE})").withDefault("0"),
            EstimatorOption.choice("base-period", "varying|universal", "with --cohort: varying (pre-treatment cells against the period"
                    + " before) or universal (every cell against the last period before treatment) (default:"
                    + " ${DEFAULT-VALUE})", "varying", "universal").withDefault("varying"),
            EstimatorOption.flag("allow-unbalanced", "with --cohort and --id: keep units not observed in every period"
                    + " (each cell on the rows of its two periods, as R did's allow_unbalanced_panel)"),
            EstimatorOption.number("min-e", "E", "with --cohort: lowest event time of the ATT:e=k aggregation"),
            EstimatorOption.number("max-e", "E", "with --cohort: highest event time of the ATT:e=k aggregation"),
            EstimatorOption.number("balance-e", "E", "with --cohort: event times only from cohorts observed E periods"
                    + " after treatment"),
            EstimatorOption.integer("bootstrap", "B", "with --cohort: multiplier bootstrap draws of the uniform bands,"
                    + " seeded by --seed; 0 for none (default: ${DEFAULT-VALUE})").withDefault("1000"),
            EstimatorOption.file("event-plot", "FILE.svg", "with --cohort: write the event-study plot (ATT:e=k with"
                    + " pointwise intervals and the uniform band) as SVG"),
            EstimatorOption.flag("balance", "report covariate balance of the treated and comparison groups, raw and under the"
                    + " propensity-score weights (tebalance conventions), in diagnostics.balance and balance_n"),
            SubgroupEffects.option(),
            EstimatorOption.weights(),
            EstimatorOption.cluster());

    /** The options that only a staggered design (--cohort) takes. */
    private static final List<String> STAGGERED_OPTIONS = List.of("control-group", "anticipation", "base-period",
            "allow-unbalanced", "min-e", "max-e", "balance-e", "bootstrap", "event-plot");

    /** The registry entry. */
    public DidEstimator() {
    }

    @Override
    public String name() {
        return "did";
    }

    @Override
    public String description() {
        return "Two-period difference-in-differences ATT: doubly robust (Sant'Anna & Zhao 2020), IPW (Abadie 2005),"
                + " outcome regression or TWFE; panel with --id, repeated cross-sections without; staggered adoption"
                + " (Callaway & Sant'Anna 2021, as R did) with --cohort.";
    }

    @Override
    public List<EstimatorOption> options() {
        return OPTIONS;
    }

    @Override
    public Collection<String> variables(EstimatorOptions options) {
        return options.variablesOf("outcome", "time", "group", "cohort", "id", Covariates.OPTION, EstimatorOption.WEIGHTS,
                EstimatorOption.CLUSTER, "by");
    }

    @Override
    public EstimationResult fit(CompleteCases rows, EstimatorOptions options) {
        if (options.given("by")) {
            return SubgroupEffects.fit(this, rows, options, List.of("event-plot"), subgroup -> fitAll(subgroup, options));
        }
        return fitAll(rows.dataset(), options);
    }

    private EstimationResult fitAll(Dataset data, EstimatorOptions options) {
        boolean staggered = options.text("cohort").isPresent();
        if (options.text("group").isPresent() == staggered) {
            throw new InputException(EstimatorProblem.GROUP_OR_COHORT, OptionName.of("group"), OptionName.of("cohort"));
        }
        if (staggered && options.given("control")) {
            throw new InputException(EstimatorProblem.CONTROL_WITH_COHORT, OptionName.of("control"), OptionName.of("group"),
                    OptionName.of("cohort"));
        }
        if (!staggered) {
            refuseStaggeredOptions(options);
        }
        String outcome = options.required("outcome");
        String time = options.required("time");
        String g = staggered ? options.required("cohort") : options.required("group");
        DidColumns c = DidColumns.of(outcome, data.numeric(outcome).toDoubleArray(), time, data.numeric(time).toDoubleArray(),
                g, group(data, g, options));
        if (options.text("id").isPresent()) {
            String id = options.required("id");
            c = c.withId(id, data.numeric(id).toDoubleArray());
        }
        Regressors xs = Regressors.of(data, options, Covariates.OPTION);
        for (int j = 0; j < xs.names().size(); j++) {
            c = c.withCovariate(xs.names().get(j), xs.columns()[j]);
        }
        if (options.text(EstimatorOption.WEIGHTS).isPresent()) {
            String w = options.required(EstimatorOption.WEIGHTS);
            c = c.withWeights(w, data.numeric(w).toDoubleArray());
        }
        if (options.text(EstimatorOption.CLUSTER).isPresent()) {
            String cl = options.required(EstimatorOption.CLUSTER);
            c = c.withClusters(cl, data.numeric(cl).toDoubleArray());
        }
        // each design's reference default: DRDID's drdid is the improved DR, did's att_gt the traditional one
        DidMethod method = staggered && !options.given("method") ? DidMethod.DR_TRADITIONAL
                : DidMethod.parse(options.required("method"));
        if (staggered && options.bool("balance")) {
            throw new InputException(DidProblem.BALANCE_STAGGERED, OptionName.of("balance"), OptionName.of("cohort"),
                    OptionName.of("group"));
        }
        double trim = options.number("trim").orElseThrow();
        EstimationResult result = staggered ? staggered(options, method, trim).fit(c)
                : DrDid.withDefaults().withMethod(method).withTrimLevel(trim).withBalance(options.bool("balance")).fit(c);
        return AnnotatedResult.of(result, xs.warnings());
    }

    /** The staggered estimator the options describe; with --group, those options are refused. */
    private static StaggeredDid staggered(EstimatorOptions options, DidMethod method, double trim) {
        return StaggeredDid.withDefaults().withMethod(method).withTrimLevel(trim)
                .withControlGroup(ControlGroup.parse(options.required("control-group")))
                .withBasePeriod(BasePeriod.parse(options.required("base-period")))
                .withAnticipation(options.integer("anticipation").orElseThrow())
                .withUnbalancedPanel(options.bool("allow-unbalanced"))
                .withEventWindow(options.number("min-e").orElse(Double.NEGATIVE_INFINITY),
                        options.number("max-e").orElse(Double.POSITIVE_INFINITY), options.number("balance-e").orElse(Double.NaN))
                .withBootstrap(options.integer("bootstrap").orElseThrow(), options.seed());
    }

    private static void refuseStaggeredOptions(EstimatorOptions options) {
        for (String o : STAGGERED_OPTIONS) {
            if (options.given(o)) {
                throw new InputException(EstimatorProblem.STAGGERED_ONLY, OptionName.of(o), OptionName.of("cohort"),
                        OptionName.of("group"));
            }
        }
    }

    @Override
    public Optional<String> output(String option, Estimation estimation) {
        if (!option.equals("event-plot")) {
            return Optional.empty();
        }
        StaggeredDidResult r = (StaggeredDidResult) AnnotatedResult.unwrap(estimation.result());
        String outcome = estimation.options().required("outcome");
        String label = estimation.rows().dataset().column(outcome).label();
        return Optional.of(r.eventPlotSvg(label == null || label.isBlank() ? outcome : label + " (" + outcome + ")"));
    }

    /** The group or cohort values; with {@code control}, the group as 1 (treated) and 0 (comparison). */
    private static double[] group(Dataset data, String variable, EstimatorOptions options) {
        double[] v = data.numeric(variable).toDoubleArray();
        if (options.number("control").isEmpty()) {
            return v;
        }
        double control = options.number("control").get();
        double treated = Double.NaN;
        double[] d = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            if (v[i] != control) {
                if (!Double.isNaN(treated) && v[i] != treated) {
                    throw new InputException(String.format(Locale.ROOT, "%s has values other than the comparison %s and"
                            + " the treated %s (also %s): keep the two groups' rows only", variable, NumericColumn.formatNumber(control),
                            NumericColumn.formatNumber(treated), NumericColumn.formatNumber(v[i])));
                }
                treated = v[i];
                d[i] = 1;
            }
        }
        return d;
    }
}
