package org.synergia.report.html;

/**
 * A complete HTML document in the house style of reports: semantic structure, the language
 * declared, print rules for A4 pages with page numbers, and the simulated-data banner where the
 * numbers come from simulated surveys.
 */
public final class Page {

    /** The style sheet of reports (screen and print). */
    public static final String STYLE = """
            @page { size: A4; margin: 18mm 16mm 20mm 16mm;
              @bottom-center { content: counter(page) " / " counter(pages); font-family: 'DejaVu Sans', sans-serif; font-size: 8pt;
                color: #4d4d4d; } }
            @page onepager { size: A4; margin: 12mm 12mm 12mm 12mm; }
            * { font-family: 'DejaVu Sans', sans-serif; }
            body { font-family: 'DejaVu Sans', sans-serif; font-size: 10pt; color: #1a1a1a; line-height: 1.4; }
            header.doc { border-bottom: 3px solid #0072B2; margin-bottom: 10pt; }
            header.doc .kind { color: #4d4d4d; font-size: 9pt; text-transform: uppercase; letter-spacing: 0.05em; }
            h1 { font-size: 18pt; margin: 4pt 0 6pt 0; color: #003f63; }
            h2 { font-size: 13pt; color: #003f63; margin-top: 14pt; border-bottom: 1px solid #bdbdbd; }
            h3 { font-size: 11pt; margin-top: 10pt; }
            h2, h3, h4 { page-break-after: avoid; }
            .banner { border: 2px solid #D55E00; background: #fff3ea; color: #7a2e00; padding: 5pt 8pt; font-weight: bold;
              font-size: 9pt; margin: 6pt 0; }
            table { border-collapse: collapse; width: 100%; margin: 6pt 0; font-size: 8.5pt; page-break-inside: auto; }
            caption { text-align: left; font-weight: bold; padding-bottom: 3pt; }
            th { background: #e8f1f8; text-align: left; border-bottom: 1px solid #4d4d4d; padding: 2pt 4pt; }
            td { border-bottom: 1px solid #e0e0e0; padding: 2pt 4pt; vertical-align: top; }
            tr { page-break-inside: avoid; }
            td.num { text-align: right; white-space: nowrap; }
            ul { list-style-type: none; padding-left: 12pt; }
            li { margin-bottom: 2pt; }
            li:before { content: "• "; margin-left: -9pt; }
            figure { margin: 8pt 0; page-break-inside: avoid; }
            figure svg { max-width: 100%; height: auto; }
            figcaption { font-size: 8pt; color: #4d4d4d; }
            .note { font-size: 8pt; color: #4d4d4d; }
            .keynums { width: 100%; }
            .keynum { display: inline-block; width: 30%; vertical-align: top; border: 1px solid #bdbdbd; border-top: 4px solid #0072B2;
              padding: 4pt; margin: 0 1% 6pt 0; min-height: 58pt; }
            .keynum .value { font-size: 18pt; font-weight: bold; color: #003f63; }
            .keynum .label { font-size: 8pt; }
            body.onepager { page: onepager; font-size: 8.5pt; }
            body.onepager h1 { font-size: 15pt; }
            body.onepager h2 { font-size: 10.5pt; margin-top: 6pt; }
            body.onepager figure svg { width: 100%; }
            footer.doc { margin-top: 12pt; font-size: 7.5pt; color: #4d4d4d; border-top: 1px solid #bdbdbd; }
            """;

    private Page() {}

    /**
     * @param language the document's language
     * @param title the title
     * @param kind the document kind shown above the title
     * @param simulatedBanner the simulated-data banner text, or null when the data are real
     * @param body the content (HTML)
     * @param footer the footer text (escaped here)
     * @param bodyClass a class for the body element (e.g. {@code onepager}), or null
     * @return the document
     */
    public static String document(String language, String title, String kind, String simulatedBanner, String body, String footer,
            String bodyClass) {
        return "<!DOCTYPE html>\n<html lang=\"" + Html.escape(language) + "\"><head><meta charset=\"utf-8\"/>"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>"
                + "<title>" + Html.escape(title) + "</title><style>" + STYLE + "</style></head>"
                + "<body" + (bodyClass == null ? "" : " class=\"" + bodyClass + "\"") + "><header class=\"doc\"><div class=\"kind\">"
                + Html.escape(kind) + "</div><h1>" + Html.escape(title) + "</h1></header>"
                + (simulatedBanner == null ? "" : "<p class=\"banner\" role=\"note\">" + Html.escape(simulatedBanner) + "</p>")
                + "<main>" + body + "</main><footer class=\"doc\">" + Html.escape(footer) + "</footer></body></html>\n";
    }
}
