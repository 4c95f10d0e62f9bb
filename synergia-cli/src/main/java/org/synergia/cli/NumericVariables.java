package org.synergia.cli;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.synergia.data.Dataset;
import org.synergia.data.InputException;
import org.synergia.stats.formula.Formula;
import org.synergia.stats.formula.ModelFrame;
import org.synergia.stats.formula.ModelMatrix;

/**
 * The numeric variables an {@code estimate} method uses, restricted to the rows where none is
 * missing (complete cases); the number of rows left out is reported in the result document's
 * {@code rows_dropped}.
 */
final class NumericVariables {

    private final Map<String, double[]> values;
    private final int dropped;

    private NumericVariables(Map<String, double[]> values, int dropped) {
        this.values = values;
        this.dropped = dropped;
    }

    /**
     * @param data the data set
     * @param names the variables (null entries are skipped, repeats read once)
     * @param covariates covariate columns already expanded from a formula
     * @return their complete cases
     */
    static NumericVariables completeCases(Dataset data, List<String> names, Covariates covariates) {
        Map<String, double[]> raw = new LinkedHashMap<>();
        for (String n : names) {
            if (n != null && !raw.containsKey(n)) {
                raw.put(n, data.numeric(n).toDoubleArray());
            }
        }
        for (int j = 0; j < covariates.names().size(); j++) {
            raw.putIfAbsent(covariates.names().get(j), covariates.columns()[j]);
        }
        int rows = data.rowCount();
        int[] keep = new int[rows];
        int m = 0;
        outer:
        for (int i = 0; i < rows; i++) {
            for (double[] v : raw.values()) {
                if (Double.isNaN(v[i])) {
                    continue outer;
                }
            }
            keep[m++] = i;
        }
        if (m == 0) {
            throw new InputException("no row of " + data.name() + " has all of " + raw.keySet()
                    + " non-missing: check the variable names and missing values");
        }
        Map<String, double[]> out = new LinkedHashMap<>();
        int[] rowsKept = Arrays.copyOf(keep, m);
        for (Map.Entry<String, double[]> e : raw.entrySet()) {
            double[] v = new double[m];
            for (int r = 0; r < m; r++) {
                v[r] = e.getValue()[rowsKept[r]];
            }
            out.put(e.getKey(), v);
        }
        return new NumericVariables(out, rows - m);
    }

    /** @param name a variable read @return its complete-case values */
    double[] get(String name) {
        return name == null ? null : values.get(name);
    }

    /** @param names variables read @return their complete-case values, one array per name */
    double[][] get(List<String> names) {
        return names.stream().map(this::get).toArray(double[][]::new);
    }

    /** @return rows left out for a missing value */
    int dropped() {
        return dropped;
    }

    /**
     * The covariates of a {@code --covariates "x1 + factor(region) + I(age^2)"} option, expanded by
     * the formula layer ({@link ModelFrame}: factors as indicators, functions in double precision,
     * collinear columns dropped with a warning), without the intercept, as full-length columns with
     * NaN in the rows where a variable is missing. Their warnings are printed on stderr (unless
     * {@code --quiet}).
     *
     * @param data the data set
     * @param option the option's value, or null
     * @param command the command reading them, which prints the warnings
     * @return the covariate columns (none for a null or blank option)
     */
    static Covariates covariates(Dataset data, String option, EstimateMethodCommand command) {
        Covariates xs = covariates(data, option);
        if (!command.global.quiet()) {
            xs.warnings().forEach(w -> command.spec.commandLine().getErr().println("synergia: warning: " + w));
        }
        return xs;
    }

    private static Covariates covariates(Dataset data, String option) {
        if (option == null || option.isBlank()) {
            return new Covariates(List.of(), new double[0][], List.of());
        }
        ModelMatrix mm = ModelFrame.of(Formula.parse("~ " + option)).build(data);
        List<String> names = new ArrayList<>();
        List<double[]> cols = new ArrayList<>();
        int rows = data.rowCount();
        for (int j = 0; j < mm.names().size(); j++) {
            if (mm.names().get(j).equals("(Intercept)")) {
                continue;
            }
            double[] full = new double[rows];
            Arrays.fill(full, Double.NaN);
            double[] c = mm.columns()[j];
            for (int r = 0; r < mm.rows().length; r++) {
                full[mm.rows()[r]] = c[r];
            }
            names.add(mm.names().get(j));
            cols.add(full);
        }
        List<String> warnings = mm.dropped().isEmpty() ? List.of()
                : List.of("covariates " + mm.dropped() + " are collinear with earlier ones and were dropped");
        return new Covariates(names, cols.toArray(new double[0][]), warnings);
    }

    /**
     * Covariate columns expanded from a formula.
     *
     * @param names the columns' names ({@code x1}, {@code factor(region)2})
     * @param columns the columns, full length, NaN where missing
     * @param warnings sentences about dropped collinear columns
     */
    record Covariates(List<String> names, double[][] columns, List<String> warnings) {
    }

    /**
     * A comma-separated list of numbers ({@code --grid 3,6,9}).
     *
     * @param option the option's name, for messages
     * @param text its value
     * @return the numbers
     */
    static double[] numbers(String option, String text) {
        String[] parts = text.split(",");
        double[] out = new double[parts.length];
        for (int i = 0; i < parts.length; i++) {
            try {
                out[i] = Double.parseDouble(parts[i].trim());
            } catch (NumberFormatException e) {
                throw new InputException(option + " '" + text + "': '" + parts[i].trim()
                        + "' is not a number; give numbers separated by commas");
            }
        }
        return out;
    }
}
