/**
 * The cross-case synthesis: {@link org.synergia.synthesis.crosscase.CrossCaseSynthesis} reads each
 * case's stored estimates, classifies what each compares (social protection alone, productive
 * support alone, the combination, productive support added, the synergy) from the programmes of the
 * groups in its specification, standardises the effects and pools them by outcome domain and region
 * with the random-effects meta-analysis of {@code org.synergia.synthesis.meta}. The result
 * ({@link org.synergia.cases.store.PooledRecord}s and {@link org.synergia.cases.store.StudyRecord}s)
 * goes back to the results store for the reports and the portal.
 */
package org.synergia.synthesis.crosscase;
