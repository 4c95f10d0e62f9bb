package org.synergia.effects.estimators;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import org.synergia.data.CompleteCases;
import org.synergia.data.Dataset;
import org.synergia.data.InputException;
import org.synergia.data.OptionName;
import org.synergia.data.NumericColumn;
import org.synergia.effects.did.DidColumns;
import org.synergia.effects.did.DidMethod;
import org.synergia.effects.did.DidProblem;
import org.synergia.effects.did.DrDid;
import org.synergia.effects.did.StaggeredDid;
import org.synergia.stats.estimator.Estimator;
import org.synergia.stats.estimator.EstimatorOption;
import org.synergia.stats.estimator.EstimatorOptions;
import org.synergia.stats.inference.EstimationResult;
import org.synergia.stats.inference.AnnotatedResult;

/**
 * {@code did}: difference-in-differences ATT over {@link DrDid} (two periods: doubly robust, IPW,
 * outcome regression or TWFE; panel with {@code id}, repeated cross-sections without) and
 * {@link StaggeredDid} (staggered adoption with {@code cohort}). Term {@code ATT}.
 */
public final class DidEstimator implements Estimator {

    private static final List<EstimatorOption> OPTIONS = List.of(
            EstimatorOption.variable("outcome", "Y", "the outcome variable").asRequired(),
            EstimatorOption.variable("time", "T", "the period variable, exactly two values (the later is post-treatment)")
                    .asRequired(),
            EstimatorOption.variable("group", "D", "treated group 1, comparison group 0 (two periods)"),
            EstimatorOption.number("control", "LEVEL", "with --group, the comparison group's value when it is not 0:"
                    + " the other value is the treated group"),
            EstimatorOption.variable("cohort", "G",
                    "instead of --group, for staggered adoption: first treated period, 0 never treated (needs --id)"),
            EstimatorOption.variable("id", "I", "unit identifier: panel data (omit for repeated cross-sections)"),
            EstimatorOption.formula(Covariates.OPTION, "\"x1 + x2\"",
                    "covariates as the right-hand side of a formula (pre-period values in a panel)"),
            EstimatorOption.choice("method", "M", "dr-improved, dr-traditional, ipw-std, ipw, reg or twfe (default:"
                    + " ${DEFAULT-VALUE})", Arrays.stream(DidMethod.values()).map(DidMethod::label).toArray(String[]::new))
                    .withDefault(DidMethod.DR_IMPROVED.label()),
            EstimatorOption.number("trim", "P", "comparison units with propensity score >= P get weight 0 (default:"
                    + " ${DEFAULT-VALUE})").withDefault("0.995"),
            EstimatorOption.flag("balance", "report covariate balance of the treated and comparison groups, raw and under the"
                    + " propensity-score weights (tebalance conventions), in diagnostics.balance and balance_n"),
            SubgroupEffects.option(),
            EstimatorOption.weights(),
            EstimatorOption.cluster());

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
                + " (Callaway & Sant'Anna 2021) with --cohort.";
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
            return SubgroupEffects.fit(this, rows, options, List.of(), subgroup -> fitAll(subgroup, options));
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
        String outcome = options.required("outcome");
        String time = options.required("time");
        String g = staggered ? options.required("cohort") : options.required("group");
        DidColumns c = DidColumns.of(outcome, data.numeric(outcome).toDoubleArray(), time, data.numeric(time).toDoubleArray(),
                g, group(data, g, options));
        if (options.text("id").isPresent()) {
            String id = options.required("id");
            c = c.withId(id, data.numeric(id).toDoubleArray());
        }
        Covariates xs = Covariates.of(data, options);
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
        DidMethod method = DidMethod.parse(options.required("method"));
        if (staggered && options.bool("balance")) {
            throw new InputException(DidProblem.BALANCE_STAGGERED, OptionName.of("balance"), OptionName.of("cohort"),
                    OptionName.of("group"));
        }
        EstimationResult result = staggered ? StaggeredDid.withDefaults().withMethod(method).fit(c)
                : DrDid.withDefaults().withMethod(method).withTrimLevel(options.number("trim").orElseThrow())
                        .withBalance(options.bool("balance")).fit(c);
        return AnnotatedResult.of(result, xs.warnings());
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
