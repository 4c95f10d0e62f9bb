package org.synergia.report.documents;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.synergia.cases.run.Credibility;
import org.synergia.cases.spec.AnalysisSpec;
import org.synergia.cases.spec.CaseSpec;
import org.synergia.cases.spec.Institutional;
import org.synergia.cases.spec.OutcomeSpec;
import org.synergia.cases.store.DiagnosticRecord;
import org.synergia.cases.store.EstimateRecord;
import org.synergia.report.chart.CurveChart;
import org.synergia.report.chart.ActorDiagram;
import org.synergia.report.chart.ForestPlot;
import org.synergia.report.chart.SynergyChart;
import org.synergia.report.i18n.Messages;
import org.synergia.stats.inference.Term;

/** The charts of a case, drawn from its stored results and its specification. */
public final class CaseCharts {

    private CaseCharts() {}

    /**
     * @param c the case
     * @param m the reader's language
     * @return the source note under a chart, with the simulated-data mark where it applies
     */
    public static String footnote(CaseResults c, Messages m) {
        String source = c.record().map(r -> r.dataFile()).orElse(c.spec().id());
        return m.get("chart.source", source) + " " + (c.simulated() ? m.get("simulated.mark") : m.get("real.mark")) + ".";
    }

    /**
     * A forest plot of an analysis's effects, standardised on the comparison group's standard
     * deviation and signed so that positive means better off, so outcomes in different units
     * share one axis.
     *
     * @param c the case
     * @param a the analysis
     * @param m the reader's language
     * @return the SVG, or empty when the analysis has no standardisable effect
     */
    public static Optional<String> effects(CaseResults c, AnalysisSpec a, Messages m) {
        List<ForestPlot.Row> rows = new ArrayList<>();
        for (EstimateRecord e : c.estimates(a.id())) {
            if (ReportedTerms.accompanying(e.term()) || !(e.scale() > 0)) {
                continue;
            }
            double sign = c.spec().outcome(e.outcome()).higherIsBetter() ? 1 : -1;
            double lo = sign * e.ciLow() / e.scale();
            double hi = sign * e.ciHigh() / e.scale();
            rows.add(new ForestPlot.Row(c.spec().outcome(e.outcome()).label().in(m.language()) + " — " + TermLabels.label(c.spec(), e.term(), m),
                    sign * e.estimate() / e.scale(), Math.min(lo, hi), Math.max(lo, hi), false));
        }
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(ForestPlot.render(a.title().in(m.language()).isEmpty() ? a.id() : a.title().in(m.language()), rows,
                m.get("chart.smd"), footnote(c, m)));
    }

    /**
     * A subgroup analysis's effects on one outcome: each comparison (and the synergy) as a heading, with the estimate in
     * each subgroup below it, in the outcome's units.
     *
     * @param c the case
     * @param a the subgroup analysis
     * @param outcome the outcome
     * @param m the reader's language
     * @return the chart, or empty when the outcome has no estimates
     */
    public static Optional<String> subgroups(CaseResults c, AnalysisSpec a, String outcome, Messages m) {
        Map<Term, List<EstimateRecord>> byTerm = new LinkedHashMap<>();
        for (EstimateRecord e : c.estimates(a.id())) {
            if (e.outcome().equals(outcome) && e.term() instanceof Term.Within w && !ReportedTerms.accompanying(w)) {
                byTerm.computeIfAbsent(w.term(), k -> new ArrayList<>()).add(e);
            }
        }
        if (byTerm.isEmpty()) {
            return Optional.empty();
        }
        AnalysisSpec.Subgroups g = a.subgroup().orElseThrow();
        List<ForestPlot.Row> rows = new ArrayList<>();
        for (Map.Entry<Term, List<EstimateRecord>> t : byTerm.entrySet()) {
            rows.add(ForestPlot.Row.heading(TermLabels.label(c.spec(), t.getKey(), m)));
            for (EstimateRecord e : t.getValue()) {
                rows.add(new ForestPlot.Row("   " + g.label(((Term.Within) e.term()).subgroup().level(), m.language()), e.estimate(),
                        e.ciLow(), e.ciHigh(), false));
            }
        }
        OutcomeSpec o = c.spec().outcome(outcome);
        return Optional.of(ForestPlot.render(m.get("chart.subgroups", o.label().in(m.language())), rows,
                o.unit().in(m.language()), footnote(c, m)));
    }

