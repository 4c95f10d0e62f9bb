/**
 * Regression discontinuity with the conventions of R {@code rdrobust}:
 * {@link org.synergia.effects.rd.RdRobust} fits local polynomials on each side of the cutoff (sharp
 * and fuzzy designs, covariates, clusters), with data-driven bandwidths
 * ({@link org.synergia.effects.rd.BandwidthSelector}) and robust bias-corrected inference, and
 * returns an {@link org.synergia.effects.rd.RdResult} with the conventional, bias-corrected and
 * robust rows. Data come as arrays or an {@link org.synergia.effects.rd.RdSample}.
 * {@link org.synergia.effects.rd.RdPlot} computes the binned RD plot
 * ({@link org.synergia.effects.rd.RdPlotData}, with an SVG rendering). The manipulation test of
 * the design, a discontinuity of the running variable's density at the cutoff (R {@code rddensity}
 * conventions), is {@link org.synergia.effects.rd.RdDensity}, returning an
 * {@link org.synergia.effects.rd.RdDensityResult}; {@link org.synergia.effects.rd.RdDensityPlot}
 * computes its density plot ({@link org.synergia.effects.rd.RdDensityPlotData}). Both plots are
 * written by {@link org.synergia.effects.chart.SvgPlot}.
 */
package org.synergia.effects.rd;
