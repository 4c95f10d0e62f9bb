package org.synergia.cases.run;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.IntPredicate;
import java.util.stream.IntStream;
import org.hipparchus.stat.descriptive.moment.StandardDeviation;
import org.synergia.cases.simulate.SimulatedSurvey;
import org.synergia.cases.spec.AnalysisSpec;
import org.synergia.cases.spec.CaseSpec;
import org.synergia.cases.spec.OutcomeSpec;
import org.synergia.cases.store.DiagnosticRecord;
import org.synergia.cases.store.EstimateRecord;
import org.synergia.data.Dataset;
import org.synergia.data.InputException;
import org.synergia.data.MissingPolicy;
import org.synergia.data.NumericColumn;
import org.synergia.effects.dose.DoseResult;
import org.synergia.effects.estimators.DoseEstimator;
import org.synergia.effects.estimators.OutcomeRegressionSensitivity;
import org.synergia.effects.estimators.PsmatchEstimator;
import org.synergia.effects.matching.MatchingResult;
import org.synergia.effects.potentialoutcomes.Synergy;
import org.synergia.effects.potentialoutcomes.TreatmentEffectResult;
import org.synergia.effects.rd.RdPlot;
import org.synergia.stats.estimator.Estimation;
import org.synergia.stats.estimator.Estimator;
import org.synergia.stats.estimator.EstimatorOption;
import org.synergia.stats.estimator.EstimatorOptions;
import org.synergia.stats.estimator.Estimators;
import org.synergia.stats.inference.AnnotatedResult;
import org.synergia.stats.inference.Estimate;
import org.synergia.stats.inference.EstimationResult;
import org.synergia.stats.inference.Term;
import org.synergia.stats.sensitivity.LinearSensitivity;

/**
 * Applies one analysis of a case's plan to the case's data with the library's estimators, and
 * turns each result into stored estimates, each with the truth planted in simulated data where
 * the estimand has one.
 */
final class PlanExecutor {

    /** The diagnostic key of a chart drawn by the estimator (a love plot, a binned RD plot), as SVG. */
    static final String PLOT_SVG = "plot_svg";

    /** The diagnostic key of the number of an analysis's rows left out for a missing value (stored when above 0). */
    static final String ROWS_DROPPED = "rows_dropped_missing";

    private final CaseSpec spec;
    private final Dataset data;
    private final Optional<SimulatedSurvey> truth;
    private final MissingPolicy missing;
    /** Whether the analyses also compute and store their credibility checks ({@link Credibility}). */
    private final boolean credibility;

    /**
     * @param spec the case
     * @param caseData its data
     * @param missing what the analyses do with incomplete rows
     * @param credibility whether to compute the credibility checks (a design diagnosis, which only needs the
     *     estimates of many simulated surveys, leaves them out)
     */
    PlanExecutor(CaseSpec spec, CaseData caseData, MissingPolicy missing, boolean credibility) {
        this.spec = spec;
        this.data = caseData.data();
        this.truth = caseData.survey();
        this.missing = missing;
        this.credibility = credibility;
    }

    /**
     * The stored form of one analysis.
     *
     * @param estimates the estimates
     * @param diagnostics the diagnostics and warnings
     */
    record Output(List<EstimateRecord> estimates, List<DiagnosticRecord> diagnostics) {}

    /**
     * @param a the analysis
     * @param index its position in the plan, for messages ({@code plan[2]})
     * @return its estimates and diagnostics
     */
    Output run(AnalysisSpec a, int index) {
        Output out = new Output(new ArrayList<>(), new ArrayList<>());
        checkVariables(a, index);
        for (String outcome : a.outcomes()) {
            try {
                switch (a.estimator()) {
                    case "ra", "ipw", "aipw", "ipwra" -> potentialOutcomes(a, index, outcome, out);
                    case "psmatch" -> matching(a, index, outcome, out);
                    case "did" -> differenceInDifferences(a, index, outcome, out);
                    case "saturation" -> saturation(a, outcome, out);
                    case "rd" -> discontinuity(a, outcome, out);
                    case "dose" -> dose(a, outcome, out);
                    default -> registered(a, outcome, out);
                }
            } catch (InputException e) {
                // one outcome's failure (no overlap, no convergence) is reported, and the others are still estimated
                out.diagnostics().addAll(Failures.of(spec.id(), a.id(), outcome, e));
            }
        }
        return out;
    }

    // ------------------------------------------------------------------ estimators

