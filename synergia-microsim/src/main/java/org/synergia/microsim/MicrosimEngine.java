package org.synergia.microsim;

import java.util.List;

/**
 * Runs scenarios over a population. Every engine computes the same {@link OutcomeSums} with the
 * same {@link MicrosimKernel}, so results agree up to summation order.
 */
public interface MicrosimEngine {

    /**
     * @param model the scenario model
     * @param scenarios the scenarios
     * @param population the households
     * @param draws number of effect draws (0 = point estimates only)
     * @param seed seed of the effect and take-up draws
     * @return the outcomes
     */
    MicrosimResult run(ScenarioModel model, List<Scenario> scenarios, PopulationSource population, int draws, long seed);

    /**
     * An engine found on the classpath with {@link java.util.ServiceLoader} (the Spark engine
     * registers one, so the CLI needs no Spark dependency).
     */
    interface Provider {

        /** @return the engine's name, e.g. {@code spark} */
        String name();

        /**
         * @param threads worker threads or local executors wanted
         * @return a ready engine
         */
        MicrosimEngine create(int threads);
    }
}
