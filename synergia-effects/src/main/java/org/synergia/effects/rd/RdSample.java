package org.synergia.effects.rd;

import java.util.List;
import org.synergia.data.InputException;

/**
 * The data of a regression discontinuity design: outcome, running variable and, optionally, the
 * treatment actually received (fuzzy design), covariates, sampling weights and cluster codes.
 * Arrays are not copied: do not change them while an estimate is running.
 */
public final class RdSample {

    private final double[] outcome;
    private final double[] running;
    private final double[] treatment;
    private final List<String> covariateNames;
    private final double[][] covariates;
    private final double[] weights;
    private final int[] clusters;

    private RdSample(double[] outcome, double[] running, double[] treatment, List<String> covariateNames,
            double[][] covariates, double[] weights, int[] clusters) {
        this.outcome = outcome;
        this.running = running;
        this.treatment = treatment;
        this.covariateNames = covariateNames;
        this.covariates = covariates;
        this.weights = weights;
        this.clusters = clusters;
    }

    /**
     * A sharp design.
     *
     * @param outcome the outcome, one value per unit
     * @param running the running variable (score), one value per unit
     * @return the sample
     */
    public static RdSample of(double[] outcome, double[] running) {
        if (outcome.length != running.length) {
            throw new InputException("outcome has " + outcome.length + " values but the running variable has "
                    + running.length + "; give one value per unit in both");
        }
        return new RdSample(outcome, running, null, List.of(), new double[0][], null, null);
    }

    /**
     * The same sample as a fuzzy design.
     *
     * @param received the treatment actually received (0/1 or a dose), one value per unit
     * @return a new sample
     */
    public RdSample withTreatment(double[] received) {
        checkLength("treatment", received.length);
        return new RdSample(outcome, running, received, covariateNames, covariates, weights, clusters);
    }

    /**
     * The same sample with covariates that enter linearly with common coefficients on both sides
     * (Calonico, Cattaneo, Farrell and Titiunik 2019).
     *
     * @param names the covariates' names, used in messages
     * @param columns one array per covariate
     * @return a new sample
     */
    public RdSample withCovariates(List<String> names, double[][] columns) {
        if (names.size() != columns.length) {
            throw new IllegalArgumentException(names.size() + " covariate names for " + columns.length + " columns");
        }
        for (int j = 0; j < columns.length; j++) {
            checkLength("covariate " + names.get(j), columns[j].length);
        }
        return new RdSample(outcome, running, treatment, List.copyOf(names), columns.clone(), weights, clusters);
    }

    /**
     * The same sample with sampling weights, which multiply the kernel weights.
     *
     * @param sampling non-negative weights, one per unit
     * @return a new sample
     */
    public RdSample withWeights(double[] sampling) {
        checkLength("weights", sampling.length);
        return new RdSample(outcome, running, treatment, covariateNames, covariates, sampling, clusters);
    }

    /**
     * The same sample with cluster codes for cluster-robust variances.
     *
     * @param codes one cluster code per unit (any integers; equal codes mean the same cluster)
     * @return a new sample
     */
    public RdSample withClusters(int[] codes) {
        checkLength("cluster", codes.length);
        return new RdSample(outcome, running, treatment, covariateNames, covariates, weights, codes);
    }

    private void checkLength(String what, int length) {
        if (length != outcome.length) {
            throw new InputException(what + " has " + length + " values but the outcome has " + outcome.length
                    + "; give one value per unit");
        }
    }

    /** @return the number of units */
    public int size() {
        return outcome.length;
    }

    /** @return the outcome */
    double[] outcome() {
        return outcome;
    }

    /** @return the running variable */
    double[] running() {
        return running;
    }

    /** @return the treatment received, or null in a sharp design */
    double[] treatment() {
        return treatment;
    }

    /** @return the covariates' names */
    public List<String> covariateNames() {
        return covariateNames;
    }

    /** @return the covariate columns */
    double[][] covariates() {
        return covariates;
    }

    /** @return the sampling weights, or null */
    double[] weights() {
        return weights;
    }

    /** @return the cluster codes, or null */
    int[] clusters() {
        return clusters;
    }

    /** @return true for a fuzzy design */
    public boolean fuzzy() {
        return treatment != null;
    }

    @Override
    public String toString() {
        return "RdSample[n=" + size() + ", fuzzy=" + fuzzy() + ", covariates=" + covariateNames + ", weights="
                + (weights != null) + ", clusters=" + (clusters != null) + "]";
    }
}
