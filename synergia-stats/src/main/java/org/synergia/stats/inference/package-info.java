/**
 * Inference shared by every estimator: result rows ({@link org.synergia.stats.inference.Estimate}),
 * the result contract ({@link org.synergia.stats.inference.EstimationResult}), and variance
 * estimators for M-estimators: per-observation estimating functions, the sandwich
 * {@code A⁻¹ B A⁻ᵀ} with heteroskedasticity-robust and cluster-robust meats, and Stata's
 * small-sample factors ({@link org.synergia.stats.inference.SmallSampleCorrection}).
 */
package org.synergia.stats.inference;
