package org.synergia.effects.estimators;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;
import org.synergia.data.InputException;
import org.synergia.data.OptionName;
import org.synergia.data.CompleteCases;
import org.synergia.data.Dataset;
import org.synergia.effects.potentialoutcomes.Estimand;
import org.synergia.effects.potentialoutcomes.OutcomeModel;
import org.synergia.effects.potentialoutcomes.OverlapRule;
import org.synergia.effects.potentialoutcomes.PotentialOutcomeEstimator;
import org.synergia.effects.potentialoutcomes.ScoreTrimming;
import org.synergia.effects.potentialoutcomes.Synergy;
import org.synergia.effects.potentialoutcomes.TreatmentEffectResult;
import org.synergia.stats.estimator.Estimator;
import org.synergia.stats.estimator.EstimatorOption;
import org.synergia.stats.estimator.EstimatorOptions;
import org.synergia.stats.estimator.NumberList;
import org.synergia.stats.estimators.SensitivityOptions;
import org.synergia.stats.inference.AnnotatedResult;
import org.synergia.stats.inference.EstimationResult;
import org.synergia.stats.sensitivity.LinearSensitivity;
import org.synergia.stats.sensitivity.SensitivityProblem;
import org.synergia.stats.glm.Link;

/**
 * What the potential-outcome estimators {@code ra}, {@code ipw}, {@code aipw} and {@code ipwra}
 * share as registry entries: the estimand, the control and treated levels, the synergy contrast, the
 * overlap rule, sampling weights and clusters, and the option sets of their outcome and treatment
 * models. Each subclass names its models and builds its {@link PotentialOutcomeEstimator}.
 */
abstract class PotentialOutcomeEstimators implements Estimator {

    /**
     * {@code --outcome-model} and {@code --outcome-family}, of the methods with outcome models by arm, and the
     * sensitivity analysis through the outcome regression ({@link SensitivityOptions}).
     */
    static final List<EstimatorOption> OUTCOME_MODEL = Stream.concat(Stream.of(
            EstimatorOption.formula("outcome-model", "F", "the outcome model, e.g. \"re78 ~ age + educ + re74\"").asRequired(),
            EstimatorOption.choice("outcome-family", "M", "linear, logit or poisson (default: ${DEFAULT-VALUE})",
                    "linear", "logit", "poisson").withDefault("linear")), SensitivityOptions.OPTIONS.stream()).toList();

    /** {@code --treatment-model} and its {@code --link}, of the methods with a treatment model. */
    static final List<EstimatorOption> TREATMENT_MODEL = List.of(
            EstimatorOption.formula("treatment-model", "F",
                    "the treatment model, e.g. \"treat ~ age + educ + re74\" (more than two levels: multinomial logit)")
                    .asRequired(),
            EstimatorOption.choice("link", "LINK", "logit or probit for a binary treatment (default: ${DEFAULT-VALUE})",
                    "logit", "probit").withDefault("logit"));

    private static final List<EstimatorOption> COMMON = List.of(
            EstimatorOption.choice("estimand", "E", "ate, att or pomeans (default: ${DEFAULT-VALUE})", "ate", "att", "pomeans")
                    .withDefault("ate"),
            EstimatorOption.number("control", "LEVEL", "the control level (default: the lowest level)"),
            EstimatorOption.number("treated", "LEVEL", "the treated level defining the ATT population (default: the"
                    + " synergy's combined level, else the highest level)"),
            EstimatorOption.text("synergy", "C=A+B", "also estimate synergy = mu_C - mu_A - mu_B + mu_control, e.g. 3=1+2"),
            EstimatorOption.choice("overlap", "RULE", "scores outside [1e-5, 1 - 1e-5]: refuse, trim (drop and refit) or allow"
                    + " (default: ${DEFAULT-VALUE})", "refuse", "trim", "allow").withDefault("refuse"),
            EstimatorOption.text("trim-score", "LO,HI", "drop the units whose estimated probability of the treated level (of"
                    + " every level, with more than two) lies outside [LO, HI], then refit every model on the rest"),
            EstimatorOption.choice("trim", "RULE", "crump: drop the units outside Crump et al.'s (2009) optimal [alpha, 1 -"
                    + " alpha], then refit every model on the rest (two levels)", "crump"),
            EstimatorOption.flag("balance", "report covariate balance as Stata's tebalance summarize (standardised differences,"
                    + " variance ratios, KS), raw and under the treatment model's weights (ra: the implied weights of its"
                    + " linear outcome regressions), in diagnostics.balance and balance_n"),
            SubgroupEffects.option(),
            EstimatorOption.weights(),
            EstimatorOption.cluster());

    private final List<EstimatorOption> options;

    /** @param own the method's model options, before the shared ones */
    PotentialOutcomeEstimators(List<EstimatorOption> own) {
        List<EstimatorOption> all = new ArrayList<>(own);
        all.addAll(COMMON);
        this.options = List.copyOf(all);
    }