    private void potentialOutcomes(AnalysisSpec a, int index, String outcome, Output out) {
        if (a.subgroup().isPresent()) {
            subgroups(a, index, outcome, out);
            return;
        }
        Set<Integer> groups = groups(a);
        AnalysisSample s = sample(a, index, outcome, groups);
        dropped(a, outcome, s, out);
        String covariates = s.formulaTerms(a.covariates());
        boolean outcomeModel = !a.estimator().equals("ipw");
        boolean treatmentModel = !a.estimator().equals("ra");
        Map<String, String> options = potentialOutcomeOptions(a, outcome, covariates);
        boolean linear = options.getOrDefault("outcome-family", "linear").equals("linear");
        // balance under the treatment model's weights, or for ra under its linear regressions' implied weights
        if (credibility && (treatmentModel || linear) && outcome.equals(a.outcomes().get(0))) {
            options.put("balance", "true");
        }
        double[] treatment = s.values(a.treatment());
        TreatmentEffectResult r = (TreatmentEffectResult) AnnotatedResult.unwrap(fit(a, s, options).result());
        out.diagnostics().addAll(Credibility.balance(spec.id(), a.id(), outcome, r));
        double[] levels = r.levels();
        double[] means = r.potentialOutcomeMeans();
        double[][] covariance = r.potentialOutcomeCovariance();
        for (int k = 0; k < levels.length; k++) {
            // the adjusted mean outcome of each group (its potential-outcome mean), for the arm-means chart
            int code = (int) levels[k];
            out.diagnostics().add(new DiagnosticRecord(spec.id(), a.id(), outcome, "pomean[" + code + "]", Double.toString(means[k])));
            out.diagnostics().add(new DiagnosticRecord(spec.id(), a.id(), outcome, "pomean_se[" + code + "]",
                    Double.toString(Math.sqrt(covariance[k][k]))));
        }
        double[] yv = s.values(outcome);
        double scale = comparisonSd(yv, i -> treatment[i] == a.control());
        int treatedForAtt = groups.stream().filter(g -> g != a.control()).findFirst().orElse(a.control());
        for (Estimate e : r.estimates()) {
            Term term = withArms(e.term());
            double t = truth.map(sv -> new PlantedTruth(sv).of(a, outcome, term, groups, treatedForAtt)).orElse(Double.NaN);
            EstimateRecord stored = record(a, outcome, term, label(term), e, r.n(), t, scale);
            out.estimates().add(stored);
            if (credibility && OutcomeRegressionSensitivity.isEffect(e)) {
                eValues(a, outcome, stored.termName(), e, yv, out);
                if (outcomeModel && linear && a.weights().isEmpty()) {
                    LinearSensitivity analysis = new LinearSensitivity(e.name(), List.of(), new double[0], 1, 0.05);
                    out.diagnostics().add(Credibility.of(spec.id(), a.id(), outcome, Credibility.sensitivityKey(stored.termName()),
                            OutcomeRegressionSensitivity.of(analysis, s.dataset(), outcome + " ~ " + covariates, a.treatment(),
                                    a.control(), a.synergy().map(sy -> new Synergy(sy.both(), sy.a(), sy.b())).orElse(null), e)));
                }
            }
        }
        diagnostics(a, outcome, r, out);
    }

    /** The options of a potential-outcome estimator: its outcome and treatment models, estimand, control and synergy. */
    private static Map<String, String> potentialOutcomeOptions(AnalysisSpec a, String outcome, String covariates) {
        boolean outcomeModel = !a.estimator().equals("ipw");
        boolean treatmentModel = !a.estimator().equals("ra");
        Map<String, String> options = options(a);
        options.put(outcomeModel ? "outcome-model" : "outcome", outcomeModel ? outcome + " ~ " + covariates : outcome);
        options.put(treatmentModel ? "treatment-model" : "treatment",
                treatmentModel ? a.treatment() + " ~ " + covariates : a.treatment());
        options.put("estimand", a.estimand().name().toLowerCase(Locale.ROOT));
        options.put("control", Integer.toString(a.control()));
        a.synergy().ifPresent(sy -> options.put("synergy", sy.toString()));
        return options;
    }

