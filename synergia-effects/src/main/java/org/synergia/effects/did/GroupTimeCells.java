package org.synergia.effects.did;

import static org.synergia.data.NumericColumn.formatNumber;

import java.util.ArrayList;
import java.util.List;
import org.synergia.data.InputException;
import org.synergia.data.OptionName;
import org.synergia.stats.inference.Term;

/**
 * The group-time average treatment effects {@code ATT(g,t)} of Callaway &amp; Sant'Anna (2021, J.
 * Econometrics 225(2), §2–3), each a two-period {@link DrDid} estimate comparing cohort {@code g}
 * with its comparison units between a base period and {@code t}, with R {@code did} 2.1.2's
 * conventions ({@code compute.att_gt}):
 * <ul>
 * <li>post-treatment cells ({@code t ≥ g}) have as base the last period {@code b} with
 *     {@code b + δ < g} ({@code δ} the anticipation periods); before treatment the varying base is
 *     the previous period and the universal base that same period, whose own cell is 0;</li>
 * <li>comparison units are the never treated, or those whose cohort is 0 or later than
 *     {@code max(t, b) + δ} (other than {@code g}) with not-yet-treated comparisons;</li>
 * <li>in a balanced panel the outcome change {@code Y_t − Y_b} is regressed with the covariates of
 *     the earlier of the two periods; otherwise the rows of both periods are repeated cross-sections
 *     with their own covariates;</li>
 * <li>a cell's influence function, computed on its {@code m} units or rows, is multiplied by
 *     {@code n/m} ({@code n} units) and, for rows, summed by unit.</li>
 * </ul>
 */
final class GroupTimeCells {

    /**
     * One cell.
     *
     * @param cohort {@code g}
     * @param time {@code t}
     * @param att the estimate (0 for the universal base period's own cell)
     * @param psi its influence function over all units, such that {@code ATT̂ − ATT ≈ (1/n) Σ ψ_u}
     * @param reference whether it is the universal base period's own cell (0 by construction)
     * @param trimmed comparison units or rows the trimming level gave weight zero
     */
    record Cell(double cohort, double time, double att, double[] psi, boolean reference, int trimmed) {
        /** @return whether {@code t ≥ g} (R did's {@code post}) */
        boolean post() {
            return time >= cohort;
        }

        /** @return the cell's term */
        Term.Cell term() {
            return new Term.Cell(cohort, time);
        }
    }

    private final StaggeredData data;
    private final DrDid estimator;
    private final ControlGroup control;
    private final BasePeriod base;
    private final int anticipation;

    GroupTimeCells(StaggeredData data, DrDid estimator, ControlGroup control, BasePeriod base, int anticipation) {
        this.data = data;
        this.estimator = estimator;
        this.control = control;
        this.base = base;
        this.anticipation = anticipation;
    }

    /** @return every cell, by cohort and then period, as R did orders them */
    List<Cell> estimate() {
        double[] times = data.times;
        List<Cell> cells = new ArrayList<>();
        for (double g : data.estimated) {
            int pre = -1;
            for (int i = 0; i < times.length; i++) {
                if (times[i] + anticipation < g) {
                    pre = i;
                }
            }
            for (int k = base == BasePeriod.VARYING ? 1 : 0; k < times.length; k++) {
                int b = base == BasePeriod.UNIVERSAL || g <= times[k] ? pre : k - 1;
                if (b == k) {
                    cells.add(new Cell(g, times[k], 0, new double[data.units()], true, 0));
                } else {
                    cells.add(cell(g, b, k));
                }
            }
        }
        return cells;
    }

    private boolean comparison(double cohort, double g, double later) {
        return cohort == 0 || control == ControlGroup.NOT_YET_TREATED && cohort > later + anticipation && cohort != g;
    }

    private Cell cell(double g, int b, int k) {
        double later = Math.max(data.times[b], data.times[k]);
        String where = "group-time cell " + new Term.Cell(g, data.times[k]) + ": ";
        try {
            return data.design == StaggeredData.Design.PANEL ? panelCell(g, b, k, later) : rowCell(g, b, k, later);
        } catch (InputException e) {
            throw e.getMessage().contains(new Term.Cell(g, data.times[k]).toString()) ? e : e.in(where);
        }
    }

