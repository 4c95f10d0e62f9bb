package org.synergia.report.documents;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.synergia.cases.spec.CaseSpec;
import org.synergia.cases.spec.Institutional;
import org.synergia.cases.store.PooledRecord;
import org.synergia.cases.store.StudyRecord;
import org.synergia.report.chart.ForestPlot;
import org.synergia.report.html.Html;
import org.synergia.report.html.Page;
import org.synergia.report.i18n.Messages;

/**
 * The five cross-cutting documents of the project: cases from Latin America, cases from Africa,
 * aggregate impact assessments, aggregate institutional analysis and the global analysis.
 */
public final class CrossCuttingReport {

    /** The cross-cutting documents. */
    public enum Kind {
        LATIN_AMERICA("latin-america"), AFRICA("africa"), IMPACT("impact"), INSTITUTIONAL("institutional"), GLOBAL("global");

        private final String id;

        Kind(String id) {
            this.id = id;
        }

        /** @return the document's identifier ({@code latin-america}, ...) */
        public String id() {
            return id;
        }
    }

    private CrossCuttingReport() {}

    /**
     * @param kind which document
     * @param w the workspace
     * @param m the reader's language
     * @return the document's HTML
     */
    public static String render(Kind kind, Workspace w, Messages m) {
        return Page.document(m.language(), m.get("doc." + kind.id()), m.get("site.title"), simulated(kind, w) ? m.get("simulated.banner") : null,
                body(kind, w, m), m.get("text.generated", w.softwareVersion(), "–"), null);
    }

    /**
     * @param kind which document
     * @param w the workspace
     * @return true when a case the document covers has simulated data
     */
    public static boolean simulated(Kind kind, Workspace w) {
        return cases(kind, w).stream().anyMatch(CaseResults::simulated);
    }

    private static String region(Kind kind) {
        return switch (kind) {
            case LATIN_AMERICA -> "latin-america";
            case AFRICA -> "africa";
            default -> "all";
        };
    }

    private static List<CaseResults> cases(Kind kind, Workspace w) {
        String region = region(kind);
        return w.cases().stream().filter(c -> region.equals("all") || name(c.spec().region()).equals(region)).toList();
    }

    /**
     * The document's content without the page around it, for the portal's pages.
     *
     * @param kind which document
     * @param w the workspace
     * @param m the reader's language
     * @return the content's HTML
     */
    public static String body(Kind kind, Workspace w, Messages m) {
        Html h = new Html(m.locale());
        String region = region(kind);
        List<CaseResults> cases = cases(kind, w);
        casesTable(h, cases, m);
        if (kind != Kind.INSTITUTIONAL) {
            pooled(h, w, region, m);
        }
        if (kind != Kind.IMPACT) {
            matrix(h, cases, m);
            factors(h, cases, m);
        }
        if (kind == Kind.GLOBAL || kind == Kind.LATIN_AMERICA || kind == Kind.AFRICA) {
            List<String> recs = new ArrayList<>();
            cases.forEach(c -> c.spec().recommendations().forEach(t -> recs.add(c.spec().country().in(m.language()) + ": "
                    + t.in(m.language()))));
            if (!recs.isEmpty()) {
                h.heading(2, m.get("sec.recommendations"), "recommendations").list(recs);
            }
        }
        return h.toString();
    }

    private static void casesTable(Html h, List<CaseResults> cases, Messages m) {
        h.heading(2, m.get("sec.cases"), "cases");
        h.tableStart(null, m.get("col.country"), m.get("col.case"), m.get("col.method"), m.get("col.households"));
        for (CaseResults c : cases) {
            CaseSpec s = c.spec();
            h.rowStart("data-case=\"" + Html.escape(s.id()) + "\"").cell(s.country().in(m.language())).cell(s.title().in(m.language()))
                    .cell(s.design().method().in(m.language())).cell(s.design().households() == 0 ? "–" : String.valueOf(s.design().households()))
                    .rowEnd();
        }
        h.tableEnd();
    }

