package org.synergia.cases.spec;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One analysis of the plan: an estimator applied to a list of outcomes with the same design.
 *
 * @param id identifier, unique within the case
 * @param estimator the estimator
 * @param title what the analysis estimates, for readers
 * @param outcomes the outcomes it is applied to
 * @param treatment the treatment (group) variable, or for dose response the dose variable
 * @param covariates the covariates of the treatment and outcome models
 * @param control the control group's code
 * @param arms the group codes compared (empty: all groups)
 * @param estimand ATE, ATT or potential-outcome means
 * @param synergy the factorial contrast {@code both = a + b}, if any
 * @param cluster the cluster variable for cluster-robust SEs, if any
 * @param weights the sampling weight variable, if any
 * @param synthesis what the analysis's main effect compares, for analyses whose terms are not group contrasts
 *        (regression discontinuity, for example); group contrasts are classified from the groups' programmes
 * @param options method-specific settings (running variable, cutoff, time, id, ...)
 */
public record AnalysisSpec(
        String id,
        Estimator estimator,
        Text title,
        List<String> outcomes,
        String treatment,
        List<String> covariates,
        int control,
        List<Integer> arms,
        Estimand estimand,
        Optional<Synergy> synergy,
        Optional<String> cluster,
        Optional<String> weights,
        Optional<Comparison> synthesis,
        Map<String, String> options) {

    /**
     * What an effect compares, in the terms of the cross-case synthesis: one kind of programme
     * alone or the combination against no programme, a productive component added to social
     * protection, or the synergy.
     */
    public enum Comparison { SOCIAL_PROTECTION, PRODUCTIVE, COMBINED, PRODUCTIVE_ADDED, SYNERGY }

    /** The estimators a plan can use. */
    public enum Estimator { RA, IPW, AIPW, IPWRA, PSMATCH, DID, RD, SATURATION, DOSE }

    /** Treatment-effect estimands. */
    public enum Estimand { ATE, ATT, POMEANS }

    /**
     * A factorial contrast: {@code both} is the group receiving {@code a} and {@code b}.
     *
     * @param both the combined group's code
     * @param a one single-programme group's code
     * @param b the other single-programme group's code
     */
    public record Synergy(int both, int a, int b) {
        @Override
        public String toString() {
            return both + "=" + a + "+" + b;
        }
    }

    /**
     * @param key an option's name
     * @return its value
     */
    public Optional<String> option(String key) {
        return Optional.ofNullable(options.get(key));
    }
}