    /**
     * A potential-outcome analysis within each subgroup: every term within each level, and each effect's and
     * synergy's difference from the first level, with planted truths of the level's households, and every effect's
     * E-values within its level. The subgroup variable leaves the models' covariates, since it is constant within a
     * level.
     */
    private void subgroups(AnalysisSpec a, int index, String outcome, Output out) {
        String by = a.subgroup().orElseThrow().variable();
        Set<Integer> groups = groups(a);
        AnalysisSample s = sample(a, index, outcome, groups);
        dropped(a, outcome, s, out);
        List<String> covariates = a.covariates().stream().filter(v -> !v.equals(by)).toList();
        Map<String, String> options = potentialOutcomeOptions(a, outcome, s.formulaTerms(covariates));
        EstimationResult r = fit(a, s, options).result();
        double[] treatment = s.values(a.treatment());
        double[] y = s.values(outcome);
        double[] level = s.values(by);
        double scale = comparisonSd(y, i -> treatment[i] == a.control());
        int treatedForAtt = groups.stream().filter(g -> g != a.control()).findFirst().orElse(a.control());
        for (Estimate e : r.estimates()) {
            Term term = withArms(e.term());
            double t = truth.map(sv -> new PlantedTruth(sv).of(a, outcome, term, groups, treatedForAtt)).orElse(Double.NaN);
            EstimateRecord stored = record(a, outcome, term, subgroupLabel(a.subgroup().orElseThrow(), term), e, r.n(), t, scale);
            out.estimates().add(stored);
            subgroupEValues(a, outcome, stored, e, y, level, out);
        }
        diagnostics(a, outcome, r, out);
    }

    /** The E-values of an effect within a subgroup, with the outcome's standard deviation in that subgroup. */
    private void subgroupEValues(AnalysisSpec a, String outcome, EstimateRecord stored, Estimate e, double[] y, double[] level,
            Output out) {
        if (credibility && stored.term() instanceof Term.Within w && (w.term() instanceof Term.Effect || w.term() instanceof Term.Synergy)) {
            double l = w.subgroup().level();
            eValues(a, outcome, stored.termName(), e, IntStream.range(0, y.length).filter(i -> level[i] == l).mapToDouble(i -> y[i])
                    .toArray(), out);
        }
    }

    /** A term within a subgroup, or a difference between two, in words. */
    private String subgroupLabel(AnalysisSpec.Subgroups g, Term term) {
        if (term instanceof Term.Within w) {
            return label(w.term()) + " — " + g.label(w.subgroup().level(), "en");
        }
        if (term instanceof Term.WithinDifference d) {
            return label(d.of().term()) + ": " + g.label(d.of().subgroup().level(), "en") + " minus "
                    + g.label(d.minus().subgroup().level(), "en");
        }
        return label(term);
    }

    /** A binary comparison's plain ATE/ATT with its groups, as multi-valued contrasts are stored; within subgroups too. */
    private static Term withArms(Term term) {
        return mapEffects(term, effect -> effect.between(effect.treated(), effect.control()));
    }

    /** The term with {@code f} applied to its effect, also to the effect within a subgroup or in a difference of two. */
    private static Term mapEffects(Term term, java.util.function.UnaryOperator<Term.Effect> f) {
        if (term instanceof Term.Effect effect) {
            return f.apply(effect);
        }
        if (term instanceof Term.Within w) {
            return new Term.Within(mapEffects(w.term(), f), w.subgroup());
        }
        if (term instanceof Term.WithinDifference d) {
            return new Term.WithinDifference((Term.Within) mapEffects(d.of(), f), (Term.Within) mapEffects(d.minus(), f));
        }
        return term;
    }

    /**
     * Matching within each subgroup: each group against the control (or, with {@code multi-arm: gps}, every group on
     * the subgroup's whole sample, with the synergy), every effect within each level and its difference from the first,
     * with the truths planted in the level's households and E-values. The subgroup variable leaves the score model.
     */
    private void matchingSubgroups(AnalysisSpec a, int index, String outcome, Output out) {
        AnalysisSpec.Subgroups g = a.subgroup().orElseThrow();
        List<String> covariates = a.covariates().stream().filter(v -> !v.equals(g.variable())).toList();
        boolean gps = a.option("multi-arm").orElse("pairwise").equals("gps");
        List<Set<Integer>> comparisons = gps ? List.of(groups(a))
                : arms(a).stream().map(arm -> Set.of(arm, a.control())).toList();
        for (Set<Integer> groups : comparisons) {
            int arm = groups.stream().filter(x -> x != a.control()).findFirst().orElseThrow();
            String comparison = gps ? outcome : outcome + ":" + arm + "vs" + a.control();
            AnalysisSample s = sample(a, index, outcome, groups);
            dropped(a, comparison, s, out);
            Map<String, String> options = options(a);
            options.put("outcome", outcome);
            options.put("treatment-model", a.treatment() + " ~ " + s.formulaTerms(covariates));
            options.put("estimand", a.estimand().name().toLowerCase(Locale.ROOT));
            options.put("control", Integer.toString(a.control()));
            if (gps) {
                a.synergy().ifPresent(sy -> options.put("synergy", sy.toString()));
            }
            EstimationResult r = fit(a, s, options).result();
            int[] codes = s.codes(a.treatment());
            double[] y = s.values(outcome);
            double[] level = s.values(g.variable());
            double scale = comparisonSd(y, i -> codes[i] == a.control());
            for (Estimate e : r.estimates()) {
                Term term = gps ? e.term() : mapEffects(e.term(), effect -> effect.between(arm, a.control()));
                int attGroup = gps ? a.control() : arm;
                double t = truth.map(sv -> new PlantedTruth(sv).of(a, outcome, term, groups, attGroup)).orElse(Double.NaN);
                EstimateRecord stored = record(a, outcome, term, subgroupLabel(g, term), e, r.n(), t, scale);
                out.estimates().add(stored);
                subgroupEValues(a, outcome, stored, e, y, level, out);
            }
            diagnostics(a, comparison, r, out);
        }
    }

