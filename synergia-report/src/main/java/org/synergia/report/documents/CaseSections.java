package org.synergia.report.documents;

import java.util.List;
import org.synergia.cases.run.Failures;
import org.synergia.cases.spec.AnalysisSpec;
import org.synergia.cases.spec.CaseSpec;
import org.synergia.cases.spec.Institutional;
import org.synergia.cases.spec.Text;
import org.synergia.cases.store.CaseRecord;
import org.synergia.cases.store.DiagnosticRecord;
import org.synergia.cases.store.EstimateRecord;
import org.synergia.cases.store.ModelResultRecord;
import org.synergia.report.html.Html;
import org.synergia.report.i18n.Messages;
import org.synergia.stats.inference.Term;
import org.synergia.stats.estimator.Estimator;
import org.synergia.stats.estimator.Estimators;

/** The sections the case documents (report, summary, one-pager) and the portal's case pages are made of. */
public final class CaseSections {

    private final CaseResults c;
    private final Messages m;
    private final String lang;

    /**
     * @param c the case
     * @param m the reader's language
     */
    public CaseSections(CaseResults c, Messages m) {
        this.c = c;
        this.m = m;
        this.lang = m.language();
    }

    /** @return the case's specification */
    public CaseSpec spec() {
        return c.spec();
    }

    /** Appends the context and the programmes table. */
    public void programmes(Html h) {
        h.heading(2, m.get("sec.context"), "context").paragraph(c.spec().summary().in(lang));
        h.tableStart(m.get("sec.programmes"), m.get("col.programme"), m.get("col.type"), m.get("col.institution"),
                m.get("col.description"));
        for (CaseSpec.Programme p : c.spec().programmes()) {
            h.rowStart("").cell(p.name()).cell(m.name("type", p.type())).cell(p.institution()).cell(p.description().in(lang)).rowEnd();
        }
        h.tableEnd();
    }

    /** Appends the institutional architecture (actor diagram; with {@code full}, the actors table and evidence) and coordination. */
    public void institutions(Html h, boolean full) {
        Institutional inst = c.spec().institutional();
        h.heading(2, m.get("sec.institutions"), "institutions").paragraph(inst.summary().in(lang));
        h.raw("<figure>").raw(CaseCharts.actors(c.spec(), m)).raw("<figcaption>").raw(Html.escape(m.get("chart.actors")))
                .raw("</figcaption></figure>");
        if (full) {
            h.tableStart(null, m.get("col.actor"), m.get("col.level"), m.get("col.sector"), m.get("col.role"));
            for (Institutional.Actor a : inst.actors()) {
                h.rowStart("").cell(a.name()).cell(m.name("level", a.level())).cell(m.name("sector", a.sector()))
                        .cell(a.role().in(lang)).rowEnd();
            }
            h.tableEnd();
        }
        h.heading(2, m.get("sec.coordination"), "coordination");
        h.tableStart(null, m.get("col.mechanism"), m.get("col.direction"), m.get("col.description"));
        for (Institutional.Mechanism x : inst.mechanisms()) {
            h.rowStart("").cell(m.name("mechanism", x.type())).cell(m.name("direction", x.direction())).cell(x.description().in(lang))
                    .rowEnd();
        }
        h.tableEnd();
        h.heading(3, m.get("sec.facilitators"), null).list(inst.facilitators().stream().map(f -> factor(f, full)).toList());
        h.heading(3, m.get("sec.obstacles"), null).list(inst.obstacles().stream().map(f -> factor(f, full)).toList());
    }

    private String factor(Institutional.Factor f, boolean withEvidence) {
        return f.text().in(lang) + (withEvidence ? " (" + f.evidence() + ")" : "");
    }

    /** Appends the evaluation design. */
    public void design(Html h) {
        CaseSpec.Design d = c.spec().design();
        h.heading(2, m.get("sec.design"), "design").paragraph(d.method().in(lang)).paragraph(d.description().in(lang));
        h.tableStart(null, m.get("col.households"), m.get("col.clusters"), m.get("col.areas"), m.get("col.qualitative"));
        h.rowStart("").cell(d.households() == 0 ? "–" : String.valueOf(d.households()))
                .cell(d.clusters() == 0 ? "–" : String.valueOf(d.clusters())).cell(String.join(", ", d.areas()))
                .cell(d.qualitative().in(lang)).rowEnd().tableEnd();
    }

    /** Appends the survey data's provenance (simulated or real, rows, SHA-256). */
    public void data(Html h) {
        if (c.record().isEmpty()) {
            return;
        }
        CaseRecord r = c.record().get();
        h.heading(2, m.get("sec.data"), "data");
        h.paragraph((r.simulated() ? m.get("simulated.mark") : m.get("real.mark")) + ": " + r.dataFile() + " — " + r.rows()
                + " " + m.get("col.n") + ", SHA-256 " + r.dataSha256().substring(0, Math.min(16, r.dataSha256().length()))
                + (r.simulated() ? ", seed " + r.seed() : ""));
    }

