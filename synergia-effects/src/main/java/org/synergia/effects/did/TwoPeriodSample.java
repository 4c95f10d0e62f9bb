package org.synergia.effects.did;

import java.util.List;
import org.synergia.stats.inference.Clusters;

/**
 * What the panel and the repeated cross-section samples share: the group of each entry (1
 * treated, 0 comparison), covariates with their names, optional sampling weights and clusters, and
 * the count and notes of the input rows left out. Arrays are not copied. Immutable.
 *
 * @param <S> the concrete sample type, returned by the {@code with...} methods
 */
abstract class TwoPeriodSample<S extends TwoPeriodSample<S>> {

    private final double[] d;
    private final double[][] covariates;
    private final List<String> covariateNames;
    private final double[] weights;
    private final Clusters clusters;
    private final int rowsDropped;
    private final List<String> notes;

    /**
     * @param entry what one entry is ("observation", "unit"), for messages
     */
    TwoPeriodSample(String entry, double[] d, double[][] covariates, List<String> covariateNames, double[] weights,
            Clusters clusters, int rowsDropped, List<String> notes) {
        int n = d.length;
        for (double[] c : covariates) {
            if (c.length != n) {
                throw new IllegalArgumentException("a covariate has " + c.length + " values, expected " + n);
            }
        }
        if (weights != null && weights.length != n || clusters != null && clusters.size() != n) {
            throw new IllegalArgumentException("weights and clusters need one value per " + entry);
        }
        this.d = d;
        this.covariates = covariates;
        this.covariateNames = List.copyOf(covariateNames);
        this.weights = weights;
        this.clusters = clusters;
        this.rowsDropped = rowsDropped;
        this.notes = List.copyOf(notes);
    }

    /** The same outcomes and groups with other covariates, weights and clusters. */
    abstract S with(double[][] covariates, List<String> names, double[] weights, Clusters clusters);

    /**
     * @param names the covariates' names
     * @param columns one array per covariate, one value per entry (for a panel, pre-period values)
     * @return the sample with these covariates
     */
    public S withCovariates(List<String> names, double[][] columns) {
        if (names.size() != columns.length) {
            throw new IllegalArgumentException(names.size() + " names for " + columns.length + " covariates");
        }
        return with(columns, names, weights, clusters);
    }

    /** @param w sampling weights, one per entry @return the sample with weights */
    public S withWeights(double[] w) {
        return with(covariates, covariateNames, w, clusters);
    }

    /** @param c the cluster of each entry @return the sample with clusters */
    public S withClusters(Clusters c) {
        return with(covariates, covariateNames, weights, c);
    }

    /** @return number of entries: observations of repeated cross-sections, units of a panel */
    public int size() {
        return d.length;
    }

    double[] group() {
        return d;
    }

    double[][] covariates() {
        return covariates;
    }

    /** @return the covariates' names */
    public List<String> covariateNames() {
        return covariateNames;
    }

    double[] weights() {
        return weights;
    }

    Clusters clusters() {
        return clusters;
    }

    /**
     * @return rows of the input not used (missing values; for a panel also units seen in one period
     *         only)
     */
    public int rowsDropped() {
        return rowsDropped;
    }

    /** @return what was dropped and why, one sentence each */
    public List<String> notes() {
        return notes;
    }
}
