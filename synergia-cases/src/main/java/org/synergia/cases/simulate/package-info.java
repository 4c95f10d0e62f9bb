/**
 * Simulated surveys with planted effects, so that the bundled cases run without restricted
 * microdata: {@link org.synergia.cases.simulate.SurveySimulator} generates a case's survey from its
 * {@link org.synergia.cases.spec.SimulationSpec} and outcome specifications (villages with
 * intra-cluster correlation, the study's assignment mechanism, item-level instrument answers through
 * {@link org.synergia.cases.simulate.ItemModel}), identically for the same seed. The
 * {@link org.synergia.cases.simulate.SimulatedSurvey} carries the data and the truth planted in
 * them, which the pipeline stores beside each estimate and the design diagnosis measures coverage
 * against.
 */
package org.synergia.cases.simulate;
