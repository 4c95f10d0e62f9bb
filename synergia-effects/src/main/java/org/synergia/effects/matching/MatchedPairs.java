package org.synergia.effects.matching;

/**
 * The matched pairs of nearest-neighbour ATT matching, one per matched treated unit: its outcome
 * and its pair's control value, the mean outcome of its matched controls (its {@code M} nearest
 * and any ties, each weighing {@code 1/#J(i)}), so that the mean of the pair differences is the
 * (unadjusted) ATT. With one neighbour and no ties this is R's
 * {@code Y[m$index.treated] - Y[m$index.control]} after {@code Matching::Match}; with ties or
 * {@code M > 1} the matched controls are averaged into one control value per treated unit, the
 * input {@code rbounds::psens} takes (one control per treated unit). Treated units left unmatched
 * by a caliper have no pair. Immutable; the accessors return copies.
 */
public final class MatchedPairs {

    private final int[] rows;
    private final double[] treated;
    private final double[] control;

    private MatchedPairs(int[] rows, double[] treated, double[] control) {
        this.rows = rows;
        this.treated = treated;
        this.control = control;
    }

    /**
     * @param matches the matches of the treated units among the controls
     * @param y the outcome of every data row
     * @return a pair per matched treated unit, in the order of the treated units
     */
    static MatchedPairs of(MatchSet matches, double[] y) {
        int n = matches.matchedCount();
        int[] rows = new int[n];
        double[] t = new double[n];
        double[] c = new double[n];
        int p = 0;
        for (int k = 0; k < matches.focalCount(); k++) {
            if (matches.isMatched(k)) {
                rows[p] = matches.focalRow(k);
                t[p] = y[rows[p]];
                c[p] = matches.meanOverMatches(k, y);
                p++;
            }
        }
        return new MatchedPairs(rows, t, c);
    }

    /** @return the number of pairs */
    public int size() {
        return rows.length;
    }

    /** @return the data row (0-based, of the arrays given to the fit) of each pair's treated unit */
    public int[] treatedRows() {
        return rows.clone();
    }

    /** @return each pair's treated outcome */
    public double[] treatedOutcomes() {
        return treated.clone();
    }

    /** @return each pair's control value: the mean outcome of the treated unit's matched controls */
    public double[] controlOutcomes() {
        return control.clone();
    }
}
