package org.synergia.effects.estimators;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import org.synergia.data.CompleteCases;
import org.synergia.data.Dataset;
import org.synergia.data.InputException;
import org.synergia.data.NumericColumn;
import org.synergia.data.OptionName;
import org.synergia.effects.matching.Kernel;
import org.synergia.effects.matching.KernelMatch;
import org.synergia.effects.matching.MatchingResult;
import org.synergia.effects.matching.MatchingWeights;
import org.synergia.effects.matching.PsMatch;
import org.synergia.effects.matching.RosenbaumBounds;
import org.synergia.effects.matching.RosenbaumSensitivity;
import org.synergia.effects.potentialoutcomes.Estimand;
import org.synergia.stats.estimator.Estimation;
import org.synergia.stats.estimator.Estimator;
import org.synergia.stats.estimator.EstimatorOption;
import org.synergia.stats.estimator.EstimatorOptions;
import org.synergia.stats.estimator.NumberList;
import org.synergia.stats.formula.Formula;
import org.synergia.stats.formula.ModelFrame;
import org.synergia.stats.formula.ModelMatrix;
import org.synergia.stats.glm.Link;
import org.synergia.stats.inference.AnnotatedResult;
import org.synergia.effects.matching.GpsMatching;
import org.synergia.effects.potentialoutcomes.Synergy;
import org.synergia.stats.glm.MultinomialLogit;
import org.synergia.stats.glm.MultinomialLogitFit;
import org.synergia.stats.inference.Estimate;
import org.synergia.stats.inference.EstimationResult;
import org.synergia.stats.inference.Term;

/**
 * {@code psmatch}: nearest-neighbour (or kernel) matching on the propensity score of a logit or
 * probit treatment model, over {@link PsMatch} and {@link KernelMatch}. The treatment is the
 * left-hand side of {@code treatment-model}; the lowest value is the control unless {@code control} says
 * otherwise. With two values the result is the {@link MatchingResult} under the treatment model's warnings
 * ({@link AnnotatedResult}); {@code save-weights} and {@code love-plot} are its files. With more, each value is
 * matched against the control on a model fitted on the two values' units ({@code ATT:1vs0}, {@code ATT:2vs0}, the
 * diagnostics of each under its contrast), as the case pipeline does; there are no files then. {@code balance} adds {@link org.synergia.effects.balance.BalanceSummary}'s diagnostics and
 * {@code sensitivity} the {@link RosenbaumBounds} of the matched pairs (ATT and nearest neighbours only).
 */
public final class PsmatchEstimator implements Estimator {

    /** Γ from 1 to 3 by 0.25, as {@link RosenbaumBounds#withDefaults()}. */
    private static final String DEFAULT_GAMMAS = "1,1.25,1.5,1.75,2,2.25,2.5,2.75,3";

