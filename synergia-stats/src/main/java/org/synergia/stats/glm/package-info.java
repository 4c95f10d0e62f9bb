/**
 * Generalised linear models on dense designs given as columns of primitive arrays: {@link
 * org.synergia.stats.glm.Glm} (gaussian/identity, binomial/logit, binomial/probit, poisson/log) and
 * {@link org.synergia.stats.glm.MultinomialLogit}, fitted by Newton–Raphson with sampling or
 * frequency weights. Fits expose their score contributions and information matrix so that larger
 * M-estimators can stack them ({@link org.synergia.stats.inference.SandwichVariance}).
 */
package org.synergia.stats.glm;