    /**
     * Matching on the multinomial logit's score ({@code options: {multi-arm: gps}}): every group's mean on the whole
     * sample, each group against the control and the plan's synergy, with planted truths and E-values.
     */
    private void generalisedScoreMatching(AnalysisSpec a, int index, String outcome, Output out) {
        Set<Integer> groups = groups(a);
        AnalysisSample s = sample(a, index, outcome, groups);
        dropped(a, outcome, s, out);
        Map<String, String> options = options(a);
        options.put("outcome", outcome);
        options.put("treatment-model", a.treatment() + " ~ " + s.formulaTerms(a.covariates()));
        options.put("estimand", a.estimand().name().toLowerCase(Locale.ROOT));
        options.put("control", Integer.toString(a.control()));
        a.synergy().ifPresent(sy -> options.put("synergy", sy.toString()));
        EstimationResult r = fit(a, s, options).result();
        double[] treatment = s.values(a.treatment());
        double[] y = s.values(outcome);
        double scale = comparisonSd(y, i -> treatment[i] == a.control());
        for (Estimate e : r.estimates()) {
            double t = truth.map(sv -> new PlantedTruth(sv).of(a, outcome, e.term(), groups, a.control())).orElse(Double.NaN);
            EstimateRecord stored = record(a, outcome, e.term(), label(e.term()), e, r.n(), t, scale);
            out.estimates().add(stored);
            if (credibility && OutcomeRegressionSensitivity.isEffect(e)) {
                eValues(a, outcome, stored.termName(), e, y, out);
            }
        }
        diagnostics(a, outcome, r, out);
    }

    /** The E-values of an effect, with the outcome's standard deviation in the analysis's sample. */
    private void eValues(AnalysisSpec a, String outcome, String term, Estimate e, double[] y, Output out) {
        out.diagnostics().add(Credibility.of(spec.id(), a.id(), outcome, Credibility.eValueKey(term),
                OutcomeRegressionSensitivity.eValues(e, new StandardDeviation().evaluate(y))));
    }

    private void matching(AnalysisSpec a, int index, String outcome, Output out) {
        if (a.subgroup().isPresent()) {
            matchingSubgroups(a, index, outcome, out);
            return;
        }
        if (a.option("multi-arm").orElse("pairwise").equals("gps")) {
            generalisedScoreMatching(a, index, outcome, out);
            return;
        }
        for (int arm : arms(a)) {
            String comparison = outcome + ":" + arm + "vs" + a.control();
            AnalysisSample s = sample(a, index, outcome, Set.of(arm, a.control()));
            dropped(a, comparison, s, out);
            Map<String, String> options = options(a);
            options.put("outcome", outcome);
            options.put("treatment-model", a.treatment() + " ~ " + s.formulaTerms(a.covariates()));
            options.put("estimand", a.estimand() == AnalysisSpec.Estimand.ATE ? "ate" : "att");
            options.put("control", Integer.toString(a.control()));
            boolean balance = credibility && outcome.equals(a.outcomes().get(0));
            if (balance) {
                options.put("balance", "true");
            }
            // Rosenbaum bounds need matched pairs: the ATT by nearest neighbours
            boolean pairs = credibility && a.estimand() == AnalysisSpec.Estimand.ATT && !options.containsKey("kernel");
            if (pairs) {
                options.put("sensitivity", "true");
            }
            EstimationResult r = fit(a, s, options).result();
            MatchingResult m = PsmatchEstimator.matching(r);
            if (balance) {
                out.diagnostics().addAll(Credibility.balance(spec.id(), a.id(), comparison, r));
            }
            int[] g = s.codes(a.treatment());
            double scale = comparisonSd(s.values(outcome), i -> g[i] != arm);
            for (Estimate e : r.estimates()) {
                EstimateRecord stored = addArmEffect(a, outcome, e, arm, r.n(), scale, out);
                if (credibility) {
                    eValues(a, outcome, stored.termName(), e, s.values(outcome), out);
                }
                if (pairs) {
                    out.diagnostics().add(Credibility.rosenbaum(spec.id(), a.id(), outcome, stored.termName(), r));
                }
            }
            diagnostics(a, comparison, r, out);
            if (outcome.equals(a.outcomes().get(0)) && m.balance().isPresent()) {
                out.diagnostics().add(new DiagnosticRecord(spec.id(), a.id(), comparison, PLOT_SVG, m.lovePlotSvg()));
            }
        }
    }

