package org.synergia.effects.rd;

import java.util.List;

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
     * The plot as a standalone SVG document ({@link SvgChart}): bin means as dots, fitted curves as
     * lines (blue left, vermillion right), a dashed line at the cutoff, labelled axes with ticks.
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
        SvgChart chart = SvgChart.open("Regression discontinuity plot", title, xLabel, yLabel, xMin, xMax, yMin, yMax);
        chart.cutoff(cutoff);
        for (Bin b : bins) {
            chart.circle(b.x(), b.y(), b.right() ? SvgChart.RIGHT_COLOUR : SvgChart.LEFT_COLOUR);
        }
        chart.polyline(leftCurve[0], leftCurve[1], SvgChart.LEFT_COLOUR);
        chart.polyline(rightCurve[0], rightCurve[1], SvgChart.RIGHT_COLOUR);
        return chart.close();
    }
}
