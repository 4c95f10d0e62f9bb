package org.synergia.cases.simulate;

/**
 * What the assignment mechanism decided for each household, as far as planted effects depend on
 * it beyond the household's group.
 *
 * @param cutoff the regression discontinuity and saturation state (null for other designs)
 * @param exposure exposure time of each household (null outside treatment-intensity designs)
 */
record DesignState(Cutoff cutoff, double[] exposure) {

    /** No state beyond the group. */
    static final DesignState NONE = new DesignState(null, null);

    /**
     * A running variable with a cutoff and a second component randomised by cluster saturation
     * among households on the programme's side.
     *
     * @param programmeSide whether each household is on the programme's side of the cutoff
     * @param coachedIfEligible whether each household would receive the component if on the programme's side
     * @param clusterSaturation the saturation of each household's cluster
     * @param programmeGroup the group code of programme households without the component
     * @param componentGroup the group code of programme households with the component
     * @param spilloverRatio spillover on the untreated per unit of saturation, as a share of the component's effect
     */
    record Cutoff(boolean[] programmeSide, boolean[] coachedIfEligible, double[] clusterSaturation, int programmeGroup,
            int componentGroup, double spilloverRatio) {

        boolean onProgrammeSide(int i) {
            return programmeSide[i];
        }

        boolean coached(int i) {
            return coachedIfEligible[i];
        }

        double saturation(int i) {
            return clusterSaturation[i];
        }

        /** The shift household i receives (or would receive) on the programme's side. */
        double programmeShift(PlantedOutcome o, int i) {
            double programme = o.effect(programmeGroup);
            double component = o.effect(componentGroup) - programme;
            return programme + (coachedIfEligible[i] ? component : spilloverRatio * component * clusterSaturation[i]);
        }
    }
}
