package org.synergia.effects.did;

import java.util.List;
import org.synergia.data.InputException;
import org.synergia.stats.inference.Clusters;

/**
 * Repeated cross-sections over two periods, one entry per observation: outcome, period (1 post,
 * 0 pre), group (1 treated, 0 comparison), covariates, optional sampling weights and clusters.
 * Arrays are not copied. Immutable.
 */
public final class CrossSectionSample extends TwoPeriodSample<CrossSectionSample> {

    private final double[] y;
    private final double[] post;

    private CrossSectionSample(double[] y, double[] post, double[] d, double[][] covariates, List<String> names,
            double[] weights, Clusters clusters, int rowsDropped, List<String> notes) {
        super("observation", d, covariates, names, weights, clusters, rowsDropped, notes);
        if (y.length != d.length || post.length != d.length) {
            throw new IllegalArgumentException("y, post and d must have the same length");
        }
        this.y = y;
        this.post = post;
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

    @Override
    CrossSectionSample with(double[][] covariates, List<String> names, double[] weights, Clusters clusters) {
        return new CrossSectionSample(y, post, group(), covariates, names, weights, clusters, rowsDropped(), notes());
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
        return new CrossSectionSample(y, post, d, x, names, w, cl == null ? null : Clusters.of(cl, c.clusters().name()),
                ok.dropped, ok.notes());
    }

    double[] outcome() {
        return y;
    }

    double[] post() {
        return post;
    }
}
