package org.synergia.effects.rd;

import java.util.List;
import java.util.Locale;

/**
 * The data of a binned RD plot and its SVG rendering.
 *
 * @param cutoff the cutoff
 * @param binning how the bins were laid out
 * @param bins the non-empty bins, left side first, each in increasing order of the running variable
 * @param leftCurve the fitted global polynomial left of the cutoff: {@code [0]} x, {@code [1]} fitted y
 * @param rightCurve the same right of the cutoff
 * @param dropped rows left out for a missing outcome or running variable
 */
public record RdPlotData(double cutoff, RdPlot.Binning binning, List<Bin> bins, double[][] leftCurve,
        double[][] rightCurve, int dropped) {

    /** Okabe-Ito blue (left of the cutoff), safe for colour-blind readers. */
    private static final String LEFT_COLOUR = "#0072B2";
    /** Okabe-Ito vermillion (right of the cutoff). */
    private static final String RIGHT_COLOUR = "#D55E00";
    private static final int WIDTH = 720;
    private static final int HEIGHT = 460;
    private static final int MARGIN_LEFT = 80;
    private static final int MARGIN_RIGHT = 24;
    private static final int MARGIN_TOP = 44;
    private static final int MARGIN_BOTTOM = 64;

    /** Copies the bins so the record stays immutable. */
    public RdPlotData {
        bins = List.copyOf(bins);
    }

    /**
     * One bin.
     *
     * @param right true when the bin is at or right of the cutoff
     * @param lower lower edge
     * @param upper upper edge
     * @param x mean of the running variable in the bin
     * @param y mean of the outcome in the bin
     * @param n observations in the bin
     * @param se standard error of the bin mean (NaN for a single observation)
     */
    public record Bin(boolean right, double lower, double upper, double x, double y, int n, double se) {
    }

    /**
     * The plot as a standalone SVG document: bin means as dots, fitted curves as lines (blue left,
     * vermillion right), a dashed line at the cutoff, labelled axes with ticks.
     *
     * @param yLabel the outcome axis label
     * @param xLabel the running-variable axis label
     * @param title the title (may be empty)
     * @return the SVG text
     */
    public String toSvg(String yLabel, String xLabel, String title) {
        double xMin = Math.min(leftCurve[0][0], bins.get(0).x());
        double xMax = Math.max(rightCurve[0][rightCurve[0].length - 1], bins.get(bins.size() - 1).x());
        double yMin = Double.POSITIVE_INFINITY;
        double yMax = Double.NEGATIVE_INFINITY;
        for (Bin b : bins) {
            yMin = Math.min(yMin, b.y());
            yMax = Math.max(yMax, b.y());
        }
        for (double[][] c : List.of(leftCurve, rightCurve)) {
            for (double v : c[1]) {
                yMin = Math.min(yMin, v);
                yMax = Math.max(yMax, v);
            }
        }
        double[] xt = ticks(xMin, xMax);
        double[] yt = ticks(yMin, yMax);
        xMin = Math.min(xMin, xt[0]);
        xMax = Math.max(xMax, xt[xt.length - 1]);
        yMin = Math.min(yMin, yt[0]);
        yMax = Math.max(yMax, yt[yt.length - 1]);
        Frame f = new Frame(xMin, xMax, yMin, yMax);
        StringBuilder s = new StringBuilder();
        s.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\""
                + " viewBox=\"0 0 %d %d\" font-family=\"sans-serif\" font-size=\"13\" role=\"img\">%n", WIDTH,
                HEIGHT, WIDTH, HEIGHT));
        s.append("<title>").append(escape(title.isEmpty() ? "Regression discontinuity plot" : title))
                .append("</title>\n");
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
            double px = f.px(t);
            s.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#333\"/>"
                    + "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s</text>%n", px, y0, px, y0 + 5, px, y0 + 20,
                    label(t)));
        }
        for (double t : yt) {
            double py = f.py(t);
            s.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#333\"/>"
                    + "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\" dominant-baseline=\"middle\">%s</text>%n", x0 - 5,
                    py, x0, py, x0 - 8, py, label(t)));
        }
        s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">%s</text>%n",
                (x0 + x1) / 2, HEIGHT - 18, escape(xLabel)));
        s.append(String.format(Locale.ROOT, "<text transform=\"translate(20 %d) rotate(-90)\" text-anchor=\"middle\">"
                + "%s</text>%n", (y0 + y1) / 2, escape(yLabel)));
        double pc = f.px(cutoff);
        s.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#000\""
                + " stroke-dasharray=\"5 4\"/>%n", pc, y0, pc, y1));
        for (Bin b : bins) {
            s.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3.5\" fill=\"%s\"/>%n",
                    f.px(b.x()), f.py(b.y()), b.right() ? RIGHT_COLOUR : LEFT_COLOUR));
        }
        path(s, f, leftCurve, LEFT_COLOUR);
        path(s, f, rightCurve, RIGHT_COLOUR);
        s.append("</svg>\n");
        return s.toString();
    }

    private static void path(StringBuilder s, Frame f, double[][] c, String colour) {
        s.append("<polyline fill=\"none\" stroke-width=\"2\" stroke=\"").append(colour).append("\" points=\"");
        for (int i = 0; i < c[0].length; i++) {
            s.append(String.format(Locale.ROOT, "%s%.1f,%.1f", i == 0 ? "" : " ", f.px(c[0][i]), f.py(c[1][i])));
        }
        s.append("\"/>\n");
    }

    /** Maps data coordinates to the plotting area. */
    private record Frame(double xMin, double xMax, double yMin, double yMax) {
        double px(double x) {
            return MARGIN_LEFT + (x - xMin) / (xMax - xMin) * (WIDTH - MARGIN_LEFT - MARGIN_RIGHT);
        }

        double py(double y) {
            return HEIGHT - MARGIN_BOTTOM - (y - yMin) / (yMax - yMin) * (HEIGHT - MARGIN_TOP - MARGIN_BOTTOM);
        }
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
