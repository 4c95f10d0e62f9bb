package org.synergia.report.chart;

import java.util.List;
import java.util.Locale;
import org.synergia.report.html.Html;

/**
 * A small builder of standalone, accessible SVG documents: a {@code <title>} and
 * {@code <desc>} for screen readers, text in the page's font, coordinates with two decimals.
 */
public final class Svg {

    private final StringBuilder body = new StringBuilder();
    private final double width;
    private final double height;
    private final String title;
    private final String description;

    private Svg(double width, double height, String title, String description) {
        this.width = width;
        this.height = height;
        this.title = title;
        this.description = description;
    }

    /**
     * @param width width in pixels
     * @param height height in pixels
     * @param title the chart's title (read by screen readers)
     * @param description what the chart shows, in words
     * @return an empty drawing
     */
    public static Svg of(double width, double height, String title, String description) {
        return new Svg(width, height, title, description);
    }

    /** Draws a rectangle. */
    public Svg rect(double x, double y, double w, double h, String fill, String stroke) {
        body.append(String.format(Locale.ROOT, "<rect x=\"%.2f\" y=\"%.2f\" width=\"%.2f\" height=\"%.2f\" fill=\"%s\"%s/>",
                x, y, Math.max(0, w), Math.max(0, h), fill, stroke == null ? "" : " stroke=\"" + stroke + "\""));
        return this;
    }

    /** Draws a line; {@code dash} may be null for a solid line. */
    public Svg line(double x1, double y1, double x2, double y2, String stroke, double strokeWidth, String dash) {
        body.append(String.format(Locale.ROOT,
                "<line x1=\"%.2f\" y1=\"%.2f\" x2=\"%.2f\" y2=\"%.2f\" stroke=\"%s\" stroke-width=\"%.2f\"%s/>", x1, y1, x2, y2,
                stroke, strokeWidth, dash == null ? "" : " stroke-dasharray=\"" + dash + "\""));
        return this;
    }

    /** Draws a circle. */
    public Svg circle(double cx, double cy, double r, String fill) {
        body.append(String.format(Locale.ROOT, "<circle cx=\"%.2f\" cy=\"%.2f\" r=\"%.2f\" fill=\"%s\"/>", cx, cy, r, fill));
        return this;
    }

    /** Draws a hollow circle: a white disc with a coloured ring. */
    public Svg ring(double cx, double cy, double r, String stroke, double strokeWidth) {
        body.append(String.format(Locale.ROOT,
                "<circle cx=\"%.2f\" cy=\"%.2f\" r=\"%.2f\" fill=\"#ffffff\" stroke=\"%s\" stroke-width=\"%.2f\"/>", cx, cy, r,
                stroke, strokeWidth));
        return this;
    }

    /**
     * Opens a group whose {@code data-} attributes name what its shapes show, so that tests and
     * scripts can read the values behind a chart; close it with {@link #end()}.
     *
     * @param data attribute names without the {@code data-} prefix and their values, alternately
     * @return this drawing
     */
    public Svg group(String... data) {
        body.append("<g");
        for (int i = 0; i + 1 < data.length; i += 2) {
            body.append(" data-").append(data[i]).append("=\"").append(Html.escape(data[i + 1])).append('"');
        }
        body.append('>');
        return this;
    }

    /** Closes the group last opened with {@link #group}. */
    public Svg end() {
        body.append("</g>");
        return this;
    }

    /** Draws a closed polygon through the given points (x0, y0, x1, y1, ...). */
    public Svg polygon(String fill, double... xy) {
        StringBuilder points = new StringBuilder();
        for (int i = 0; i + 1 < xy.length; i += 2) {
            points.append(String.format(Locale.ROOT, "%s%.2f,%.2f", i == 0 ? "" : " ", xy[i], xy[i + 1]));
        }
        body.append("<polygon points=\"").append(points).append("\" fill=\"").append(fill).append("\"/>");
        return this;
    }

    /**
     * Writes text.
     *
     * @param x position
     * @param y baseline
     * @param text the text (escaped here)
     * @param size font size in pixels
     * @param anchor {@code start}, {@code middle} or {@code end}
     * @param fill colour
     * @param bold whether bold
     * @return this drawing
     */
    public Svg text(double x, double y, String text, double size, String anchor, String fill, boolean bold) {
        body.append(String.format(Locale.ROOT,
                "<text x=\"%.2f\" y=\"%.2f\" font-size=\"%.1f\" text-anchor=\"%s\" fill=\"%s\"%s>%s</text>", x, y, size, anchor,
                fill, bold ? " font-weight=\"bold\"" : "", Html.escape(text)));
        return this;
    }

    /** @return the SVG document */
    /** Pixels between the lines of a chart's title. */
    static final double TITLE_LINE = 16;

    /**
     * @param title a chart's title
     * @param width the chart's width
     * @return the title in at most two lines that fit the width in the 13 px bold of {@link #title}
     */
    static List<String> titleLines(String title, double width) {
        return LovePlot.wrap(title, (int) ((width - 16) / 7.4));
    }

    /**
     * @param lines the title's lines ({@link #titleLines})
     * @return this, with the title written from the top left
     */
    Svg title(List<String> lines) {
        for (int l = 0; l < lines.size(); l++) {
            text(8, 18 + l * TITLE_LINE, lines.get(l), 13, "start", Palette.TEXT, true);
        }
        return this;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%.0f\" height=\"%.0f\" viewBox=\"0 0 %.0f %.0f\" role=\"img\""
                        + " font-family=\"DejaVu Sans\"><title>%s</title><desc>%s</desc>%s</svg>",
                width, height, width, height, Html.escape(title), Html.escape(description), body);
    }
}