    private static final List<EstimatorOption> OPTIONS = List.of(
            EstimatorOption.formula("treatment-model", "F", "the treatment model, e.g. \"treat ~ age + educ + black + re74\"")
                    .asRequired(),
            EstimatorOption.variable("outcome", "Y", "the outcome variable").asRequired(),
            EstimatorOption.choice("estimand", "E", "att or ate (default: ${DEFAULT-VALUE})", "att", "ate").withDefault("att"),
            EstimatorOption.integer("neighbors", "M", "neighbours per unit (default: ${DEFAULT-VALUE})").withDefault("1"),
            EstimatorOption.number("caliper", "C", "caliper in standard deviations of the score (default: none)"),
            EstimatorOption.choice("caliper-rule", "RULE", "with --caliper, which units it keeps: all (R Matching: a unit"
                    + " whose M matches all lie inside, the score's SD with divisor N) or any (a unit with one match inside at"
                    + " least, SD with divisor N-1) (default: all with --se ai2006 and ai2006-robust, any otherwise)",
                    "all", "any"),
            EstimatorOption.bool("replace", "BOOL",
                    "match with replacement (default: ${DEFAULT-VALUE}); false: greedy in the order of --match-order, ATT only").withDefault("true"),
            EstimatorOption.choice("score", "S", "probability or linear (default: ${DEFAULT-VALUE})", "probability", "linear")
                    .withDefault("probability"),
            EstimatorOption.choice("se", "SE",
                    "ai2016, ai2006, ai2006-robust or bootstrap (kernel matching only) (default: ${DEFAULT-VALUE})",
                    "ai2016", "ai2006", "ai2006-robust", "bootstrap").withDefault("ai2016"),
            EstimatorOption.integer("variance-neighbors", "J", "variance neighbours: for ai2016 Stata's nn(#), the unit itself"
                    + " counting (>= 2); for ai2006-robust R's Var.calc, other units (>= 1) (default: ${DEFAULT-VALUE})")
                    .withDefault("2"),
            EstimatorOption.choice("link", "LINK", "logit or probit (default: ${DEFAULT-VALUE})", "logit", "probit")
                    .withDefault("logit"),
            EstimatorOption.number("control", "LEVEL", "the treatment's control value (default: the lower one)"),
            TieOptions.stata("score distance"),
            TieOptions.matching("score distance", "score variances"),
            EstimatorOption.choice("support", "RULE", "common support rule: none, minmax or trim (default: ${DEFAULT-VALUE})",
                    "none", "minmax", "trim").withDefault("none"),
            EstimatorOption.number("trim", "A", "with --support trim, drop scores outside [A, 1-A] (default: ${DEFAULT-VALUE})")
                    .withDefault("0.05"),
            EstimatorOption.choice("kernel", "K", "kernel matching instead of nearest neighbours: epanechnikov or gaussian",
                    "epanechnikov", "gaussian"),
            EstimatorOption.number("bandwidth", "H", "kernel bandwidth on the probability scale (default: ${DEFAULT-VALUE})")
                    .withDefault("0.06"),
            EstimatorOption.integer("bootstrap-reps", "B",
                    "bootstrap replications for kernel matching (default: ${DEFAULT-VALUE}; seeded by --seed)").withDefault("200"),
            EstimatorOption.file("save-weights", "FILE",
                    "write row, treated, matching_weight, ipw_weight as CSV (formulas in the JSON diagnostics)"),
            EstimatorOption.file("love-plot", "FILE", "write the love plot (balance before/after) as SVG"),
            EstimatorOption.choice("match-order", "ORDER", "with --replace false, the order in which treated units choose"
                    + " their matches: data (R Matching), largest or smallest score first (R MatchIt's m.order) (default:"
                    + " ${DEFAULT-VALUE})", "data", "largest", "smallest").withDefault("data"),
            EstimatorOption.flag("balance", "report covariate balance as Stata's tebalance summarize (standardised differences,"
                    + " variance ratios, KS), raw and in the matched sample, in diagnostics.balance and balance_n"),
            EstimatorOption.flag("sensitivity", "Rosenbaum bounds of the matched pairs (ATT, nearest neighbours; R rbounds psens"
                    + " and hlsens): the one-sided signed-rank p-value and Hodges-Lehmann bounds at each --gamma and the smallest"
                    + " Γ at which the p-value's upper bound reaches --sensitivity-alpha, in diagnostics.rosenbaum_*"),
            EstimatorOption.text("gamma", "G1,G2,...", "with --sensitivity, the values of Γ, 1 or more, increasing"
                    + " (default: ${DEFAULT-VALUE})").withDefault(DEFAULT_GAMMAS),
            EstimatorOption.number("sensitivity-alpha", "A", "with --sensitivity, the level of the one-sided test that defines"
                    + " rosenbaum_gamma (default: ${DEFAULT-VALUE})").withDefault("0.05"),
            EstimatorOption.choice("multi-arm", "HOW", "with more than two levels: pairwise (each level against the control,"
                    + " matched on a score fitted on the two levels' units) or gps (every level's mean on the whole sample,"
                    + " matched on the multinomial logit's score, Yang et al. 2016; ATE, AI2006 SE) (default: ${DEFAULT-VALUE})",
                    "pairwise", "gps").withDefault("pairwise"),
            EstimatorOption.text("synergy", "C=A+B", "with --multi-arm gps, also estimate synergy = mu_C - mu_A - mu_B + mu_control,"
                    + " e.g. 3=1+2"),
            SubgroupEffects.option());

    /** The registry entry. */
    public PsmatchEstimator() {
    }