    private void differenceInDifferences(AnalysisSpec a, int index, String outcome, Output out) {
        String time = a.option("time").orElseThrow();
        String id = a.option("id").orElseThrow();
        for (int arm : arms(a)) {
            String comparison = outcome + ":" + arm + "vs" + a.control();
            AnalysisSample s = sample(a, index, outcome, Set.of(arm, a.control()), time, id);
            dropped(a, comparison, s, out);
            Map<String, String> options = options(a);
            options.put("outcome", outcome);
            options.put("group", a.treatment());
            options.put("control", Integer.toString(a.control()));
            covariates(a, s, options);
            String method = options.getOrDefault("method", "dr-improved");
            boolean balance = credibility && outcome.equals(a.outcomes().get(0)) && options.containsKey("covariates")
                    && !method.equals("reg") && !method.equals("twfe");
            if (balance) {
                options.put("balance", "true");
            }
            EstimationResult r = fit(a, s, options).result();
            if (balance) {
                out.diagnostics().addAll(Credibility.balance(spec.id(), a.id(), comparison, r));
            }
            int[] g = s.codes(a.treatment());
            double[] tv = s.values(time);
            double lastPeriod = java.util.Arrays.stream(tv).max().orElse(0);
            double scale = comparisonSd(s.values(outcome), i -> g[i] == a.control() && tv[i] == lastPeriod);
            for (Estimate e : r.estimates()) {
                EstimateRecord stored = addArmEffect(a, outcome, e, arm, r.n(), scale, out);
                if (credibility) {
                    eValues(a, outcome, stored.termName(), e, s.values(outcome), out);
                }
            }
            diagnostics(a, comparison, r, out);
        }
    }

    private void saturation(AnalysisSpec a, String outcome, Output out) {
        String saturationVariable = a.option("saturation").orElseThrow();
        if (a.cluster().isEmpty()) {
            throw new InputException(spec.file() + ": plan: the saturation analysis '" + a.id()
                    + "' needs 'cluster:' (the unit saturations were assigned to)");
        }
        AnalysisSample s = AnalysisSample.of(data, variables(a, outcome, a.treatment(), saturationVariable), i -> true, missing);
        dropped(a, outcome, s, out);
        Map<String, String> options = options(a);
        options.put("outcome", outcome);
        options.put("treatment", a.treatment());
        covariates(a, s, options);
        int clusters = FewClusters.count(s.values(a.cluster().get()));
        FewClusters.askWhenFew(options, clusters);
        EstimationResult r = fit(a, s, options).result();
        double[] sat = s.values(saturationVariable);
        double scale = comparisonSd(s.values(outcome), i -> sat[i] == 0);
        for (Estimate e : r.estimates()) {
            addTerm(a, outcome, FewClusters.inference(e, r), r.n(), scale, out);
        }
        diagnostics(a, outcome, r, out);
        out.diagnostics().addAll(FewClusters.records(spec.id(), a.id(), outcome, r, clusters));
    }

