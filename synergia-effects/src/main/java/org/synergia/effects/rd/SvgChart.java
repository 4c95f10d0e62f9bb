package org.synergia.effects.rd;

import java.util.Locale;

/**
 * The SVG writer of the regression discontinuity plots ({@link RdPlotData}, {@link RdDensityPlotData}):
 * a standalone document with a white background, an optional title, axes with "nice" ticks covering
 * the data, axis labels, and marks placed in data coordinates (dots, lines, bands, bars and a dashed
 * vertical line at the cutoff). Okabe-Ito blue is the left of the cutoff and vermillion the right,
 * safe for colour-blind readers.
 *
 * <pre>{@code
 * SvgChart c = SvgChart.open("Regression discontinuity plot", title, xLabel, yLabel, xMin, xMax, yMin, yMax);
 * c.polyline(xs, ys, SvgChart.LEFT_COLOUR); c.cutoff(0);
 * String svg = c.close();
 * }</pre>
 */
final class SvgChart {

    /** Okabe-Ito blue (left of the cutoff). */
    static final String LEFT_COLOUR = "#0072B2";
    /** Okabe-Ito vermillion (right of the cutoff). */
    static final String RIGHT_COLOUR = "#D55E00";
    private static final int WIDTH = 720;
    private static final int HEIGHT = 460;
    private static final int MARGIN_LEFT = 80;
    private static final int MARGIN_RIGHT = 24;
    private static final int MARGIN_TOP = 44;
    private static final int MARGIN_BOTTOM = 64;

    private final StringBuilder s;
    private final double xMin;
    private final double xMax;
    private final double yMin;
    private final double yMax;

    private SvgChart(StringBuilder s, double xMin, double xMax, double yMin, double yMax) {
        this.s = s;
        this.xMin = xMin;
        this.xMax = xMax;
        this.yMin = yMin;
        this.yMax = yMax;
    }

    /**
     * Starts a chart whose axes cover {@code [xLow, xHigh] x [yLow, yHigh]}, widened to the ticks.
     *
     * @param defaultTitle the document's title when {@code title} is empty
     * @param title the title shown above the plot (may be empty)
     * @param xLabel the horizontal axis label
     * @param yLabel the vertical axis label
     * @return the chart, its frame, axes and labels written
     */
    static SvgChart open(String defaultTitle, String title, String xLabel, String yLabel, double xLow, double xHigh,
            double yLow, double yHigh) {
        double[] xt = ticks(xLow, xHigh);
        double[] yt = ticks(yLow, yHigh);
        double xMin = Math.min(xLow, xt[0]);
        double xMax = Math.max(xHigh, xt[xt.length - 1]);
        double yMin = Math.min(yLow, yt[0]);
        double yMax = Math.max(yHigh, yt[yt.length - 1]);
        StringBuilder s = new StringBuilder();
        SvgChart c = new SvgChart(s, xMin, xMax, yMin, yMax);
        s.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\""
                + " viewBox=\"0 0 %d %d\" font-family=\"sans-serif\" font-size=\"13\" role=\"img\">%n", WIDTH,
                HEIGHT, WIDTH, HEIGHT));
        s.append("<title>").append(escape(title.isEmpty() ? defaultTitle : title)).append("</title>\n");
        s.append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
        if (!title.isEmpty()) {
            s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"26\" text-anchor=\"middle\" font-size=\"16\">%s"
                    + "</text>%n", WIDTH / 2, escape(title)));
        }
        int x0 = MARGIN_LEFT;
        int x1 = WIDTH - MARGIN_RIGHT;
        int y0 = HEIGHT - MARGIN_BOTTOM;
        int y1 = MARGIN_TOP;
        s.append(String.format(Locale.ROOT, "<g stroke=\"#333\" fill=\"none\"><line x1=\"%d\" y1=\"%d\" x2=\"%d\""
                + " y2=\"%d\"/><line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\"/></g>%n", x0, y0, x1, y0, x0, y0, x0, y1));
        for (double t : xt) {
            double px = c.px(t);
            s.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#333\"/>"
                    + "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s</text>%n", px, y0, px, y0 + 5, px, y0 + 20,
                    label(t)));
        }
        for (double t : yt) {
            double py = c.py(t);
            s.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#333\"/>"
                    + "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\" dominant-baseline=\"middle\">%s</text>%n", x0 - 5,
                    py, x0, py, x0 - 8, py, label(t)));
        }
        s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">%s</text>%n",
                (x0 + x1) / 2, HEIGHT - 18, escape(xLabel)));
        s.append(String.format(Locale.ROOT, "<text transform=\"translate(20 %d) rotate(-90)\" text-anchor=\"middle\">"
                + "%s</text>%n", (y0 + y1) / 2, escape(yLabel)));
        return c;
    }

    /** Draws the dashed vertical line at the cutoff. */
    void cutoff(double cutoff) {
        double pc = px(cutoff);
        s.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#000\""
                + " stroke-dasharray=\"5 4\"/>%n", pc, HEIGHT - MARGIN_BOTTOM, pc, MARGIN_TOP));
    }

    /** Draws a dot. */
    void circle(double x, double y, String colour) {
        s.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3.5\" fill=\"%s\"/>%n", px(x), py(y),
                colour));
    }

    /** Draws a line through the points. */
    void polyline(double[] xs, double[] ys, String colour) {
        s.append("<polyline fill=\"none\" stroke-width=\"2\" stroke=\"").append(colour).append("\" points=\"");
        for (int i = 0; i < xs.length; i++) {
            s.append(String.format(Locale.ROOT, "%s%.1f,%.1f", i == 0 ? "" : " ", px(xs[i]), py(ys[i])));
        }
        s.append("\"/>\n");
    }

    /** Shades the band between {@code low} and {@code high} over the points {@code xs}. */
    void band(double[] xs, double[] low, double[] high, String colour, double opacity) {
        s.append(String.format(Locale.ROOT, "<polygon fill=\"%s\" fill-opacity=\"%.2f\" stroke=\"none\" points=\"", colour,
                opacity));
        for (int i = 0; i < xs.length; i++) {
            s.append(String.format(Locale.ROOT, "%s%.1f,%.1f", i == 0 ? "" : " ", px(xs[i]), py(high[i])));
        }
        for (int i = xs.length - 1; i >= 0; i--) {
            s.append(String.format(Locale.ROOT, " %.1f,%.1f", px(xs[i]), py(low[i])));
        }
        s.append("\"/>\n");
    }

    /** Draws a histogram bar over {@code [from, to]} from 0 to {@code height}. */
    void bar(double from, double to, double height, String colour, double opacity) {
        double top = py(height);
        double bottom = py(0);
        s.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\""
                + " fill-opacity=\"%.2f\" stroke=\"white\"/>%n", px(from), top, px(to) - px(from), bottom - top, colour,
                opacity));
    }

    /** @return the finished document */
    String close() {
        s.append("</svg>\n");
        return s.toString();
    }

    private double px(double x) {
        return MARGIN_LEFT + (x - xMin) / (xMax - xMin) * (WIDTH - MARGIN_LEFT - MARGIN_RIGHT);
    }

    private double py(double y) {
        return HEIGHT - MARGIN_BOTTOM - (y - yMin) / (yMax - yMin) * (HEIGHT - MARGIN_TOP - MARGIN_BOTTOM);
    }

    /** About five "nice" ticks (1, 2 or 5 times a power of ten) covering [lo, hi]. */
    static double[] ticks(double lo, double hi) {
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