    @Override
    public String name() {
        return "psmatch";
    }

    @Override
    public String description() {
        return "Propensity-score matching (nearest neighbour, or kernel with --kernel) with Abadie-Imbens SEs.";
    }

    @Override
    public List<EstimatorOption> options() {
        return OPTIONS;
    }

    @Override
    public Collection<String> variables(EstimatorOptions options) {
        return options.variablesOf("treatment-model", "outcome", "by");
    }

    @Override
    public EstimationResult fit(CompleteCases rows, EstimatorOptions options) {
        if (options.given("by")) {
            return SubgroupEffects.fit(this, rows, options, List.of("save-weights", "love-plot"),
                    subgroup -> fitAll(subgroup, options));
        }
        return fitAll(rows.dataset(), options);
    }

    private EstimationResult fitAll(Dataset data, EstimatorOptions options) {
        ModelMatrix model = ModelFrame.of(Formula.parse(options.required("treatment-model"))).build(data);
        double[] levels = Arrays.stream(model.response()).distinct().sorted().toArray();
        boolean gps = options.required("multi-arm").equals("gps");
        if (options.given("synergy") && (!gps || levels.length < 4)) {
            throw new InputException(EstimatorProblem.SYNERGY_NEEDS_GPS, OptionName.of("synergy"), OptionName.of("multi-arm"));
        }
        if (levels.length <= 2) {
            return fitTwoArms(data, options);
        }
        return gps ? generalisedScore(data, options, model, levels) : eachArm(data, options, model, levels);
    }

    /**
     * A treatment with more than two levels matched on the generalised propensity score ({@link GpsMatching}): the
     * multinomial logit of the treatment model, every level's potential-outcome mean on the whole sample, each level
     * against the control ({@code ATE:1vs0}) and, with {@code synergy}, {@code mu_C - mu_A - mu_B + mu_control}, with
     * the AI2006 variance that takes the score as known.
     */
    private EstimationResult generalisedScore(Dataset data, EstimatorOptions options, ModelMatrix model, double[] levels) {
        for (String o : List.of("love-plot", "save-weights", "balance", "sensitivity", "caliper", "kernel")) {
            if (options.given(o)) {
                throw new InputException(EstimatorProblem.GPS_NOT_WITH, OptionName.of(o), OptionName.of("multi-arm"));
            }
        }
        if (!options.bool("replace")) {
            throw new InputException(EstimatorProblem.GPS_NOT_WITH, OptionName.of("replace"), OptionName.of("multi-arm"));
        }
        if (!options.required("estimand").equals("ate")) {
            throw new InputException(EstimatorProblem.GPS_ESTIMAND, OptionName.of("multi-arm"), OptionName.of("estimand"));
        }
        if (options.given("se") && !options.required("se").equals("ai2006")) {
            throw new InputException(EstimatorProblem.GPS_SE, OptionName.of("multi-arm"), OptionName.of("se"));
        }
        double control = controlLevel(options, model, levels);
        double[] t = model.response();
        int[] code = new int[t.length];
        List<String> names = new ArrayList<>();
        for (double level : levels) {
            names.add(NumericColumn.formatNumber(level));
        }
        for (int i = 0; i < t.length; i++) {
            code[i] = Arrays.binarySearch(levels, t[i]);
        }
        int base = Arrays.binarySearch(levels, control);
        MultinomialLogitFit scoreModel = MultinomialLogit.withDefaults().withBase(base).withThreads(options.threads())
                .fit(model.columns(), model.names(), code, names);
        double[][] score = new double[levels.length][t.length];
        for (int k = 0; k < levels.length; k++) {
            for (int i = 0; i < t.length; i++) {
                score[k][i] = scoreModel.probability(i, k);
            }
        }
        double[] yAll = data.numeric(options.required("outcome")).toDoubleArray();
        double[] y = new double[t.length];
        for (int i = 0; i < y.length; i++) {
            y[i] = yAll[model.rows()[i]];
        }
        int neighbours = options.integer("neighbors").orElseThrow();
        int varianceNeighbours = options.given("variance-neighbors") ? options.integer("variance-neighbors").orElseThrow() : 1;
        GpsMatching matching = GpsMatching.fit(y, code, score, neighbours, varianceNeighbours, TieOptions.of(options));
        List<Estimate> estimates = new ArrayList<>();
        for (int k = 0; k < levels.length; k++) {
            if (k != base) {
                double[] c = new double[levels.length];
                c[k] = 1;
                c[base] = -1;
                estimates.add(contrast(new Term.Effect(Term.Measure.ATE, levels[k], control, true), matching, c));
            }
        }
        for (int k = 0; k < levels.length; k++) {
            double[] c = new double[levels.length];
            c[k] = 1;
            estimates.add(contrast(new Term.PoMean(levels[k]), matching, c));
        }
        options.text("synergy").map(Synergy::parse).ifPresent(sy -> {
            double[] c = new double[levels.length];
            c[base] = 1;
            for (double level : new double[] {sy.first(), sy.second()}) {
                c[levelIndex(levels, level, model)] -= 1;
            }
            c[levelIndex(levels, sy.combined(), model)] += 1;
            estimates.add(contrast(new Term.Synergy(), matching, c));
        });
        Map<String, Object> diagnostics = new LinkedHashMap<>();
        diagnostics.put("estimand", "ate");
        diagnostics.put("multi_arm", "gps");
        diagnostics.put("control", NumericColumn.formatNumber(control));
        for (int k = 0; k < levels.length; k++) {
            int level = k;
            diagnostics.put("n:" + names.get(k), (int) Arrays.stream(code).filter(c -> c == level).count());
        }
        diagnostics.put("score_model", "mlogit");
        diagnostics.put("neighbors", neighbours);
        diagnostics.put("variance_neighbors", varianceNeighbours);
        diagnostics.put("vce", "ai2006 (Yang et al. 2016; the score taken as known)");
        return EstimationResult.of(name(), estimates, t.length, diagnostics, model.warnings());
    }

