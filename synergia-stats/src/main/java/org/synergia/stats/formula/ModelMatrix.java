package org.synergia.stats.formula;

import java.util.List;
import org.synergia.stats.inference.Clusters;

/**
 * A model matrix built from a {@link Formula} and a dataset: the response, the regressors' columns
 * with R's names ({@code (Intercept)}, {@code age}, {@code I(age^2)}, {@code factor(region)2},
 * {@code x1:x3}), weights and clusters, all restricted to the rows without missing values.
 * Immutable; the arrays it hands out are shared, not copied, and must not be modified.
 *
 * @param formula the formula
 * @param response the response on the rows used, or null for a one-sided formula
 * @param columns the regressors' columns ({@code columns[j][i]}), collinear ones removed
 * @param names the regressors' names
 * @param weights the weights on the rows used, or null
 * @param clusters the clusters on the rows used, or null
 * @param rows the dataset rows used, increasing
 * @param rowsDropped how many dataset rows were dropped for missing values
 * @param dropped the names of columns dropped as collinear
 * @param warnings sentences for the user (dropped rows, dropped columns)
 */
public record ModelMatrix(Formula formula, double[] response, double[][] columns, List<String> names, double[] weights,
        Clusters clusters, int[] rows, int rowsDropped, List<String> dropped, List<String> warnings) {

    /** @return the number of rows used */
    public int rowCount() {
        return rows.length;
    }

    /** @return the response's label ({@code re78}, {@code log(wage)}), or null for a one-sided formula */
    public String responseName() {
        return formula.response() == null ? null : formula.response().label();
    }
}
