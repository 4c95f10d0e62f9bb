/**
 * Meta-analysis with the conventions of R {@code metafor}: {@link org.synergia.synthesis.meta.MetaAnalysis}
 * fits fixed- and random-effects models and meta-regressions of effect sizes with known variances
 * (tau² by {@link org.synergia.synthesis.meta.Tau2Estimator}, z or Knapp–Hartung tests by
 * {@link org.synergia.synthesis.meta.MetaTest}) and returns a
 * {@link org.synergia.synthesis.meta.MetaResult} (pooled effect, moderators, tau², I², H², Q,
 * prediction interval) or a {@link org.synergia.synthesis.meta.SubgroupResult}. It serves
 * {@code synergia estimate meta} and the cross-case synthesis.
 */
package org.synergia.synthesis.meta;