    private static Estimate contrast(Term term, GpsMatching matching, double[] c) {
        return Estimate.wald(term, matching.estimate(c), Math.sqrt(matching.variance(c)), 0.95);
    }

    private static int levelIndex(double[] levels, double level, ModelMatrix model) {
        int k = Arrays.binarySearch(levels, level);
        if (k < 0) {
            throw new InputException(EstimatorProblem.CONTROL_NOT_A_VALUE, OptionName.of("synergy"), NumericColumn.formatNumber(level),
                    model.responseName(), NumericColumn.formatNumber(levels[0]), NumericColumn.formatNumber(levels[levels.length - 1]));
        }
        return k;
    }

    private static double controlLevel(EstimatorOptions options, ModelMatrix model, double[] levels) {
        double control = options.number("control").orElse(levels[0]);
        if (Arrays.stream(levels).noneMatch(v -> v == control)) {
            throw new InputException(EstimatorProblem.CONTROL_NOT_A_VALUE, OptionName.of("control"),
                    NumericColumn.formatNumber(control), model.responseName(), NumericColumn.formatNumber(levels[0]),
                    NumericColumn.formatNumber(levels[levels.length - 1]));
        }
        return control;
    }

    /**
     * A treatment with more than two levels: each level against the control, matched on the propensity score of a
     * model fitted on the two levels' units (pairwise models, as the case pipeline does), each comparison's diagnostics
     * under its contrast ({@code 1vs0}).
     */
    private EstimationResult eachArm(Dataset data, EstimatorOptions options, ModelMatrix model, double[] levels) {
        for (String o : List.of("love-plot", "save-weights")) {
            if (options.given(o)) {
                throw new InputException(EstimatorProblem.MULTI_ARM_FILE, OptionName.of(o), model.responseName(), levels.length);
            }
        }
        double control = controlLevel(options, model, levels);
        List<Estimate> estimates = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        Map<String, Object> diagnostics = new LinkedHashMap<>();
        double[] t = model.response();
        for (double level : levels) {
            if (level == control) {
                continue;
            }
            int[] rows = IntStream.range(0, t.length).filter(i -> t[i] == level || t[i] == control).map(i -> model.rows()[i])
                    .toArray();
            EstimationResult r = fitTwoArms(data.rows(rows), options);
            String contrast = NumericColumn.formatNumber(level) + "vs" + NumericColumn.formatNumber(control);
            for (Estimate e : r.estimates()) {
                estimates.add(e.term() instanceof Term.Effect effect ? e.withTerm(effect.between(level, control)) : e);
            }
            r.warnings().forEach(w -> warnings.add(contrast + ": " + w));
            diagnostics.put(contrast, r.diagnostics());
        }
        return EstimationResult.of(name(), estimates, model.rowCount(), diagnostics, warnings);
    }

