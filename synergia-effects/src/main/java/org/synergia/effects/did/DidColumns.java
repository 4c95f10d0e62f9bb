package org.synergia.effects.did;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * The named columns of a two-period DiD data set in long form (one row per unit and period), as
 * read from a file: outcome, time, group, optional unit identifier (panel), covariates, sampling
 * weights and clusters. Missing values are NaN. The arrays are not copied: the caller must not
 * change them afterwards. Immutable; {@code with...} methods return a new object.
 */
public final class DidColumns {

    /** A named numeric column. */
    public record Column(String name, double[] values) {
        /** @param name the variable's name @param values one value per row (not copied) */
        public Column {
            Objects.requireNonNull(name);
            Objects.requireNonNull(values);
        }
    }

    private final Column outcome;
    private final Column time;
    private final Column group;
    private final Column id;
    private final List<Column> covariates;
    private final Column weights;
    private final Column clusters;

    private DidColumns(Column outcome, Column time, Column group, Column id, List<Column> covariates,
            Column weights, Column clusters) {
        this.outcome = outcome;
        this.time = time;
        this.group = group;
        this.id = id;
        this.covariates = Collections.unmodifiableList(covariates);
        this.weights = weights;
        this.clusters = clusters;
        int n = outcome.values().length;
        for (Column c : all()) {
            if (c.values().length != n) {
                throw new IllegalArgumentException("column '" + c.name() + "' has " + c.values().length
                        + " rows, the outcome " + n);
            }
        }
    }

    /**
     * The required columns.
     *
     * @param outcome outcome variable's name and values
     * @param y the outcome
     * @param time time variable's name (two distinct values: the later is the post period)
     * @param t the time values
     * @param group group variable's name (1 treated group, 0 comparison group)
     * @param d the group values
     * @return the columns, without id, covariates, weights or clusters
     */
    public static DidColumns of(String outcome, double[] y, String time, double[] t, String group, double[] d) {
        return new DidColumns(new Column(outcome, y), new Column(time, t), new Column(group, d), null,
                new ArrayList<>(), null, null);
    }

    /** @param name the unit identifier's name @param ids its values @return a panel data set */
    public DidColumns withId(String name, double[] ids) {
        return new DidColumns(outcome, time, group, new Column(name, ids), covariates, weights, clusters);
    }

    /** @param name a covariate's name @param x its values @return the columns with the covariate added */
    public DidColumns withCovariate(String name, double[] x) {
        List<Column> c = new ArrayList<>(covariates);
        c.add(new Column(name, x));
        return new DidColumns(outcome, time, group, id, c, weights, clusters);
    }

    /** @param name the sampling weight's name @param w its values (non-negative) @return the columns with weights */
    public DidColumns withWeights(String name, double[] w) {
        return new DidColumns(outcome, time, group, id, covariates, new Column(name, w), clusters);
    }

    /** @param name the cluster variable's name @param c its values @return the columns with clusters */
    public DidColumns withClusters(String name, double[] c) {
        return new DidColumns(outcome, time, group, id, covariates, weights, new Column(name, c));
    }

    /** @return the outcome */
    public Column outcome() {
        return outcome;
    }

    /** @return the time variable */
    public Column time() {
        return time;
    }

    /** @return the group variable */
    public Column group() {
        return group;
    }

    /** @return the unit identifier, or null for repeated cross-sections */
    public Column id() {
        return id;
    }

    /** @return the covariates, in order */
    public List<Column> covariates() {
        return covariates;
    }

    /** @return the sampling weights, or null */
    public Column weights() {
        return weights;
    }

    /** @return the cluster variable, or null */
    public Column clusters() {
        return clusters;
    }

    /** @return the number of rows */
    public int rows() {
        return outcome.values().length;
    }

    /** @return the rows with a value in every column, in order */
    int[] completeRows() {
        int n = rows();
        int[] keep = new int[n];
        int m = 0;
        outer:
        for (int i = 0; i < n; i++) {
            for (Column col : all()) {
                if (Double.isNaN(col.values()[i])) {
                    continue outer;
                }
            }
            keep[m++] = i;
        }
        return Arrays.copyOf(keep, m);
    }

    /** @return every column present, required ones first */
    List<Column> all() {
        List<Column> a = new ArrayList<>(List.of(outcome, time, group));
        if (id != null) {
            a.add(id);
        }
        a.addAll(covariates);
        if (weights != null) {
            a.add(weights);
        }
        if (clusters != null) {
            a.add(clusters);
        }
        return a;
    }
}