    private static void pooled(Html h, Workspace w, String region, Messages m) {
        h.heading(2, m.get("sec.pooled"), "pooled").paragraph(m.get("text.pooled.note"));
        List<PooledRecord> rows = w.pooled().stream().filter(p -> p.region().equals(region)).toList();
        if (rows.isEmpty()) {
            h.paragraph(m.get("text.nodata"));
            return;
        }
        h.tableStart(null, m.get("col.domain"), m.get("col.comparison"), m.get("col.studies"), m.get("col.estimate"), m.get("col.se"),
                m.get("col.ci"), m.get("col.pi"), m.get("col.p"), m.get("col.i2"));
        for (PooledRecord p : rows) {
            h.rowStart("data-domain=\"" + p.domain() + "\" data-comparison=\"" + p.comparison() + "\" data-region=\"" + p.region() + "\"")
                    .cell(m.get("domain." + p.domain())).cell(m.get("comparison." + p.comparison())).cell(String.valueOf(p.studies()))
                    .number("estimate", p.estimate()).number("se", p.se()).interval(p.ciLow(), p.ciHigh()).interval(p.piLow(), p.piHigh())
                    .pValue("p_value", p.pValue()).number("i2", p.i2()).rowEnd();
        }
        h.tableEnd();
        for (String comparison : rows.stream().map(PooledRecord::comparison).distinct().toList()) {
            List<ForestPlot.Row> forest = new ArrayList<>();
            for (PooledRecord p : rows.stream().filter(r -> r.comparison().equals(comparison)).toList()) {
                for (StudyRecord s : w.studies()) {
                    if (s.domain().equals(p.domain()) && s.comparison().equals(comparison)
                            && (region.equals("all") || s.region().equals(region))) {
                        forest.add(new ForestPlot.Row(m.get("domain." + p.domain()) + " — " + w.get(s.caseId()).spec().country().in(m.language()),
                                s.estimate(), s.estimate() - 1.959964 * s.se(), s.estimate() + 1.959964 * s.se(), false));
                    }
                }
                if (p.studies() > 1) {
                    forest.add(new ForestPlot.Row(m.get("domain." + p.domain()) + " — " + m.get("chart.pooled"), p.estimate(), p.ciLow(),
                            p.ciHigh(), true));
                }
            }
            String footnote = m.get("chart.source", m.get("region." + region)) + (w.anySimulated() ? " " + m.get("simulated.mark") + "." : "");
            h.raw("<figure>").raw(ForestPlot.render(m.get("comparison." + comparison), forest, m.get("chart.smd"), footnote))
                    .raw("</figure>");
        }
    }

    /** Mechanisms by type (rows) and case (columns). */
    private static void matrix(Html h, List<CaseResults> cases, Messages m) {
        h.heading(2, m.get("sec.matrix"), "matrix").paragraph(m.get("text.matrix.note"));
        String[] headers = new String[cases.size() + 1];
        headers[0] = m.get("col.mechanism");
        for (int i = 0; i < cases.size(); i++) {
            headers[i + 1] = cases.get(i).spec().country().in(m.language())
                    + (countryRepeats(cases, i) ? " (" + cases.get(i).spec().id().split("-", 2)[1] + ")" : "");
        }
        h.tableStart(null, headers);
        for (Institutional.MechanismType type : Institutional.MechanismType.values()) {
            h.rowStart("data-mechanism=\"" + name(type) + "\"").cell(m.name("mechanism", type));
            for (CaseResults c : cases) {
                List<String> marks = c.spec().institutional().mechanisms().stream().filter(x -> x.type() == type)
                        .map(x -> x.direction() == Institutional.Direction.HORIZONTAL ? "H" : "V").toList();
                h.cell(marks.isEmpty() ? "–" : String.join(" ", marks));
            }
            h.rowEnd();
        }
        h.tableEnd();
    }

    private static boolean countryRepeats(List<CaseResults> cases, int i) {
        return cases.stream().filter(c -> c.spec().country().en().equals(cases.get(i).spec().country().en())).count() > 1;
    }

    private static void factors(Html h, List<CaseResults> cases, Messages m) {
        List<String> facilitators = new ArrayList<>();
        List<String> obstacles = new ArrayList<>();
        for (CaseResults c : cases) {
            String country = c.spec().country().in(m.language());
            c.spec().institutional().facilitators().forEach(f -> facilitators.add(country + ": " + f.text().in(m.language())));
            c.spec().institutional().obstacles().forEach(f -> obstacles.add(country + ": " + f.text().in(m.language())));
        }
        h.heading(3, m.get("sec.facilitators"), null).list(facilitators);
        h.heading(3, m.get("sec.obstacles"), null).list(obstacles);
    }

    private static String name(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
