package org.synergia.cases.run;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.IntPredicate;
import org.synergia.cases.simulate.SimulatedSurvey;
import org.synergia.cases.spec.AnalysisSpec;
import org.synergia.cases.spec.CaseSpec;
import org.synergia.cases.spec.OutcomeSpec;
import org.synergia.cases.store.DiagnosticRecord;
import org.synergia.cases.store.EstimateRecord;
import org.synergia.data.Dataset;
import org.synergia.data.InputException;
import org.synergia.data.NumericColumn;
import org.synergia.effects.did.DidColumns;
import org.synergia.effects.did.DidMethod;
import org.synergia.effects.did.DrDid;
import org.synergia.effects.matching.MatchingResult;
import org.synergia.effects.matching.PsMatch;
import org.synergia.effects.potentialoutcomes.Aipw;
import org.synergia.effects.potentialoutcomes.Estimand;
import org.synergia.effects.potentialoutcomes.Ipw;
import org.synergia.effects.potentialoutcomes.Ipwra;
import org.synergia.effects.potentialoutcomes.PotentialOutcomeEstimator;
import org.synergia.effects.potentialoutcomes.Ra;
import org.synergia.effects.potentialoutcomes.Synergy;
import org.synergia.effects.potentialoutcomes.TreatmentData;
import org.synergia.effects.potentialoutcomes.TreatmentEffectResult;
import org.synergia.effects.dose.DoseResult;
import org.synergia.effects.dose.DoseSample;
import org.synergia.effects.dose.ExposureRegression;
import org.synergia.effects.dose.GpsDoseResponse;
import org.synergia.effects.rd.BandwidthSelector;
import org.synergia.effects.rd.Kernel;
import org.synergia.effects.rd.RdPlot;
import org.synergia.effects.rd.RdRobust;
import org.synergia.effects.rd.RdSample;
import org.synergia.effects.saturation.SaturationEffects;
import org.synergia.effects.saturation.SaturationSample;
import org.synergia.stats.inference.Estimate;
import org.synergia.stats.inference.EstimationResult;
import org.synergia.stats.inference.Term;

/**
 * Applies one analysis of a case's plan to the case's data with the library's estimators, and
 * turns each result into stored estimates, each with the truth planted in simulated data where
 * the estimand has one.
 */
final class PlanExecutor {

    /** The diagnostic key of a chart drawn by the estimator (a love plot, a binned RD plot), as SVG. */
    static final String PLOT_SVG = "plot_svg";

    /** The diagnostic key of an estimation that failed; its value is the reason. */
    static final String FAILED = "failed";

    private final CaseSpec spec;
    private final Dataset data;
    private final Optional<SimulatedSurvey> truth;

