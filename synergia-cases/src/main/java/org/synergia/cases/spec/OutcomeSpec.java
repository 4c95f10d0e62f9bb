package org.synergia.cases.spec;

import java.util.Map;
import java.util.Optional;

/**
 * An outcome the case analyses.
 *
 * @param id the variable's name in the analysis data
 * @param domain the outcome domain it belongs to (multiple testing and synthesis group by domain)
 * @param label its name for readers
 * @param unit its unit ("score 0–112", "US$ per month", ...), empty when the specification gives none
 * @param indicator the standard indicator it is computed from item-level columns with, if any
 * @param higherIsBetter whether a higher value means households are better off (false for food-insecurity and coping scores)
 * @param simulation how the simulated survey generates it
 */
public record OutcomeSpec(String id, Domain domain, Text label, Text unit, Optional<Indicator> indicator,
        boolean higherIsBetter, OutcomeSimulation simulation) {

    /** Outcome domains the studies report. */
    public enum Domain { PRODUCTIVE, FOOD_SECURITY, NUTRITION, INCOME_CONSUMPTION, RESILIENCE, WELL_BEING }

    /** Standard indicators computed from item-level responses. */
    public enum Indicator {
        FCS(true), HDDS(true), HFIAS(false), FIES(false), HHS(false), RCSI(false), TLU(true);

        private final boolean higherIsBetter;

        Indicator(boolean higherIsBetter) {
            this.higherIsBetter = higherIsBetter;
        }

        /** @return whether a higher value of the indicator means households are better off */
        public boolean higherIsBetter() {
            return higherIsBetter;
        }
    }

    /**
     * How the simulated survey generates an outcome: a baseline level and spread, how strongly it
     * depends on household covariates, and the effect planted for each group (by group code;
     * the control group has none). For indicators the effects are on the latent scale of the item
     * responses and the truth is computed from the potential item responses.
     *
     * @param mean baseline mean (continuous outcomes) or latent intercept (indicators)
     * @param sd baseline standard deviation
     * @param effects planted effect by group code
     * @param r2 share of variance explained by household covariates (0–1)
     */
    public record OutcomeSimulation(double mean, double sd, Map<Integer, Double> effects, double r2) {}
}