    /** One table and forest plot per analysis of the plan. */
    public void results(Html h) {
        h.heading(2, m.get("sec.results"), "results");
        if (c.failed()) {
            h.paragraph(m.get("text.failed", Failures.text(c.diagnostics(), "", "", lang).orElse(c.record().get().message())));
            return;
        }
        for (AnalysisSpec a : c.spec().plan()) {
            List<EstimateRecord> rows = c.estimates(a.id());
            h.heading(3, a.title().in(lang).isEmpty() ? a.id() : a.title().in(lang), "analysis-" + a.id());
            estimatesTable(h, rows);
            List<String> notEstimated = a.outcomes().stream().flatMap(o -> Failures.text(c.diagnostics(), a.id(), o, lang)
                    .map(t -> m.get("text.notEstimated", c.spec().outcome(o).label().in(lang), t)).stream()).toList();
            if (!notEstimated.isEmpty()) {
                h.list(notEstimated);
            }
            if (a.subgroup().isPresent()) {
                subgroups(h, a, rows);
            } else {
                CaseCharts.effects(c, a, m).ifPresent(svg -> h.raw("<figure>").raw(svg).raw("</figure>"));
            }
            for (CaseCharts.Figure f : CaseCharts.estimatorPlots(c, a, m, 3)) {
                h.raw("<figure>").raw(f.svg());
                if (f.caption() != null) {
                    h.raw("<figcaption>").raw(Html.escape(f.caption())).raw("</figcaption>");
                }
                h.raw("</figure>");
            }
            CredibilitySection.append(h, c, a, m);
        }
        h.paragraph(m.get("text.qnote", m.name("mt", c.spec().multipleTesting())));
        long withTruth = c.estimates().stream().filter(EstimateRecord::hasTruth).count();
        if (withTruth > 0) {
            h.paragraph(m.get("text.coverage", withTruth, c.estimates().stream().filter(EstimateRecord::covers).count()));
        }
    }

    /**
     * A subgroup analysis's charts (each outcome's effects in every subgroup) and, in words, which differences between
     * subgroups hold after the multiple-testing adjustment.
     */
    private void subgroups(Html h, AnalysisSpec a, List<EstimateRecord> rows) {
        for (String outcome : a.outcomes()) {
            CaseCharts.subgroups(c, a, outcome, m).ifPresent(svg -> h.raw("<figure>").raw(svg).raw("</figure>"));
        }
        List<EstimateRecord> differences = rows.stream().filter(e -> e.term() instanceof Term.WithinDifference).toList();
        if (differences.isEmpty()) {
            return;
        }
        List<String> significant = differences.stream().filter(e -> e.qValue() < 0.05 || Double.isNaN(e.qValue()) && e.pValue() < 0.05)
                .map(e -> c.spec().outcome(e.outcome()).label().in(lang) + ", " + TermLabels.label(c.spec(), e.term(), m) + ": "
                        + h.format(e.estimate()) + " [" + h.format(e.ciLow()) + ", " + h.format(e.ciHigh()) + "]")
                .toList();
        if (significant.isEmpty()) {
            h.paragraph(m.get("text.subgroups.none", differences.size()));
        } else {
            h.paragraph(m.get("text.subgroups.some", significant.size(), differences.size())).list(significant);
        }
    }

    /** Appends a table of estimates, with the planted truth where the data are simulated. */
    public void estimatesTable(Html h, List<EstimateRecord> rows) {
        if (rows.isEmpty()) {
            h.paragraph(m.get("text.nodata"));
            return;
        }
        boolean truth = rows.stream().anyMatch(EstimateRecord::hasTruth);
        String[] headers = truth
                ? new String[] {m.get("col.outcome"), m.get("col.comparison"), m.get("col.estimate"), m.get("col.se"), m.get("col.ci"),
                    m.get("col.p"), m.get("col.q"), m.get("col.truth")}
                : new String[] {m.get("col.outcome"), m.get("col.comparison"), m.get("col.estimate"), m.get("col.se"), m.get("col.ci"),
                    m.get("col.p"), m.get("col.q")};
        h.tableStart(null, headers);
        for (EstimateRecord e : rows) {
            h.rowStart("data-case=\"" + Html.escape(e.caseId()) + "\" data-analysis=\"" + Html.escape(e.analysisId())
                    + "\" data-outcome=\"" + Html.escape(e.outcome()) + "\" data-term=\"" + Html.escape(e.termName()) + "\"");
            h.cell(c.spec().outcome(e.outcome()).label().in(lang)).cell(TermLabels.label(c.spec(), e.term(), m))
                    .number("estimate", e.estimate()).number("se", e.se()).interval(e.ciLow(), e.ciHigh())
                    .pValue("p_value", e.pValue()).pValue("q_value", e.qValue());
            if (truth) {
                h.number("truth", e.truth());
            }
            h.rowEnd();
        }
        h.tableEnd();
    }