    PlanExecutor(CaseSpec spec, CaseData caseData) {
        this.spec = spec;
        this.data = caseData.data();
        this.truth = caseData.survey();
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
                    case RA, IPW, AIPW, IPWRA -> potentialOutcomes(a, index, outcome, out);
                    case PSMATCH -> matching(a, index, outcome, out);
                    case DID -> differenceInDifferences(a, index, outcome, out);
                    case SATURATION -> saturation(a, outcome, out);
                    case RD -> discontinuity(a, index, outcome, out);
                    case DOSE -> dose(a, outcome, out);
                }
            } catch (InputException e) {
                // one outcome's failure (no overlap, no convergence) is reported, and the others are still estimated
                out.diagnostics().add(new DiagnosticRecord(spec.id(), a.id(), outcome, FAILED, e.getMessage()));
            }
        }
        return out;
    }

    // ------------------------------------------------------------------ estimators

    private void potentialOutcomes(AnalysisSpec a, int index, String outcome, Output out) {
        Set<Integer> groups = groups(a);
        AnalysisSample s = sample(a, index, outcome, groups);
        AnalysisSample.Design x = s.design(a.covariates()).withIntercept(s.size());
        double[] treatment = s.values(a.treatment());
        TreatmentData td = new TreatmentData(s.values(outcome), treatment, x.columns(), x.names().toArray(String[]::new),
                x.columns(), x.names().toArray(String[]::new), a.weights().map(s::values).orElse(null),
                a.cluster().map(s::codes).orElse(null));
        Estimand estimand = switch (a.estimand()) {
            case ATE -> Estimand.ATE;
            case ATT -> Estimand.ATT;
            case POMEANS -> Estimand.POMEANS;
        };
        PotentialOutcomeEstimator<?> estimator = switch (a.estimator()) {
            case RA -> Ra.withDefaults();
            case IPW -> Ipw.withDefaults();
            case AIPW -> Aipw.withDefaults();
            default -> Ipwra.withDefaults();
        };
        estimator = estimator.withEstimand(estimand).withControl(a.control());
        if (a.synergy().isPresent()) {
            AnalysisSpec.Synergy sy = a.synergy().get();
            estimator = estimator.withSynergy(new Synergy(sy.both(), sy.a(), sy.b()));
        }
        TreatmentEffectResult r = estimator.fit(td);
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
        double[] yv = td.outcome();
        double scale = comparisonSd(yv, i -> treatment[i] == a.control());
        int treatedForAtt = groups.stream().filter(g -> g != a.control()).findFirst().orElse(a.control());
        for (Estimate e : r.estimates()) {
            // a binary comparison's plain ATE/ATT is stored with its groups, as multi-valued contrasts are
            Term term = e.term() instanceof Term.Effect effect ? effect.between(effect.treated(), effect.control()) : e.term();
            double t = truth.map(sv -> new PlantedTruth(sv).of(a, outcome, term, groups, treatedForAtt)).orElse(Double.NaN);
            out.estimates().add(record(a, outcome, term, label(term), e, r.n(), t, scale));
        }
        diagnostics(a, outcome, r, out);
    }

    private void matching(AnalysisSpec a, int index, String outcome, Output out) {
        for (int arm : arms(a)) {
            AnalysisSample s = sample(a, index, outcome, Set.of(arm, a.control()));
            AnalysisSample.Design x = s.design(a.covariates()).withIntercept(s.size());
            int[] g = s.codes(a.treatment());
            boolean[] treated = new boolean[g.length];
            for (int i = 0; i < g.length; i++) {
                treated[i] = g[i] == arm;
            }
            MatchingResult r = PsMatch.withDefaults()
                    .withEstimand(a.estimand() == AnalysisSpec.Estimand.ATE ? Estimand.ATE : Estimand.ATT)
                    .fit(s.values(outcome), treated, x.columns(), x.names());
            double[] yv = s.values(outcome);
            double scale = comparisonSd(yv, i -> !treated[i]);
            for (Estimate e : r.estimates()) {
                addArmEffect(a, outcome, e, arm, r.n(), scale, out);
            }
            diagnostics(a, outcome + ":" + arm + "vs" + a.control(), r, out);
            if (outcome.equals(a.outcomes().get(0)) && r.balance().isPresent()) {
                out.diagnostics().add(new DiagnosticRecord(spec.id(), a.id(), outcome + ":" + arm + "vs" + a.control(), PLOT_SVG,
                        r.lovePlotSvg()));
            }
        }
    }

    private void differenceInDifferences(AnalysisSpec a, int index, String outcome, Output out) {
        String time = a.option("time").orElseThrow();
        String id = a.option("id").orElseThrow();
        DidMethod method = DidMethod.parse(a.option("method").orElse("dr-improved"));
        for (int arm : arms(a)) {
            AnalysisSample s = sample(a, index, outcome, Set.of(arm, a.control()), time, id);
            int[] g = s.codes(a.treatment());
            double[] d = new double[g.length];
            for (int i = 0; i < g.length; i++) {
                d[i] = g[i] == arm ? 1 : 0;
            }
            DidColumns columns = DidColumns.of(outcome, s.values(outcome), time, s.values(time), "treated", d)
                    .withId(id, s.values(id));
            AnalysisSample.Design x = s.design(a.covariates());
            for (int j = 0; j < x.columns().length; j++) {
                columns = columns.withCovariate(x.names().get(j), x.columns()[j]);
            }
            if (a.cluster().isPresent()) {
                columns = columns.withClusters(a.cluster().get(), s.values(a.cluster().get()));
            }
            if (a.weights().isPresent()) {
                columns = columns.withWeights(a.weights().get(), s.values(a.weights().get()));
            }
            EstimationResult r = DrDid.withDefaults().withMethod(method).fit(columns);
            double[] yv = s.values(outcome);
            double[] tv = s.values(time);
            double lastPeriod = java.util.Arrays.stream(tv).max().orElse(0);
            double scale = comparisonSd(yv, i -> d[i] == 0 && tv[i] == lastPeriod);
            for (Estimate e : r.estimates()) {
                addArmEffect(a, outcome, e, arm, r.n(), scale, out);
            }
            diagnostics(a, outcome + ":" + arm + "vs" + a.control(), r, out);
        }
    }

    private void saturation(AnalysisSpec a, String outcome, Output out) {
        String saturationVariable = a.option("saturation").orElseThrow();
        String cluster = a.cluster().orElseThrow(() -> new InputException(spec.file() + ": plan: the saturation analysis '"
                + a.id() + "' needs 'cluster:' (the unit saturations were assigned to)"));
        AnalysisSample s = AnalysisSample.of(data, variables(a, outcome, a.treatment(), saturationVariable), i -> true);
        SaturationSample sample = SaturationSample.of(s.values(outcome), s.values(a.treatment()), s.values(cluster),
                s.values(saturationVariable), saturationVariable);
        AnalysisSample.Design x = s.design(a.covariates());
        if (x.columns().length > 0) {
            sample = sample.withCovariates(x.names(), x.columns());
        }
        EstimationResult r = SaturationEffects.withDefaults().fit(sample);
        double[] yv = s.values(outcome);
        double[] sat = s.values(saturationVariable);
        double scale = comparisonSd(yv, i -> sat[i] == 0);
        for (Estimate e : r.estimates()) {
            addTerm(a, outcome, e, r.n(), scale, out);
        }
        diagnostics(a, outcome, r, out);
    }

    private void discontinuity(AnalysisSpec a, int index, String outcome, Output out) {
        String running = a.option("running").orElseThrow();
        double cutoff;
        try {
            cutoff = Double.parseDouble(a.option("cutoff").orElseThrow());
        } catch (NumberFormatException e) {
            throw new InputException(spec.file() + ": plan[" + index + "].options.cutoff: '" + a.option("cutoff").get()
                    + "' is not a number; give the cutoff of " + running);
        }
        AnalysisSample s = AnalysisSample.of(data, variables(a, outcome, running), i -> true);
        double[] x = s.values(running);
        RdSample sample = RdSample.of(s.values(outcome), x);
        AnalysisSample.Design covariates = s.design(a.covariates());
        if (covariates.columns().length > 0) {
            sample = sample.withCovariates(covariates.names(), covariates.columns());
        }
        if (a.cluster().isPresent()) {
            sample = sample.withClusters(s.codes(a.cluster().get()));
        }
        if (a.weights().isPresent()) {
            sample = sample.withWeights(s.values(a.weights().get()));
        }
        RdRobust rd = RdRobust.withDefaults();
        if (a.option("kernel").isPresent()) {
            rd = rd.withKernel(Kernel.valueOf(a.option("kernel").get().toUpperCase(Locale.ROOT)));
        }
        if (a.option("bwselect").isPresent()) {
            rd = rd.withBandwidthSelector(BandwidthSelector.valueOf(a.option("bwselect").get().toUpperCase(Locale.ROOT)));
        }
        if (a.option("p").isPresent()) {
            rd = rd.withOrder(Integer.parseInt(a.option("p").get()));
        }
        EstimationResult r = rd.fit(sample, cutoff);
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

    private void dose(AnalysisSpec a, String outcome, Output out) {
        String subgroup = a.option("subgroup").orElse(null);
        List<String> vars = variables(a, outcome, a.treatment());
        if (subgroup != null) {
            vars.add(subgroup);
        }
        AnalysisSample s = AnalysisSample.of(data, vars, i -> true);
        double[] y = s.values(outcome);
        DoseSample sample = DoseSample.of(y, s.values(a.treatment()), a.treatment());
        AnalysisSample.Design covariates = s.design(a.covariates());
        if (covariates.columns().length > 0) {
            sample = sample.withCovariates(covariates.names(), covariates.columns());
        }
        if (a.cluster().isPresent()) {
            sample = sample.withClusters(s.values(a.cluster().get()));
        }
        if (a.weights().isPresent()) {
            sample = sample.withWeights(s.values(a.weights().get()));
        }
        DoseSample pooled = sample;
        if (subgroup != null) {
            // with a subgroup, each group's slope and their difference are estimated: a pooled slope would average the
            // group slopes with weights set by how exposure and group go together, an estimand without a clear meaning
            sample = sample.withSubgroup(subgroup, s.values(subgroup));
        }
        double scale = comparisonSd(y, i -> true);
        EstimationResult r = ExposureRegression.withDefaults().fit(sample);
        for (Estimate e : r.estimates()) {
            addTerm(a, outcome, e, r.n(), scale, out);
        }
        diagnostics(a, outcome, r, out);
        DoseResult curve = GpsDoseResponse.withDefaults().withBootstrap(99).withSeed(20171).fit(pooled);
        DoseResult.Curve c = curve.curve();
        out.diagnostics().add(new DiagnosticRecord(spec.id(), a.id(), outcome, "curve_dose", join(c.doses())));
        out.diagnostics().add(new DiagnosticRecord(spec.id(), a.id(), outcome, "curve_mu", join(c.estimate())));
        out.diagnostics().add(new DiagnosticRecord(spec.id(), a.id(), outcome, "curve_low", join(c.lower())));
        out.diagnostics().add(new DiagnosticRecord(spec.id(), a.id(), outcome, "curve_high", join(c.upper())));
    }

    private static String join(double[] v) {
        StringBuilder b = new StringBuilder();
        for (double d : v) {
            b.append(b.length() == 0 ? "" : ",").append(d);
        }
        return b.toString();
    }

    /** Stores an effect of one arm against the control, estimated on those two groups. */
    private void addArmEffect(AnalysisSpec a, String outcome, Estimate e, int arm, int n, double scale, Output out) {
        Term term = e.term() instanceof Term.Effect effect ? effect.between(arm, a.control()) : e.term();
        double t = truth.map(sv -> new PlantedTruth(sv).of(a, outcome, term, Set.of(arm, a.control()), arm)).orElse(Double.NaN);
        out.estimates().add(record(a, outcome, term, label(term), e, n, t, scale));
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

    // ------------------------------------------------------------------ samples and records

    /** The rows of the given groups with the outcome, treatment, covariates and design variables present. */
    private AnalysisSample sample(AnalysisSpec a, int index, String outcome, Set<Integer> groups, String... extra) {
        List<String> vars = variables(a, outcome, a.treatment());
        vars.addAll(List.of(extra));
        NumericColumn group = data.numeric(a.treatment());
        AnalysisSample s = AnalysisSample.of(data, vars, i -> !group.isMissing(i) && groups.contains((int) group.value(i)));
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

    /** The variables given, then the analysis's covariates, cluster and weights: a row missing any is left out. */
    private static List<String> variables(AnalysisSpec a, String... first) {
        List<String> vars = new ArrayList<>(List.of(first));
        vars.addAll(a.covariates());
        a.cluster().ifPresent(vars::add);
        a.weights().ifPresent(vars::add);
        return vars;
    }

    /** Every variable the analysis names must be in the data, under the name the plan uses. */
    private void checkVariables(AnalysisSpec a, int index) {
        Set<String> needed = new LinkedHashSet<>(a.outcomes());
        needed.add(a.treatment());
        needed.addAll(a.covariates());
        a.cluster().ifPresent(needed::add);
        a.weights().ifPresent(needed::add);
        for (String key : List.of("time", "id", "running", "saturation", "subgroup")) {
            a.option(key).ifPresent(needed::add);
        }
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
        return new EstimateRecord(spec.id(), a.id(), a.estimator().name().toLowerCase(Locale.ROOT), outcome,
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
