package org.synergia.effects.balance;

import java.util.Locale;

/**
 * A love plot (absolute standardised mean differences before and after adjustment, one line per
 * covariate) as a standalone SVG document. Colours are from the Okabe-Ito colour-blind-safe
 * palette and the two series also differ by marker shape (open circle before, filled triangle
 * after), so the plot reads in grey scale too; a dashed line marks the 0.1 threshold.
 */
public final class LovePlot {

    /** Okabe-Ito vermillion, for the unadjusted sample. */
    private static final String BEFORE = "#D55E00";
    /** Okabe-Ito blue, for the adjusted sample. */
    private static final String AFTER = "#0072B2";
    private static final double THRESHOLD = 0.1;

    private LovePlot() {
    }

    /**
     * @param table the balance table
     * @param title the plot's title
     * @return the SVG document
     */
    public static String svg(BalanceTable table, String title) {
        int rows = table.rows().size();
        int left = 170;
        int top = 50;
        int rowHeight = 22;
        int plotWidth = 360;
        int width = left + plotWidth + 30;
        int height = top + rows * rowHeight + 70;
        double max = THRESHOLD * 1.5;
        for (BalanceRow r : table.rows()) {
            max = Math.max(max, Math.max(Math.abs(r.smdBefore()), Math.abs(r.smdAfter())));
        }
        max = Math.ceil(max * 10) / 10;
        StringBuilder s = new StringBuilder();
        s.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
                + "viewBox=\"0 0 %d %d\" font-family=\"sans-serif\" font-size=\"12\" role=\"img\" "
                + "aria-label=\"%s\">%n", width, height, width, height, escape(title)));
        s.append(String.format(Locale.ROOT, "<title>%s</title>%n", escape(title)));
        s.append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
        s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"22\" font-size=\"14\" font-weight=\"bold\">%s</text>%n",
                left, escape(title)));
        int bottom = top + rows * rowHeight;
        for (int t = 0; t <= 4; t++) {
            double v = max * t / 4;
            double x = left + plotWidth * v / max;
            s.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#dddddd\"/>%n",
                    x, top, x, bottom));
            s.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%.2f</text>%n",
                    x, bottom + 16, v));
        }
        double tx = left + plotWidth * THRESHOLD / max;
        s.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#555555\" "
                + "stroke-dasharray=\"4 3\"/>%n", tx, top, tx, bottom));
        s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">Absolute standardised mean "
                + "difference (binary: raw difference)</text>%n", left + plotWidth / 2, bottom + 34));
        for (int i = 0; i < rows; i++) {
            BalanceRow r = table.rows().get(i);
            double y = top + i * rowHeight + rowHeight / 2.0;
            s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\" dominant-baseline=\"middle\">"
                    + "%s</text>%n", left - 8, y, escape(r.covariate())));
            double xb = left + plotWidth * Math.abs(r.smdBefore()) / max;
            double xa = left + plotWidth * Math.abs(r.smdAfter()) / max;
            s.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"5\" fill=\"none\" stroke=\"%s\" "
                    + "stroke-width=\"2\"><title>%s before: %.3f</title></circle>%n", xb, y, BEFORE,
                    escape(r.covariate()), r.smdBefore()));
            s.append(String.format(Locale.ROOT, "<path d=\"M %.1f %.1f l 5 8 l -10 0 z\" fill=\"%s\"><title>%s after: "
                    + "%.3f</title></path>%n", xa, y - 5, AFTER, escape(r.covariate()), r.smdAfter()));
        }
        int ly = bottom + 52;
        s.append(String.format(Locale.ROOT, "<circle cx=\"%d\" cy=\"%d\" r=\"5\" fill=\"none\" stroke=\"%s\" "
                + "stroke-width=\"2\"/><text x=\"%d\" y=\"%d\" dominant-baseline=\"middle\">Unadjusted</text>%n",
                left, ly, BEFORE, left + 10, ly));
        s.append(String.format(Locale.ROOT, "<path d=\"M %d %d l 5 8 l -10 0 z\" fill=\"%s\"/><text x=\"%d\" y=\"%d\" "
                + "dominant-baseline=\"middle\">Adjusted</text>%n", left + 110, ly - 5, AFTER, left + 120, ly));
        s.append("</svg>\n");
        return s.toString();
    }

    private static String escape(String t) {
        return t.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
