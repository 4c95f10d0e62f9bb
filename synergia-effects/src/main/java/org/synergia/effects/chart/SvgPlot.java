package org.synergia.effects.chart;

import java.util.Locale;

/**
 * The x-y plots the estimators of this module write as standalone SVG documents (the binned RD plot
 * of {@code rd --plot}, the event-study plot of {@code did --event-plot}): a 720 × 460 drawing with
 * a white background, an optional title, labelled axes with about five "nice" ticks each (1, 2 or
 * 5 times a power of ten) covering the data, and marks placed in data coordinates. Coordinates are
 * written with one decimal. Built once, drawn in order, finished by {@link #end()}:
 * <pre>{@code
 * SvgPlot p = SvgPlot.covering(xMin, xMax, yMin, yMax).begin("Event study", "Event-study plot").axes("Event time", "ATT");
 * p.point(0, 1.2, 3.5, SvgPlot.BLUE);
 * String svg = p.end();
 * }</pre>
 */
public final class SvgPlot {

    /** Okabe-Ito blue, safe for colour-blind readers. */
    public static final String BLUE = "#0072B2";
    /** Okabe-Ito vermillion. */
    public static final String VERMILLION = "#D55E00";
    private static final int WIDTH = 720;
    private static final int HEIGHT = 460;
    private static final int MARGIN_LEFT = 80;
    private static final int MARGIN_RIGHT = 24;
    private static final int MARGIN_TOP = 44;
    private static final int MARGIN_BOTTOM = 64;

    private final double xMin;
    private final double xMax;
    private final double yMin;
    private final double yMax;
    private final double[] xTicks;
    private final double[] yTicks;
    private final StringBuilder s = new StringBuilder();

    private SvgPlot(double xMin, double xMax, double yMin, double yMax) {
        double[] xt = ticks(xMin, xMax);
        double[] yt = ticks(yMin, yMax);
        this.xTicks = xt;
        this.yTicks = yt;
        this.xMin = Math.min(xMin, xt[0]);
        this.xMax = Math.max(xMax, xt[xt.length - 1]);
        this.yMin = Math.min(yMin, yt[0]);
        this.yMax = Math.max(yMax, yt[yt.length - 1]);
    }

    /**
     * @param xMin smallest x to show
     * @param xMax largest x
     * @param yMin smallest y
     * @param yMax largest y
     * @return an empty plot whose axes cover these ranges, widened to their outer ticks
     */
    public static SvgPlot covering(double xMin, double xMax, double yMin, double yMax) {
        return new SvgPlot(xMin, xMax, yMin, yMax);
    }