    /**
     * The charts an analysis's estimators drew (binned plots of a regression discontinuity, love
     * plots of matching where no balance record was stored: the credibility section draws those
     * from the stored balance, in the reader's language) and the dose-response curves of a
     * treatment-intensity analysis.
     *
     * @param c the case
     * @param a the analysis
     * @param m the reader's language
     * @param limit how many charts at most
     * @return the charts
     */
    public static List<Figure> estimatorPlots(CaseResults c, AnalysisSpec a, Messages m, int limit) {
        List<Figure> out = new ArrayList<>();
        for (DiagnosticRecord d : c.diagnostics()) {
            if (out.size() < limit && d.analysisId().equals(a.id()) && d.key().equals("plot_svg") && !balanced(c, d)) {
                out.add(new Figure(d.value(), footnote(c, m)));
            }
        }
        for (String outcome : a.outcomes()) {
            if (out.size() < limit) {
                armMeans(c, a, outcome, m).ifPresent(svg -> out.add(new Figure(svg, null)));
            }
            Optional<double[]> x = curve(c, a, outcome, "curve_dose");
            Optional<double[]> y = curve(c, a, outcome, "curve_mu");
            Optional<double[]> lo = curve(c, a, outcome, "curve_low");
            Optional<double[]> hi = curve(c, a, outcome, "curve_high");
            if (out.size() < limit && x.isPresent() && y.isPresent() && lo.isPresent() && hi.isPresent() && x.get().length > 1) {
                OutcomeSpec o = c.spec().outcome(outcome);
                out.add(new Figure(CurveChart.render(o.label().in(m.language()) + " — " + m.get("chart.dose"), x.get(), y.get(),
                        lo.get(), hi.get(), a.treatment(), o.unit().in(m.language()), footnote(c, m)), null));
            }
        }
        return out;
    }

    /**
     * A chart and the caption it needs below it.
     *
     * @param svg the chart
     * @param caption the source note for a chart an estimator drew, which lacks it; null for the charts drawn here,
     *     which carry it inside
     */
    public record Figure(String svg, String caption) {}

    /** Whether the comparison of an estimator's chart has a stored balance record, which the credibility section draws. */
    private static boolean balanced(CaseResults c, DiagnosticRecord plot) {
        return c.diagnostics().stream().anyMatch(d -> d.analysisId().equals(plot.analysisId()) && d.outcome().equals(plot.outcome())
                && d.key().equals(Credibility.BALANCE));
    }

    /** The adjusted mean outcome of every group of a potential-outcome analysis, with 95% intervals. */
    private static Optional<String> armMeans(CaseResults c, AnalysisSpec a, String outcome, Messages m) {
        List<ForestPlot.Row> rows = new ArrayList<>();
        for (CaseSpec.Group g : c.spec().design().groups()) {
            Optional<Double> mean = value(c, a, outcome, "pomean[" + g.code() + "]");
            Optional<Double> se = value(c, a, outcome, "pomean_se[" + g.code() + "]");
            if (mean.isPresent() && se.isPresent()) {
                double half = 1.959963984540054 * se.get();
                rows.add(new ForestPlot.Row(g.label().in(m.language()), mean.get(), mean.get() - half, mean.get() + half, false));
            }
        }
        if (rows.size() < 2) {
            return Optional.empty();
        }
        OutcomeSpec o = c.spec().outcome(outcome);
        return Optional.of(ForestPlot.render(o.label().in(m.language()) + " — " + m.get("chart.armmeans"), rows,
                o.unit().in(m.language()), footnote(c, m), false));
    }

    private static Optional<Double> value(CaseResults c, AnalysisSpec a, String outcome, String key) {
        return c.diagnostics().stream().filter(d -> d.analysisId().equals(a.id()) && d.outcome().equals(outcome) && d.key().equals(key))
                .findFirst().map(d -> Double.parseDouble(d.value()));
    }