    private void discontinuity(AnalysisSpec a, String outcome, Output out) {
        String running = a.option("running").orElseThrow();
        AnalysisSample s = AnalysisSample.of(data, variables(a, outcome, running), i -> true, missing);
        dropped(a, outcome, s, out);
        Map<String, String> options = options(a);
        options.put("outcome", outcome);
        covariates(a, s, options);
        Estimation fitted = fit(a, s, options);
        EstimationResult r = fitted.result();
        double cutoff = fitted.options().number("cutoff").orElseThrow();
        double[] x = s.values(running);
        double[] y = s.values(outcome);
        double scale = comparisonSd(y, i -> x[i] < cutoff);
        String label = spec.outcome(outcome).label().en();
        out.diagnostics().add(new DiagnosticRecord(spec.id(), a.id(), outcome, PLOT_SVG, RdPlot.withDefaults().compute(y, x, cutoff)
                .toSvg(label, running, label + ": binned means either side of the cutoff")));
        for (Estimate e : r.estimates()) {
            double t = truth.map(sv -> new PlantedTruth(sv).of(a, outcome, e.term(), Set.of(), a.control())).orElse(Double.NaN);
            out.estimates().add(record(a, outcome, e.term(), "Discontinuity at " + running + " = " + cutoff + " (" + e.term() + ")",
                    e, r.n(), t, scale));
        }
        diagnostics(a, outcome, r, out);
    }

    /**
     * The exposure regression (by subgroup when the plan names one: a pooled slope would average the group slopes with
     * weights set by how exposure and group go together, an estimand without a clear meaning) and the pooled
     * dose-response curve, stored as diagnostics for its chart.
     */
    private void dose(AnalysisSpec a, String outcome, Output out) {
        List<String> vars = variables(a, outcome, a.treatment());
        AnalysisSample s = AnalysisSample.of(data, vars, i -> true, missing);
        dropped(a, outcome, s, out);
        Map<String, String> options = options(a);
        options.put("outcome", outcome);
        options.put("dose", a.treatment());
        covariates(a, s, options);
        double scale = comparisonSd(s.values(outcome), i -> true);
        EstimationResult r = fit(a, s, options).result();
        for (Estimate e : r.estimates()) {
            addTerm(a, outcome, e, r.n(), scale, out);
        }
        diagnostics(a, outcome, r, out);
        options.remove("by");
        options.put("method", "gps");
        options.put("bootstrap", "99");
        DoseResult.Curve c = DoseEstimator.dose(fit(a, s, options).result()).curve();
        out.diagnostics().add(new DiagnosticRecord(spec.id(), a.id(), outcome, "curve_dose", join(c.doses())));
        out.diagnostics().add(new DiagnosticRecord(spec.id(), a.id(), outcome, "curve_mu", join(c.estimate())));
        out.diagnostics().add(new DiagnosticRecord(spec.id(), a.id(), outcome, "curve_low", join(c.lower())));
        out.diagnostics().add(new DiagnosticRecord(spec.id(), a.id(), outcome, "curve_high", join(c.upper())));
    }

    /** The analysis's {@code options:} with its weights and cluster, for the estimator's own options to be added. */
    private static Map<String, String> options(AnalysisSpec a) {
        Map<String, String> options = new LinkedHashMap<>(a.options());
        a.weights().ifPresent(w -> options.put(EstimatorOption.WEIGHTS, w));
        a.cluster().ifPresent(c -> options.put(EstimatorOption.CLUSTER, c));
        a.subgroup().ifPresent(g -> options.put("by", g.variable()));
        return options;
    }

    /** The analysis's covariates as the estimator's {@code covariates} formula (categorical ones as factors), if any vary. */
    private static void covariates(AnalysisSpec a, AnalysisSample s, Map<String, String> options) {
        String terms = s.formulaTerms(a.covariates());
        if (!terms.equals("1")) {
            options.put("covariates", terms);
        }
    }

    /**
     * An estimator of the registry without an adapter of its own: the analysis's {@code options:}
     * are its options, with the outcome, treatment, covariates (joined by {@code +}), weights and
     * cluster given to the options of those names it has; its terms are stored as it reports them,
     * without a planted truth.
     */
    private void registered(AnalysisSpec a, String outcome, Output out) {
        Estimator estimator = Estimators.installed().get(a.estimator());
        Map<String, String> options = new LinkedHashMap<>(a.options());
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("outcome", outcome);
        fields.put("treatment", a.treatment());
        fields.put("covariates", a.covariates().isEmpty() ? null : String.join(" + ", a.covariates()));
        fields.put(EstimatorOption.WEIGHTS, a.weights().orElse(null));
        fields.put(EstimatorOption.CLUSTER, a.cluster().orElse(null));
        fields.forEach((name, value) -> {
            if (value != null && estimator.accepts(name)) {
                options.putIfAbsent(name, value);
            }
        });
        Estimation fitted = Estimation.of(data, EstimatorOptions.of(estimator, options), missing);
        if (FewClusters.refit(a.estimator(), options, fitted.result())) {
            fitted = Estimation.of(data, EstimatorOptions.of(estimator, options), missing);
        }
        dropped(a, outcome, fitted.rows().dropped(), fitted.rows().warning(), out);
        EstimationResult r = fitted.result();
        double scale = comparisonSd(fitted.rows().dataset().numeric(outcome).toDoubleArray(), i -> true);
        for (Estimate e : r.estimates()) {
            out.estimates().add(record(a, outcome, e.term(), label(e.term()), FewClusters.inference(e, r), r.n(), Double.NaN, scale));
        }
        diagnostics(a, outcome, r, out);
        if (r.diagnostics().get("clusters") instanceof Integer g) {
            out.diagnostics().addAll(FewClusters.records(spec.id(), a.id(), outcome, r, g));
        }
    }

