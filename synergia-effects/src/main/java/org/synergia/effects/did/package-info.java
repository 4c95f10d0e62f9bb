/**
 * Difference-in-differences estimators of the ATT. {@link org.synergia.effects.did.DrDid} gives the
 * two-period estimators of R {@code DRDID} (doubly robust, IPW, outcome regression, two-way fixed
 * effects; {@link org.synergia.effects.did.DidMethod}) for panels and repeated cross-sections, with
 * influence-function or cluster-robust standard errors, returning a
 * {@link org.synergia.effects.did.DidResult}. {@link org.synergia.effects.did.StaggeredDid} gives the
 * group-time effects {@code ATT(g,t)} of staggered adoption and their aggregations (Callaway and
 * Sant'Anna 2021) as R {@code did} computes them, against never- or not-yet-treated units
 * ({@link org.synergia.effects.did.ControlGroup}), with a varying or universal base period
 * ({@link org.synergia.effects.did.BasePeriod}), anticipation, balanced or unbalanced panels and
 * repeated cross-sections, the pre-trend Wald test and multiplier-bootstrap uniform bands, in a
 * {@link org.synergia.effects.did.StaggeredDidResult} with its
 * {@link org.synergia.effects.did.EventStudyPlot}. Data come in long form as
 * {@link org.synergia.effects.did.DidColumns}; nuisance models are fitted with
 * {@code org.synergia.stats.glm}.
 */
package org.synergia.effects.did;
