package org.synergia.cli;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.synergia.data.Dataset;
import org.synergia.data.InputException;

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
     * @return their complete cases
     */
    static NumericVariables completeCases(Dataset data, List<String> names) {
        Map<String, double[]> raw = new LinkedHashMap<>();
        for (String n : names) {
            if (n != null && !raw.containsKey(n)) {
                raw.put(n, data.numeric(n).toDoubleArray());
            }
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

    /** @return rows left out for a missing value */
    int dropped() {
        return dropped;
    }

    /**
     * The variable names of a {@code --covariates "x1 + x2"} option: names joined by {@code +}.
     *
     * @param option the option's value, or null
     * @return the names, in order
     */
    static List<String> covariates(String option) {
        List<String> out = new ArrayList<>();
        if (option == null || option.isBlank()) {
            return out;
        }
        for (String part : option.split("\\+")) {
            String v = part.trim();
            if (v.isEmpty() || !v.matches("[\\p{L}_.][\\p{L}\\p{N}_.]*")) {
                throw new InputException("--covariates '" + option + "': '" + v + "' is not a variable name; give"
                        + " variable names joined by + (create interactions or transformations as new variables)");
            }
            out.add(v);
        }
        return out;
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
