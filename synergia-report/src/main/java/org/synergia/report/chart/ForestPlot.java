package org.synergia.report.chart;

import java.util.List;

/**
 * A forest plot: one row per estimate with its 95% confidence interval, a line at zero, and
 * pooled estimates drawn as diamonds. Used for a case's effects by comparison and for the
 * cross-case syntheses.
 */
public final class ForestPlot {

    private static final double ROW = 24;
    private static final double LABEL_WIDTH = 270;
    private static final double PLOT_WIDTH = 330;
    private static final double VALUE_WIDTH = 130;

    /**
     * One row.
     *
     * @param label what the row is
     * @param estimate the point estimate
     * @param low lower end of the interval
     * @param high upper end of the interval
     * @param pooled true to draw it as a pooled diamond
     */
    public record Row(String label, double estimate, double low, double high, boolean pooled) {

        /**
         * @param label the heading
         * @return a row that only names the rows below it (in bold, without an estimate)
         */
        public static Row heading(String label) {
            return new Row(label, Double.NaN, Double.NaN, Double.NaN, false);
        }

        boolean isHeading() {
            return Double.isNaN(estimate);
        }
    }

    private ForestPlot() {}

    /**
     * @param title the chart's title
     * @param rows the rows, top to bottom
     * @param axisLabel the horizontal axis's label
     * @param footnote the source note (and the simulated-data mark where it applies)
     * @return the SVG
     */
    public static String render(String title, List<Row> rows, String axisLabel, String footnote) {
        return render(title, rows, axisLabel, footnote, true);
    }

    /**
     * @param title the chart's title
     * @param rows the rows, top to bottom
     * @param axisLabel the horizontal axis's label
     * @param footnote the source note (and the simulated-data mark where it applies)
     * @param zeroLine whether the axis covers zero and draws a line there (effects), or fits the values only (levels)
     * @return the SVG
     */
    public static String render(String title, List<Row> rows, String axisLabel, String footnote, boolean zeroLine) {
        double width = LABEL_WIDTH + PLOT_WIDTH + VALUE_WIDTH;
        List<String> titleLines = Svg.titleLines(title, width);
        double top = 30 + (titleLines.size() - 1) * Svg.TITLE_LINE;
        double height = top + rows.size() * ROW + 70;
        double low = rows.stream().mapToDouble(Row::low).filter(Double::isFinite).min().orElse(-1);
        double high = rows.stream().mapToDouble(Row::high).filter(Double::isFinite).max().orElse(1);
        Scale x = Scale.covering(low, high, zeroLine, LABEL_WIDTH + 10, LABEL_WIDTH + PLOT_WIDTH - 10);
        StringBuilder description = new StringBuilder();
        for (Row r : rows) {
            description.append(r.label()).append(": ").append(Scale.format(r.estimate())).append(" [")
                    .append(Scale.format(r.low())).append(", ").append(Scale.format(r.high())).append("]. ");
        }
        Svg svg = Svg.of(width, height, title, description.toString().trim()).title(titleLines);
        double bottom = top + rows.size() * ROW;
        for (double t : x.ticks()) {
            svg.line(x.px(t), top, x.px(t), bottom, Palette.GRID, 0.5, "2,3");
            svg.text(x.px(t), bottom + 14, Scale.format(t), 10, "middle", Palette.MUTED, false);
        }
        if (zeroLine) {
            svg.line(x.px(0), top - 4, x.px(0), bottom, Palette.TEXT, 1, null);
        }
        for (int i = 0; i < rows.size(); i++) {
            Row r = rows.get(i);
            double y = top + i * ROW + ROW / 2;
            svg.text(8, y + 4, truncate(r.label(), 44), 11, "start", Palette.TEXT, r.pooled() || r.isHeading());
            if (r.isHeading()) {
                continue;
            }
            if (Double.isFinite(r.low()) && Double.isFinite(r.high())) {
                svg.line(x.px(r.low()), y, x.px(r.high()), y, r.pooled() ? Palette.BLUE : Palette.TEXT, 1.5, null);
            }
            if (r.pooled()) {
                svg.polygon(Palette.BLUE, x.px(r.low()), y, x.px(r.estimate()), y - 7, x.px(r.high()), y, x.px(r.estimate()), y + 7);
            } else {
                svg.rect(x.px(r.estimate()) - 4, y - 4, 8, 8, Palette.BLUE, null);
            }
            svg.text(width - 6, y + 4, Scale.format(r.estimate()) + " [" + Scale.format(r.low()) + ", " + Scale.format(r.high()) + "]",
                    10, "end", Palette.MUTED, false);
        }
        svg.text(LABEL_WIDTH + PLOT_WIDTH / 2, bottom + 30, axisLabel, 11, "middle", Palette.TEXT, false);
        svg.text(8, height - 10, footnote, 10, "start", Palette.MUTED, false);
        return svg.toString();
    }

    static String truncate(String s, int length) {
        return s.length() <= length ? s : s.substring(0, length - 1) + "…";
    }
}
