package org.synergia.report.chart;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The institutional architecture of a case: actors as boxes in rows by level (international,
 * national, subnational, local), coordination mechanisms as lines between the actors they link,
 * solid for horizontal and dashed for vertical coordination.
 */
public final class ActorDiagram {

    private ActorDiagram() {}

    /**
     * An actor to place.
     *
     * @param name its name
     * @param level its level's index (0 international, 1 national, 2 subnational, 3 local)
     * @param caption its sector, shown under the name
     */
    public record Actor(String name, int level, String caption) {}

    /**
     * A link between actors.
     *
     * @param actors the actors linked (by name)
     * @param label the mechanism's kind
     * @param vertical whether it is vertical coordination
     */
    public record Link(List<String> actors, String label, boolean vertical) {}

    /**
     * @param title the chart's title
     * @param levelNames the names of the four levels
     * @param actors the actors
     * @param links the mechanisms
     * @param footnote the legend and source note
     * @return the SVG
     */
    public static String render(String title, String[] levelNames, List<Actor> actors, List<Link> links, String footnote) {
        double width = 760;
        double rowHeight = 90;
        double top = 40;
        List<Integer> usedLevels = actors.stream().map(Actor::level).distinct().sorted().toList();
        double height = top + usedLevels.size() * rowHeight + 40;
        Map<String, double[]> centre = new LinkedHashMap<>();
        StringBuilder description = new StringBuilder();
        for (int row = 0; row < usedLevels.size(); row++) {
            int level = usedLevels.get(row);
            List<Actor> inRow = actors.stream().filter(a -> a.level() == level).toList();
            double slot = (width - 140) / inRow.size();
            for (int k = 0; k < inRow.size(); k++) {
                centre.put(inRow.get(k).name(), new double[] {140 + slot * k + slot / 2, top + row * rowHeight + rowHeight / 2});
            }
            description.append(levelNames[level]).append(": ");
            inRow.forEach(a -> description.append(a.name()).append(" (").append(a.caption()).append("); "));
        }
        Svg svg = Svg.of(width, height, title, description.toString().trim());
        svg.text(8, 18, title, 13, "start", Palette.TEXT, true);
        for (int row = 0; row < usedLevels.size(); row++) {
            double y = top + row * rowHeight;
            svg.rect(0, y, width, rowHeight - 6, row % 2 == 0 ? "#f4f4f4" : "#ffffff", null);
            svg.text(8, y + rowHeight / 2 + 4, levelNames[usedLevels.get(row)], 11, "start", Palette.MUTED, true);
        }
        List<String> drawn = new ArrayList<>();
        for (Link link : links) {
            for (int i = 0; i + 1 < link.actors().size(); i++) {
                double[] a = centre.get(link.actors().get(i));
                double[] b = centre.get(link.actors().get(i + 1));
                if (a == null || b == null) {
                    continue;
                }
                String pair = link.actors().get(i) + "|" + link.actors().get(i + 1);
                int offset = (int) drawn.stream().filter(k -> k.equals(pair)).count();
                drawn.add(pair);
                double dy = offset * 8;
                svg.line(a[0], a[1] + dy, b[0], b[1] + dy, link.vertical() ? Palette.VERMILLION : Palette.BLUE, 2,
                        link.vertical() ? "6,4" : null);
                svg.text((a[0] + b[0]) / 2, (a[1] + b[1]) / 2 + dy - 4, link.label(), 9, "middle",
                        link.vertical() ? Palette.VERMILLION : Palette.BLUE, false);
            }
        }
        for (Actor a : actors) {
            double[] c = centre.get(a.name());
            double boxWidth = Math.min(170, 8 + 6.2 * Math.max(a.name().length(), a.caption().length()));
            svg.rect(c[0] - boxWidth / 2, c[1] - 20, boxWidth, 40, "#ffffff", Palette.TEXT);
            svg.text(c[0], c[1] - 3, ForestPlot.truncate(a.name(), 27), 10, "middle", Palette.TEXT, true);
            svg.text(c[0], c[1] + 12, ForestPlot.truncate(a.caption(), 27), 9, "middle", Palette.MUTED, false);
        }
        svg.text(8, height - 10, footnote, 10, "start", Palette.MUTED, false);
        return svg.toString();
    }
}