    private Cell panelCell(double g, int b, int k, double later) {
        int n = data.units();
        int[] members = new int[n];
        int m = 0;
        int comparisons = 0;
        for (int u = 0; u < n; u++) {
            boolean c = comparison(data.cohort[u], g, later);
            if (data.cohort[u] == g || c) {
                members[m++] = u;
                comparisons += c ? 1 : 0;
            }
        }
        if (comparisons == 0) {
            throw noComparison(g, k, data.times[Math.max(b, k)]);
        }
        int covariatePeriod = Math.min(b, k);
        double[] y0 = new double[m];
        double[] y1 = new double[m];
        double[] d = new double[m];
        double[] w = new double[m];
        double[][] x = new double[data.x.length][m];
        for (int r = 0; r < m; r++) {
            int u = members[r];
            y0[r] = data.y[data.slot[u][b]];
            y1[r] = data.y[data.slot[u][k]];
            d[r] = data.cohort[u] == g ? 1 : 0;
            w[r] = data.weight[u];
            for (int j = 0; j < x.length; j++) {
                x[j][r] = data.x[j][data.slot[u][covariatePeriod]];
            }
        }
        DidResult r = estimator.fitPanel(PanelSample.of(y0, y1, d).withCovariates(data.covariateNames, x)
                .withWeights(data.weighted ? w : null));
        double[] local = r.influenceFunction();
        double[] psi = new double[n];
        for (int i = 0; i < m; i++) {
            psi[members[i]] = (double) n / m * local[i];
        }
        return new Cell(g, data.times[k], r.att().estimate(), psi, false, trimmed(r));
    }

    private Cell rowCell(double g, int b, int k, double later) {
        int rows = data.rows();
        int[] members = new int[rows];
        int m = 0;
        int[] counts = new int[4];
        for (int r = 0; r < rows; r++) {
            int p = data.rowPeriod[r];
            double cohort = data.cohort[data.rowUnit[r]];
            boolean treated = cohort == g;
            if ((p == b || p == k) && (treated || comparison(cohort, g, later))) {
                members[m++] = r;
                counts[(treated ? 2 : 0) + (p == k ? 1 : 0)]++;
            }
        }
        for (int post = 0; post < 2; post++) {
            int period = post == 1 ? k : b;
            if (counts[2 + post] == 0) {
                throw new InputException("cohort " + formatNumber(g) + " has no observation in period "
                        + formatNumber(data.times[period]) + ", which its group-time cell " + new Term.Cell(g, data.times[k])
                        + " needs: add observations of that cohort in that period");
            }
            if (counts[post] == 0) {
                throw noComparison(g, k, data.times[period]);
            }
        }
        double[] yy = new double[m];
        double[] post = new double[m];
        double[] d = new double[m];
        double[] w = new double[m];
        double[][] x = new double[data.x.length][m];
        for (int i = 0; i < m; i++) {
            int r = members[i];
            yy[i] = data.y[r];
            post[i] = data.rowPeriod[r] == k ? 1 : 0;
            d[i] = data.cohort[data.rowUnit[r]] == g ? 1 : 0;
            w[i] = data.weight[data.rowUnit[r]];
            for (int j = 0; j < x.length; j++) {
                x[j][i] = data.x[j][r];
            }
        }
        DidResult r = estimator.fitRepeatedCrossSections(CrossSectionSample.of(yy, post, d)
                .withCovariates(data.covariateNames, x).withWeights(data.weighted ? w : null));
        double[] local = r.influenceFunction();
        int n = data.units();
        double[] psi = new double[n];
        for (int i = 0; i < m; i++) {
            psi[data.rowUnit[members[i]]] += (double) n / m * local[i];
        }
        return new Cell(g, data.times[k], r.att().estimate(), psi, false, trimmed(r));
    }

    private InputException noComparison(double g, int k, double period) {
        return new InputException(DidProblem.CELL_NO_COMPARISON, new Term.Cell(g, data.times[k]).toString(), period,
                OptionName.of("control-group"), control.label());
    }

    private static int trimmed(DidResult r) {
        Object t = r.diagnostics().get("n_trimmed");
        return t instanceof Integer i ? i : 0;
    }
}