    /**
     * @param options the options
     * @return the estimator with the method's own options (models, links) set
     */
    abstract PotentialOutcomeEstimator<?> estimator(EstimatorOptions options);

    /** @return the option naming the outcome model, or the outcome variable */
    abstract String outcomeOption();

    /** @return the option naming the treatment model, or the treatment variable */
    abstract String treatmentOption();

    @Override
    public final List<EstimatorOption> options() {
        return options;
    }

    @Override
    public final Collection<String> variables(EstimatorOptions options) {
        return options.variablesOf(outcomeOption(), treatmentOption(), "by", EstimatorOption.WEIGHTS, EstimatorOption.CLUSTER);
    }

    @Override
    public final EstimationResult fit(CompleteCases rows, EstimatorOptions options) {
        if (options.given("by")) {
            return SubgroupEffects.fit(this, rows, options, List.of(), subgroup -> fitAll(subgroup, options));
        }
        return fitAll(rows.dataset(), options);
    }

    /** The estimator on complete rows (all of them, or a subgroup's). */
    private EstimationResult fitAll(Dataset data, EstimatorOptions options) {
        Optional<LinearSensitivity> sensitivity = accepts("sensitivity") ? SensitivityOptions.read(options) : Optional.empty();
        if (sensitivity.isPresent() && !options.required("outcome-family").equals("linear")) {
            throw new InputException(SensitivityProblem.NOT_LINEAR, OptionName.of("sensitivity"),
                    OptionName.of("outcome-family") + " " + options.required("outcome-family"));
        }
        TreatmentEffectResult result = configure(estimator(options), options).fit(data,
                options.required(outcomeOption()), options.required(treatmentOption()));
        if (sensitivity.isEmpty()) {
            return result;
        }
        String treatment = options.variablesOf(treatmentOption()).get(0);
        double control = options.number("control").orElse(result.levels()[0]);
        Synergy synergy = options.text("synergy").map(Synergy::parse).orElse(null);
        return AnnotatedResult.withDiagnostics(result, OutcomeRegressionSensitivity.of(sensitivity.get(), data,
                options.required("outcome-model"), treatment, control, synergy, result));
    }

    private static <E extends PotentialOutcomeEstimator<E>> E configure(PotentialOutcomeEstimator<E> base, EstimatorOptions o) {
        E e = base.withEstimand(Estimand.valueOf(o.required("estimand").toUpperCase(Locale.ROOT)))
                .withOverlap(OverlapRule.valueOf(o.required("overlap").toUpperCase(Locale.ROOT)))
                .withThreads(o.threads()).withBalance(o.bool("balance")).withTrimming(trimming(o));
        if (o.number("control").isPresent()) {
            e = e.withControl(o.number("control").get());
        }
        if (o.number("treated").isPresent()) {
            e = e.withTreatedLevel(o.number("treated").get());
        }
        if (o.text("synergy").isPresent()) {
            e = e.withSynergy(Synergy.parse(o.text("synergy").get()));
        }
        if (o.text(EstimatorOption.WEIGHTS).isPresent()) {
            e = e.withWeights(o.text(EstimatorOption.WEIGHTS).get());
        }
        if (o.text(EstimatorOption.CLUSTER).isPresent()) {
            e = e.withCluster(o.text(EstimatorOption.CLUSTER).get());
        }
        return e;
    }

    /** The trimming of {@code trim-score} or {@code trim}, checked. */
    private static ScoreTrimming trimming(EstimatorOptions o) {
        if (o.given("trim-score") && o.given("trim")) {
            throw new InputException(EstimatorProblem.TRIM_BOTH, OptionName.of("trim-score"), OptionName.of("trim"));
        }
        if (o.given("trim")) {
            return ScoreTrimming.crump();
        }
        if (!o.given("trim-score")) {
            return ScoreTrimming.NONE;
        }
        double[] b = NumberList.of(o, "trim-score");
        if (b.length != 2 || !(b[0] >= 0 && b[0] < b[1] && b[1] <= 1)) {
            throw new InputException(EstimatorProblem.TRIM_SCORE_BOUNDS, OptionName.of("trim-score"), o.required("trim-score"));
        }
        return ScoreTrimming.bounds(b[0], b[1]);
    }

    /**
     * @param options the options
     * @return the outcome model of {@code --outcome-family}
     */
    static OutcomeModel outcomeModel(EstimatorOptions options) {
        return OutcomeModel.valueOf(options.required("outcome-family").toUpperCase(Locale.ROOT));
    }

    /**
     * @param options the options
     * @return the treatment model's link of {@code --link}
     */
    static Link link(EstimatorOptions options) {
        return options.required("link").equals("probit") ? Link.PROBIT : Link.LOGIT;
    }
}
