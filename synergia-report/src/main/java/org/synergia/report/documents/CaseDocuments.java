package org.synergia.report.documents;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.synergia.cases.spec.AnalysisSpec;
import org.synergia.cases.spec.OutcomeSpec;
import org.synergia.cases.store.EstimateRecord;
import org.synergia.report.html.Html;
import org.synergia.report.html.Page;
import org.synergia.report.i18n.Messages;
import org.synergia.stats.inference.Term;

/**
 * The three documents of each case, as the project produced them: the country report (full
 * methods and results), the country summary (messages and recommendations, 2–4 pages) and the
 * one-pager (key numbers as pictures, one page). An institutional-only case (Mexico) has the
 * institutional sections only.
 */
public final class CaseDocuments {

    private CaseDocuments() {}

    /**
     * @param c the case
     * @param m the reader's language
     * @param version Synergia's version
     * @return the country report's HTML
     */
    public static String report(CaseResults c, Messages m, String version) {
        CaseSections s = new CaseSections(c, m);
        Html h = new Html(m.locale());
        s.programmes(h);
        s.institutions(h, true);
        if (c.spec().institutionalOnly()) {
            h.paragraph(m.get("text.institutional-only"));
        } else {
            s.design(h);
            s.data(h);
            s.results(h);
            s.synergy(h, 8);
            s.localEconomy(h);
            s.microsimulation(h);
        }
        s.findings(h);
        s.recommendations(h);
        s.methods(h);
        return Page.document(m.language(), title(c, m), m.get("doc.report"),
                s.banner(), h.toString(), s.footer(version), null);
    }

    /**
     * @param c the case
     * @param m the reader's language
     * @param version Synergia's version
     * @return the country summary's HTML
     */
    public static String summary(CaseResults c, Messages m, String version) {
        CaseSections s = new CaseSections(c, m);
        Html h = new Html(m.locale());
        h.paragraph(c.spec().summary().in(m.language()));
        if (c.spec().institutionalOnly()) {
            h.paragraph(m.get("text.institutional-only"));
        } else {
            h.heading(2, m.get("sec.keyresults"), "key-results");
            h.paragraph(c.spec().design().method().in(m.language()));
            s.estimatesTable(h, keyEstimates(c, 8));
            AnalysisSpec first = c.spec().plan().get(0);
            CaseCharts.effects(c, first, m).ifPresent(svg -> h.raw("<figure>").raw(svg).raw("</figure>"));
            s.synergy(h, 1);
            s.localEconomy(h);
            s.microsimulation(h);
        }
        h.heading(2, m.get("sec.institutions"), "institutions").paragraph(c.spec().institutional().summary().in(m.language()));
        s.findings(h);
        s.recommendations(h);
        return Page.document(m.language(), title(c, m), m.get("doc.summary"),
                s.banner(), h.toString(), s.footer(version), null);
    }

    /**
     * @param c the case
     * @param m the reader's language
     * @param version Synergia's version
     * @return the one-pager's HTML
     */
    public static String onePager(CaseResults c, Messages m, String version) {
        CaseSections s = new CaseSections(c, m);
        Html h = new Html(m.locale());
        h.paragraph(clip(c.spec().summary().in(m.language()), 420));
        if (!c.spec().institutionalOnly() && !c.failed()) {
            h.heading(2, m.get("sec.keyresults"), "key-results");
            h.raw("<div class=\"keynums\">");
            for (EstimateRecord e : keyEstimates(c, 3)) {
                OutcomeSpec o = c.spec().outcome(e.outcome());
                h.raw("<div class=\"keynum\" data-case=\"" + Html.escape(e.caseId()) + "\" data-analysis=\"" + Html.escape(e.analysisId())
                        + "\" data-outcome=\"" + Html.escape(e.outcome()) + "\" data-term=\"" + Html.escape(e.termName())
                        + "\" data-value=\"" + e.estimate() + "\"><div class=\"value\">" + (e.estimate() > 0 ? "+" : "")
                        + Html.escape(h.format(e.estimate())) + "</div><div class=\"label\">"
                        + Html.escape(o.label().in(m.language()) + " (" + o.unit().in(m.language()) + ") — "
                                + TermLabels.label(c.spec(), e.term(), m)) + "</div></div>");
            }
            h.raw("</div>");
            boolean synergyDrawn = false;
            for (AnalysisSpec a : c.spec().plan()) {
                if (a.synergy().isPresent() && !synergyDrawn) {
                    var svg = CaseCharts.synergy(c, a, a.outcomes().get(0), m);
                    if (svg.isPresent()) {
                        h.raw("<figure>").raw(svg.get()).raw("</figure>");
                        synergyDrawn = true;
                    }
                }
            }
            if (!synergyDrawn) {
                CaseCharts.effects(c, c.spec().plan().get(0), m).ifPresent(svg -> h.raw("<figure>").raw(svg).raw("</figure>"));
            }
        } else {
            h.heading(2, m.get("sec.institutions"), "institutions").paragraph(clip(c.spec().institutional().summary().in(m.language()), 500));
            h.raw("<figure>").raw(CaseCharts.actors(c.spec(), m)).raw("</figure>");
        }
        if (!c.spec().recommendations().isEmpty()) {
            h.heading(2, m.get("sec.recommendations"), "recommendations")
                    .list(c.spec().recommendations().stream().limit(2).map(t -> t.in(m.language())).toList());
        }
        return Page.document(m.language(), title(c, m), m.get("doc.onepager"),
                s.banner(), h.toString(), s.footer(version), "onepager");
    }

    /**
     * The case's headline estimates: the effects of the first analysis of the plan (the study's
     * method), then synergies, strongest standardised effects first.
     */
    static List<EstimateRecord> keyEstimates(CaseResults c, int count) {
        if (c.spec().plan().isEmpty()) {
            return List.of();
        }
        List<EstimateRecord> candidates = new ArrayList<>();
        for (AnalysisSpec a : c.spec().plan()) {
            for (EstimateRecord e : c.estimates(a.id())) {
                boolean synergy = e.term() instanceof Term.Synergy;
                if (!ReportedTerms.accompanying(e.term()) && !ReportedTerms.oneLevel(e.term())
                        && (a == c.spec().plan().get(0) || synergy)) {
                    candidates.add(e);
                }
            }
        }
        candidates.sort(Comparator.comparingDouble((EstimateRecord e) -> e.term() instanceof Term.Synergy ? 1 : 0)
                .thenComparingDouble(e -> e.scale() > 0 ? -Math.abs(e.estimate() / e.scale()) : 0));
        return candidates.stream().limit(count).toList();
    }

    /** The document's title: the case's title and its country, in the reader's language. */
    private static String title(CaseResults c, Messages m) {
        return c.spec().title().in(m.language()) + " — " + c.spec().country().in(m.language());
    }

    private static String clip(String text, int length) {
        if (text.length() <= length) {
            return text;
        }
        int cut = text.lastIndexOf(". ", length);
        return cut > length / 2 ? text.substring(0, cut + 1) : text.substring(0, length - 1) + "…";
    }
}
