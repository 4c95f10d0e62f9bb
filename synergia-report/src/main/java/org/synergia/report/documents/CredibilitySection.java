package org.synergia.report.documents;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.synergia.cases.run.Credibility;
import org.synergia.cases.spec.AnalysisSpec;
import org.synergia.cases.store.DiagnosticRecord;
import org.synergia.cases.store.EstimateRecord;
import org.synergia.report.chart.LovePlot;
import org.synergia.report.chart.ScoreOverlap;
import org.synergia.report.html.Html;
import org.synergia.report.i18n.Messages;
import org.synergia.stats.inference.Term;

/**
 * "How credible is this estimate?" for one analysis of a case report: the covariate balance after
 * weighting or matching (a love plot with one panel per comparison, then the table of its exact
 * numbers), and how strong an unobserved confounder would have to be to explain each
 * effect away (robustness values, E-values), from the {@link Credibility} diagnostics of the run.
 * Nothing is shown for an analysis without them.
 */
final class CredibilitySection {

    private final CaseResults c;
    private final Messages m;
    private final Html h;

    private CredibilitySection(CaseResults c, Messages m, Html h) {
        this.c = c;
        this.m = m;
        this.h = h;
    }

    /**
     * @param h the document
     * @param c the case
     * @param a the analysis
     * @param m the reader's language
     */
    static void append(Html h, CaseResults c, AnalysisSpec a, Messages m) {
        new CredibilitySection(c, m, h).analysis(a);
    }

    private void analysis(AnalysisSpec a) {
        List<DiagnosticRecord> diagnostics = c.diagnostics().stream().filter(d -> d.analysisId().equals(a.id())).toList();
        List<DiagnosticRecord> balance = diagnostics.stream().filter(d -> d.key().equals(Credibility.BALANCE)).toList();
        List<EstimateRecord> effects = c.estimates(a.id()).stream()
                .filter(e -> check(diagnostics, e, Credibility.eValueKey(e.termName())).isPresent()).toList();
        if (balance.isEmpty() && effects.isEmpty()) {
            return;
        }
        h.heading(4, m.get("sec.credibility"), "credibility-" + a.id());
        if (!balance.isEmpty()) {
            balance(diagnostics, balance);
        }
        if (!effects.isEmpty()) {
            sensitivity(diagnostics, effects);
        }
    }

    private void balance(List<DiagnosticRecord> diagnostics, List<DiagnosticRecord> balance) {
        List<Map<?, ?>> rows = new ArrayList<>();
        List<String> comparisons = new ArrayList<>();
        Map<String, List<LovePlot.Covariate>> panels = new LinkedHashMap<>();
        for (DiagnosticRecord d : balance) {
            for (Object r : (List<?>) Credibility.read(diagnostics, d.outcome(), Credibility.BALANCE).orElseThrow()) {
                Map<?, ?> row = (Map<?, ?>) r;
                rows.add(row);
                String code = code(d, String.valueOf(row.get("contrast")));
                comparisons.add(contrast(code));
                panels.computeIfAbsent(code, k -> new ArrayList<>()).add(new LovePlot.Covariate(String.valueOf(row.get("variable")),
                        number(row.get("smd_raw")), number(row.get("smd_adjusted"))));
            }
        }
        lovePlot(panels);
        scoreOverlap(diagnostics, balance);
        long smd = rows.stream().filter(r -> Boolean.TRUE.equals(r.get("smd_flag"))).count();
        long vr = rows.stream().filter(r -> Boolean.TRUE.equals(r.get("vr_flag"))).count();
        h.paragraph(m.get("text.balance", rows.size(), smd, vr));
        h.tableStart(null, m.get("col.comparison"), m.get("col.covariate"), m.get("col.smdRaw"), m.get("col.smdAdjusted"),
                m.get("col.vrAdjusted"));
        for (int i = 0; i < rows.size(); i++) {
            Map<?, ?> r = rows.get(i);
            String flags = (Boolean.TRUE.equals(r.get("smd_flag")) ? " *" : "") + (Boolean.TRUE.equals(r.get("vr_flag")) ? " !" : "");
            h.rowStart("data-contrast=\"" + Html.escape(String.valueOf(r.get("contrast"))) + "\" data-variable=\""
                    + Html.escape(String.valueOf(r.get("variable"))) + "\"")
                    .cell(comparisons.get(i)).cell(r.get("variable") + flags)
                    .number("smd_raw", number(r.get("smd_raw"))).number("smd_adjusted", number(r.get("smd_adjusted")))
                    .number("vr_adjusted", number(r.get("vr_adjusted"))).rowEnd();
        }
        h.tableEnd();
    }

