/**
 * Effect sizes on a common scale, so that cases measured with different instruments can be pooled:
 * {@link org.synergia.synthesis.effectsize.EffectSizes} computes standardised mean differences
 * (with Hedges' correction), log ratios of means and standardised impacts, with the conventions of
 * R {@code metafor}'s {@code escalc}; each is an {@link org.synergia.synthesis.effectsize.EffectSize}
 * with its sampling variance, ready for {@code org.synergia.synthesis.meta}.
 */
package org.synergia.synthesis.effectsize;
