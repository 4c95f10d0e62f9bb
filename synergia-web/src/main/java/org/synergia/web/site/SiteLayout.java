package org.synergia.web.site;

import org.synergia.report.documents.CrossCuttingReport;
import org.synergia.report.html.Html;
import org.synergia.report.i18n.Messages;

/**
 * The frame of every portal page: language, skip link, site navigation, language switch, the
 * simulated-data banner where a page shows numbers from simulated surveys, and the footer. No
 * script; one style sheet.
 */
public final class SiteLayout {

    private SiteLayout() {}

    /**
     * @param links addresses from this page
     * @param m the page's language
     * @param path the page's language-free path (for the language switch)
     * @param title the page's title
     * @param banner the simulated-data banner, or null
     * @param body the page's content
     * @param version Synergia's version
     * @return the page
     */
    public static String page(Links links, Messages m, String path, String title, String banner, String body, String version) {
        String lang = m.language();
        StringBuilder s = new StringBuilder(body.length() + 4096);
        s.append("<!DOCTYPE html>\n<html lang=\"").append(lang).append("\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .append("<title>").append(Html.escape(title)).append(" — ").append(Html.escape(m.get("site.title"))).append("</title>")
                .append("<link rel=\"stylesheet\" href=\"").append(links.file("assets/site.css")).append("\">");
        for (String other : Messages.LANGUAGES) {
            s.append("<link rel=\"alternate\" hreflang=\"").append(other).append("\" href=\"").append(links.page(other, path)).append("\">");
        }
        s.append("</head><body>");
        s.append("<a class=\"skip\" href=\"#main\">").append(Html.escape(m.get("site.skip"))).append("</a>");
        s.append("<header class=\"site\"><div class=\"bar\"><a class=\"brand\" href=\"").append(links.page(lang, "")).append("\">")
                .append(Html.escape(m.get("site.title"))).append("</a>");
        s.append("<nav class=\"langs\" aria-label=\"").append(Html.escape(m.get("site.nav.language"))).append("\"><ul>");
        for (String other : Messages.LANGUAGES) {
            s.append("<li><a lang=\"").append(other).append("\" hreflang=\"").append(other).append("\" href=\"")
                    .append(links.page(other, path)).append("\"").append(other.equals(lang) ? " aria-current=\"true\"" : "").append(">")
                    .append(Html.escape(m.get("lang." + other))).append("</a></li>");
        }
        s.append("</ul></nav></div>");
        s.append("<nav class=\"main\" aria-label=\"").append(Html.escape(m.get("site.nav"))).append("\"><ul>");
        s.append("<li><a href=\"").append(links.page(lang, "")).append("\">").append(Html.escape(m.get("site.home"))).append("</a></li>");
        for (CrossCuttingReport.Kind kind : CrossCuttingReport.Kind.values()) {
            s.append("<li><a href=\"").append(links.page(lang, "synthesis/" + kind.id())).append("\">")
                    .append(Html.escape(m.get("doc." + kind.id()))).append("</a></li>");
        }
        s.append("</ul></nav>");
        if (links.live()) {
            s.append("<form class=\"search\" role=\"search\" method=\"get\" action=\"").append(links.page(lang, "search"))
                    .append("\"><label for=\"q\">").append(Html.escape(m.get("site.search.label")))
                    .append("</label> <input type=\"search\" id=\"q\" name=\"q\" maxlength=\"200\"> <button type=\"submit\">")
                    .append(Html.escape(m.get("site.search.button"))).append("</button></form>");
        }
        s.append("</header>");
        if (banner != null) {
            s.append("<p class=\"banner\" role=\"note\">").append(Html.escape(banner)).append("</p>");
        }
        s.append("<main id=\"main\" tabindex=\"-1\">").append(body).append("</main>");
        s.append("<footer class=\"site\"><p>").append(Html.escape(m.get("site.footer", version))).append("</p></footer>");
        s.append("</body></html>\n");
        return s.toString();
    }
}
