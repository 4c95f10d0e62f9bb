package org.synergia.cases.spec;

import java.util.List;
import java.util.Map;

/**
 * How a case's bundled simulated survey is generated: sample and cluster structure, the
 * household profile of the country, and how households come to be in each group. Outcomes and
 * planted effects are in {@link OutcomeSpec#simulation()}.
 *
 * @param seed the seed; the survey is identical for the same seed
 * @param households number of households (before attrition)
 * @param clusters number of villages or communities
 * @param icc intra-cluster correlation of the outcomes
 * @param areas names of the areas (regions, districts) clusters are spread over
 * @param profile the country's household profile (means of size, land, livestock, ...)
 * @param assignment how groups are assigned
 */
public record SimulationSpec(long seed, int households, int clusters, double icc, List<String> areas,
        Map<String, Double> profile, Assignment assignment) {

    /** The ways households come to receive the programmes. */
    public enum AssignmentKind {
        /** selection on observables into groups with given shares (PSM, IPW, IPWRA designs) */
        SELECTION,
        /** a running variable and a cutoff (regression discontinuity), plus randomised saturation of a second component */
        CUTOFF_SATURATION,
        /** a two-round panel with selection on observables and covariate-dependent trends (DiD with IPW) */
        PANEL,
        /** exposure time since the programme began, for participants only (treatment intensity) */
        EXPOSURE
    }

    /**
     * @param kind the mechanism
     * @param shares the target share of households in each group, by code
     * @param selection how strongly covariates drive participation (log-odds per SD), by covariate name
     * @param settings mechanism-specific settings (cutoff, saturations, attrition, exposure range, ...)
     */
    public record Assignment(AssignmentKind kind, Map<Integer, Double> shares, Map<String, Double> selection,
            Map<String, Double> settings) {
        /**
         * @param key a setting's name
         * @param fallback its default
         * @return the setting
         */
        public double setting(String key, double fallback) {
            return settings.getOrDefault(key, fallback);
        }
    }
}
