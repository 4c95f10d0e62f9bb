/**
 * Regression discontinuity with the conventions of R {@code rdrobust}:
 * {@link org.synergia.effects.rd.RdRobust} fits local polynomials on each side of the cutoff (sharp
 * and fuzzy designs, covariates, clusters), with data-driven bandwidths
 * ({@link org.synergia.effects.rd.BandwidthSelector}) and robust bias-corrected inference, and
 * returns an {@link org.synergia.effects.rd.RdResult} with the conventional, bias-corrected and
 * robust rows. Data come as arrays or an {@link org.synergia.effects.rd.RdSample}.
 * {@link org.synergia.effects.rd.RdPlot} computes the binned RD plot
 * ({@link org.synergia.effects.rd.RdPlotData}, with an SVG rendering).
 */
package org.synergia.effects.rd;
