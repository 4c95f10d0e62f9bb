package org.synergia.report.chart;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A love plot: for each covariate, the absolute standardised difference in means between the
 * groups compared before adjustment (hollow marker) and after weighting or matching (filled
 * marker), with a dashed line at 0.1. One panel per comparison, side by side up to three to a
 * row and stacked beyond, on one shared axis so that the panels compare at a glance. Each marker
 * pair is a group carrying {@code data-variable}, {@code data-smd-raw} and
 * {@code data-smd-adjusted} (the signed stored values), inside its panel's group carrying
 * {@code data-contrast}.
 */
public final class LovePlot {

    /** The conventional threshold of a standardised difference taken as imbalance. */
    public static final double THRESHOLD = 0.1;

    private static final double WIDTH = 730;
    private static final double LABEL_WIDTH = 130;
    private static final double RIGHT = 16;
    private static final double GAP = 20;
    private static final double ROW = 18;
    private static final double LINE = 13;
    private static final int COLUMNS = 3;

    /**
     * One covariate of a comparison.
     *
     * @param variable its name
     * @param smdRaw standardised difference in the raw sample (signed; NaN when not computed)
     * @param smdAdjusted after weighting or matching (signed; NaN when not computed)
     */
    public record Covariate(String variable, double smdRaw, double smdAdjusted) {}

    /**
     * One comparison's panel.
     *
     * @param title the groups compared, in the reader's words
     * @param contrast the comparison's code ({@code 2vs0}), written as {@code data-contrast}
     * @param covariates its covariates, top to bottom
     */
    public record Panel(String title, String contrast, List<Covariate> covariates) {}

    /**
     * The words of the chart.
     *
     * @param axis the horizontal axis's label
     * @param raw the legend of the hollow markers
     * @param adjusted the legend of the filled markers
     * @param threshold the legend of the dashed line, followed here by its value
     */
    public record Labels(String axis, String raw, String adjusted, String threshold) {}

    private LovePlot() {}

    /**
     * @param title the chart's title
     * @param panels the comparisons, at least one
     * @param labels the axis label and the legend
     * @param footnote the source note (and the simulated-data mark where it applies)
     * @return the SVG
     */
    public static String render(String title, List<Panel> panels, Labels labels, String footnote) {
        int columns = Math.min(COLUMNS, panels.size());
        double panelWidth = (WIDTH - LABEL_WIDTH - RIGHT - (columns - 1) * GAP) / columns;
        double max = THRESHOLD * 1.5;
        for (Panel p : panels) {
            for (Covariate c : p.covariates()) {
                for (double v : new double[] {c.smdRaw(), c.smdAdjusted()}) {
                    if (Double.isFinite(v)) {
                        max = Math.max(max, Math.abs(v));
                    }
                }
            }
        }
        int titleChars = (int) (panelWidth / 6.8);
        List<List<Panel>> blocks = new ArrayList<>();
        for (int i = 0; i < panels.size(); i += columns) {
            blocks.add(panels.subList(i, Math.min(panels.size(), i + columns)));
        }
        double height = 30;
        for (List<Panel> block : blocks) {
            height += blockHeight(block, titleChars);
        }
        double axisY = height;
        height += 64;

        Svg svg = Svg.of(WIDTH, height, title, description(panels, labels));
        svg.text(8, 18, title, 13, "start", Palette.TEXT, true);
        double y = 30;
        for (List<Panel> block : blocks) {
            y = block(svg, block, y, max, panelWidth, titleChars);
        }
        svg.text(LABEL_WIDTH + (WIDTH - LABEL_WIDTH - RIGHT) / 2, axisY + 12, labels.axis(), 11, "middle", Palette.TEXT, false);
        legend(svg, axisY + 32, labels);
        svg.text(8, height - 10, footnote, 10, "start", Palette.MUTED, false);
        return svg.toString();
    }

    private static double blockHeight(List<Panel> block, int titleChars) {
        int titleLines = block.stream().mapToInt(p -> wrap(p.title(), titleChars).size()).max().orElse(1);
        return titleLines * LINE + 6 + variables(block).size() * ROW + 24;
    }

