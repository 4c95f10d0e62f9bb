package org.synergia.effects.did;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.synergia.data.InputException;

/**
 * The rows of a {@link DidColumns} data set with no missing value in the variables the estimator
 * uses, after checking the time, group and weight variables: the step shared by the panel and
 * the repeated cross-section forms.
 */
final class CompleteRows {

    final int[] rows;
    final int dropped;
    final double pre;
    final double post;

    private CompleteRows(int[] rows, int dropped, double pre, double post) {
        this.rows = rows;
        this.dropped = dropped;
        this.pre = pre;
        this.post = post;
    }

    static CompleteRows of(DidColumns c) {
        int[] rows = c.completeRows();
        if (rows.length == 0) {
            throw new InputException("no row has all of " + c.all().stream().map(DidColumns.Column::name).toList()
                    + " non-missing: check the variable names and missing-value codes");
        }
        TreeSet<Double> times = new TreeSet<>();
        double[] t = c.time().values();
        double[] d = c.group().values();
        for (int i : rows) {
            times.add(t[i]);
            if (d[i] != 0 && d[i] != 1) {
                throw new InputException("group variable '" + c.group().name() + "' is " + d[i] + " in row " + (i + 1)
                        + ": it must be 1 for the treated group and 0 for the comparison group; recode it");
            }
            if (c.weights() != null && !(c.weights().values()[i] >= 0)) {
                throw new InputException("sampling weight '" + c.weights().name() + "' is negative ("
                        + c.weights().values()[i] + ") in row " + (i + 1) + ": weights must be non-negative");
            }
        }
        if (times.size() != 2) {
            throw new InputException("time variable '" + c.time().name() + "' has " + times.size() + " distinct values "
                    + (times.size() <= 10 ? times.toString() : "") + ": two-period difference-in-differences needs"
                    + " exactly two; keep the pre-treatment and one post-treatment period");
        }
        return new CompleteRows(rows, c.rows() - rows.length, times.first(), times.last());
    }

    /** @return a new modifiable list with the note on rows left out for a missing value, if any */
    List<String> notes() {
        List<String> notes = new ArrayList<>();
        if (dropped > 0) {
            notes.add(dropped + " rows with a missing value in the model's variables were left out");
        }
        return notes;
    }
}
