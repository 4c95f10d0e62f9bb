package org.synergia.effects.estimators;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import org.synergia.data.CompleteCases;
import org.synergia.data.Dataset;
import org.synergia.data.InputException;
import org.synergia.data.OptionName;
import org.synergia.effects.matching.MatchingResult;
import org.synergia.effects.matching.NnMatch;
import org.synergia.effects.matching.PsMatch;
import org.synergia.effects.potentialoutcomes.Estimand;
import org.synergia.stats.estimator.Estimator;
import org.synergia.stats.estimator.EstimatorOption;
import org.synergia.stats.estimator.EstimatorOptions;
import org.synergia.stats.estimator.Regressors;
import org.synergia.stats.formula.ModelFrame;
import org.synergia.stats.inference.AnnotatedResult;
import org.synergia.stats.inference.EstimationResult;

/**
 * {@code nnmatch}: nearest-neighbour matching on covariates, as Stata {@code teffects nnmatch}, over
 * {@link NnMatch}: Mahalanobis (Stata's default), inverse-variance or Euclidean distance, {@code M}
 * neighbours with ties, the Abadie-Imbens (2011) regression bias adjustment on the matching
 * covariates, and Abadie-Imbens (2006) standard errors, robust (Stata {@code vce(robust, nn(#))})
 * or homoskedastic ({@code vce(iid)}). The treatment is a variable with two values; the lower one
 * is the control unless {@code control} says otherwise. The covariates are the right-hand side of a
 * formula, expanded as in the other entries ({@link Covariates}). The result is the
 * {@link MatchingResult} under the covariates' warnings; {@code balance} adds Stata's
 * {@code tebalance summarize} table under the matching frequency weights, as in {@code psmatch}.
 *
 * <p>Stata's {@code ematch()} and {@code caliper()}, a {@code biasadj()} list other than the
 * matching covariates and {@code metric(matrix)} are not implemented by {@link NnMatch}, so they are
 * not offered.
 */
public final class NnmatchEstimator implements Estimator {

    private static final String BIAS_ADJUST = "bias-adjust";

    private static final List<EstimatorOption> OPTIONS = List.of(
            EstimatorOption.variable("outcome", "Y", "the outcome variable").asRequired(),
            EstimatorOption.variable("treatment", "T", "the treatment variable, two values").asRequired(),
            EstimatorOption.formula(Covariates.OPTION, "\"x1 + x2\"",
                    "the covariates to match on, as the right-hand side of a formula, e.g. \"mage + medu + prenatal1\"")
                    .asRequired(),
            EstimatorOption.choice("estimand", "E", "ate or att (default: ${DEFAULT-VALUE})", "ate", "att").withDefault("ate"),
            EstimatorOption.integer("neighbors", "M", "neighbours per unit, ties kept (default: ${DEFAULT-VALUE})")
                    .withDefault("1"),
            EstimatorOption.choice("metric", "D", "distance: mahalanobis, ivariance or euclidean (default: ${DEFAULT-VALUE})",
                    "mahalanobis", "ivariance", "euclidean").withDefault("mahalanobis"),
            EstimatorOption.formula(BIAS_ADJUST, "\"x1 + x2\"", "regression bias adjustment (Stata biasadj()) on these"
                    + " covariates, which must be the matching covariates (default: none)"),
            EstimatorOption.choice("se", "SE", "ai2006-robust (Stata vce(robust)) or ai2006 (vce(iid)) (default:"
                    + " ${DEFAULT-VALUE})", "ai2006-robust", "ai2006").withDefault("ai2006-robust"),
            EstimatorOption.integer("variance-neighbors", "J", "for ai2006-robust, the other same-arm units of each unit's"
                    + " conditional variance, Stata's nn(#) (>= 1) (default: ${DEFAULT-VALUE})").withDefault("2"),
            EstimatorOption.number("control", "LEVEL", "the treatment's control value (default: the lower one)"),
            TieOptions.stata("scaled covariate distance"),
            TieOptions.matching("scaled covariate distance", "the metric's scale"),
            EstimatorOption.flag("balance", "report covariate balance as Stata's tebalance summarize (standardised differences,"
                    + " variance ratios, KS), raw and in the matched sample, in diagnostics.balance and balance_n"),
            SubgroupEffects.option());

    /** The registry entry. */
    public NnmatchEstimator() {
    }

    @Override
    public String name() {
        return "nnmatch";
    }

    @Override
    public String description() {
        return "Nearest-neighbour matching on covariates (Mahalanobis) with Abadie-Imbens SEs and optional bias"
                + " adjustment (Stata teffects nnmatch).";
    }

    @Override
    public List<EstimatorOption> options() {
        return OPTIONS;
    }

    @Override
    public Collection<String> variables(EstimatorOptions options) {
        return options.variablesOf("outcome", "treatment", Covariates.OPTION, BIAS_ADJUST, "by");
    }

    @Override
    public EstimationResult fit(CompleteCases rows, EstimatorOptions options) {
        if (options.given("by")) {
            return SubgroupEffects.fit(this, rows, options, List.of(), subgroup -> fitAll(subgroup, options));
        }
        return fitAll(rows.dataset(), options);
    }

    private EstimationResult fitAll(Dataset data, EstimatorOptions options) {
        double[] y = data.numeric(options.required("outcome")).toDoubleArray();
        String treatment = options.required("treatment");
        List<String> notes = new ArrayList<>();
        TwoLevelTreatment arms = TwoLevelTreatment.of(name(), treatment, ModelFrame.numbers(data, treatment, notes),
                options.number("control"));
        Regressors xs = Regressors.of(data, options, Covariates.OPTION);
        if (xs.isEmpty()) {
            throw new InputException(EstimatorProblem.NO_MATCHING_COVARIATES, OptionName.of(Covariates.OPTION),
                    options.required(Covariates.OPTION));
        }
        boolean biasAdjust = options.given(BIAS_ADJUST);
        if (biasAdjust) {
            Regressors z = Regressors.of(data, options, BIAS_ADJUST);
            if (!new HashSet<>(z.names()).equals(new HashSet<>(xs.names()))) {
                throw new InputException(EstimatorProblem.BIAS_ADJUST_COVARIATES, OptionName.of(BIAS_ADJUST),
                        options.required(BIAS_ADJUST), OptionName.of(Covariates.OPTION), String.join(" + ", xs.names()));
            }
        }
        PsMatch.StandardError se = options.required("se").equals("ai2006") ? PsMatch.StandardError.AI2006
                : PsMatch.StandardError.AI2006_ROBUST;
        MatchingResult result = NnMatch.withDefaults()
                .withEstimand(Estimand.valueOf(options.required("estimand").toUpperCase(Locale.ROOT)))
                .withNeighbors(options.integer("neighbors").orElseThrow())
                .withMetric(NnMatch.Metric.valueOf(options.required("metric").toUpperCase(Locale.ROOT)))
                .withBiasAdjustment(biasAdjust)
                .withStandardError(se, options.integer("variance-neighbors").orElseThrow())
                .withTies(TieOptions.of(options))
                .fit(y, arms.treated(), xs.columns(), xs.names());
        notes.addAll(xs.warnings());
        EstimationResult annotated = AnnotatedResult.of(result, notes);
        if (!options.bool("balance")) {
            return annotated;
        }
        return AnnotatedResult.withDiagnostics(annotated, arms.balance(xs.names(), xs.columns(), result.weights().matching()));
    }
}
