package org.synergia.effects.matching;

/**
 * Heteroskedasticity-robust estimates of the conditional outcome variance
 * {@code sigma^2(X_i, W_i)} by matching within the arm (Abadie and Imbens 2006, section 4.2):
 * with {@code J(i)} the {@code J} units of i's own arm nearest to it (i excluded, ties kept),
 * {@code sigma^2_i} is the sample variance of the {@code #J(i) + 1} outcomes of i and
 * {@code J(i)}, with divisor {@code #J(i)}. For {@code J = 1} this is the paper's eq. (14),
 * {@code J/(J+1) (Y_i - Ybar_J)^2}; for larger J it is the form R {@code Matching}
 * ({@code Var.calc = J}) and Stata ({@code vce(robust, nn(J))}) compute.
 */
final class ConditionalVariance {

    private ConditionalVariance() {
    }

    /**
     * @param y the outcome of every row
     * @param score the matching score of every row
     * @param treatedPool the treated rows sorted by score
     * @param controlPool the control rows sorted by score
     * @param j number of within-arm neighbours, {@code >= 1}
     * @param ties when a farther unit ties with the j-th nearest
     * @param caliper the largest score distance of a within-arm neighbour ({@code Double.POSITIVE_INFINITY} for
     *     none); a row with fewer than {@code j} inside it gets {@code sigma^2 = 0}, as R {@code Matching} with a
     *     caliper does
     * @return {@code sigma^2} of every row
     */
    static double[] robust(double[] y, double[] score, SortedScores treatedPool, SortedScores controlPool, int j,
            Ties.Bound ties, double caliper) {
        MatchSet[] within = new MatchSet[2];
        SortedScores[] pools = {treatedPool, controlPool};
        for (int a = 0; a < 2; a++) {
            if (pools[a].size() >= 2) {
                within[a] = ScoreMatcher.nearest(pools[a], score, pools[a].rows, Math.min(j, pools[a].size() - 1),
                        caliper, true, true, ties, true);
            }
        }
        return fromWithinArm(y, within);
    }

    /**
     * @param y the outcome of every row
     * @param within each arm's units matched to their own arm's nearest units (null entries skipped)
     * @return {@code sigma^2} of every row ({@code 0} for a row without within-arm matches)
     */
    static double[] fromWithinArm(double[] y, MatchSet... within) {
        double[] out = new double[y.length];
        for (MatchSet set : within) {
            if (set == null) {
                continue;
            }
            for (int k = 0; k < set.focalCount(); k++) {
                int c = set.matchCount(k);
                if (c == 0) {
                    continue;
                }
                int r = set.focalRow(k);
                double mean = (set.meanOverMatches(k, y) * c + y[r]) / (c + 1);
                double ss = (y[r] - mean) * (y[r] - mean);
                for (int q = set.from(k); q < set.to(k); q++) {
                    double d = y[set.matchAt(q)] - mean;
                    ss += d * d;
                }
                out[r] = ss / c;
            }
        }
        return out;
    }
}
