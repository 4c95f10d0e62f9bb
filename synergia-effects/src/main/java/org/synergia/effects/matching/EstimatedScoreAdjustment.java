package org.synergia.effects.matching;

import org.synergia.data.InputException;
import org.synergia.effects.potentialoutcomes.Estimand;
import org.synergia.stats.linalg.Cholesky;

/**
 * The Abadie and Imbens (2016, Theorems 1 and 2, section 4) adjustment of the matching
 * variance for a propensity score estimated by maximum likelihood:
 * <pre>
 *   ATE:  V = V_AI2006 - c' I^-1 c,
 *         c = (1/N) sum_i [ cov(X, mu(1,X) | p_i) / p_i + cov(X, mu(0,X) | p_i) / (1 - p_i) ] f_i
 *   ATT:  V = V_AI2006 - c_t' I^-1 c_t + d' I^-1 d,
 *         c_t = (1/N_1) sum_i [ cov(X, mu(1,X) | p_i) + p_i / (1 - p_i) cov(X, mu(0,X) | p_i) ] f_i,
 *         d   = (1/N_1) sum_i X_i f_i (Yhat_i(1) - Yhat_i(0) - tau_t)
 * </pre>
 * where {@code I} is the (total) Fisher information of the treatment model's coefficients,
 * {@code f_i} the link's density at {@code X_i'b}, and the conditional covariance of the
 * regressors and the outcome given the score within arm w is estimated by matching
 * (Abadie and Imbens 2016, section 4): over the set {@code H} of the {@code L} units of arm w
 * nearest to unit i on the score (i itself included when it belongs to arm w; ties kept),
 * {@code cov = 1/(#H - 1) sum_{h in H} (X_h - Xbar_H)(Y_h - Ybar_H)}.
 * {@code Yhat_i(w)} is {@code Y_i} in unit i's own arm and its matched mean in the other.
 */
final class EstimatedScoreAdjustment {

    private EstimatedScoreAdjustment() {
    }

    /**
     * @param s the matched sample
     * @param model the fitted treatment model
     * @param metric the matching score of every row
     * @param inSample the rows in the estimation sample
     * @param poolT treated rows sorted by score
     * @param poolC control rows sorted by score
     * @param controlsToTreated matches of the control rows among the treated ({@code M} neighbours)
     * @param l number of within-arm neighbours for the covariances, {@code >= 2}
     * @param tolerance tie tolerance on the score
     * @return the term added to the AI2006 robust variance
     */
    static double of(MatchedSample s, TreatmentModel model, double[] metric, boolean[] inSample, SortedScores poolT,
            SortedScores poolC, MatchSet controlsToTreated, int l, double tolerance) {
        double[][] x = model.columns();
        int k = x.length;
        double[] xByRow = byRow(x);
        double[] p = model.p();
        double[] f = model.density();
        int[] rows = new int[poolT.size() + poolC.size()];
        System.arraycopy(poolT.rows, 0, rows, 0, poolT.size());
        System.arraycopy(poolC.rows, 0, rows, poolT.size(), poolC.size());
        MatchSet h1 = ScoreMatcher.nearest(poolT, metric, rows, Math.min(l, poolT.size()), Double.POSITIVE_INFINITY,
                true, tolerance, false);
        MatchSet h0 = ScoreMatcher.nearest(poolC, metric, rows, Math.min(l, poolC.size()), Double.POSITIVE_INFINITY,
                true, tolerance, false);
        double[] c = new double[k];
        double[] cov1 = new double[k];
        double[] cov0 = new double[k];
        double[] xbar = new double[k];
        boolean att = s.estimand == Estimand.ATT;
        int n1 = s.keptTreated();
        for (int q = 0; q < rows.length; q++) {
            int i = rows[q];
            if (!att && !s.kept[i]) {
                continue;
            }
            covariance(h1, q, xByRow, s.y, xbar, cov1);
            covariance(h0, q, xByRow, s.y, xbar, cov0);
            double a1 = att ? 1 : 1 / p[i];
            double a0 = att ? p[i] / (1 - p[i]) : 1 / (1 - p[i]);
            for (int j = 0; j < k; j++) {
                c[j] += (a1 * cov1[j] + a0 * cov0[j]) * f[i];
            }
        }
        double scale = att ? n1 : s.nKept;
        for (int j = 0; j < k; j++) {
            c[j] /= scale;
        }
        Cholesky chol = Cholesky.of(model.information());
        if (!chol.isPositiveDefinite()) {
            throw new InputException("the treatment model's information matrix is singular (collinear regressors): "
                    + "drop the redundant regressor");
        }
        double adjustment = -dot(c, chol.solve(c));
        if (att) {
            double[] d = new double[k];
            double[] yhat1 = new double[s.y.length];
            for (int q = 0; q < controlsToTreated.focalCount(); q++) {
                if (controlsToTreated.isMatched(q)) {
                    yhat1[controlsToTreated.focalRow(q)] = controlsToTreated.meanOverMatches(q, s.y);
                }
            }
            boolean[] imputed = new boolean[s.y.length];
            for (int q = 0; q < controlsToTreated.focalCount(); q++) {
                imputed[controlsToTreated.focalRow(q)] = controlsToTreated.isMatched(q);
            }
            for (int i : rows) {
                double diff;
                if (s.treated[i]) {
                    if (!s.kept[i]) {
                        continue;
                    }
                    diff = s.y1[i] - s.y0[i] - s.tau;
                } else {
                    if (!imputed[i]) {
                        continue;
                    }
                    diff = yhat1[i] - s.y[i] - s.tau;
                }
                for (int j = 0, at = i * k; j < k; j++, at++) {
                    d[j] += xByRow[at] * f[i] * diff;
                }
            }
            for (int j = 0; j < k; j++) {
                d[j] /= n1;
            }
            adjustment += dot(d, chol.solve(d));
        }
        return adjustment;
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
        // xbar_j = sum_h X_hj / c, summed in match order (as meanOverMatches), then the cross products
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
