package org.synergia.report.chart;

import java.util.List;

/**
 * The overlap of the estimated scores: for each comparison, a mirrored histogram of the score
 * (the probability of the compared group against the control) with the group's share of units in
 * each bin above the axis and the control's below, on the same bins, so that regions where one
 * side has units and the other none stand out. One panel per comparison, side by side up to three.
 * Each bar is a rectangle carrying {@code data-side} ({@code treated} or {@code control}),
 * {@code data-low}, {@code data-high} and {@code data-share} (the stored counts' share).
 */
public final class ScoreOverlap {

    private static final double WIDTH = 730;
    private static final double LEFT = 40;
    private static final double RIGHT = 16;
    private static final double GAP = 24;
    private static final double HALF = 70;
    private static final int COLUMNS = 3;

    /**
     * One bin of the histogram.
     *
     * @param low its lower edge
     * @param high its upper edge
     * @param treated the compared group's units in it
     * @param control the control's units in it
     */
    public record Bin(double low, double high, double treated, double control) {}

    /**
     * One comparison's panel.
     *
     * @param title the groups compared, in the reader's words
     * @param contrast the comparison's code ({@code 2vs0})
     * @param bins its bins, ascending
     */
    public record Panel(String title, String contrast, List<Bin> bins) {}

    /**
     * The words of the chart.
     *
     * @param axis the horizontal axis's label
     * @param treated the legend of the bars above the axis
     * @param control the legend of the bars below
     */
    public record Labels(String axis, String treated, String control) {}

    private ScoreOverlap() {}

    /**
     * @param title the chart's title
     * @param panels the comparisons, at least one
     * @param labels the axis label and the legend
     * @param footnote the source note (and the simulated-data mark where it applies)
     * @return the SVG
     */
    public static String render(String title, List<Panel> panels, Labels labels, String footnote) {
        int columns = Math.min(COLUMNS, panels.size());
        int rows = (panels.size() + columns - 1) / columns;
        double panelWidth = (WIDTH - LEFT - RIGHT - (columns - 1) * GAP) / columns;
        double panelHeight = 30 + 2 * HALF + 34;
        double height = 30 + rows * panelHeight + 44;
        double max = 0;
        for (Panel p : panels) {
            double[] total = totals(p);
            for (Bin b : p.bins()) {
                max = Math.max(max, Math.max(share(b.treated(), total[0]), share(b.control(), total[1])));
            }
        }
        max = max > 0 ? max : 1;
        Svg svg = Svg.of(WIDTH, height, title, labels.axis() + ": " + labels.treated() + " / " + labels.control());
        svg.text(8, 18, title, 13, "start", Palette.TEXT, true);
        for (int k = 0; k < panels.size(); k++) {
            Panel p = panels.get(k);
            double left = LEFT + (k % columns) * (panelWidth + GAP);
            double top = 30 + (k / columns) * panelHeight;
            double axis = top + 30 + HALF;
            svg.group("contrast", p.contrast());
            List<String> lines = LovePlot.wrap(p.title(), (int) (panelWidth / 6.8));
            for (int l = 0; l < lines.size(); l++) {
                svg.text(left + panelWidth / 2, top + 12 + l * 13, lines.get(l), 11, "middle", Palette.TEXT, true);
            }
            double lo = p.bins().get(0).low();
            double hi = p.bins().get(p.bins().size() - 1).high();
            Scale x = Scale.covering(lo, hi, false, left, left + panelWidth);
            double[] total = totals(p);
            for (Bin b : p.bins()) {
                double x0 = x.px(b.low());
                double w = Math.max(0.5, x.px(b.high()) - x0 - 0.6);
                double up = HALF * share(b.treated(), total[0]) / max;
                double down = HALF * share(b.control(), total[1]) / max;
                svg.group("side", "treated", "low", String.valueOf(b.low()), "high", String.valueOf(b.high()), "share",
                        String.valueOf(share(b.treated(), total[0]))).rect(x0, axis - up, w, up, Palette.BLUE, null).end();
                svg.group("side", "control", "low", String.valueOf(b.low()), "high", String.valueOf(b.high()), "share",
                        String.valueOf(share(b.control(), total[1]))).rect(x0, axis, w, down, Palette.ORANGE, null).end();
            }
            svg.line(left, axis, left + panelWidth, axis, Palette.MUTED, 1, null);
            for (double t : x.ticks()) {
                svg.text(x.px(t), axis + HALF + 13, Scale.format(t), 10, "middle", Palette.MUTED, false);
            }
            svg.end();
        }
        double legendY = height - 30;
        svg.text(LEFT + (WIDTH - LEFT - RIGHT) / 2, legendY - 14, labels.axis(), 11, "middle", Palette.TEXT, false);
        svg.rect(LEFT, legendY - 2, 10, 10, Palette.BLUE, null);
        svg.text(LEFT + 14, legendY + 7, labels.treated(), 10.5, "start", Palette.TEXT, false);
        double x2 = LEFT + 14 + labels.treated().length() * 6.2 + 22;
        svg.rect(x2, legendY - 2, 10, 10, Palette.ORANGE, null);
        svg.text(x2 + 14, legendY + 7, labels.control(), 10.5, "start", Palette.TEXT, false);
        svg.text(8, height - 6, footnote, 10, "start", Palette.MUTED, false);
        return svg.toString();
    }

    private static double[] totals(Panel p) {
        double t = 0;
        double c = 0;
        for (Bin b : p.bins()) {
            t += b.treated();
            c += b.control();
        }
        return new double[] {t, c};
    }

    private static double share(double count, double total) {
        return total > 0 ? count / total : 0;
    }
}