    /** The two-level estimator. */
    private EstimationResult fitTwoArms(Dataset data, EstimatorOptions options) {
        String outcome = options.required("outcome");
        if (!data.hasColumn(outcome)) {
            throw data.unknownVariable(outcome);
        }
        Sample s = Sample.of(data, options);
        double[] yAll = data.numeric(outcome).toDoubleArray();
        double[] y = new double[s.model().rowCount()];
        for (int i = 0; i < y.length; i++) {
            y[i] = yAll[s.model().rows()[i]];
        }
        Estimand estimand = options.required("estimand").equals("ate") ? Estimand.ATE : Estimand.ATT;
        RosenbaumBounds sensitivity = sensitivity(options, estimand);
        String se = options.required("se");
        MatchingResult result;
        if (options.text("kernel").isPresent()) {
            if (!se.equals("bootstrap")) {
                throw new InputException(EstimatorProblem.KERNEL_SE, OptionName.of("se"));
            }
            if (!options.required("link").equals("logit") || !options.required("score").equals("probability")
                    || options.given("caliper")) {
                throw new InputException(EstimatorProblem.KERNEL_SCORE, OptionName.of("link"), OptionName.of("score"),
                        OptionName.of("caliper"));
            }
            result = KernelMatch.withDefaults().withKernel(Kernel.valueOf(options.required("kernel").toUpperCase(Locale.ROOT)))
                    .withBandwidth(options.number("bandwidth").orElseThrow()).withEstimand(estimand)
                    .withBootstrap(options.integer("bootstrap-reps").orElseThrow(), options.seed())
                    .fit(y, s.treated(), s.model().columns(), s.model().names());
        } else {
            PsMatch.StandardError standardError = switch (se) {
                case "ai2016" -> PsMatch.StandardError.AI2016;
                case "ai2006" -> PsMatch.StandardError.AI2006;
                case "ai2006-robust" -> PsMatch.StandardError.AI2006_ROBUST;
                default -> throw new InputException(EstimatorProblem.NEAREST_NEIGHBOUR_BOOTSTRAP, OptionName.of("se"),
                        OptionName.of("kernel"));
            };
            PsMatch settings = PsMatch.withDefaults().withNeighbors(options.integer("neighbors").orElseThrow())
                    .withEstimand(estimand).withReplacement(options.bool("replace"))
                    .withScore(options.required("score").equals("linear") ? PsMatch.Score.LINEAR : PsMatch.Score.PROBABILITY)
                    .withStandardError(standardError).withVarianceNeighbors(options.integer("variance-neighbors").orElseThrow())
                    .withLink(options.required("link").equals("probit") ? Link.PROBIT : Link.LOGIT)
                    .withTies(TieOptions.of(options))
                    .withCommonSupport(PsMatch.CommonSupport.valueOf(options.required("support").toUpperCase(Locale.ROOT)),
                            options.number("trim").orElseThrow());
            if (options.given("match-order")) {
                if (options.bool("replace")) {
                    throw new InputException(EstimatorProblem.MATCH_ORDER_WITH_REPLACEMENT, OptionName.of("match-order"),
                            OptionName.of("replace"));
                }
                settings = settings.withMatchOrder(PsMatch.MatchOrder.valueOf(options.required("match-order").toUpperCase(Locale.ROOT)));
            }
            if (options.given("caliper-rule") && !options.given("caliper")) {
                throw new InputException(EstimatorProblem.CALIPER_RULE_ALONE, OptionName.of("caliper-rule"),
                        OptionName.of("caliper"));
            }
            if (options.number("caliper").isPresent()) {
                settings = settings.withCaliper(options.number("caliper").get(), options.text("caliper-rule")
                        .map(r -> PsMatch.CaliperRule.valueOf(r.toUpperCase(Locale.ROOT))).orElse(null));
            }
            result = settings.fit(y, s.treated(), s.model().columns(), s.model().names());
        }
        EstimationResult annotated = AnnotatedResult.of(result, s.model().warnings());
        Map<String, Object> added = new LinkedHashMap<>();
        if (options.bool("balance")) {
            added.putAll(s.arms().balance(s.model().names(), s.model().columns(), result.weights().matching()));
        }
        if (sensitivity == null) {
            return AnnotatedResult.withDiagnostics(annotated, added);
        }
        RosenbaumSensitivity bounds = sensitivity.fit(result.pairs().orElseThrow());
        added.putAll(bounds.diagnostics());
        List<String> notes = bounds.notSignificantAtOne() ? List.of(String.format(Locale.ROOT, "the one-sided signed-rank"
                + " test of the %d matched pairs is not significant at %g even without hidden bias (p = %.4g at Γ = 1),"
                + " so rosenbaum_gamma is 1", bounds.pairs(), bounds.alpha(), bounds.pValue())) : List.of();
        return new AnnotatedResult(annotated, notes, added);
    }

