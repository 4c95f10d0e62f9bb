package org.synergia.effects.matching;

import org.synergia.data.InputException;
import org.synergia.effects.potentialoutcomes.Estimand;
import org.synergia.stats.linalg.Cholesky;

/**
 * The Abadie and Imbens (2016, Theorems 1 and 2) adjustment of the matching variance for a
 * propensity score estimated by maximum likelihood, computed as Stata's {@code teffects psmatch}
 * does ([CAUSAL] teffects nnmatch, "PSM, ATE, and ATET variance adjustment"):
 * <pre>
 *   ATE:  V = V_base - c' V_g c,
 *         c  = (1/N)  sum_i f_i [ cov_i(z, y | 1) / p_i + cov_i(z, y | 0) / (1 - p_i) ]
 *   ATT:  V = V_base - (c1 + c2)' V_g (c1 + c2) + d' V_g d,
 *         c1 = (1/N1) sum_i z_i f_i (ytilde_i(1) - ytilde_i(0) - tau)
 *         c2 = (1/N1) sum_i f_i [ cov_i(z, y | 1) + p_i / (1 - p_i) cov_i(z, y | 0) ]
 *         d  = (1/N1) sum_i z_i f_i [ (2 t_i - 1)(y_i - ybar_i) - tau ]
 * </pre>
 * over the estimation sample, with {@code z_i} the treatment model's regressors, {@code f_i} the
 * link's density at {@code z_i'g}, {@code V_g} the inverse observed information of the treatment
 * model (Stata's default) and {@code h} the number of variance neighbours (Stata's {@code nn(h)}).
 * On the matching score, for each unit i and arm w, {@code cov_i(z, y | w)} is the sample
 * covariance (divisor {@code #H - 1}) of the regressors and the outcome over the {@code h} units
 * of arm w nearest to i, unit i itself counting when it belongs to w; {@code ytilde_i(w)} is the
 * mean outcome of the {@code h} units of arm w nearest to i, i itself excluded. {@code ybar_i} is
 * the mean outcome of the {@code M} units of the other arm nearest to i in Euclidean distance on
 * the treatment model's non-constant regressors: the derivative of the ATT with respect to the
 * score's coefficients needs the outcome regressions at the covariates, not at the score. Ties
 * are kept everywhere.
 */
final class EstimatedScoreAdjustment {

    private EstimatedScoreAdjustment() {
    }

    /**
     * @param s the matched sample
     * @param model the fitted treatment model
     * @param metric the matching score of every row
     * @param poolT treated rows of the estimation sample, sorted by score
     * @param poolC control rows of the estimation sample, sorted by score
     * @param h variance neighbours, {@code >= 2}, the unit itself counting in its own arm
     * @param neighbors the matching's {@code M}
     * @param ties when a farther unit ties with the nearest ones
     * @return the term added to the base variance
     */
    static double of(MatchedSample s, TreatmentModel model, double[] metric, SortedScores poolT, SortedScores poolC,
            int h, int neighbors, Ties.Bound ties) {
        double[][] z = model.columns();
        int k = z.length;
        double[] p = model.p();
        double[] f = model.density();
        int[] rows = new int[poolT.size() + poolC.size()];
        System.arraycopy(poolT.rows, 0, rows, 0, poolT.size());
        System.arraycopy(poolC.rows, 0, rows, poolT.size(), poolC.size());
        MatchSet near1 = ScoreMatcher.nearest(poolT, metric, rows, Math.min(h, poolT.size()), Double.POSITIVE_INFINITY,
                false, true, ties, false);
        MatchSet near0 = ScoreMatcher.nearest(poolC, metric, rows, Math.min(h, poolC.size()), Double.POSITIVE_INFINITY,
                false, true, ties, false);
        boolean att = s.estimand == Estimand.ATT;
        double[] c = new double[k];
        double[] cov1 = new double[k];
        double[] cov0 = new double[k];
        double[] zByRow = byRow(z);
        double[] zbar = new double[k];
        for (int q = 0; q < rows.length; q++) {
            int i = rows[q];
            if (!att && !s.kept[i]) {
                continue;
            }
            covariance(near1, q, zByRow, s.y, zbar, cov1);
            covariance(near0, q, zByRow, s.y, zbar, cov0);
            double a1 = att ? 1 : 1 / p[i];
            double a0 = att ? p[i] / (1 - p[i]) : 1 / (1 - p[i]);
            for (int j = 0; j < k; j++) {
                c[j] += (a1 * cov1[j] + a0 * cov0[j]) * f[i];
            }
        }
        double[] d = null;
        if (att) {
            addScoreDerivative(c, s, z, f, rows, poolT, poolC, near1, near0, metric, h, ties);
            d = covariateDerivative(s, z, f, poolT, poolC, neighbors);
        }
        double scale = att ? s.keptTreated() : s.nKept;
        for (int j = 0; j < k; j++) {
            c[j] /= scale;
        }
        Cholesky chol = Cholesky.of(model.information());
        if (!chol.isPositiveDefinite()) {
            throw new InputException("the treatment model's information matrix is singular (collinear regressors): "
                    + "drop the redundant regressor");
        }
        double adjustment = -dot(c, chol.solve(c));
        if (d != null) {
            adjustment += dot(d, chol.solve(d));
        }
        return adjustment;
    }

