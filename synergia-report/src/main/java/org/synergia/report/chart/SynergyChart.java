package org.synergia.report.chart;

/**
 * The synergy decomposition: the effect of each programme alone, their sum (what additivity
 * predicts), the effect of both together, and the gap between the last two (the synergy) with its
 * confidence interval.
 */
public final class SynergyChart {

    private SynergyChart() {}

    /**
     * The values to draw, in outcome units.
     *
     * @param a effect of the first programme alone
     * @param b effect of the second programme alone
     * @param both effect of both together
     * @param synergy the synergy estimate (both - a - b)
     * @param synergyLow lower end of its 95% interval
     * @param synergyHigh upper end
     */
    public record Decomposition(double a, double b, double both, double synergy, double synergyLow, double synergyHigh) {}

    /**
     * @param title the chart's title
     * @param d the decomposition
     * @param labels labels of: a alone, b alone, sum, both, synergy
     * @param axisLabel the vertical axis's label
     * @param footnote source note and simulated-data mark
     * @return the SVG
     */
    public static String render(String title, Decomposition d, String[] labels, String axisLabel, String footnote) {
        double width = 640;
        double height = 320;
        double left = 70;
        double top = 36;
        double bottom = height - 80;
        double sum = d.a() + d.b();
        double low = Math.min(0, Math.min(Math.min(d.a(), d.b()), Math.min(sum, d.both())));
        double high = Math.max(0, Math.max(Math.max(d.a(), d.b()), Math.max(sum, d.both())));
        Scale y = Scale.covering(low, high, true, bottom, top);
        String description = labels[0] + " " + Scale.format(d.a()) + "; " + labels[1] + " " + Scale.format(d.b()) + "; "
                + labels[2] + " " + Scale.format(sum) + "; " + labels[3] + " " + Scale.format(d.both()) + "; " + labels[4] + " "
                + Scale.format(d.synergy()) + " [" + Scale.format(d.synergyLow()) + ", " + Scale.format(d.synergyHigh()) + "].";
        Svg svg = Svg.of(width, height, title, description);
        svg.text(8, 18, title, 13, "start", Palette.TEXT, true);
        for (double t : y.ticks()) {
            svg.line(left, y.px(t), width - 20, y.px(t), Palette.GRID, 0.5, "2,3");
            svg.text(left - 6, y.px(t) + 4, Scale.format(t), 10, "end", Palette.MUTED, false);
        }
        double slot = (width - left - 20) / 4;
        double bar = slot * 0.5;
        double[] values = {d.a(), d.b(), sum, d.both()};
        String[] colours = {Palette.ORANGE, Palette.GREEN, null, Palette.BLUE};
        for (int k = 0; k < 4; k++) {
            double x = left + k * slot + (slot - bar) / 2;
            if (k == 2) {
                // the sum, stacked: a then b
                stack(svg, y, x, bar, 0, d.a(), Palette.ORANGE);
                stack(svg, y, x, bar, d.a(), sum, Palette.GREEN);
            } else {
                stack(svg, y, x, bar, 0, values[k], colours[k]);
            }
            svg.text(x + bar / 2, bottom + 16, ForestPlot.truncate(labels[k], 24), 10, "middle", Palette.TEXT, false);
            svg.text(x + bar / 2, y.px(values[k]) + (values[k] >= 0 ? -5 : 14), Scale.format(values[k]), 10, "middle",
                    Palette.TEXT, true);
        }
        double gapX = left + 3 * slot + slot - 18;
        svg.line(gapX, y.px(sum), gapX, y.px(d.both()), Palette.VERMILLION, 3, null);
        svg.line(left + 2 * slot + (slot + bar) / 2, y.px(sum), gapX, y.px(sum), Palette.VERMILLION, 1, "4,3");
        svg.text(width - 20, top - 2, labels[4] + ": " + Scale.format(d.synergy()) + " [" + Scale.format(d.synergyLow()) + ", "
                + Scale.format(d.synergyHigh()) + "]", 11, "end", Palette.VERMILLION, true);
        svg.line(left, y.px(0), width - 20, y.px(0), Palette.TEXT, 1, null);
        svg.text(left, bottom + 36, axisLabel, 10, "start", Palette.MUTED, false);
        svg.text(8, height - 10, footnote, 10, "start", Palette.MUTED, false);
        return svg.toString();
    }

    private static void stack(Svg svg, Scale y, double x, double width, double from, double to, String colour) {
        double a = y.px(from);
        double b = y.px(to);
        svg.rect(x, Math.min(a, b), width, Math.abs(a - b), colour, null);
    }
}
