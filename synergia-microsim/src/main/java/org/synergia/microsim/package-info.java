/**
 * Poverty microsimulation of a national scale-up of two programmes: a
 * {@link org.synergia.microsim.ScenarioModel} (each {@link org.synergia.microsim.Programme}'s
 * targeting, take-up, cost and {@link org.synergia.microsim.Effect}, and their synergy) is run for
 * several {@link org.synergia.microsim.Scenario}s over a {@link org.synergia.microsim.PopulationSource}
 * (a Parquet file, or a {@link org.synergia.microsim.SyntheticPopulation} generated from public
 * aggregates), giving a {@link org.synergia.microsim.MicrosimResult}: FGT, Gini, decile incidence,
 * coverage of the poor, leakage and cost per unit of poverty-gap reduction, with bands over draws
 * of the effects. Every {@link org.synergia.microsim.MicrosimEngine} runs the same
 * {@link org.synergia.microsim.MicrosimKernel} into mergeable {@link org.synergia.microsim.OutcomeSums};
 * {@link org.synergia.microsim.LocalEngine} is the embedded one, and other engines are found
 * through {@link org.synergia.microsim.MicrosimEngine.Provider}.
 */
package org.synergia.microsim;
