package org.synergia.effects.did;

import static org.synergia.data.NumericColumn.formatNumber;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.synergia.data.InputException;
import org.synergia.data.OptionName;
import org.synergia.stats.inference.Clusters;

/**
 * A balanced two-period panel, one entry per unit: the outcome before ({@code y0}) and after
 * ({@code y1}), the group (1 treated, 0 comparison), pre-period covariates, optional sampling
 * weights and clusters. Arrays are not copied. Immutable.
 */
public final class PanelSample extends TwoPeriodSample<PanelSample> {

    private final double[] y0;
    private final double[] y1;

    private PanelSample(double[] y0, double[] y1, double[] d, double[][] covariates, List<String> covariateNames,
            double[] weights, Clusters clusters, int rowsDropped, List<String> notes) {
        super("unit", d, covariates, covariateNames, weights, clusters, rowsDropped, notes);
        if (y0.length != d.length || y1.length != d.length) {
            throw new IllegalArgumentException("y0, y1 and d must have the same length");
        }
        this.y0 = y0;
        this.y1 = y1;
    }

    /**
     * A panel from wide arrays, without covariates, weights or clusters.
     *
     * @param y0 outcome in the pre-treatment period
     * @param y1 outcome in the post-treatment period
     * @param d group: 1 treated, 0 comparison
     * @return the sample
     */
    public static PanelSample of(double[] y0, double[] y1, double[] d) {
        for (int i = 0; i < d.length; i++) {
            if (d[i] != 0 && d[i] != 1) {
                throw new InputException("group indicator is " + d[i] + " for unit " + (i + 1) + ": it must be 0 or 1");
            }
        }
        return new PanelSample(y0, y1, d, new double[0][], List.of(), null, null, 0, List.of());
    }

    @Override
    PanelSample with(double[][] covariates, List<String> names, double[] weights, Clusters clusters) {
        return new PanelSample(y0, y1, group(), covariates, names, weights, clusters, rowsDropped(), notes());
    }

    /**
     * A balanced panel from long data (one row per unit and period). Rows with a missing value are
     * left out; units then observed in only one period are dropped and counted in {@link #notes()}.
     * Covariates are taken from the pre-treatment period.
     *
     * @param c the columns, with an id
     * @return the panel
     * @throws InputException when the time variable does not have two values, the group is not 0/1,
     *         an id appears twice in a period, or the group, weight or cluster changes within a unit
     */
    public static PanelSample fromLong(DidColumns c) {
        if (c.id() == null) {
            throw new IllegalArgumentException("a panel needs an id column");
        }
        CompleteRows ok = CompleteRows.of(c);
        double[] id = c.id().values();
        double[] t = c.time().values();
        Map<Double, Integer> code = new HashMap<>();
        int[] preRow = new int[ok.rows.length];
        int[] postRow = new int[ok.rows.length];
        Arrays.fill(preRow, -1);
        Arrays.fill(postRow, -1);
        for (int i : ok.rows) {
            Integer k = code.putIfAbsent(id[i] == 0.0 ? 0.0 : id[i], code.size());
            int u = k == null ? code.size() - 1 : k;
            int[] slot = t[i] == ok.pre ? preRow : postRow;
            if (slot[u] >= 0) {
                throw new InputException(DidProblem.PANEL_DUPLICATE, c.id().name(), formatNumber(id[i]), formatNumber(t[i]),
                        c.time().name(), slot[u] + 1, i + 1, OptionName.of("id"));
            }
            slot[u] = i;
        }
        int units = code.size();
        int onlyPre = 0;
        int onlyPost = 0;
        int m = 0;
        for (int u = 0; u < units; u++) {
            if (preRow[u] >= 0 && postRow[u] >= 0) {
                preRow[m] = preRow[u];
                postRow[m] = postRow[u];
                m++;
            } else if (preRow[u] >= 0) {
                onlyPre++;
            } else {
                onlyPost++;
            }
        }
        if (m == 0) {
            throw new InputException(DidProblem.PANEL_NO_UNIT_IN_BOTH, c.id().name(), c.time().name(), OptionName.of("id"));
        }
        double[] y = c.outcome().values();
        double[] g = c.group().values();
        double[] y0 = new double[m];
        double[] y1 = new double[m];
        double[] d = new double[m];
        for (int u = 0; u < m; u++) {
            int a = preRow[u];
            int b = postRow[u];
            y0[u] = y[a];
            y1[u] = y[b];
            d[u] = g[a];
            if (g[b] != g[a]) {
                throw new InputException("group variable '" + c.group().name() + "' changes between periods for "
                        + c.id().name() + " " + formatNumber(id[a]) + " (rows " + (a + 1) + " and " + (b + 1)
                        + "): the group must be fixed per unit (1 if ever treated)");
            }
        }
        double[][] x = new double[c.covariates().size()][];
        List<String> names = new ArrayList<>();
        for (int j = 0; j < x.length; j++) {
            x[j] = pick(c.covariates().get(j).values(), preRow, m);
            names.add(c.covariates().get(j).name());
        }
        double[] w = null;
        if (c.weights() != null) {
            w = constantWithinUnit(c.weights(), c.id(), preRow, postRow, m);
        }
        Clusters cl = null;
        if (c.clusters() != null) {
            cl = Clusters.of(constantWithinUnit(c.clusters(), c.id(), preRow, postRow, m), c.clusters().name());
        }
        List<String> notes = ok.notes();
        int rowsDropped = ok.dropped;
        if (onlyPre + onlyPost > 0) {
            notes.add("unbalanced panel: " + (onlyPre + onlyPost) + " " + c.id().name() + " values dropped ("
                    + onlyPre + " observed only in period " + formatNumber(ok.pre) + ", " + onlyPost
                    + " only in period " + formatNumber(ok.post)
                    + ", counting rows left out for missing values); panel estimators need both periods");
            rowsDropped += onlyPre + onlyPost;
        }
        return new PanelSample(y0, y1, d, x, names, w, cl, rowsDropped, notes);
    }

    private static double[] pick(double[] v, int[] rows, int m) {
        double[] out = new double[m];
        for (int u = 0; u < m; u++) {
            out[u] = v[rows[u]];
        }
        return out;
    }

    private static double[] constantWithinUnit(DidColumns.Column v, DidColumns.Column id, int[] pre, int[] post, int m) {
        double[] a = v.values();
        for (int u = 0; u < m; u++) {
            if (a[pre[u]] != a[post[u]]) {
                throw new InputException("'" + v.name() + "' changes between periods for " + id.name() + " "
                        + formatNumber(id.values()[pre[u]]) + " (rows " + (pre[u] + 1) + " and " + (post[u] + 1)
                        + "): it must be constant within a unit");
            }
        }
        return pick(a, pre, m);
    }

    double[] y0() {
        return y0;
    }

    double[] y1() {
        return y1;
    }
}
