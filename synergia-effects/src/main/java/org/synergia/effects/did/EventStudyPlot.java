package org.synergia.effects.did;

import java.util.List;
import java.util.Locale;
import org.synergia.data.NumericColumn;
import org.synergia.effects.chart.SvgPlot;

/**
 * The event-study plot of a staggered design ({@code did --event-plot}), as R {@code did}'s
 * {@code ggdid} of a dynamic aggregation shows it: the effect at each event time {@code e = t − g},
 * pre-treatment times in blue and post-treatment times in vermillion, each with its pointwise
 * confidence interval (bars with caps) and, when the multiplier bootstrap ran, the uniform band
 * (translucent boxes); a dashed line at zero and another between {@code e = −1} and {@code e = 0}.
 * A point without a standard error (the universal base period's reference, 0 by construction) is
 * drawn as a ring.
 */
public final class EventStudyPlot {

    /**
     * One event time.
     *
     * @param eventTime {@code e}
     * @param estimate {@code ATT:e=k}
     * @param se its standard error (NaN for a reference point)
     * @param ciLow lower end of the pointwise interval
     * @param ciHigh upper end
     * @param bandLow lower end of the uniform band (NaN without bootstrap)
     * @param bandHigh upper end
     */
    public record Point(double eventTime, double estimate, double se, double ciLow, double ciHigh, double bandLow,
            double bandHigh) {
    }

    private EventStudyPlot() {
    }

    /**
     * @param points the event times, increasing
     * @param level the confidence level of intervals and band
     * @param critical the band's critical value (NaN without band)
     * @param draws the bootstrap draws behind it
     * @param outcome the outcome's label, for the vertical axis
     * @return the SVG document
     */
    static String svg(List<Point> points, double level, double critical, int draws, String outcome) {
        double xMin = points.get(0).eventTime() - 0.5;
        double xMax = points.get(points.size() - 1).eventTime() + 0.5;
        double yMin = 0;
        double yMax = 0;
        for (Point p : points) {
            for (double v : new double[] {p.estimate(), p.ciLow(), p.ciHigh(), p.bandLow(), p.bandHigh()}) {
                if (Double.isFinite(v)) {
                    yMin = Math.min(yMin, v);
                    yMax = Math.max(yMax, v);
                }
            }
        }
        // headroom above the data for the notes in the top-left corner
        yMax += 0.3 * (yMax > yMin ? yMax - yMin : 1);
        String percent = NumericColumn.formatNumber(100 * level) + "%";
        SvgPlot plot = SvgPlot.covering(xMin, xMax, yMin, yMax).begin("Event study: " + outcome, "Event-study plot")
                .axes("Periods since first treated (e = t - g)", "ATT:e (" + outcome + ")")
                .dashedHorizontal(0, "#777");
        if (xMin < -0.5 && xMax > -0.5) {
            plot.dashedVertical(-0.5, "#777");
        }
        for (Point p : points) {
            String colour = p.eventTime() < 0 ? SvgPlot.BLUE : SvgPlot.VERMILLION;
            if (Double.isFinite(p.bandLow()) && Double.isFinite(p.bandHigh())) {
                plot.box(p.eventTime(), p.bandLow(), p.bandHigh(), 9, colour);
            }
            if (Double.isFinite(p.ciLow()) && Double.isFinite(p.ciHigh())) {
                plot.interval(p.eventTime(), p.ciLow(), p.ciHigh(), 5, 2, colour);
                plot.point(p.eventTime(), p.estimate(), 4, colour);
            } else {
                plot.ring(p.eventTime(), p.estimate(), 4, colour);
            }
        }
        plot.note(0, "bars: pointwise " + percent + " confidence intervals", "#333");
        if (Double.isFinite(critical)) {
            plot.note(1, String.format(Locale.ROOT, "boxes: uniform %s band, critical value %.3f (%d multiplier draws)",
                    percent, critical, draws), "#333");
        }
        plot.note(Double.isFinite(critical) ? 2 : 1, "blue: before treatment; vermillion: from treatment on", "#333");
        return plot.end();
    }
}
