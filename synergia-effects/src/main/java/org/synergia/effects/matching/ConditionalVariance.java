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
     * @param tolerance tie tolerance on the score distance
     * @return {@code sigma^2} of every row
     */
    static double[] robust(double[] y, double[] score, SortedScores treatedPool, SortedScores controlPool, int j,
            double tolerance) {
        double[] out = new double[y.length];
        for (SortedScores pool : new SortedScores[] {treatedPool, controlPool}) {
            if (pool.size() < 2) {
                continue;
            }
            MatchSet within = ScoreMatcher.nearest(pool, score, pool.rows, Math.min(j, pool.size() - 1),
                    Double.POSITIVE_INFINITY, true, tolerance, true);
            for (int k = 0; k < within.focalCount(); k++) {
                int r = within.focalRow(k);
                int c = within.matchCount(k);
                double d = y[r] - within.meanOverMatches(k, y);
                out[r] = c / (c + 1.0) * d * d;
            }
        }
        return out;
    }
}
