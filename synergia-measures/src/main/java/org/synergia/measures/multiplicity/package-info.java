/**
 * Multiple outcomes and multiple testing: {@link org.synergia.measures.multiplicity.PValueAdjustment}
 * (Holm, Benjamini–Hochberg and Anderson's sharpened q-values, the last computed by
 * {@link org.synergia.measures.multiplicity.SharpenedQValues}),
 * {@link org.synergia.measures.multiplicity.StepdownMaxT} (Westfall–Young and Romano–Wolf
 * resampling step-down adjustments) and {@link org.synergia.measures.multiplicity.FamilyIndex}
 * (standardised indices over a family of outcomes). The case pipeline adjusts p-values within each
 * outcome domain of an analysis with {@link org.synergia.measures.multiplicity.PValueAdjustment}.
 */
package org.synergia.measures.multiplicity;
