/**
 * The charts of reports and portal pages, as standalone accessible SVG built with
 * {@link org.synergia.report.chart.Svg} in the colour-blind-safe {@link org.synergia.report.chart.Palette}:
 * {@link org.synergia.report.chart.ForestPlot} (effects and pooled effects with intervals),
 * {@link org.synergia.report.chart.SynergyChart} (each programme alone, their sum, both together and
 * the synergy), {@link org.synergia.report.chart.CurveChart} (a curve with its band, such as a dose
 * response), {@link org.synergia.report.chart.LovePlot} (covariate balance before and after adjustment,
 * one panel per comparison) and {@link org.synergia.report.chart.ActorDiagram} (a case's institutional
 * architecture).
 */
package org.synergia.report.chart;