    /** The synergy charts of every factorial analysis, or a sentence saying the design has none. */
    public void synergy(Html h, int maxCharts) {
        h.heading(2, m.get("sec.synergy"), "synergy");
        int drawn = 0;
        for (AnalysisSpec a : c.spec().plan()) {
            if (a.synergy().isEmpty()) {
                continue;
            }
            for (String outcome : a.outcomes()) {
                if (drawn >= maxCharts) {
                    break;
                }
                var svg = CaseCharts.synergy(c, a, outcome, m);
                if (svg.isPresent()) {
                    h.raw("<figure>").raw(svg.get()).raw("</figure>");
                    drawn++;
                }
            }
        }
        if (drawn == 0) {
            h.paragraph(m.get("text.synergy.none"));
        }
    }

    /** The local economy-wide impact evaluation (LEWIE): multipliers by scenario with their Monte Carlo intervals. */
    public void localEconomy(Html h) {
        modelTable(h, "lewie", "sec.lewie", "text.lewie",
                r -> LEWIE_STATISTICS.contains(r.statistic()) || r.statistic().startsWith("productivity_shift"));
    }

    /** The national scale-up microsimulation: poverty, inequality, coverage and cost by scenario, with uncertainty bands. */
    public void microsimulation(Html h) {
        modelTable(h, "microsim", "sec.microsim", "text.microsim", r -> MICROSIM_STATISTICS.contains(r.statistic()));
    }

    private void modelTable(Html h, String model, String heading, String text, java.util.function.Predicate<ModelResultRecord> shown) {
        List<ModelResultRecord> rows = c.model(model).stream().filter(shown).toList();
        if (rows.isEmpty()) {
            return;
        }
        h.heading(2, m.get(heading), model).paragraph(m.get(text));
        h.tableStart(null, m.get("col.scenario"), m.get("col.statistic"), m.get("col.estimate"), m.get("col.mcmean"),
                m.get("col.interval90"));
        for (ModelResultRecord r : rows) {
            h.rowStart("data-model=\"" + model + "\" data-scenario=\"" + Html.escape(r.scenario()) + "\" data-statistic=\""
                    + Html.escape(r.statistic()) + "\"")
                    .cell(m.has("scenario." + r.scenario()) ? m.get("scenario." + r.scenario()) : r.scenario())
                    .cell(m.has("statistic." + r.statistic()) ? m.get("statistic." + r.statistic()) : r.statistic())
                    .number("estimate", r.estimate()).number("mean", r.mean()).interval(r.p5(), r.p95()).rowEnd();
        }
        h.tableEnd();
    }

    private static final List<String> LEWIE_STATISTICS = List.of("income_multiplier", "real_income_multiplier",
            "production_multiplier", "real_production_multiplier");
    private static final List<String> MICROSIM_STATISTICS = List.of("FGT0", "FGT1", "FGT2", "Gini", "coverage_poor", "leakage",
            "cost_per_gap_reduction");

    /** Appends the main findings. */
    public void findings(Html h) {
        texts(h, m.get("sec.findings"), "findings", c.spec().findings());
    }

    /** Appends the recommendations. */
    public void recommendations(Html h) {
        texts(h, m.get("sec.recommendations"), "recommendations", c.spec().recommendations());
    }

    private void texts(Html h, String heading, String id, List<Text> items) {
        if (!items.isEmpty()) {
            h.heading(2, heading, id).list(items.stream().map(t -> t.in(lang)).toList());
        }
    }

    /** Appends the methods appendix: analyses, warnings, sources. */
    public void methods(Html h) {
        h.heading(2, m.get("sec.methods"), "methods");
        h.tableStart(null, m.get("col.analysis"), m.get("col.method"), m.get("col.outcome"));
        for (AnalysisSpec a : c.spec().plan()) {
            h.rowStart("").cell(a.id()).cell(estimatorName(m, a.estimator()) + (a.covariates().isEmpty() ? ""
                    : " — " + String.join(", ", a.covariates()))).cell(String.join(", ", a.outcomes())).rowEnd();
        }
        h.tableEnd();
        List<DiagnosticRecord> warnings = c.diagnostics().stream().filter(d -> d.key().equals("warning")).toList();
        if (!warnings.isEmpty()) {
            h.heading(3, m.get("sec.diagnostics"), null)
                    .list(warnings.stream().map(d -> d.analysisId() + " / " + d.outcome() + ": " + d.value()).distinct().toList());
        }
        h.heading(3, m.get("sec.sources"), null).list(c.spec().sources());
    }

    /** @return the footer text: version and data fingerprint */
    public String footer(String version) {
        return m.get("text.generated", version, c.record().map(r -> r.dataSha256().isEmpty() ? "–"
                : r.dataSha256().substring(0, 16)).orElse("–"));
    }

    /** @return the simulated-data banner, or null when the data are real */
    public String banner() {
        return c.simulated() ? m.get("simulated.banner") : null;
    }

    /** The estimator's name in the report's language; an estimator without one in the bundles is named by its registry description. */
    private static String estimatorName(Messages m, String estimator) {
        return m.has("estimator." + estimator) ? m.name("estimator", estimator)
                : Estimators.installed().find(estimator).map(Estimator::description).orElse(estimator);
    }
}
