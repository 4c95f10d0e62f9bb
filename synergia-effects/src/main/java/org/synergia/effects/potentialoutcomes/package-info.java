/**
 * The potential-outcome estimators of Stata's {@code teffects}: {@link org.synergia.effects.potentialoutcomes.Ra},
 * {@link org.synergia.effects.potentialoutcomes.Ipw}, {@link org.synergia.effects.potentialoutcomes.Aipw}
 * and {@link org.synergia.effects.potentialoutcomes.Ipwra}, sharing the immutable settings of
 * {@link org.synergia.effects.potentialoutcomes.PotentialOutcomeEstimator}. They fit treatment and
 * outcome models with {@code org.synergia.stats.glm} and take their standard errors from the stacked
 * estimating equations ({@link org.synergia.stats.inference.SandwichVariance}). Input is a
 * {@link org.synergia.data.Dataset} with two formulas, or the arrays of
 * {@link org.synergia.effects.potentialoutcomes.TreatmentData}; the result is a
 * {@link org.synergia.effects.potentialoutcomes.TreatmentEffectResult} with ATE, ATT, potential-outcome
 * means and, for factorial designs, the {@link org.synergia.effects.potentialoutcomes.Synergy} contrast.
 */
package org.synergia.effects.potentialoutcomes;
