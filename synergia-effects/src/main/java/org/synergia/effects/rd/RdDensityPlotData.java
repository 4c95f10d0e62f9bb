package org.synergia.effects.rd;

import java.util.List;
import org.synergia.effects.chart.SvgPlot;

/**
 * The data of a manipulation-test density plot ({@link RdDensityPlot}) and its SVG rendering.
 *
 * @param cutoff the cutoff
 * @param level the bands' confidence level
 * @param left the estimates left of the cutoff
 * @param right the estimates right of it
 * @param histogram the histogram's bars, left to right
 */
public record RdDensityPlotData(double cutoff, double level, Side left, Side right, List<Bar> histogram) {

    /** Copies the bars so the record stays immutable. */
    public RdDensityPlotData {
        histogram = List.copyOf(histogram);
    }

    /**
     * One side's estimates at its grid points (arrays shared, not to be modified).
     *
     * @param grid the grid points
     * @param nh units within the bandwidth of each point
     * @param fP the order-p density estimates (the line)
     * @param fQ the order-q (bias-corrected) estimates
     * @param seP the standard errors of {@code fP}
     * @param seQ those of {@code fQ}
     * @param ciLow the band's lower end, {@code fQ - z seQ}
     * @param ciHigh its upper end
     */
    public record Side(double[] grid, int[] nh, double[] fP, double[] fQ, double[] seP, double[] seQ, double[] ciLow,
            double[] ciHigh) {
    }

    /**
     * A histogram bar.
     *
     * @param lower its left edge
     * @param upper its right edge
     * @param height the share of all units in the bar per unit of the running variable
     * @param right whether it lies right of the cutoff
     */
    public record Bar(double lower, double upper, double height, boolean right) {
    }

    /**
     * The plot as a standalone SVG document ({@link SvgPlot}): the histogram as light bars, on each
     * side the confidence band shaded and the density estimates as a line (blue left, vermillion
     * right), a dashed line at the cutoff. Grid points whose estimate is undefined are left out.
     *
     * @param xLabel the running-variable axis label
     * @param title the title (may be empty)
     * @return the SVG text
     */
    public String toSvg(String xLabel, String title) {
        double xMin = Math.min(left.grid()[0], histogram.isEmpty() ? left.grid()[0] : histogram.get(0).lower());
        double xMax = Math.max(right.grid()[right.grid().length - 1],
                histogram.isEmpty() ? xMin : histogram.get(histogram.size() - 1).upper());
        double yMax = 0;
        for (Bar b : histogram) {
            yMax = Math.max(yMax, b.height());
        }
        for (Side s : List.of(left, right)) {
            for (int i = 0; i < s.grid().length; i++) {
                yMax = max(yMax, s.fP()[i]);
                yMax = max(yMax, s.ciHigh()[i]);
            }
        }
        double yMin = 0;
        for (Side s : List.of(left, right)) {
            for (double v : s.ciLow()) {
                yMin = Double.isFinite(v) ? Math.min(yMin, v) : yMin;
            }
        }
        SvgPlot chart = SvgPlot.covering(xMin, xMax, yMin, yMax).begin(title, "Manipulation test: density of the running variable")
                .axes(xLabel, "Density");
        for (Bar b : histogram) {
            chart.bar(b.lower(), b.upper(), b.height(), b.right() ? SvgPlot.VERMILLION : SvgPlot.BLUE, 0.2);
        }
        draw(chart, left, SvgPlot.BLUE);
        draw(chart, right, SvgPlot.VERMILLION);
        return chart.dashedVertical(cutoff, "#000").end();
    }

    private static double max(double a, double v) {
        return Double.isFinite(v) ? Math.max(a, v) : a;
    }

    private static void draw(SvgPlot chart, Side s, String colour) {
        int m = 0;
        for (int i = 0; i < s.grid().length; i++) {
            if (Double.isFinite(s.fP()[i]) && Double.isFinite(s.ciLow()[i]) && Double.isFinite(s.ciHigh()[i])) {
                m++;
            }
        }
        double[] x = new double[m];
        double[] f = new double[m];
        double[] lo = new double[m];
        double[] hi = new double[m];
        for (int i = 0, k = 0; i < s.grid().length; i++) {
            if (Double.isFinite(s.fP()[i]) && Double.isFinite(s.ciLow()[i]) && Double.isFinite(s.ciHigh()[i])) {
                x[k] = s.grid()[i];
                f[k] = s.fP()[i];
                lo[k] = s.ciLow()[i];
                hi[k] = s.ciHigh()[i];
                k++;
            }
        }
        if (m > 0) {
            chart.band(x, lo, hi, colour, 0.2);
            chart.polyline(x, f, colour);
        }
    }
}
