/**
 * The results store of a workspace: {@link org.synergia.cases.store.ResultsStore}, an embedded
 * DuckDB database ({@code results.duckdb}) with one row per case
 * ({@link org.synergia.cases.store.CaseRecord}, with provenance), estimate
 * ({@link org.synergia.cases.store.EstimateRecord}), diagnostic or warning
 * ({@link org.synergia.cases.store.DiagnosticRecord}), simulation-model statistic
 * ({@link org.synergia.cases.store.ModelResultRecord}) and cross-case result
 * ({@link org.synergia.cases.store.PooledRecord}, {@link org.synergia.cases.store.StudyRecord}).
 * Estimates keep their term's printed name in {@code term} and its lossless
 * {@link org.synergia.stats.inference.Term#key()} in {@code term_key}, read back as a typed term.
 * The pipeline writes it; the synthesis, the microsimulation, the reports and the portal read it.
 */
package org.synergia.cases.store;
