package org.synergia.report.chart;

import java.util.List;

/**
 * A curve with a pointwise confidence band, such as a dose-response function: the estimate as a
 * line with markers, the band shaded.
 */
public final class CurveChart {

    private CurveChart() {}

    /**
     * @param title the chart's title
     * @param x the horizontal values, increasing
     * @param y the estimates
     * @param low lower ends of the band
     * @param high upper ends of the band
     * @param xLabel the horizontal axis's label
     * @param yLabel the vertical axis's label
     * @param footnote source note and simulated-data mark
     * @return the SVG
     */
    public static String render(String title, double[] x, double[] y, double[] low, double[] high, String xLabel, String yLabel,
            String footnote) {
        double width = 640;
        List<String> titleLines = Svg.titleLines(title, width);
        double extra = (titleLines.size() - 1) * Svg.TITLE_LINE;
        double height = 300 + extra;
        double left = 70;
        double right = width - 20;
        double top = 36 + extra;
        double bottom = height - 70;
        double yMin = Double.POSITIVE_INFINITY;
        double yMax = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < x.length; i++) {
            yMin = Math.min(yMin, Math.min(y[i], Double.isFinite(low[i]) ? low[i] : y[i]));
            yMax = Math.max(yMax, Math.max(y[i], Double.isFinite(high[i]) ? high[i] : y[i]));
        }
        Scale sx = Scale.covering(x[0], x[x.length - 1], false, left, right);
        Scale sy = Scale.covering(yMin, yMax, false, bottom, top);
        StringBuilder description = new StringBuilder();
        for (int i = 0; i < x.length; i++) {
            description.append(xLabel).append(' ').append(Scale.format(x[i])).append(": ").append(Scale.format(y[i])).append(" [")
                    .append(Scale.format(low[i])).append(", ").append(Scale.format(high[i])).append("]. ");
        }
        Svg svg = Svg.of(width, height, title, description.toString().trim()).title(titleLines);
        for (double t : sy.ticks()) {
            svg.line(left, sy.px(t), right, sy.px(t), Palette.GRID, 0.5, "2,3");
            svg.text(left - 6, sy.px(t) + 4, Scale.format(t), 10, "end", Palette.MUTED, false);
        }
        for (double t : sx.ticks()) {
            svg.text(sx.px(t), bottom + 14, Scale.format(t), 10, "middle", Palette.MUTED, false);
        }
        double[] band = new double[4 * x.length];
        for (int i = 0; i < x.length; i++) {
            band[2 * i] = sx.px(x[i]);
            band[2 * i + 1] = sy.px(high[i]);
            int j = x.length - 1 - i;
            band[2 * x.length + 2 * i] = sx.px(x[j]);
            band[2 * x.length + 2 * i + 1] = sy.px(low[j]);
        }
        svg.polygon("#cfe3f1", band);
        for (int i = 0; i + 1 < x.length; i++) {
            svg.line(sx.px(x[i]), sy.px(y[i]), sx.px(x[i + 1]), sy.px(y[i + 1]), Palette.BLUE, 2, null);
        }
        for (int i = 0; i < x.length; i++) {
            svg.circle(sx.px(x[i]), sy.px(y[i]), 3, Palette.BLUE);
        }
        svg.line(left, bottom, right, bottom, Palette.TEXT, 1, null);
        svg.text((left + right) / 2, bottom + 32, xLabel, 11, "middle", Palette.TEXT, false);
        svg.text(left, top - 4, yLabel, 10, "start", Palette.MUTED, false);
        svg.text(8, height - 10, footnote, 10, "start", Palette.MUTED, false);
        return svg.toString();
    }
}
