/**
 * Sensitivity of an estimate to unobserved confounding: the omitted-variable-bias statistics of
 * Cinelli and Hazlett (2020) for a linear regression ({@link OmittedVariableBias}: partial R²,
 * robustness values, bounds from benchmark covariates; {@link LinearSensitivity} applies them to a
 * fitted model) and E-values (VanderWeele and Ding 2017, {@link EValue}). Used by the {@code glm}
 * estimator's {@code sensitivity} option; the conventions are those of R {@code sensemakr} and
 * {@code EValue}.
 */
package org.synergia.stats.sensitivity;
