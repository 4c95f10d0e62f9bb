package org.synergia.effects.did;

import java.util.ArrayList;
import java.util.List;
import org.synergia.data.InputException;
import org.synergia.stats.inference.Clusters;

/**
 * Repeated cross-sections over two periods, one entry per observation: outcome, period (1 post,
 * 0 pre), group (1 treated, 0 comparison), covariates, optional sampling weights and clusters.
 * Arrays are not copied. Immutable.
 */
public final class CrossSectionSample {

    private final double[] y;
    private final double[] post;
    private final double[] d;
    private final double[][] covariates;
    private final List<String> covariateNames;
    private final double[] weights;
    private final Clusters clusters;
    private final int rowsDropped;
    private final List<String> notes;

    private CrossSectionSample(double[] y, double[] post, double[] d, double[][] covariates, List<String> names,
            double[] weights, Clusters clusters, int rowsDropped, List<String> notes) {
        int n = y.length;
        if (post.length != n || d.length != n) {
            throw new IllegalArgumentException("y, post and d must have the same length");
        }
        for (double[] c : covariates) {
            if (c.length != n) {
                throw new IllegalArgumentException("a covariate has " + c.length + " values, expected " + n);
            }
        }
        if (weights != null && weights.length != n || clusters != null && clusters.size() != n) {
            throw new IllegalArgumentException("weights and clusters need one value per observation");
        }
        this.y = y;
        this.post = post;
        this.d = d;
        this.covariates = covariates;
        this.covariateNames = List.copyOf(names);
        this.weights = weights;
        this.clusters = clusters;
        this.rowsDropped = rowsDropped;
        this.notes = List.copyOf(notes);
    }

    /**
     * Repeated cross-sections without covariates, weights or clusters.
     *
     * @param y outcome
     * @param post period: 1 post-treatment, 0 pre-treatment
     * @param d group: 1 treated, 0 comparison
     * @return the sample
     */
    public static CrossSectionSample of(double[] y, double[] post, double[] d) {
        for (int i = 0; i < d.length; i++) {
            if (d[i] != 0 && d[i] != 1 || post[i] != 0 && post[i] != 1) {
                throw new InputException("group and period indicators must be 0 or 1; observation " + (i + 1)
                        + " has group " + d[i] + ", period " + post[i]);
            }
        }
        return new CrossSectionSample(y, post, d, new double[0][], List.of(), null, null, 0, List.of());
    }

    /**
     * @param names the covariates' names
     * @param columns one array per covariate
     * @return the sample with these covariates
     */
    public CrossSectionSample withCovariates(List<String> names, double[][] columns) {
        if (names.size() != columns.length) {
            throw new IllegalArgumentException(names.size() + " names for " + columns.length + " covariates");
        }
        return new CrossSectionSample(y, post, d, columns, names, weights, clusters, rowsDropped, notes);
    }

    /** @param w sampling weights @return the sample with weights */
    public CrossSectionSample withWeights(double[] w) {
        return new CrossSectionSample(y, post, d, covariates, covariateNames, w, clusters, rowsDropped, notes);
    }

    /** @param c the cluster of each observation @return the sample with clusters */
    public CrossSectionSample withClusters(Clusters c) {
        return new CrossSectionSample(y, post, d, covariates, covariateNames, weights, c, rowsDropped, notes);
    }

    /**
     * Repeated cross-sections from named columns; rows with a missing value are left out and counted.
     * The later of the two time values is the post-treatment period.
     *
     * @param c the columns (an id column, if any, is ignored)
     * @return the sample
     * @throws InputException when the time variable does not have two values or the group is not 0/1
     */
    public static CrossSectionSample from(DidColumns c) {
        CompleteRows ok = CompleteRows.of(c);
        int m = ok.rows.length;
        double[] y = new double[m];
        double[] post = new double[m];
        double[] d = new double[m];
        double[][] x = new double[c.covariates().size()][m];
        double[] w = c.weights() == null ? null : new double[m];
        double[] cl = c.clusters() == null ? null : new double[m];
        for (int r = 0; r < m; r++) {
            int i = ok.rows[r];
            y[r] = c.outcome().values()[i];
            post[r] = c.time().values()[i] == ok.post ? 1 : 0;
            d[r] = c.group().values()[i];
            for (int j = 0; j < x.length; j++) {
                x[j][r] = c.covariates().get(j).values()[i];
            }
            if (w != null) {
                w[r] = c.weights().values()[i];
            }
            if (cl != null) {
                cl[r] = c.clusters().values()[i];
            }
        }
        List<String> names = c.covariates().stream().map(DidColumns.Column::name).toList();
        List<String> notes = new ArrayList<>();
        if (ok.dropped > 0) {
            notes.add(ok.dropped + " rows with a missing value in the model's variables were left out");
        }
        return new CrossSectionSample(y, post, d, x, names, w, cl == null ? null : Clusters.of(cl, c.clusters().name()),
                ok.dropped, notes);
    }

    /** @return number of observations */
    public int size() {
        return y.length;
    }

    double[] outcome() {
        return y;
    }

    double[] post() {
        return post;
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

    /** @return rows of the input not used (missing values) */
    public int rowsDropped() {
        return rowsDropped;
    }

    /** @return what was dropped and why */
    public List<String> notes() {
        return notes;
    }
}
