package org.synergia.web.site;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.synergia.cases.spec.CaseSpec;
import org.synergia.cases.spec.Institutional;
import org.synergia.cases.spec.OutcomeSpec;
import org.synergia.cases.spec.Text;
import org.synergia.report.documents.CaseResults;
import org.synergia.report.documents.CaseSections;
import org.synergia.report.documents.CrossCuttingReport;
import org.synergia.report.documents.Workspace;
import org.synergia.report.html.Html;
import org.synergia.report.i18n.Messages;

/**
 * The public pages of the portal, drawn from a workspace's results and the cases' specifications
 * with the report module's sections and charts: the home page with the cases and their filters,
 * a page per case, the five cross-cutting pages and the search results. The same pages are served
 * live and written by {@link SiteExport}.
 */
public final class Site {

    private final Workspace workspace;
    private final Downloads downloads;

    /**
     * @param workspace the workspace's content
     * @param downloads the report files that may be linked
     */
    public Site(Workspace workspace, Downloads downloads) {
        this.workspace = workspace;
        this.downloads = downloads;
    }

    /** @return the workspace's content */
    public Workspace workspace() {
        return workspace;
    }

    /** @return the downloadable report files */
    public Downloads downloads() {
        return downloads;
    }

    /**
     * @param caseId a case identifier, as requested
     * @return the case, when the workspace has it
     */
    public Optional<CaseResults> find(String caseId) {
        return workspace.cases().stream().filter(c -> c.spec().id().equals(caseId)).findFirst();
    }

    /**
     * The home page: the cases as a grid of cards, with filters as plain links (and, live, a form).
     *
     * @param links addresses from the page
     * @param m the language
     * @param filter the filters in force
     * @param path the page's language-free path
     * @return the page
     */
    public String home(Links links, Messages m, CaseFilter filter, String path) {
        String lang = m.language();
        Html h = new Html(m.locale());
        h.heading(1, m.get("site.title"), null).paragraph(m.get("site.tagline"));
        filters(h, links, m, filter);
        List<CaseResults> shown = workspace.cases().stream().filter(c -> filter.matches(c.spec())).toList();
        h.heading(2, m.get("site.cases.heading"), "cases");
        h.raw("<p class=\"count\" role=\"status\">").raw(Html.escape(m.get("site.cases.count", shown.size(), workspace.cases().size())))
                .raw("</p>");
        if (shown.isEmpty()) {
            h.paragraph(m.get("site.filter.none"));
        }
        h.raw("<ul class=\"cases\">");
        for (CaseResults c : shown) {
            CaseSpec s = c.spec();
            h.raw("<li class=\"case-card\" data-case=\"").raw(Html.escape(s.id())).raw("\"><h3><a href=\"")
                    .raw(links.page(lang, "cases/" + s.id())).raw("\">").raw(Html.escape(s.title().in(lang))).raw("</a></h3>");
            h.raw("<p class=\"where\">").raw(Html.escape(s.country().in(lang) + " · " + m.name("region", s.region()))).raw("</p>");
            h.paragraph(clip(s.summary().in(lang), 260));
            List<String> tags = new ArrayList<>();
            types(s).forEach(t -> tags.add(m.name("type", t)));
            domains(s).forEach(d -> tags.add(m.name("domain", d)));
            h.raw("<ul class=\"tags\">");
            tags.forEach(t -> h.raw("<li>").raw(Html.escape(t)).raw("</li>"));
            if (c.simulated()) {
                h.raw("<li class=\"sim\">").raw(Html.escape(m.get("simulated.mark"))).raw("</li>");
            }
            h.raw("</ul></li>");
        }
        h.raw("</ul>");
        return SiteLayout.page(links, m, path, m.get("site.home"), workspace.anySimulated() ? m.get("simulated.banner") : null,
                h.toString(), workspace.softwareVersion());
    }

