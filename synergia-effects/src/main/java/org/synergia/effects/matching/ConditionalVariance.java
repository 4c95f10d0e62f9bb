package org.synergia.effects.matching;

/**
 * Heteroskedasticity-robust estimates of the conditional outcome variance
 * {@code sigma^2(X_i, W_i)} by matching within the arm (Abadie and Imbens 2006, section 4.2,
 * eq. 14): with {@code J(i)} the {@code J} units of i's own arm nearest to it on the matching
 * score (i excluded, ties kept),
 * {@code sigma^2_i = #J(i) / (#J(i) + 1) * (Y_i - mean_{j in J(i)} Y_j)^2}.
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
     * @param tolerance tie tolerance on squared score distances
     * @return {@code sigma^2} of every row
     */
    static double[] robust(double[] y, double[] score, SortedScores treatedPool, SortedScores controlPool, int j,
            double tolerance) {
        MatchSet[] within = new MatchSet[2];
        SortedScores[] pools = {treatedPool, controlPool};
        for (int a = 0; a < 2; a++) {
            if (pools[a].size() >= 2) {
                within[a] = ScoreMatcher.nearest(pools[a], score, pools[a].rows, Math.min(j, pools[a].size() - 1),
                        Double.POSITIVE_INFINITY, true, tolerance, true);
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
                double d = y[r] - set.meanOverMatches(k, y);
                out[r] = c / (c + 1.0) * d * d;
            }
        }
        return out;
    }
}
