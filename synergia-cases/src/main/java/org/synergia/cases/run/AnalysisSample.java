package org.synergia.cases.run;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.IntPredicate;
import org.synergia.data.Column;
import org.synergia.data.CompleteCases;
import org.synergia.data.Dataset;
import org.synergia.data.MissingPolicy;
import org.synergia.data.NumericColumn;
import org.synergia.data.VariableType;

/**
 * The rows an analysis uses (those in its groups with every variable it needs present) and its
 * covariates as design columns: numeric variables as they are, categorical variables (with value
 * labels) as indicator columns for every level but the first, named as R names them
 * ({@code factor(area)2}). Covariates constant in the sample are left out, since they carry no
 * information there (for example an area when the sample has one).
 */
final class AnalysisSample {

    private final Dataset data;
    private final int[] rows;
    private final CompleteCases complete;

    private AnalysisSample(Dataset data, CompleteCases complete) {
        this.data = data;
        this.rows = complete.rows();
        this.complete = complete;
    }

    /**
     * @param data the case's data
     * @param variables every variable the analysis needs (a row missing any of them is left out,
     *     by {@link CompleteCases}, the rule every analysis follows)
     * @param keep which rows belong to the analysis, by row index
     * @param policy drop the incomplete rows, or refuse them
     * @return the sample
     */
    static AnalysisSample of(Dataset data, List<String> variables, IntPredicate keep, MissingPolicy policy) {
        for (String v : variables) {
            data.numeric(v);
        }
        return new AnalysisSample(data, CompleteCases.of(data, variables, policy, keep));
    }

    /** @return the rows of the analysis left out for a missing value */
    int dropped() {
        return complete.dropped();
    }

    /** @return the one-line report of the rows left out, if any: {@code 12 rows left out for missing values (...)} */
    Optional<String> warning() {
        return complete.warning();
    }

    /** @return the number of rows */
    int size() {
        return rows.length;
    }

    /** @return the dataset row of each sample row */
    int[] rows() {
        return rows;
    }

    /** @return a numeric variable's values on the sample rows */
    double[] values(String variable) {
        NumericColumn c = data.numeric(variable);
        double[] out = new double[rows.length];
        for (int r = 0; r < rows.length; r++) {
            out[r] = c.value(rows[r]);
        }
        return out;
    }

    /** @return a variable's values on the sample rows as integer codes (for groups and clusters) */
    int[] codes(String variable) {
        double[] v = values(variable);
        int[] out = new int[v.length];
        for (int r = 0; r < v.length; r++) {
            out[r] = (int) Math.round(v[r]);
        }
        return out;
    }

    /** @return the data on the sample's rows, for the registry's estimators */
    Dataset dataset() {
        return complete.dataset();
    }

    /**
     * The covariates as the right-hand side of a model formula, by the same rule as {@link #design}:
     * categorical variables as {@code factor(x)}, covariates constant in the sample (or with one
     * level) left out; {@code 1} when none is left.
     *
     * @param covariates the covariate names
     * @return the right-hand side, e.g. {@code hh_size + factor(area)}
     */
    String formulaTerms(List<String> covariates) {
        List<String> terms = new ArrayList<>();
        for (String name : covariates) {
            if (constant(values(name))) {
                continue;
            }
            terms.add(data.column(name).type() == VariableType.CATEGORICAL ? "factor(" + name + ")" : name);
        }
        return terms.isEmpty() ? "1" : String.join(" + ", terms);
    }

    /**
     * The covariates as design columns, without an intercept.
     *
     * @param covariates the covariate names
     * @return the columns and their names
     */
    Design design(List<String> covariates) {
        List<double[]> columns = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (String name : covariates) {
            Column column = data.column(name);
            double[] v = values(name);
            if (column.type() == VariableType.CATEGORICAL) {
                double[] levels = java.util.Arrays.stream(v).distinct().sorted().toArray();
                for (int l = 1; l < levels.length; l++) {
                    double[] dummy = new double[v.length];
                    for (int r = 0; r < v.length; r++) {
                        dummy[r] = v[r] == levels[l] ? 1 : 0;
                    }
                    columns.add(dummy);
                    names.add("factor(" + name + ")" + NumericColumn.formatNumber(levels[l]));
                }
            } else if (!constant(v)) {
                columns.add(v);
                names.add(name);
            }
        }
        return new Design(columns.toArray(double[][]::new), names);
    }

    private static boolean constant(double[] v) {
        for (double x : v) {
            if (x != v[0]) {
                return false;
            }
        }
        return true;
    }

    /**
     * Design columns ({@code columns[j][i]}) and their names.
     *
     * @param columns the columns
     * @param names their names
     */
    record Design(double[][] columns, List<String> names) {

        /** @return the columns with an intercept column named {@code (Intercept)} first */
        Design withIntercept() {
            int n = columns.length == 0 ? 0 : columns[0].length;
            return withIntercept(n);
        }

        /** @return the columns with an intercept column of length n first */
        Design withIntercept(int n) {
            double[][] c = new double[columns.length + 1][];
            c[0] = new double[n];
            java.util.Arrays.fill(c[0], 1);
            System.arraycopy(columns, 0, c, 1, columns.length);
            List<String> nm = new ArrayList<>();
            nm.add("(Intercept)");
            nm.addAll(names);
            return new Design(c, nm);
        }
    }
}