    private void filters(Html h, Links links, Messages m, CaseFilter filter) {
        String lang = m.language();
        h.raw("<section class=\"filters\" aria-labelledby=\"filters\">");
        h.heading(2, m.get("site.filter"), "filters");
        filterLinks(h, links, m, "region", m.get("site.filter.region"), CaseSpec.Region.values(), filter.region());
        filterLinks(h, links, m, "type", m.get("site.filter.type"), CaseSpec.ProgrammeType.values(), filter.type());
        filterLinks(h, links, m, "domain", m.get("site.filter.domain"), OutcomeSpec.Domain.values(), filter.domain());
        if (links.live()) {
            h.raw("<form method=\"get\" action=\"").raw(links.page(lang, "")).raw("\" class=\"filter-form\">");
            select(h, m, "region", m.get("site.filter.region"), CaseSpec.Region.values(), filter.region());
            select(h, m, "type", m.get("site.filter.type"), CaseSpec.ProgrammeType.values(), filter.type());
            select(h, m, "domain", m.get("site.filter.domain"), OutcomeSpec.Domain.values(), filter.domain());
            h.raw("<button type=\"submit\">").raw(Html.escape(m.get("site.filter.apply"))).raw("</button></form>");
        }
        h.raw("</section>");
    }

    private static void filterLinks(Html h, Links links, Messages m, String dimension, String label, Enum<?>[] values,
            Optional<? extends Enum<?>> current) {
        String lang = m.language();
        h.raw("<nav class=\"filter\" aria-label=\"").raw(Html.escape(label)).raw("\"><span class=\"label\">").raw(Html.escape(label))
                .raw(":</span> <ul><li><a href=\"").raw(links.page(lang, "")).raw("\"")
                .raw(current.isEmpty() ? " aria-current=\"page\"" : "").raw(">").raw(Html.escape(m.get("site.filter.all"))).raw("</a></li>");
        for (Enum<?> v : values) {
            h.raw("<li><a href=\"").raw(links.page(lang, "filter/" + dimension + "/" + CaseFilter.name(v))).raw("\"")
                    .raw(current.map(c -> c == v).orElse(false) ? " aria-current=\"page\"" : "").raw(">")
                    .raw(Html.escape(m.name(dimension.equals("type") ? "type" : dimension, v))).raw("</a></li>");
        }
        h.raw("</ul></nav>");
    }

    private static void select(Html h, Messages m, String name, String label, Enum<?>[] values, Optional<? extends Enum<?>> current) {
        h.raw("<label for=\"f-").raw(name).raw("\">").raw(Html.escape(label)).raw("</label> <select id=\"f-").raw(name)
                .raw("\" name=\"").raw(name).raw("\"><option value=\"\">").raw(Html.escape(m.get("site.filter.all"))).raw("</option>");
        for (Enum<?> v : values) {
            h.raw("<option value=\"").raw(CaseFilter.name(v)).raw("\"").raw(current.map(c -> c == v).orElse(false) ? " selected" : "")
                    .raw(">").raw(Html.escape(m.name(name, v))).raw("</option>");
        }
        h.raw("</select> ");
    }

