/**
 * The case pipeline, Synergia's main job: {@link org.synergia.cases.run.RunPipeline} loads each
 * case's data ({@link org.synergia.cases.run.CaseData}: the simulated survey, or the user's file
 * with the specification's variable mapping), computes its indicator outcomes, applies every
 * analysis of its plan with the estimators of synergia-effects, adjusts p-values within outcome
 * domains, attaches the planted truth to each estimate of simulated data (matched from the typed
 * {@link org.synergia.stats.inference.Term}, never from its printed name) and writes the results
 * store. Cases run in parallel and one case's failure does not stop the others; the
 * {@link org.synergia.cases.run.RunSummary} says what was produced.
 * {@link org.synergia.cases.run.DesignDiagnosis} repeats a plan over many simulated surveys to
 * measure bias, RMSE, coverage and power.
 */
package org.synergia.cases.run;
