/**
 * Closed-form power and minimum detectable effects for two-arm and 2x2 factorial designs,
 * individually or cluster-randomised, or observational with selection on covariates:
 * {@link org.synergia.measures.power.PowerDesign}, with the arms of
 * {@link org.synergia.measures.power.ArmLayout} and the contrast powered for
 * ({@link org.synergia.measures.power.Contrast}, including the synergy). Used by
 * {@code synergia power}; the simulation-based design diagnosis is in {@code org.synergia.cases.run}.
 */
package org.synergia.measures.power;