    /**
     * A case's page: programmes, institutions and coordination, design, sample, results with
     * charts, synergy, findings, recommendations and downloads.
     *
     * @param links addresses from the page
     * @param m the language
     * @param c the case
     * @return the page
     */
    public String casePage(Links links, Messages m, CaseResults c) {
        String lang = m.language();
        CaseSpec s = c.spec();
        CaseSections sections = new CaseSections(c, m);
        Html h = new Html(m.locale());
        h.raw("<h1>").raw(Html.escape(s.title().in(lang))).raw("</h1><p class=\"where\">")
                .raw(Html.escape(s.country().in(lang) + " · " + m.name("region", s.region()))).raw("</p>");
        List<String[]> toc = new ArrayList<>(List.of(new String[] {"context", m.get("sec.context")},
                new String[] {"institutions", m.get("sec.institutions")}, new String[] {"coordination", m.get("sec.coordination")}));
        if (!s.institutionalOnly()) {
            toc.add(new String[] {"design", m.get("sec.design")});
            toc.add(new String[] {"results", m.get("sec.results")});
            toc.add(new String[] {"synergy", m.get("sec.synergy")});
        }
        if (!s.findings().isEmpty()) {
            toc.add(new String[] {"findings", m.get("sec.findings")});
        }
        if (!s.recommendations().isEmpty()) {
            toc.add(new String[] {"recommendations", m.get("sec.recommendations")});
        }
        toc.add(new String[] {"downloads", m.get("site.downloads")});
        h.raw("<nav class=\"toc\" aria-labelledby=\"toc\"><h2 id=\"toc\">").raw(Html.escape(m.get("site.contents"))).raw("</h2><ul>");
        toc.forEach(t -> h.raw("<li><a href=\"#").raw(t[0]).raw("\">").raw(Html.escape(t[1])).raw("</a></li>"));
        h.raw("</ul></nav>");
        sections.programmes(h);
        sections.institutions(h, true);
        if (s.institutionalOnly()) {
            h.paragraph(m.get("text.institutional-only"));
        } else {
            sections.design(h);
            sections.data(h);
            sections.results(h);
            sections.synergy(h, 8);
            sections.localEconomy(h);
            sections.microsimulation(h);
        }
        sections.findings(h);
        sections.recommendations(h);
        h.heading(2, m.get("site.downloads"), "downloads").raw("<ul class=\"downloads\">");
        for (String doc : List.of("report", "summary", "onepager")) {
            for (String ext : List.of("pdf", "html")) {
                String file = s.id() + "-" + doc + "." + ext;
                if (downloads.find(lang, file).isPresent()) {
                    h.raw("<li><a href=\"").raw(links.file("reports/" + lang + "/" + file)).raw("\"")
                            .raw(ext.equals("pdf") ? " type=\"application/pdf\"" : "").raw(">").raw(Html.escape(m.get("doc." + doc)))
                            .raw(" (").raw(m.get("site.download." + ext)).raw(")</a></li>");
                }
            }
        }
        if (!c.estimates().isEmpty()) {
            h.raw("<li><a href=\"").raw(links.file("data/" + s.id() + "-estimates.csv")).raw("\" type=\"text/csv\">")
                    .raw(Html.escape(m.get("site.download.csv"))).raw("</a></li>");
        }
        h.raw("</ul>");
        h.raw("<p class=\"note\">").raw(Html.escape(sections.footer(workspace.softwareVersion()))).raw("</p>");
        return SiteLayout.page(links, m, "cases/" + s.id(), s.title().in(lang) + " — " + s.country().in(lang), sections.banner(),
                h.toString(), workspace.softwareVersion());
    }

    /**
     * @param links addresses from the page
     * @param m the language
     * @param kind which cross-cutting analysis
     * @return its page
     */
    public String synthesis(Links links, Messages m, CrossCuttingReport.Kind kind) {
        Html h = new Html(m.locale());
        h.heading(1, m.get("doc." + kind.id()), null).raw(CrossCuttingReport.body(kind, workspace, m));
        String file = "cross-" + kind.id();
        h.heading(2, m.get("site.downloads"), "downloads").raw("<ul class=\"downloads\">");
        for (String ext : List.of("pdf", "html")) {
            if (downloads.find(m.language(), file + "." + ext).isPresent()) {
                h.raw("<li><a href=\"").raw(links.file("reports/" + m.language() + "/" + file + "." + ext)).raw("\">")
                        .raw(Html.escape(m.get("doc." + kind.id()))).raw(" (").raw(m.get("site.download." + ext)).raw(")</a></li>");
            }
        }
        h.raw("</ul>");
        return SiteLayout.page(links, m, "synthesis/" + kind.id(), m.get("doc." + kind.id()),
                CrossCuttingReport.simulated(kind, workspace) ? m.get("simulated.banner") : null, h.toString(), workspace.softwareVersion());
    }

