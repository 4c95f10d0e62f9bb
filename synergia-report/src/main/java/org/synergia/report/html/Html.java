package org.synergia.report.html;

import java.text.NumberFormat;
import java.util.List;
import java.util.Locale;

/**
 * Writes the HTML of reports and pages: escaping, tables, and numbers formatted for the reader's
 * language while the exact value stays in a {@code data-value} attribute (so that every number
 * shown can be checked against the results store).
 */
public final class Html {

    private final StringBuilder out = new StringBuilder();
    private final Locale locale;

    /** @param locale the reader's locale, for number formatting */
    public Html(Locale locale) {
        this.locale = locale;
    }

    /**
     * @param text any text
     * @return it with HTML's special characters escaped
     */
    public static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder s = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '&' -> s.append("&amp;");
                case '<' -> s.append("&lt;");
                case '>' -> s.append("&gt;");
                case '"' -> s.append("&quot;");
                case '\'' -> s.append("&#39;");
                default -> s.append(c);
            }
        }
        return s.toString();
    }

    /** Appends markup as it is (the caller has escaped what needs escaping). */
    public Html raw(String markup) {
        out.append(markup);
        return this;
    }

    /** Appends an element whose text is escaped. */
    public Html element(String tag, String text) {
        out.append('<').append(tag).append('>').append(escape(text)).append("</").append(tag.split(" ")[0]).append('>');
        return this;
    }

    /** Appends a heading. */
    public Html heading(int level, String text, String id) {
        out.append("<h").append(level).append(id == null ? "" : " id=\"" + escape(id) + "\"").append('>')
                .append(escape(text)).append("</h").append(level).append('>');
        return this;
    }

    /** Appends a paragraph of escaped text. */
    public Html paragraph(String text) {
        return element("p", text);
    }

    /** Appends a bulleted list of escaped items. */
    public Html list(List<String> items) {
        out.append("<ul>");
        items.forEach(i -> out.append("<li>").append(escape(i)).append("</li>"));
        out.append("</ul>");
        return this;
    }

    /** Opens a table with escaped header cells. */
    public Html tableStart(String caption, String... headers) {
        out.append("<table>");
        if (caption != null) {
            out.append("<caption>").append(escape(caption)).append("</caption>");
        }
        out.append("<thead><tr>");
        for (String h : headers) {
            out.append("<th scope=\"col\">").append(escape(h)).append("</th>");
        }
        out.append("</tr></thead><tbody>");
        return this;
    }

    /** Closes a table. */
    public Html tableEnd() {
        out.append("</tbody></table>");
        return this;
    }

    /** Opens a table row, with attributes (already escaped) such as {@code data-term="ATE"}. */
    public Html rowStart(String attributes) {
        out.append("<tr").append(attributes == null || attributes.isEmpty() ? "" : " " + attributes).append('>');
        return this;
    }

    /** Closes a table row. */
    public Html rowEnd() {
        out.append("</tr>");
        return this;
    }

    /** Appends a text cell. */
    public Html cell(String text) {
        out.append("<td>").append(escape(text)).append("</td>");
        return this;
    }

    /**
     * Appends a number cell: the value formatted for the reader, its exact value in {@code data-value}.
     *
     * @param field the field's name, for {@code data-field}
     * @param value the value (NaN shows as a dash)
     */
    public Html number(String field, double value) {
        out.append("<td class=\"num\" data-field=\"").append(field).append("\" data-value=\"")
                .append(Double.isFinite(value) ? Double.toString(value) : "").append("\">").append(format(value)).append("</td>");
        return this;
    }

    /** Appends a cell with a confidence interval. */
    public Html interval(double low, double high) {
        out.append("<td class=\"num\" data-field=\"ci\" data-low=\"").append(Double.isFinite(low) ? Double.toString(low) : "")
                .append("\" data-high=\"").append(Double.isFinite(high) ? Double.toString(high) : "").append("\">[")
                .append(format(low)).append(", ").append(format(high)).append("]</td>");
        return this;
    }

    /**
     * @param value a number
     * @return it formatted for the reader: three significant digits for small values, none after the point for large ones
     */
    public String format(double value) {
        if (!Double.isFinite(value)) {
            return "–";
        }
        NumberFormat f = NumberFormat.getNumberInstance(locale);
        double a = Math.abs(value);
        int decimals = a >= 100 ? 0 : a >= 10 ? 1 : a >= 1 ? 2 : 3;
        f.setMinimumFractionDigits(decimals);
        f.setMaximumFractionDigits(decimals);
        return f.format(value);
    }

    /** Formats a p-value (below 0.001 as "&lt; 0.001"). */
    public Html pValue(String field, double p) {
        out.append("<td class=\"num\" data-field=\"").append(field).append("\" data-value=\"")
                .append(Double.isFinite(p) ? Double.toString(p) : "").append("\">")
                .append(!Double.isFinite(p) ? "–" : p < 0.001 ? "&lt; " + format(0.001) : format(p)).append("</td>");
        return this;
    }

    @Override
    public String toString() {
        return out.toString();
    }
}
