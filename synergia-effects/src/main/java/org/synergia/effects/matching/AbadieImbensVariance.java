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
     * @return the variance of the estimate
     */
    static double of(MatchedSample s, double[] sigma2) {
        double heterogeneity = 0;
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
        double nk = s.nKept;
        return (heterogeneity + conditional) / (nk * nk);
    }

    /**
     * The conditional variance under homoskedasticity, as R {@code Matching::Match(Var.calc = 0)}:
     * one {@code sigma^2} for every row, estimated from the spread of the matched contrasts.
     *
     * @param s the matched sample
     * @return {@code sigma^2} repeated for every row
     */
    static double[] homoskedastic(MatchedSample s) {
        double ss = 0;
        for (int r = 0; r < s.y.length; r++) {
            if (s.kept[r]) {
                double d = s.y1[r] - s.y0[r] - s.tau;
                ss += d * d;
            }
        }
        double sigma2 = ss / (2.0 * s.nKept);
        double[] out = new double[s.y.length];
        java.util.Arrays.fill(out, sigma2);
        return out;
    }
}