    /** Adds {@code sum_i z_i f_i (ytilde_i(1) - ytilde_i(0) - tau)} (the ATT's c1, before scaling) to c. */
    private static void addScoreDerivative(double[] c, MatchedSample s, double[][] z, double[] f, int[] rows,
            SortedScores poolT, SortedScores poolC, MatchSet near1, MatchSet near0, double[] metric, int h,
            Ties.Bound ties) {
        double[] own = new double[s.y.length];
        SortedScores[] pools = {poolT, poolC};
        for (SortedScores pool : pools) {
            if (pool.size() < 2) {
                continue;
            }
            MatchSet within = ScoreMatcher.nearest(pool, metric, pool.rows, Math.min(h, pool.size() - 1),
                    Double.POSITIVE_INFINITY, false, true, ties, true);
            for (int q = 0; q < within.focalCount(); q++) {
                own[within.focalRow(q)] = within.meanOverMatches(q, s.y);
            }
        }
        for (int q = 0; q < rows.length; q++) {
            int i = rows[q];
            double y1 = s.treated[i] ? own[i] : near1.meanOverMatches(q, s.y);
            double y0 = s.treated[i] ? near0.meanOverMatches(q, s.y) : own[i];
            double w = f[i] * (y1 - y0 - s.tau);
            for (int j = 0; j < z.length; j++) {
                c[j] += z[j][i] * w;
            }
        }
    }

    /**
     * The ATT's d: outcome contrasts with the other arm's nearest units on the raw regressors (a
     * constant regressor, the intercept, adds nothing to the distances).
     */
    private static double[] covariateDerivative(MatchedSample s, double[][] z, double[] f,
            SortedScores poolT, SortedScores poolC, int neighbors) {
        MatchSet toControls = CovariateMatcher.nearest(z, poolT.rows, poolC.rows, neighbors, Ties.Bound.EXACT, false);
        MatchSet toTreated = CovariateMatcher.nearest(z, poolC.rows, poolT.rows, neighbors, Ties.Bound.EXACT, false);
        double[] d = new double[z.length];
        for (MatchSet set : new MatchSet[] {toControls, toTreated}) {
            for (int q = 0; q < set.focalCount(); q++) {
                int i = set.focalRow(q);
                double sign = s.treated[i] ? 1 : -1;
                double w = f[i] * (sign * (s.y[i] - set.meanOverMatches(q, s.y)) - s.tau);
                for (int j = 0; j < z.length; j++) {
                    d[j] += z[j][i] * w;
                }
            }
        }
        int n1 = s.keptTreated();
        for (int j = 0; j < d.length; j++) {
            d[j] /= n1;
        }
        return d;
    }

    /** @return the regressors row by row, {@code [i * k + j]}, so that a row's regressors share cache lines */
    private static double[] byRow(double[][] x) {
        int k = x.length;
        int n = x[0].length;
        double[] out = new double[n * k];
        for (int j = 0; j < k; j++) {
            double[] xj = x[j];
            for (int i = 0, at = j; i < n; i++, at += k) {
                out[at] = xj[i];
            }
        }
        return out;
    }

    /** The covariances over the set of focal unit q, from row-major regressors; {@code xbar} is scratch space. */
    private static void covariance(MatchSet h, int q, double[] xByRow, double[] y, double[] xbar, double[] out) {
        int k = out.length;
        int from = h.from(q);
        int to = h.to(q);
        int c = to - from;
        java.util.Arrays.fill(out, 0);
        if (c < 2) {
            return;
        }
        double ybar = h.meanOverMatches(q, y);
        // xbar_j = sum_h X_hj / c summed in match order (as meanOverMatches), then the cross products
        java.util.Arrays.fill(xbar, 0);
        for (int p = from; p < to; p++) {
            int at = h.matchAt(p) * k;
            for (int j = 0; j < k; j++) {
                xbar[j] += xByRow[at + j];
            }
        }
        for (int j = 0; j < k; j++) {
            xbar[j] /= c;
        }
        for (int p = from; p < to; p++) {
            int r = h.matchAt(p);
            double dy = y[r] - ybar;
            for (int j = 0, at = r * k; j < k; j++, at++) {
                out[j] += (xByRow[at] - xbar[j]) * dy;
            }
        }
        for (int j = 0; j < k; j++) {
            out[j] /= c - 1;
        }
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }
}