    private static String join(double[] v) {
        StringBuilder b = new StringBuilder();
        for (double d : v) {
            b.append(b.length() == 0 ? "" : ",").append(d);
        }
        return b.toString();
    }

    /** Stores an effect of one arm against the control, estimated on those two groups. */
    private EstimateRecord addArmEffect(AnalysisSpec a, String outcome, Estimate e, int arm, int n, double scale, Output out) {
        Term term = mapEffects(e.term(), effect -> effect.between(arm, a.control()));
        double t = truth.map(sv -> new PlantedTruth(sv).of(a, outcome, term, Set.of(arm, a.control()), arm)).orElse(Double.NaN);
        EstimateRecord stored = record(a, outcome, term, label(term), e, n, t, scale);
        out.estimates().add(stored);
        return stored;
    }

    /** Stores a term whose fields say everything about it (saturation contrasts, dose slopes). */
    private void addTerm(AnalysisSpec a, String outcome, Estimate e, int n, double scale, Output out) {
        double t = truth.map(sv -> new PlantedTruth(sv).of(a, outcome, e.term(), Set.of(), a.control())).orElse(Double.NaN);
        out.estimates().add(record(a, outcome, e.term(), label(e.term()), e, n, t, scale));
    }

    /** The term in words, with the groups' names, as stored for readers. */
    private String label(Term term) {
        if (term instanceof Term.Effect e) {
            return groupLabel((int) e.treated()) + " vs " + groupLabel((int) e.control());
        }
        if (term instanceof Term.PoMean m) {
            return "Mean outcome if all received: " + groupLabel((int) m.level());
        }
        if (term instanceof Term.Synergy) {
            return "Synergy (both beyond the sum of each alone)";
        }
        if (term instanceof Term.Saturation s) {
            boolean itt = s.exposure() == Term.Exposure.ITT;
            if (s.slope()) {
                return itt ? "Change of the intention to treat per unit of saturation" : "Change of the spillover per unit of saturation";
            }
            String at = Double.isNaN(s.saturation()) ? "" : " at saturation [" + s.saturationText() + "]";
            return (itt ? "Intention to treat" : "Spillover") + (at.isEmpty() ? (itt ? " on the assigned" : " on the non-assigned") : at);
        }
        if (term instanceof Term.DoseDifference) {
            return "Difference in the effect per unit of exposure (" + term + ")";
        }
        if (term instanceof Term.Dose) {
            return "Effect per unit of exposure (" + term + ")";
        }
        return term.toString();
    }

    /**
     * Runs the analysis's estimator from the registry on the sample's rows (already complete, so the
     * registry's data preparation leaves none out).
     */
    private Estimation fit(AnalysisSpec a, AnalysisSample s, Map<String, String> options) {
        Estimator estimator = Estimators.installed().get(a.estimator());
        return Estimation.of(s.dataset(), EstimatorOptions.of(estimator, options), missing);
    }

    // ------------------------------------------------------------------ samples and records

    /** The rows of the given groups with the outcome, treatment, covariates and design variables present. */
    private AnalysisSample sample(AnalysisSpec a, int index, String outcome, Set<Integer> groups, String... extra) {
        List<String> vars = variables(a, outcome, a.treatment());
        vars.addAll(List.of(extra));
        NumericColumn group = data.numeric(a.treatment());
        AnalysisSample s = AnalysisSample.of(data, vars, i -> !group.isMissing(i) && groups.contains((int) group.value(i)),
                missing);
        int[] g = s.codes(a.treatment());
        for (int code : groups) {
            boolean present = false;
            for (int v : g) {
                if (v == code) {
                    present = true;
                    break;
                }
            }
            if (!present) {
                throw new InputException(spec.file() + ": plan[" + index + "]: group " + code + " (" + groupLabel(code)
                        + ") has no households with " + outcome + " and the covariates observed in " + data.name()
                        + "; check data.mapping of '" + a.treatment() + "' or remove the group from the analysis");
            }
        }
        return s;
    }