    /**
     * The Rosenbaum bounds' settings when {@code sensitivity} is given, checked before matching.
     *
     * @return the settings, or null without {@code sensitivity}
     */
    private static RosenbaumBounds sensitivity(EstimatorOptions options, Estimand estimand) {
        OptionName flag = OptionName.of("sensitivity");
        if (!options.bool("sensitivity")) {
            for (String o : List.of("gamma", "sensitivity-alpha")) {
                if (options.given(o)) {
                    throw new InputException(EstimatorProblem.SENSITIVITY_OPTION_ALONE, OptionName.of(o), flag);
                }
            }
            return null;
        }
        if (options.text("kernel").isPresent()) {
            throw new InputException(EstimatorProblem.SENSITIVITY_KERNEL, flag, OptionName.of("kernel"));
        }
        if (estimand != Estimand.ATT) {
            throw new InputException(EstimatorProblem.SENSITIVITY_NEEDS_ATT, flag, OptionName.of("estimand"));
        }
        return RosenbaumBounds.withDefaults().withGammas(NumberList.of(options, "gamma"))
                .withAlpha(options.number("sensitivity-alpha").orElseThrow());
    }

    /**
     * The matching result of a {@link #fit} result.
     *
     * @param result what {@link #fit} returned
     * @return the matching result under the warnings
     */
    public static MatchingResult matching(EstimationResult result) {
        return (MatchingResult) AnnotatedResult.unwrap(result);
    }

    @Override
    public Optional<String> output(String option, Estimation estimation) {
        MatchingResult result = matching(estimation.result());
        return switch (option) {
            case "love-plot" -> Optional.of(result.lovePlotSvg());
            case "save-weights" -> Optional.of(weights(estimation.rows(), Sample.of(estimation.rows().dataset(),
                    estimation.options()), result.weights()));
            default -> Optional.empty();
        };
    }

    /** The weights by row of the file (1-based), as CSV. */
    private static String weights(CompleteCases rows, Sample s, MatchingWeights w) {
        StringBuilder out = new StringBuilder("row,treated,matching_weight,ipw_weight\n");
        int[] model = s.model().rows();
        for (int i = 0; i < model.length; i++) {
            out.append(rows.rows()[model[i]] + 1).append(',').append(s.treated()[i] ? 1 : 0).append(',')
                    .append(w.matching()[i]).append(',').append(w.ipw().length > i ? w.ipw()[i] : 0).append('\n');
        }
        return out.toString();
    }

    /**
     * The treatment model's matrix and its two arms.
     *
     * @param model the treatment model on the complete rows
     * @param arms the treatment's two levels and which of the model's rows are treated
     */
    private record Sample(ModelMatrix model, TwoLevelTreatment arms) {

        static Sample of(Dataset data, EstimatorOptions options) {
            ModelMatrix m = ModelFrame.of(Formula.parse(options.required("treatment-model"))).build(data);
            return new Sample(m, TwoLevelTreatment.of("psmatch", m.responseName(), m.response(), options.number("control")));
        }

        boolean[] treated() {
            return arms.treated();
        }
    }
}
