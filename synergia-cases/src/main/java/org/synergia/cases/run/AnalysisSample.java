package org.synergia.cases.run;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntPredicate;
import org.synergia.data.Column;
import org.synergia.data.Dataset;
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

    private AnalysisSample(Dataset data, int[] rows) {
        this.data = data;
        this.rows = rows;
    }

    /**
     * @param data the case's data
     * @param variables every variable the analysis needs (a row missing any of them is left out)
     * @param keep which rows belong to the analysis, by row index
     * @return the sample
     */
    static AnalysisSample of(Dataset data, List<String> variables, IntPredicate keep) {
        List<NumericColumn> columns = new ArrayList<>();
        for (String v : variables) {
            columns.add(data.numeric(v));
        }
        int[] rows = new int[data.rowCount()];
        int n = 0;
        for (int i = 0; i < data.rowCount(); i++) {
            if (!keep.test(i)) {
                continue;
            }
            boolean complete = true;
            for (NumericColumn c : columns) {
                if (c.isMissing(i)) {
                    complete = false;
                    break;
                }
            }
            if (complete) {
                rows[n++] = i;
            }
        }
        return new AnalysisSample(data, java.util.Arrays.copyOf(rows, n));
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