    /** The love plot of the analysis: one panel per comparison, named with its groups, before the table's exact numbers. */
    private void lovePlot(Map<String, List<LovePlot.Covariate>> panels) {
        List<LovePlot.Panel> drawn = panels.entrySet().stream()
                .map(p -> new LovePlot.Panel(contrast(p.getKey()), p.getKey(), p.getValue())).toList();
        String svg = LovePlot.render(m.get("chart.balance.title"), drawn, new LovePlot.Labels(m.get("chart.balance.axis"),
                m.get("chart.balance.raw"), m.get("chart.balance.adjusted"), m.get("chart.balance.threshold")), CaseCharts.footnote(c, m));
        h.raw("<figure class=\"loveplot\">").raw(svg).raw("<figcaption>").raw(Html.escape(m.get("chart.balance.caption")))
                .raw("</figcaption></figure>");
    }

    /** The scores' distributions by arm, one panel per comparison, where the run stored them. */
    private void scoreOverlap(List<DiagnosticRecord> diagnostics, List<DiagnosticRecord> balance) {
        List<ScoreOverlap.Panel> panels = new ArrayList<>();
        for (DiagnosticRecord d : balance) {
            Optional<Object> stored = Credibility.read(diagnostics, d.outcome(), Credibility.SCORE_HISTOGRAM);
            if (stored.isEmpty()) {
                continue;
            }
            if (stored.get() instanceof List<?> bins) {
                // one contrast: the one its balance rows name
                List<?> rows = (List<?>) Credibility.read(diagnostics, d.outcome(), Credibility.BALANCE).orElseThrow();
                String code = code(d, String.valueOf(((Map<?, ?>) rows.get(0)).get("contrast")));
                panels.add(new ScoreOverlap.Panel(contrast(code), code, bins(bins)));
            } else {
                ((Map<?, ?>) stored.get()).forEach((code, bins) ->
                        panels.add(new ScoreOverlap.Panel(contrast(String.valueOf(code)), String.valueOf(code), bins((List<?>) bins))));
            }
        }
        if (panels.isEmpty()) {
            return;
        }
        String svg = ScoreOverlap.render(m.get("chart.overlap.title"), panels, new ScoreOverlap.Labels(m.get("chart.overlap.axis"),
                m.get("chart.overlap.treated"), m.get("chart.overlap.control")), CaseCharts.footnote(c, m));
        h.raw("<figure class=\"overlap\">").raw(svg).raw("<figcaption>").raw(Html.escape(m.get("chart.overlap.caption")))
                .raw("</figcaption></figure>");
    }

    private static List<ScoreOverlap.Bin> bins(List<?> stored) {
        List<ScoreOverlap.Bin> out = new ArrayList<>();
        for (Object o : stored) {
            Map<?, ?> b = (Map<?, ?>) o;
            out.add(new ScoreOverlap.Bin(number(b.get("low")), number(b.get("high")), number(b.get("treated_before")),
                    number(b.get("control_before"))));
        }
        return out;
    }