    /**
     * Stores the rows an analysis left out for missing values, as the command line reports them: their
     * number ({@link #ROWS_DROPPED}) and the one-line warning naming the variables and counts.
     */
    private void dropped(AnalysisSpec a, String outcome, AnalysisSample s, Output out) {
        dropped(a, outcome, s.dropped(), s.warning(), out);
    }

    private void dropped(AnalysisSpec a, String outcome, int count, Optional<String> warning, Output out) {
        if (count > 0) {
            out.diagnostics().add(new DiagnosticRecord(spec.id(), a.id(), outcome, ROWS_DROPPED, Integer.toString(count)));
            out.diagnostics().add(new DiagnosticRecord(spec.id(), a.id(), outcome, "warning", warning.orElseThrow()));
        }
    }

    /** The variables given, then the analysis's covariates, cluster, weights and subgroup: a row missing any is left out. */
    private static List<String> variables(AnalysisSpec a, String... first) {
        List<String> vars = new ArrayList<>(List.of(first));
        vars.addAll(a.covariates());
        a.cluster().ifPresent(vars::add);
        a.weights().ifPresent(vars::add);
        a.subgroup().ifPresent(g -> vars.add(g.variable()));
        return vars;
    }

    /** Every variable the analysis names must be in the data, under the name the plan uses. */
    private void checkVariables(AnalysisSpec a, int index) {
        Set<String> needed = new LinkedHashSet<>(a.outcomes());
        needed.addAll(a.designVariables());
        for (String v : needed) {
            if (!data.hasColumn(v)) {
                throw new InputException(spec.file() + ": plan[" + index + "] (" + a.id() + ") needs the variable '" + v
                        + "', which is not in " + data.name() + "; add 'data: mapping: {" + v + ": <your column>}'");
            }
        }
    }

    private Set<Integer> groups(AnalysisSpec a) {
        Set<Integer> g = new LinkedHashSet<>();
        g.add(a.control());
        if (a.arms().isEmpty()) {
            spec.design().groups().forEach(gr -> g.add(gr.code()));
        } else {
            g.addAll(a.arms());
        }
        return g;
    }

    private List<Integer> arms(AnalysisSpec a) {
        return groups(a).stream().filter(g -> g != a.control()).toList();
    }

    String groupLabel(int code) {
        return spec.group(code).map(g -> g.label().en()).orElse("group " + code);
    }

    private EstimateRecord record(AnalysisSpec a, String outcome, Term term, String label, Estimate e, int n, double truth,
            double scale) {
        OutcomeSpec o = spec.outcome(outcome);
        return new EstimateRecord(spec.id(), a.id(), a.estimator(), outcome,
                o.domain().name().toLowerCase(Locale.ROOT).replace('_', '-'), term, label, e.estimate(), e.se(), e.ciLow(),
                e.ciHigh(), e.pValue(), Double.NaN, n, truth, scale);
    }

    /** The standard deviation of {@code values} over the rows where {@code comparison} holds (NaN with fewer than two). */
    private static double comparisonSd(double[] values, IntPredicate comparison) {
        double sum = 0;
        double sumSq = 0;
        int n = 0;
        for (int i = 0; i < values.length; i++) {
            if (comparison.test(i)) {
                sum += values[i];
                sumSq += values[i] * values[i];
                n++;
            }
        }
        if (n < 2) {
            return Double.NaN;
        }
        double mean = sum / n;
        return Math.sqrt(Math.max(0, (sumSq - n * mean * mean) / (n - 1)));
    }

    private void diagnostics(AnalysisSpec a, String outcome, EstimationResult r, Output out) {
        for (Map.Entry<String, Object> d : r.diagnostics().entrySet()) {
            Object v = d.getValue();
            if (v instanceof Number || v instanceof String || v instanceof Boolean) {
                out.diagnostics().add(new DiagnosticRecord(spec.id(), a.id(), outcome, d.getKey(), String.valueOf(v)));
            }
        }
        for (String w : r.warnings()) {
            out.diagnostics().add(new DiagnosticRecord(spec.id(), a.id(), outcome, "warning", w));
        }
    }
}
