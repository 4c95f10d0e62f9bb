package org.synergia.effects.matching;

import java.util.Arrays;

/**
 * The matches of a set of focal units among a pool of units, stored in compressed rows: focal
 * unit {@code k} (data row {@link #focalRow(int)}) is matched to the data rows
 * {@code match[start[k]] .. match[start[k+1]-1]}, each with weight {@code 1 / #J(k)}, where
 * {@code #J(k)} is the number of its matches (M plus ties, Abadie and Imbens 2006, section 2).
 * A focal unit with no match (outside the caliper) has an empty range. Immutable.
 */
public final class MatchSet {

    private final int[] focal;
    private final int[] start;
    private final int[] match;

    MatchSet(int[] focal, int[] start, int[] match) {
        this.focal = focal;
        this.start = start;
        this.match = match;
    }

    /** @return the number of focal units, matched or not */
    public int focalCount() {
        return focal.length;
    }

    /**
     * @param k index of a focal unit, {@code 0 <= k < focalCount()}
     * @return its data row
     */
    public int focalRow(int k) {
        return focal[k];
    }

    /**
     * @param k index of a focal unit
     * @return true when it found at least one match
     */
    public boolean isMatched(int k) {
        return start[k + 1] > start[k];
    }

    /**
     * @param k index of a focal unit
     * @return the number of its matches, {@code #J(k)} (0 when unmatched)
     */
    public int matchCount(int k) {
        return start[k + 1] - start[k];
    }

    /**
     * @param k index of a focal unit
     * @return the data rows of its matches, nearest first
     */
    public int[] matchesOf(int k) {
        return Arrays.copyOfRange(match, start[k], start[k + 1]);
    }

    /**
     * @param k index of a focal unit
     * @return the position of its first match, for {@link #matchAt(int)}
     */
    int from(int k) {
        return start[k];
    }

    /**
     * @param k index of a focal unit
     * @return one past the position of its last match
     */
    int to(int k) {
        return start[k + 1];
    }

    /**
     * @param position a position in {@code from(k) .. to(k) - 1}
     * @return the data row of the match there
     */
    int matchAt(int position) {
        return match[position];
    }

    /** @return the number of matched focal units */
    public int matchedCount() {
        int c = 0;
        for (int k = 0; k < focal.length; k++) {
            if (isMatched(k)) {
                c++;
            }
        }
        return c;
    }

    /**
     * Weighted mean of {@code values} over the matches of focal unit {@code k}.
     *
     * @param k index of a matched focal unit
     * @param values a value per data row
     * @return {@code sum_j values[j] / #J(k)}
     */
    double meanOverMatches(int k, double[] values) {
        double s = 0;
        for (int p = start[k]; p < start[k + 1]; p++) {
            s += values[match[p]];
        }
        return s / (start[k + 1] - start[k]);
    }

    /**
     * Adds, for every data row, how much it is used as a match: {@code used[r] += sum_k w_kr}
     * (the {@code K_M(r)/M} of Abadie and Imbens 2006, with ties) and
     * {@code usedSquared[r] += sum_k w_kr^2}.
     *
     * @param used accumulator indexed by data row
     * @param usedSquared accumulator indexed by data row
     */
    void addUsage(double[] used, double[] usedSquared) {
        for (int k = 0; k < focal.length; k++) {
            int c = start[k + 1] - start[k];
            if (c == 0) {
                continue;
            }
            double w = 1.0 / c;
            for (int p = start[k]; p < start[k + 1]; p++) {
                used[match[p]] += w;
                usedSquared[match[p]] += w * w;
            }
        }
    }
}