    private void sensitivity(List<DiagnosticRecord> diagnostics, List<EstimateRecord> effects) {
        boolean anyRv = effects.stream().anyMatch(e -> check(diagnostics, e, Credibility.sensitivityKey(e.termName())).isPresent());
        boolean anyGamma = effects.stream().anyMatch(e -> check(diagnostics, e, Credibility.rosenbaumKey(e.termName())).isPresent());
        List<String> headers = new ArrayList<>(List.of(m.get("col.outcome"), m.get("col.comparison"), m.get("col.evalue"),
                m.get("col.evalueCi")));
        if (anyRv) {
            headers.addAll(List.of(m.get("col.rv"), m.get("col.rva")));
        }
        if (anyGamma) {
            headers.add(m.get("col.gamma"));
        }
        h.tableStart(null, headers.toArray(String[]::new));
        String sentence = null;
        for (EstimateRecord e : effects) {
            Map<?, ?> ev = check(diagnostics, e, Credibility.eValueKey(e.termName())).orElseThrow();
            Optional<Map<?, ?>> rv = check(diagnostics, e, Credibility.sensitivityKey(e.termName()));
            Optional<Map<?, ?>> gamma = check(diagnostics, e, Credibility.rosenbaumKey(e.termName()));
            String outcome = c.spec().outcome(e.outcome()).label().in(m.language());
            String comparison = TermLabels.label(c.spec(), e.term(), m);
            h.rowStart("data-outcome=\"" + Html.escape(e.outcome()) + "\" data-term=\"" + Html.escape(e.termName()) + "\"")
                    .cell(outcome).cell(comparison).number("e_value", number(ev.get("e_value")))
                    .number("e_value_ci", number(ev.get("e_value_ci")));
            if (anyRv) {
                h.number("rv_q", rv.map(r -> 100 * number(r.get("rv_q"))).orElse(Double.NaN))
                        .number("rv_qa", rv.map(r -> 100 * number(r.get("rv_qa"))).orElse(Double.NaN));
            }
            if (anyGamma) {
                h.number("rosenbaum_gamma", gamma.map(g -> number(g.get("rosenbaum_gamma"))).orElse(Double.NaN));
            }
            h.rowEnd();
            if (sentence == null) {
                sentence = sentence(outcome, comparison, ev, rv, gamma);
            }
        }
        h.tableEnd();
        h.paragraph(sentence);
        h.paragraph(m.get("text.credibility.note"));
    }

    /** The first effect's checks in words: its robustness values, or its E-values and, when matched, its Rosenbaum Γ. */
    private String sentence(String outcome, String comparison, Map<?, ?> ev, Optional<Map<?, ?>> rv, Optional<Map<?, ?>> gamma) {
        String evalue = h.format(number(ev.get("e_value")));
        String evalueCi = h.format(number(ev.get("e_value_ci")));
        if (rv.isPresent()) {
            return m.get("text.robustness", outcome, comparison, h.format(100 * number(rv.get().get("rv_q"))),
                    h.format(100 * number(rv.get().get("rv_qa"))), evalue, evalueCi);
        }
        String text = m.get("text.evalue", outcome, comparison, evalue, evalueCi);
        return gamma.map(g -> text + " " + m.get("text.rosenbaum", h.format(number(g.get("rosenbaum_gamma"))))).orElse(text);
    }

    private static Optional<Map<?, ?>> check(List<DiagnosticRecord> diagnostics, EstimateRecord e, String key) {
        return Credibility.read(diagnostics, e.outcome(), key).map(v -> (Map<?, ?>) v);
    }

    /**
     * The comparison a balance record's row is about: a comparison's records ({@code OUTCOME:2vs0}) name its groups,
     * which an estimator may have recoded to 1 and 0; the others, the row's contrast.
     */
    private static String code(DiagnosticRecord d, String contrast) {
        int colon = d.outcome().lastIndexOf(':');
        return colon < 0 ? contrast : d.outcome().substring(colon + 1);
    }

    /** A balance contrast ({@code 1vs0}) in the groups' names. */
    private String contrast(String contrast) {
        String[] levels = contrast.split("vs");
        return TermLabels.label(c.spec(), new Term.Effect(Term.Measure.ATE, Double.parseDouble(levels[0]),
                Double.parseDouble(levels[1]), true), m);
    }

    /** A JSON number read back (NaN and infinities come back as text). */
    private static double number(Object v) {
        return v instanceof Number n ? n.doubleValue() : Double.NaN;
    }
}
