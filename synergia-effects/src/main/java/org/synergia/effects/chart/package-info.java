/**
 * The SVG drawing of the plots this module's estimators write beside their results:
 * {@link org.synergia.effects.chart.SvgPlot}, an x-y plot with labelled axes, used by the binned RD
 * plot ({@link org.synergia.effects.rd.RdPlotData}) and the staggered DiD event-study plot
 * ({@link org.synergia.effects.did.EventStudyPlot}). The reports draw their own charts
 * ({@code org.synergia.report.chart}).
 */
package org.synergia.effects.chart;