    /** Draws a row of panels from {@code top}; returns where the next row starts. */
    private static double block(Svg svg, List<Panel> block, double top, double max, double panelWidth, int titleChars) {
        List<String> variables = variables(block);
        int titleLines = block.stream().mapToInt(p -> wrap(p.title(), titleChars).size()).max().orElse(1);
        double rowsTop = top + titleLines * LINE + 6;
        double rowsBottom = rowsTop + variables.size() * ROW;
        for (int i = 0; i < variables.size(); i++) {
            double centre = rowsTop + i * ROW + ROW / 2;
            if (i % 2 == 0) {
                svg.rect(4, centre - ROW / 2, WIDTH - 8, ROW, "#f4f4f4", null);
            }
            svg.text(LABEL_WIDTH - 10, centre + 4, ForestPlot.truncate(variables.get(i), 20), 10.5, "end", Palette.TEXT, false);
        }
        for (int k = 0; k < block.size(); k++) {
            Panel p = block.get(k);
            double left = LABEL_WIDTH + k * (panelWidth + GAP);
            Scale x = Scale.covering(0, max, true, left + 6, left + panelWidth - 6);
            svg.group("contrast", p.contrast());
            List<String> lines = wrap(p.title(), titleChars);
            for (int l = 0; l < lines.size(); l++) {
                svg.text(left + panelWidth / 2, top + (l + 1) * LINE - 2, lines.get(l), 11, "middle", Palette.TEXT, true);
            }
            for (double t : x.ticks()) {
                svg.line(x.px(t), rowsTop, x.px(t), rowsBottom, t == 0 ? Palette.MUTED : Palette.GRID, t == 0 ? 1 : 0.5,
                        t == 0 ? null : "2,3");
                svg.text(x.px(t), rowsBottom + 13, Scale.format(t), 10, "middle", Palette.MUTED, false);
            }
            svg.group("threshold", String.valueOf(THRESHOLD));
            svg.line(x.px(THRESHOLD), rowsTop - 2, x.px(THRESHOLD), rowsBottom, Palette.TEXT, 1.2, "5,3");
            svg.end();
            for (Covariate c : p.covariates()) {
                double centre = rowsTop + variables.indexOf(c.variable()) * ROW + ROW / 2;
                markers(svg, x, centre, c);
            }
            svg.end();
        }
        return rowsBottom + 24;
    }

    /** The raw (hollow) and adjusted (filled) markers of a covariate, joined by a thin line. */
    private static void markers(Svg svg, Scale x, double y, Covariate c) {
        svg.group("variable", c.variable(), "smd-raw", String.valueOf(c.smdRaw()), "smd-adjusted", String.valueOf(c.smdAdjusted()));
        boolean raw = Double.isFinite(c.smdRaw());
        boolean adjusted = Double.isFinite(c.smdAdjusted());
        if (raw && adjusted) {
            svg.line(x.px(Math.abs(c.smdRaw())), y, x.px(Math.abs(c.smdAdjusted())), y, Palette.GRID, 1.5, null);
        }
        if (raw) {
            svg.group("series", "raw").ring(x.px(Math.abs(c.smdRaw())), y, 4.5, Palette.VERMILLION, 1.8).end();
        }
        if (adjusted) {
            svg.group("series", "adjusted").circle(x.px(Math.abs(c.smdAdjusted())), y, 3.6, Palette.BLUE).end();
        }
        svg.end();
    }

    private static void legend(Svg svg, double y, Labels labels) {
        double x = LABEL_WIDTH;
        svg.ring(x, y - 4, 4.5, Palette.VERMILLION, 1.8);
        svg.text(x + 9, y, labels.raw(), 10.5, "start", Palette.TEXT, false);
        x += 9 + width(labels.raw()) + 22;
        svg.circle(x, y - 4, 3.6, Palette.BLUE);
        svg.text(x + 9, y, labels.adjusted(), 10.5, "start", Palette.TEXT, false);
        x += 9 + width(labels.adjusted()) + 22;
        svg.line(x - 4, y - 4, x + 16, y - 4, Palette.TEXT, 1.2, "5,3");
        svg.text(x + 22, y, labels.threshold() + " " + THRESHOLD, 10.5, "start", Palette.TEXT, false);
    }

    /** An estimate of the width of a 10.5 px text. */
    private static double width(String text) {
        return text.length() * 6.2;
    }

    /** The covariates of a row of panels, in order of first appearance. */
    private static List<String> variables(List<Panel> block) {
        Set<String> out = new LinkedHashSet<>();
        block.forEach(p -> p.covariates().forEach(c -> out.add(c.variable())));
        return List.copyOf(out);
    }

    /** A title over at most two lines of about {@code chars} characters, broken at spaces. */
    static List<String> wrap(String text, int chars) {
        if (text.length() <= chars) {
            return List.of(text);
        }
        int cut = text.lastIndexOf(' ', chars);
        if (cut <= 0) {
            return List.of(ForestPlot.truncate(text, chars));
        }
        return List.of(text.substring(0, cut), ForestPlot.truncate(text.substring(cut + 1), chars));
    }

    private static String description(List<Panel> panels, Labels labels) {
        StringBuilder d = new StringBuilder(labels.axis()).append(". ");
        for (Panel p : panels) {
            d.append(p.title()).append(": ");
            for (Covariate c : p.covariates()) {
                d.append(c.variable()).append(' ').append(labels.raw()).append(' ').append(Scale.format(Math.abs(c.smdRaw())))
                        .append(", ").append(labels.adjusted()).append(' ').append(Scale.format(Math.abs(c.smdAdjusted())))
                        .append("; ");
            }
            d.setLength(d.length() - 2);
            d.append(". ");
        }
        return d.toString().trim();
    }
}