    private static Optional<double[]> curve(CaseResults c, AnalysisSpec a, String outcome, String key) {
        return c.diagnostics().stream().filter(d -> d.analysisId().equals(a.id()) && d.outcome().equals(outcome) && d.key().equals(key))
                .findFirst().map(d -> java.util.Arrays.stream(d.value().split(",")).mapToDouble(Double::parseDouble).toArray());
    }

    /**
     * The synergy decomposition of one outcome of a factorial analysis.
     *
     * @param c the case
     * @param a an analysis with a synergy contrast
     * @param outcome the outcome
     * @param m the reader's language
     * @return the SVG, or empty when the estimates are missing
     */
    public static Optional<String> synergy(CaseResults c, AnalysisSpec a, String outcome, Messages m) {
        if (a.synergy().isEmpty()) {
            return Optional.empty();
        }
        AnalysisSpec.Synergy s = a.synergy().get();
        Optional<EstimateRecord> ea = find(c, a, outcome, effectTerm(s.a(), a.control()));
        Optional<EstimateRecord> eb = find(c, a, outcome, effectTerm(s.b(), a.control()));
        Optional<EstimateRecord> both = find(c, a, outcome, effectTerm(s.both(), a.control()));
        Optional<EstimateRecord> syn = find(c, a, outcome, t -> t instanceof Term.Synergy);
        if (ea.isEmpty() || eb.isEmpty() || both.isEmpty() || syn.isEmpty()) {
            return Optional.empty();
        }
        CaseSpec spec = c.spec();
        String[] labels = {label(spec, s.a(), m), label(spec, s.b(), m), m.get("chart.synergy.sum"), label(spec, s.both(), m),
            m.get("chart.synergy.gap")};
        String title = spec.outcome(outcome).label().in(m.language()) + " (" + spec.outcome(outcome).unit().in(m.language()) + ")";
        return Optional.of(SynergyChart.render(title, new SynergyChart.Decomposition(ea.get().estimate(), eb.get().estimate(),
                both.get().estimate(), syn.get().estimate(), syn.get().ciLow(), syn.get().ciHigh()), labels, m.get("chart.effect"),
                footnote(c, m)));
    }

    /**
     * The institutional architecture: actors by level, mechanisms as links.
     *
     * @param spec the case
     * @param m the reader's language
     * @return the SVG
     */
    public static String actors(CaseSpec spec, Messages m) {
        Institutional inst = spec.institutional();
        List<ActorDiagram.Actor> actors = inst.actors().stream().map(a -> new ActorDiagram.Actor(a.name(), levelIndex(a.level()),
                m.name("sector", a.sector()))).toList();
        List<ActorDiagram.Link> links = inst.mechanisms().stream().map(x -> new ActorDiagram.Link(x.actors(),
                m.name("mechanism", x.type()), x.direction() == Institutional.Direction.VERTICAL)).toList();
        String[] levels = {m.get("level.international"), m.get("level.national"), m.get("level.subnational"), m.get("level.local")};
        return ActorDiagram.render(m.get("sec.institutions") + " — " + spec.country().in(m.language()), levels, actors, links,
                m.get("chart.actors") + " (" + m.get("direction.horizontal") + " —, " + m.get("direction.vertical") + " - -).");
    }

    private static int levelIndex(Institutional.Level level) {
        return switch (level) {
            case INTERNATIONAL -> 0;
            case NATIONAL -> 1;
            case SUBNATIONAL -> 2;
            case LOCAL -> 3;
        };
    }

    private static Predicate<Term> effectTerm(int treated, int control) {
        return t -> t instanceof Term.Effect e && e.measure() == Term.Measure.ATE && e.treated() == treated && e.control() == control;
    }

    private static Optional<EstimateRecord> find(CaseResults c, AnalysisSpec a, String outcome, Predicate<Term> term) {
        return c.estimates(a.id()).stream().filter(e -> e.outcome().equals(outcome) && term.test(e.term())).findFirst();
    }

    static String label(CaseSpec spec, int code, Messages m) {
        return spec.group(code).map(g -> g.label().in(m.language())).orElse(String.valueOf(code));
    }
}
