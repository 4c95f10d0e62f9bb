/**
 * Randomised saturation designs (Baird, Bohren, McIntosh and Özler 2018): clusters randomised to a
 * share of treated individuals, then individuals within them.
 * {@link org.synergia.effects.saturation.SaturationEffects} estimates intention-to-treat and
 * spillover effects, pooled, by saturation and as slopes in the saturation, with cluster-robust SEs
 * and randomisation-inference p-values, from a {@link org.synergia.effects.saturation.SaturationSample};
 * the result is a {@link org.synergia.effects.saturation.SaturationResult}.
 */
package org.synergia.effects.saturation;