    /**
     * Search over the cases' texts in the page's language: a case matches when every word of the
     * query occurs in its title, summary, programmes, design, institutions, findings or
     * recommendations (ignoring case and accents).
     *
     * @param m the language
     * @param query the query as typed (at most 200 characters are used)
     * @return the results page (served live only)
     */
    public String search(Messages m, String query) {
        String lang = m.language();
        String q = query == null ? "" : query.strip();
        if (q.length() > 200) {
            q = q.substring(0, 200);
        }
        Html h = new Html(m.locale());
        h.heading(1, m.get("site.search"), null);
        h.raw("<form role=\"search\" method=\"get\" action=\"").raw(Links.LIVE.page(lang, "search")).raw("\"><label for=\"q2\">")
                .raw(Html.escape(m.get("site.search.label"))).raw("</label> <input type=\"search\" id=\"q2\" name=\"q\" maxlength=\"200\" value=\"")
                .raw(Html.escape(q)).raw("\"> <button type=\"submit\">").raw(Html.escape(m.get("site.search.button"))).raw("</button></form>");
        List<String> words = normalise(q).isBlank() ? List.of() : List.of(normalise(q).split("\\s+"));
        if (words.isEmpty()) {
            h.paragraph(m.get("site.search.hint"));
        } else {
            List<String[]> hits = new ArrayList<>();
            for (CaseResults c : workspace.cases()) {
                List<String> texts = texts(c.spec(), lang);
                String all = normalise(String.join(" \n ", texts));
                if (words.stream().allMatch(all::contains)) {
                    String snippet = texts.stream().filter(t -> normalise(t).contains(words.get(0))).findFirst().orElse(texts.get(0));
                    hits.add(new String[] {c.spec().id(), c.spec().title().in(lang) + " — " + c.spec().country().in(lang), clip(snippet, 240)});
                }
            }
            h.raw("<p role=\"status\">").raw(Html.escape(hits.isEmpty() ? m.get("site.search.none", q) : m.get("site.search.results", hits.size(), q)))
                    .raw("</p><ol class=\"results\">");
            for (String[] hit : hits) {
                h.raw("<li><a href=\"").raw(Links.LIVE.page(lang, "cases/" + hit[0])).raw("\">").raw(Html.escape(hit[1])).raw("</a><p>")
                        .raw(Html.escape(hit[2])).raw("</p></li>");
            }
            h.raw("</ol>");
        }
        return SiteLayout.page(Links.LIVE, m, "search", m.get("site.search"), null, h.toString(), workspace.softwareVersion());
    }

    /**
     * @param links addresses from the page
     * @param m the language
     * @param title the message key of the title
     * @param text the message key of the text
     * @return a page that says what went wrong, naming no file or path
     */
    public String problem(Links links, Messages m, String title, String text) {
        Html h = new Html(m.locale());
        h.heading(1, m.get(title), null).paragraph(m.get(text));
        h.raw("<p><a href=\"").raw(links.page(m.language(), "")).raw("\">").raw(Html.escape(m.get("site.home"))).raw("</a></p>");
        return SiteLayout.page(links, m, "", m.get(title), null, h.toString(), workspace.softwareVersion());
    }

    private static List<String> texts(CaseSpec s, String lang) {
        List<String> t = new ArrayList<>();
        t.add(s.title().in(lang));
        t.add(s.country().in(lang));
        t.add(s.summary().in(lang));
        for (CaseSpec.Programme p : s.programmes()) {
            t.add(p.name() + " — " + p.institution() + ": " + p.description().in(lang));
        }
        t.add(s.design().method().in(lang));
        t.add(s.design().description().in(lang));
        Institutional inst = s.institutional();
        t.add(inst.summary().in(lang));
        inst.actors().forEach(a -> t.add(a.name() + ": " + a.role().in(lang)));
        inst.mechanisms().forEach(x -> t.add(x.description().in(lang)));
        inst.facilitators().forEach(f -> t.add(f.text().in(lang)));
        inst.obstacles().forEach(f -> t.add(f.text().in(lang)));
        s.findings().stream().map(x -> x.in(lang)).forEach(t::add);
        s.recommendations().stream().map((Text x) -> x.in(lang)).forEach(t::add);
        return t;
    }

    private static String normalise(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT);
    }

    /**
     * @param s a case
     * @return the programme types it combines
     */
    static Set<CaseSpec.ProgrammeType> types(CaseSpec s) {
        Set<CaseSpec.ProgrammeType> t = new LinkedHashSet<>();
        s.programmes().forEach(p -> t.add(p.type()));
        return t;
    }

    /**
     * @param s a case
     * @return the outcome domains it measures
     */
    static Set<OutcomeSpec.Domain> domains(CaseSpec s) {
        Set<OutcomeSpec.Domain> d = new LinkedHashSet<>();
        s.outcomes().forEach(o -> d.add(o.domain()));
        return d;
    }

    private static String clip(String text, int length) {
        if (text.length() <= length) {
            return text;
        }
        int cut = text.lastIndexOf(' ', length - 1);
        return text.substring(0, cut > length / 2 ? cut : length - 1) + "…";
    }
}
