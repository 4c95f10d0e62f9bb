/**
 * Continuous treatment intensity ("dose"): {@link org.synergia.effects.dose.ExposureRegression}
 * regresses the outcome on the dose, or on bins of it, with controls and an optional subgroup
 * interaction (robust or cluster-robust SEs); {@link org.synergia.effects.dose.GpsDoseResponse}
 * estimates the dose-response function {@code mu(t)} by the generalised propensity score (Hirano and
 * Imbens 2004) with bootstrap intervals. Both take a {@link org.synergia.effects.dose.DoseSample} and
 * return a {@link org.synergia.effects.dose.DoseResult}, whose terms are
 * {@link org.synergia.stats.inference.Term} values of the dose kinds.
 */
package org.synergia.effects.dose;
