/**
 * Matching estimators of the ATE and ATT: {@link org.synergia.effects.matching.PsMatch}
 * (nearest-neighbour matching on an estimated propensity score, as Stata {@code teffects psmatch}
 * and R {@code Matching}, with the Abadie–Imbens 2016 standard error),
 * {@link org.synergia.effects.matching.NnMatch} (nearest-neighbour matching on covariates, as
 * {@code teffects nnmatch}, with optional bias adjustment) and
 * {@link org.synergia.effects.matching.KernelMatch} (kernel matching on the score). Each returns a
 * {@link org.synergia.effects.matching.MatchingResult} carrying the balance table and overlap
 * histogram of {@code org.synergia.effects.balance} and the per-row
 * {@link org.synergia.effects.matching.MatchingWeights}; nearest-neighbour ATT matching on the score
 * also gives its {@link org.synergia.effects.matching.MatchedPairs}, whose sensitivity to hidden bias
 * {@link org.synergia.effects.matching.RosenbaumBounds} measures (Rosenbaum bounds of the signed-rank
 * test and the Hodges-Lehmann estimate, as R {@code rbounds}). Matching on a score sorts once, so it
 * costs {@code O(n log n)}.
 */
package org.synergia.effects.matching;
