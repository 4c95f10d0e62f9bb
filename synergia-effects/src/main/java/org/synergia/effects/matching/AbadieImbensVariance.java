package org.synergia.effects.matching;

/**
 * The Abadie and Imbens (2006) variance of a matching estimator, with ties (unequal match
 * weights) handled exactly. Write the estimate as {@code tau = (1/N) sum_r (2W_r - 1) a_r Y_r}
 * with {@code a_r = 1{r kept} + k_r}, {@code k_r = sum_i w_ir} the weight of row r as a match
 * ({@code K_M(r)/M}) and {@code s_r = sum_i w_ir^2}. Then (Abadie and Imbens 2006, Theorem 6 and
 * eq. 14-15, written for weights)
 * <pre>
 *   V = (1/N^2) [ sum_{i kept} (Yhat_i(1) - Yhat_i(0) - tau)^2
 *                 + sum_r (a_r^2 - 1{r kept} - s_r) sigma^2(X_r, W_r) ]
 * </pre>
 * which without ties is {@code (K/M)^2 + (2M-1)/M K/M} for the ATE and {@code K(K-1)/M^2} for
 * the controls of the ATT, as in the paper. {@code N} is the number of kept focal units.
 */
final class AbadieImbensVariance {

    private AbadieImbensVariance() {
    }

    /**
     * @param s the matched sample
     * @param sigma2 the conditional variance estimate of every row
     * @param nFocal the number of focal units the variance divides by: {@code s.nKept} (units
     *     dropped by a caliper leave the estimate and its variance), or the number of focal units
     *     before the caliper, each dropped one entering with a zero contrast, as R
     *     {@code Matching::Match} computes its Abadie-Imbens SE with a caliper
     * @return the variance of the estimate
     */
    static double of(MatchedSample s, double[] sigma2, int nFocal) {
        double heterogeneity = (nFocal - s.nKept) * s.tau * s.tau;
        double conditional = 0;
        for (int r = 0; r < s.y.length; r++) {
            double keep = s.kept[r] ? 1 : 0;
            if (s.kept[r]) {
                double d = s.y1[r] - s.y0[r] - s.tau;
                heterogeneity += d * d;
            }
            double a = keep + s.used[r];
            double factor = a * a - keep - s.usedSquared[r];
            if (factor != 0) {
                conditional += factor * sigma2[r];
            }
        }
        double nf = nFocal;
        return (heterogeneity + conditional) / (nf * nf);
    }

    /**
     * The conditional variance under homoskedasticity (R {@code Matching::Match(Var.calc = 0)},
     * Stata {@code vce(iid)}): one {@code sigma^2} for every row, half the mean over kept focal
     * units of the mean over their matches j of the squared deviation of the pair contrast from
     * the estimate, {@code sigma^2 = 1/(2N) sum_i 1/#J(i) sum_{j in J(i)} (+-(Y_i - Y_j) - tau)^2}
     * (with a bias adjustment, {@code Y_j} is the adjusted {@code Y_j + mu(X_i) - mu(X_j)}).
     *
     * @param s the matched sample
     * @return {@code sigma^2} repeated for every row
     */
    static double[] homoskedastic(MatchedSample s) {
        double ss = 0;
        for (MatchSet set : new MatchSet[] {s.treatedMatches, s.controlMatches}) {
            if (set == null) {
                continue;
            }
            for (int k = 0; k < set.focalCount(); k++) {
                int c = set.matchCount(k);
                if (c == 0) {
                    continue;
                }
                int i = set.focalRow(k);
                double sign = s.treated[i] ? 1 : -1;
                double acc = 0;
                for (int q = set.from(k); q < set.to(k); q++) {
                    int j = set.matchAt(q);
                    double yj = s.y[j];
                    if (s.adjustment != null) {
                        yj += s.adjustment.pairCorrection(i, j, !s.treated[i]);
                    }
                    double d = sign * (s.y[i] - yj) - s.tau;
                    acc += d * d;
                }
                ss += acc / c;
            }
        }
        double sigma2 = ss / (2.0 * s.nKept);
        double[] out = new double[s.y.length];
        java.util.Arrays.fill(out, sigma2);
        return out;
    }
}