    /**
     * Opens the document: the {@code <svg>} element, its {@code <title>} (the title, or the default
     * when the title is empty), the background and the title as text.
     *
     * @param title the title shown (may be empty)
     * @param defaultTitle the accessible title when {@code title} is empty
     * @return this plot
     */
    public SvgPlot begin(String title, String defaultTitle) {
        s.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\""
                + " viewBox=\"0 0 %d %d\" font-family=\"sans-serif\" font-size=\"13\" role=\"img\">%n", WIDTH,
                HEIGHT, WIDTH, HEIGHT));
        s.append("<title>").append(escape(title.isEmpty() ? defaultTitle : title)).append("</title>\n");
        s.append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
        if (!title.isEmpty()) {
            s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"26\" text-anchor=\"middle\" font-size=\"16\">%s"
                    + "</text>%n", WIDTH / 2, escape(title)));
        }
        return this;
    }

    /**
     * Draws both axes with their ticks and tick labels, and the axis labels.
     *
     * @param xLabel the horizontal axis's label
     * @param yLabel the vertical axis's label
     * @return this plot
     */
    public SvgPlot axes(String xLabel, String yLabel) {
        int x0 = MARGIN_LEFT;
        int x1 = WIDTH - MARGIN_RIGHT;
        int y0 = HEIGHT - MARGIN_BOTTOM;
        int y1 = MARGIN_TOP;
        s.append(String.format(Locale.ROOT, "<g stroke=\"#333\" fill=\"none\"><line x1=\"%d\" y1=\"%d\" x2=\"%d\""
                + " y2=\"%d\"/><line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\"/></g>%n", x0, y0, x1, y0, x0, y0, x0, y1));
        for (double t : xTicks) {
            double px = px(t);
            s.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#333\"/>"
                    + "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s</text>%n", px, y0, px, y0 + 5, px, y0 + 20,
                    label(t)));
        }
        for (double t : yTicks) {
            double py = py(t);
            s.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#333\"/>"
                    + "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\" dominant-baseline=\"middle\">%s</text>%n", x0 - 5,
                    py, x0, py, x0 - 8, py, label(t)));
        }
        s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">%s</text>%n",
                (x0 + x1) / 2, HEIGHT - 18, escape(xLabel)));
        s.append(String.format(Locale.ROOT, "<text transform=\"translate(20 %d) rotate(-90)\" text-anchor=\"middle\">"
                + "%s</text>%n", (y0 + y1) / 2, escape(yLabel)));
        return this;
    }

    /**
     * A dashed line across the plotting area at {@code x}.
     *
     * @param x where, in data units
     * @param stroke its colour
     * @return this plot
     */
    public SvgPlot dashedVertical(double x, String stroke) {
        double p = px(x);
        s.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"%s\""
                + " stroke-dasharray=\"5 4\"/>%n", p, HEIGHT - MARGIN_BOTTOM, p, MARGIN_TOP, stroke));
        return this;
    }

    /**
     * A dashed line across the plotting area at {@code y}.
     *
     * @param y where, in data units
     * @param stroke its colour
     * @return this plot
     */
    public SvgPlot dashedHorizontal(double y, String stroke) {
        double p = py(y);
        s.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"%s\""
                + " stroke-dasharray=\"5 4\"/>%n", MARGIN_LEFT, p, WIDTH - MARGIN_RIGHT, p, stroke));
        return this;
    }

    /**
     * A filled disc.
     *
     * @param x centre, in data units
     * @param y centre, in data units
     * @param r radius in pixels
     * @param fill its colour
     * @return this plot
     */
    public SvgPlot point(double x, double y, double r, String fill) {
        s.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"%s\" fill=\"%s\"/>%n", px(x), py(y),
                label(r), fill));
        return this;
    }

    /**
     * A white disc with a coloured ring.
     *
     * @param x centre, in data units
     * @param y centre, in data units
     * @param r radius in pixels
     * @param stroke the ring's colour
     * @return this plot
     */
    public SvgPlot ring(double x, double y, double r, String stroke) {
        s.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"%s\" fill=\"white\" stroke=\"%s\""
                + " stroke-width=\"1.5\"/>%n", px(x), py(y), label(r), stroke));
        return this;
    }

    /**
     * A line through points.
     *
     * @param xs the points' x, in data units
     * @param ys the points' y
     * @param stroke its colour
     * @return this plot
     */
    public SvgPlot polyline(double[] xs, double[] ys, String stroke) {
        s.append("<polyline fill=\"none\" stroke-width=\"2\" stroke=\"").append(stroke).append("\" points=\"");
        for (int i = 0; i < xs.length; i++) {
            s.append(String.format(Locale.ROOT, "%s%.1f,%.1f", i == 0 ? "" : " ", px(xs[i]), py(ys[i])));
        }
        s.append("\"/>\n");
        return this;
    }

    /**
     * A vertical interval from {@code low} to {@code high} at {@code x}, with caps.
     *
     * @param x where, in data units
     * @param low lower end, in data units
     * @param high upper end
     * @param halfWidth half the caps' width in pixels (0: no caps)
     * @param strokeWidth the line's width in pixels
     * @param stroke its colour
     * @return this plot
     */
    public SvgPlot interval(double x, double low, double high, double halfWidth, double strokeWidth, String stroke) {
        double p = px(x);
        double a = py(low);
        double b = py(high);
        s.append(String.format(Locale.ROOT, "<g stroke=\"%s\" stroke-width=\"%s\"><line x1=\"%.1f\" y1=\"%.1f\""
                + " x2=\"%.1f\" y2=\"%.1f\"/>", stroke, label(strokeWidth), p, a, p, b));
        if (halfWidth > 0) {
            for (double end : new double[] {a, b}) {
                s.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\"/>",
                        p - halfWidth, end, p + halfWidth, end));
            }
        }
        s.append("</g>\n");
        return this;
    }

    /**
     * A translucent box from {@code low} to {@code high}, {@code 2 halfWidth} pixels wide, centred at {@code x}.
     *
     * @param x centre, in data units
     * @param low lower edge, in data units
     * @param high upper edge
     * @param halfWidth half the width, in pixels
     * @param fill its colour (drawn at opacity 0.25)
     * @return this plot
     */
    public SvgPlot box(double x, double low, double high, double halfWidth, String fill) {
        double top = py(high);
        s.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\""
                + " fill-opacity=\"0.25\"/>%n", px(x) - halfWidth, top, 2 * halfWidth, Math.max(0, py(low) - top), fill));
        return this;
    }

    /**
     * A line of text in the top-left corner of the plotting area, below the ones before it.
     *
     * @param line the line's number, from 0
     * @param text the text
     * @param colour its colour
     * @return this plot
     */
    public SvgPlot note(int line, String text, String colour) {
        s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" fill=\"%s\">%s</text>%n", MARGIN_LEFT + 10,
                MARGIN_TOP + 14 + 17 * line, colour, escape(text)));
        return this;
    }

    /**
     * A shaded band between two curves (a confidence band).
     *
     * @param xs the points' x, in data units
     * @param low the band's lower edge at each point
     * @param high its upper edge
     * @param fill its colour
     * @param opacity its opacity, in [0, 1]
     * @return this plot
     */
    public SvgPlot band(double[] xs, double[] low, double[] high, String fill, double opacity) {
        s.append(String.format(Locale.ROOT, "<polygon fill=\"%s\" fill-opacity=\"%.2f\" stroke=\"none\" points=\"", fill,
                opacity));
        for (int i = 0; i < xs.length; i++) {
            s.append(String.format(Locale.ROOT, "%s%.1f,%.1f", i == 0 ? "" : " ", px(xs[i]), py(high[i])));
        }
        for (int i = xs.length - 1; i >= 0; i--) {
            s.append(String.format(Locale.ROOT, " %.1f,%.1f", px(xs[i]), py(low[i])));
        }
        s.append("\"/>\n");
        return this;
    }

    /**
     * A histogram bar over {@code [from, to]}, from 0 to {@code height}.
     *
     * @param from its left edge, in data units
     * @param to its right edge
     * @param height its height
     * @param fill its colour
     * @param opacity its opacity, in [0, 1]
     * @return this plot
     */
    public SvgPlot bar(double from, double to, double height, String fill, double opacity) {
        double top = py(height);
        double bottom = py(0);
        s.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\""
                + " fill-opacity=\"%.2f\" stroke=\"white\"/>%n", px(from), top, px(to) - px(from), bottom - top, fill, opacity));
        return this;
    }

    /** @return the finished SVG document */
    public String end() {
        return s.append("</svg>\n").toString();
    }

    private double px(double x) {
        return MARGIN_LEFT + (x - xMin) / (xMax - xMin) * (WIDTH - MARGIN_LEFT - MARGIN_RIGHT);
    }

    private double py(double y) {
        return HEIGHT - MARGIN_BOTTOM - (y - yMin) / (yMax - yMin) * (HEIGHT - MARGIN_TOP - MARGIN_BOTTOM);
    }

    /**
     * @param lo smallest value
     * @param hi largest value
     * @return about five "nice" ticks (1, 2 or 5 times a power of ten) covering [lo, hi]
     */
    public static double[] ticks(double lo, double hi) {
        if (!(hi > lo)) {
            hi = lo + 1;
        }
        double raw = (hi - lo) / 5;
        double mag = Math.pow(10, Math.floor(Math.log10(raw)));
        double step = raw / mag < 1.5 ? mag : raw / mag < 3.5 ? 2 * mag : raw / mag < 7.5 ? 5 * mag : 10 * mag;
        double first = Math.floor(lo / step) * step;
        int count = (int) Math.ceil((hi - first) / step - 1e-9) + 1;
        double[] t = new double[count];
        for (int i = 0; i < count; i++) {
            t[i] = first + i * step;
        }
        return t;
    }

    private static String label(double v) {
        if (Math.abs(v) < 1e-12) {
            return "0";
        }
        String s = String.format(Locale.ROOT, "%.6g", v);
        if (s.contains(".") && !s.contains("e")) {
            s = s.replaceAll("0+$", "").replaceAll("\\.$", "");
        }
        return s;
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
