/**
 * Case specifications: what a case is (programmes, study design, data, outcomes, analysis plan,
 * institutional analysis, texts in English, Spanish and French), read from YAML. A
 * {@link org.synergia.cases.spec.CaseSpec} holds {@link org.synergia.cases.spec.OutcomeSpec}s,
 * {@link org.synergia.cases.spec.AnalysisSpec}s (the plan), a
 * {@link org.synergia.cases.spec.SimulationSpec} for the bundled simulated survey and optionally a
 * {@link org.synergia.cases.spec.LocalEconomySpec}. {@link org.synergia.cases.spec.CaseSpecReader}
 * reads and validates a file, refusing unknown keys with an {@link org.synergia.data.InputException}
 * naming the file, the key and the fix; {@link org.synergia.cases.spec.CaseCatalogue} lists the eight
 * bundled cases. The schema is documented in {@code docs/case-spec.md}.
 */
package org.synergia.cases.spec;
