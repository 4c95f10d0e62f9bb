package org.synergia.effects.saturation;

import static org.synergia.data.NumericColumn.formatNumber;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.synergia.data.InputException;
import org.synergia.stats.inference.Clusters;

/**
 * Individuals of a randomised saturation design (Baird, Bohren, McIntosh &amp; Özler 2018, Rev.
 * Econ. Stat. 100(5)): outcome, individual assignment {@code T} (1 offered treatment), cluster and
 * the cluster's assigned saturation {@code π_c ∈ [0, 1]} (0 for pure control clusters), optional
 * covariates and sampling weights. Arrays are not copied. Immutable.
 */
public final class SaturationSample {

    private final double[] y;
    private final double[] treated;
    private final Clusters clusters;
    private final double[] saturation;
    private final double[][] covariates;
    private final List<String> covariateNames;
    private final double[] weights;
    private final String saturationName;

    private SaturationSample(double[] y, double[] treated, Clusters clusters, double[] saturation, String saturationName,
            double[][] covariates, List<String> covariateNames, double[] weights) {
        this.y = y;
        this.treated = treated;
        this.clusters = clusters;
        this.saturation = saturation;
        this.saturationName = saturationName;
        this.covariates = covariates;
        this.covariateNames = List.copyOf(covariateNames);
        this.weights = weights;
    }

    /**
     * Validates the design: {@code T} is 0/1, the saturation is constant within a cluster and in
     * [0, 1], pure control clusters have nobody treated, and there are pure control and treated clusters.
     *
     * @param y outcome
     * @param treated 1 if the individual was assigned treatment, 0 otherwise
     * @param clusterIds the cluster (unit of saturation assignment) of each individual
     * @param saturation the cluster's assigned saturation (share to be treated), 0 for pure control
     * @param saturationName the saturation variable's name, for messages
     * @return the sample
     */
    public static SaturationSample of(double[] y, double[] treated, double[] clusterIds, double[] saturation,
            String saturationName) {
        int n = y.length;
        if (treated.length != n || clusterIds.length != n || saturation.length != n) {
            throw new IllegalArgumentException("outcome, treatment, cluster and saturation need the same length");
        }
        Clusters c = Clusters.of(clusterIds, "cluster");
        double[] level = new double[c.count()];
        boolean[] seen = new boolean[c.count()];
        for (int i = 0; i < n; i++) {
            if (treated[i] != 0 && treated[i] != 1) {
                throw new InputException("treatment indicator is " + treated[i] + " in row " + (i + 1) + ": it must be 0 or 1");
            }
            if (!(saturation[i] >= 0 && saturation[i] <= 1)) {
                throw new InputException("saturation '" + saturationName + "' is " + saturation[i] + " in row " + (i + 1)
                        + ": it must be the assigned share treated, between 0 (pure control) and 1");
            }
            int g = c.code(i);
            if (seen[g] && level[g] != saturation[i]) {
                throw new InputException("saturation '" + saturationName + "' takes two values (" + level[g] + " and "
                        + saturation[i] + ") in cluster " + formatNumber(clusterIds[i]) + ": it is assigned per cluster");
            }
            seen[g] = true;
            level[g] = saturation[i];
            if (saturation[i] == 0 && treated[i] == 1) {
                throw new InputException("row " + (i + 1) + " is treated in pure control cluster "
                        + formatNumber(clusterIds[i])
                        + " (saturation 0): check the treatment and saturation variables");
            }
        }
        int pure = 0;
        for (double l : level) {
            if (l == 0) {
                pure++;
            }
        }
        if (pure == 0 || pure == level.length) {
            throw new InputException("the design has " + pure + " pure control clusters (saturation 0) among "
                    + level.length + ": the estimands compare treated clusters with pure controls, so both are needed");
        }
        return new SaturationSample(y, treated, c, saturation, saturationName, new double[0][], List.of(), null);
    }

    /** @param names covariates' names @param columns their values @return the sample with covariates */
    public SaturationSample withCovariates(List<String> names, double[][] columns) {
        return new SaturationSample(y, treated, clusters, saturation, saturationName, columns, names, weights);
    }

    /** @param w sampling weights (non-negative) @return the sample with weights */
    public SaturationSample withWeights(double[] w) {
        return new SaturationSample(y, treated, clusters, saturation, saturationName, covariates, covariateNames, w);
    }

    /** @return number of individuals */
    public int size() {
        return y.length;
    }

    /** @return the distinct positive saturations, ascending */
    public List<Double> saturations() {
        TreeSet<Double> s = new TreeSet<>();
        for (double v : saturation) {
            if (v > 0) {
                s.add(v);
            }
        }
        return new ArrayList<>(s);
    }

    /** @return the number of clusters */
    public int clusterCount() {
        return clusters.count();
    }

    /** @return the saturation of each cluster, by cluster code */
    double[] clusterSaturations() {
        double[] l = new double[clusters.count()];
        for (int i = 0; i < y.length; i++) {
            l[clusters.code(i)] = saturation[i];
        }
        return l;
    }

    /** @return the number of individuals of each cluster, by cluster code */
    int[] clusterSizes() {
        int[] s = new int[clusters.count()];
        for (int i = 0; i < y.length; i++) {
            s[clusters.code(i)]++;
        }
        return s;
    }

    /** @return counts by saturation: individuals treated and untreated */
    Map<Double, int[]> countsBySaturation() {
        Map<Double, int[]> m = new HashMap<>();
        for (int i = 0; i < y.length; i++) {
            m.computeIfAbsent(saturation[i], k -> new int[2])[treated[i] == 1 ? 0 : 1]++;
        }
        return m;
    }

    double[] outcome() {
        return y;
    }

    double[] treated() {
        return treated;
    }

    double[] saturation() {
        return saturation;
    }

    Clusters clusters() {
        return clusters;
    }

    double[][] covariates() {
        return covariates;
    }

    List<String> covariateNames() {
        return covariateNames;
    }

    double[] weights() {
        return weights;
    }
}
