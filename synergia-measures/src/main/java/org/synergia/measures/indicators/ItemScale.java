package org.synergia.measures.indicators;

import java.util.List;
import org.synergia.data.Dataset;
import org.synergia.data.InputException;

/**
 * The kernel shared by the item-sum indicators: a weighted sum of item columns, each checked to
 * lie in its valid range, with the missing-item rule that a row with any missing item (NaN) gets
 * a missing score (NaN) — no item is imputed.
 */
final class ItemScale {

    private ItemScale() {
    }

    /**
     * @param items one array per item, each of n rows (NaN where missing)
     * @param weights one weight per item
     * @param min smallest valid item value
     * @param max largest valid item value
     * @param names the items' column names, for error messages
     * @return the weighted sum per row, NaN where an item is missing
     */
    static double[] weightedSum(double[][] items, double[] weights, double min, double max, List<String> names) {
        if (items.length == 0) {
            throw new InputException("an indicator needs at least one item column");
        }
        if (weights.length != items.length) {
            throw new InputException("got " + items.length + " item columns but " + weights.length + " weights");
        }
        int n = items[0].length;
        double[] score = new double[n];
        for (int j = 0; j < items.length; j++) {
            double[] item = items[j];
            if (item.length != n) {
                throw new InputException("item " + names.get(j) + " has " + item.length + " rows, expected " + n);
            }
            for (int i = 0; i < n; i++) {
                double v = item[i];
                if (Double.isNaN(v)) {
                    score[i] = Double.NaN;
                    continue;
                }
                if (v < min || v > max) {
                    throw new InputException("item " + names.get(j) + " is " + v + " at row " + (i + 1)
                            + ": valid values are " + format(min) + " to " + format(max) + "; recode or set it missing");
                }
                score[i] += weights[j] * v;
            }
        }
        return score;
    }

    /**
     * @param data the dataset
     * @param columns the item columns' names
     * @return the columns' values, NaN where missing
     */
    static double[][] columns(Dataset data, List<String> columns) {
        double[][] out = new double[columns.size()][];
        for (int j = 0; j < out.length; j++) {
            out[j] = data.numeric(columns.get(j)).toDoubleArray();
        }
        return out;
    }

    private static String format(double v) {
        return v == Math.rint(v) && !Double.isInfinite(v) ? Long.toString((long) v) : Double.toString(v);
    }
}
