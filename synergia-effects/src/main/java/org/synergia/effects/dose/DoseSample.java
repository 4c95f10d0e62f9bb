package org.synergia.effects.dose;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.synergia.data.InputException;
import org.synergia.stats.inference.Clusters;

/**
 * Units with a continuous treatment intensity ("dose", for example months of exposure to a
 * programme): outcome, dose, covariates, optional sampling weights, clusters and a subgroup variable
 * for heterogeneity. Arrays are not copied. Immutable.
 */
public final class DoseSample {

    private final double[] y;
    private final double[] dose;
    private final String doseName;
    private final double[][] covariates;
    private final List<String> covariateNames;
    private final double[] weights;
    private final double[] clusterIds;
    private final double[] subgroup;
    private final String subgroupName;

    private DoseSample(double[] y, double[] dose, String doseName, double[][] covariates, List<String> covariateNames,
            double[] weights, double[] clusterIds, double[] subgroup, String subgroupName) {
        int n = y.length;
        if (dose.length != n) {
            throw new IllegalArgumentException("outcome and dose need the same length");
        }
        for (double[] c : covariates) {
            if (c.length != n) {
                throw new IllegalArgumentException("a covariate has " + c.length + " values, expected " + n);
            }
        }
        this.y = y;
        this.dose = dose;
        this.doseName = doseName;
        this.covariates = covariates;
        this.covariateNames = List.copyOf(covariateNames);
        this.weights = weights;
        this.clusterIds = clusterIds;
        this.subgroup = subgroup;
        this.subgroupName = subgroupName;
    }

    /**
     * @param y outcome (finite)
     * @param dose treatment intensity (finite)
     * @param doseName the dose variable's name, used in term names and messages
     * @return the sample, without covariates
     */
    public static DoseSample of(double[] y, double[] dose, String doseName) {
        for (int i = 0; i < y.length; i++) {
            if (!Double.isFinite(y[i]) || !Double.isFinite(dose[i])) {
                throw new InputException("outcome or dose '" + doseName + "' is missing in row " + (i + 1)
                        + ": drop rows with missing values first");
            }
        }
        return new DoseSample(y, dose, doseName, new double[0][], List.of(), null, null, null, null);
    }

    /** @param names covariates' names @param columns their values @return the sample with covariates */
    public DoseSample withCovariates(List<String> names, double[][] columns) {
        if (names.size() != columns.length) {
            throw new IllegalArgumentException(names.size() + " names for " + columns.length + " covariates");
        }
        return new DoseSample(y, dose, doseName, columns, names, weights, clusterIds, subgroup, subgroupName);
    }

    /** @param w sampling weights (non-negative) @return the sample with weights */
    public DoseSample withWeights(double[] w) {
        for (int i = 0; i < w.length; i++) {
            if (!(w[i] > 0) || !Double.isFinite(w[i])) {
                throw new InputException("sampling weight " + w[i] + " in row " + (i + 1) + " must be positive and finite");
            }
        }
        return new DoseSample(y, dose, doseName, covariates, covariateNames, w, clusterIds, subgroup, subgroupName);
    }

    /** @param ids cluster of each unit (cluster-robust SEs, cluster bootstrap) @return the sample with clusters */
    public DoseSample withClusters(double[] ids) {
        return new DoseSample(y, dose, doseName, covariates, covariateNames, weights, ids, subgroup, subgroupName);
    }

    /**
     * @param name the subgroup variable's name (for example {@code female_head})
     * @param values its value for each unit (a few distinct levels)
     * @return the sample with a subgroup for heterogeneity
     */
    public DoseSample withSubgroup(String name, double[] values) {
        return new DoseSample(y, dose, doseName, covariates, covariateNames, weights, clusterIds, values, name);
    }

    /**
     * @param rows the units to keep, by index (repeats allowed, as in a bootstrap draw)
     * @return those units, with the same variables
     */
    DoseSample rows(int[] rows) {
        double[][] x = new double[covariates.length][];
        for (int j = 0; j < x.length; j++) {
            x[j] = pick(covariates[j], rows);
        }
        return new DoseSample(pick(y, rows), pick(dose, rows), doseName, x, covariateNames, pick(weights, rows),
                pick(clusterIds, rows), pick(subgroup, rows), subgroupName);
    }

    /**
     * @param level a subgroup level
     * @return the units in that subgroup, without the subgroup variable
     */
    public DoseSample subgroup(double level) {
        if (subgroup == null) {
            throw new IllegalStateException("no subgroup variable");
        }
        int m = 0;
        int[] keep = new int[y.length];
        for (int i = 0; i < y.length; i++) {
            if (subgroup[i] == level) {
                keep[m++] = i;
            }
        }
        DoseSample s = rows(java.util.Arrays.copyOf(keep, m));
        return new DoseSample(s.y, s.dose, doseName, s.covariates, covariateNames, s.weights, s.clusterIds, null, null);
    }

    /** @return the distinct subgroup levels, ascending (empty without a subgroup) */
    public List<Double> subgroupLevels() {
        TreeSet<Double> l = new TreeSet<>();
        if (subgroup != null) {
            for (double v : subgroup) {
                if (Double.isNaN(v)) {
                    throw new InputException("subgroup variable '" + subgroupName + "' has missing values: recode them");
                }
                l.add(v);
            }
        }
        return new ArrayList<>(l);
    }

    private static double[] pick(double[] a, int[] rows) {
        if (a == null) {
            return null;
        }
        double[] out = new double[rows.length];
        for (int i = 0; i < rows.length; i++) {
            out[i] = a[rows[i]];
        }
        return out;
    }

    /** @return number of units */
    public int size() {
        return y.length;
    }

    /** @return the dose variable's name */
    public String doseName() {
        return doseName;
    }

    /** @return the subgroup variable's name, or null */
    public String subgroupName() {
        return subgroupName;
    }

    double[] outcome() {
        return y;
    }

    double[] dose() {
        return dose;
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

    double[] subgroupValues() {
        return subgroup;
    }

    double[] clusterIds() {
        return clusterIds;
    }

    Clusters clusters() {
        return clusterIds == null ? null : Clusters.of(clusterIds, "cluster");
    }
}
