package org.synergia.cases.spec;

import java.util.Optional;

/**
 * A case's local economy-wide impact evaluation (LEWIE): the economy module of its survey, the
 * programme's transfer and, optionally, a productive shock whose size comes from the case's own
 * impact estimate.
 *
 * @param householdsPerGroup households of the survey's economy module per LEWIE group
 * @param clustersPerGroup villages per LEWIE group
 * @param transferGroup the LEWIE group receiving the transfer
 * @param transferPerHousehold the transfer per household and year, in the economy's currency
 * @param shock the productive shock, if any
 * @param draws Monte Carlo parameter draws
 */
public record LocalEconomySpec(int householdsPerGroup, int clustersPerGroup, String transferGroup, double transferPerHousehold,
        Optional<Shock> shock, int draws) {

    /**
     * A productivity shock to one activity of one group, sized by an impact estimate: the effect
     * divided by the comparison group's mean of the same outcome.
     *
     * @param good the activity's good
     * @param group the LEWIE group
     * @param analysis the analysis of the plan giving the effect
     * @param outcome its outcome
     * @param term its term
     * @param baseGroup the group code whose mean outcome the effect is relative to
     */
    public record Shock(String good, String group, String analysis, String outcome, String term, int baseGroup) {}
}
