package org.synergia.stats.formula;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.synergia.data.Column;
import org.synergia.data.CompleteCases;
import org.synergia.data.Dataset;
import org.synergia.data.InputException;
import org.synergia.data.MissingPolicy;
import org.synergia.data.NumericColumn;
import org.synergia.data.StringColumn;
import org.synergia.stats.inference.Clusters;
import org.synergia.stats.linalg.PivotedQr;

/**
 * Builds {@link ModelMatrix model matrices} from a formula and a dataset, as R's
 * {@code model.frame} + {@code model.matrix} with {@code na.omit} (Chambers &amp; Hastie 1992, ch. 2):
 * <ul>
 *   <li>rows with a missing value in any variable used (response, regressors, weights, cluster) are
 *       dropped, and their number reported ({@link CompleteCases}, the rule every analysis follows);</li>
 *   <li>{@code factor(x)} and text variables get treatment coding: the first level (in sorted order,
 *       numerically for numbers) is the base and one indicator per other level is named
 *       {@code factor(x)LEVEL} (text variables: {@code xLEVEL}); a categorical component whose
 *       margin is absent from the model gets all its indicators (R's rule);</li>
 *   <li>{@code I()} and functions are computed in double precision;</li>
 *   <li>unknown variables, variables missing everywhere, constant regressors and one-level factors
 *       are refused with an {@link InputException} naming them and the formula;</li>
 *   <li>columns collinear with earlier columns are found by {@link PivotedQr} (R's {@code lm}
 *       tolerance {@code 1e-7}) and dropped with a warning or refused, per {@link Collinearity}.</li>
 * </ul>
 * Settings are immutable: {@code ModelFrame.of(formula).withWeights("w").withCluster("village").build(data)}.
 */
public final class ModelFrame {

    private final Formula formula;
    private final String weights;
    private final String cluster;
    private final Collinearity collinearity;

    private ModelFrame(Formula formula, String weights, String cluster, Collinearity collinearity) {
        this.formula = formula;
        this.weights = weights;
        this.cluster = cluster;
        this.collinearity = collinearity;
    }

    /**
     * @param formula the model formula
     * @return settings without weights or clusters, dropping collinear columns
     */
    public static ModelFrame of(Formula formula) {
        return new ModelFrame(formula, null, null, Collinearity.DROP);
    }

    /**
     * @param variable the weight variable, or null for none
     * @return new settings
     */
    public ModelFrame withWeights(String variable) {
        return new ModelFrame(formula, variable, cluster, collinearity);
    }

    /**
     * @param variable the cluster variable, or null for none
     * @return new settings
     */
    public ModelFrame withCluster(String variable) {
        return new ModelFrame(formula, weights, variable, collinearity);
    }

    /**
     * @param policy what to do with collinear columns
     * @return new settings
     */
    public ModelFrame withCollinearity(Collinearity policy) {
        return new ModelFrame(formula, weights, cluster, policy);
    }

    /**
     * Builds the model matrix.
     *
     * @param data the dataset
     * @return the model matrix
     * @throws InputException for unknown, all-missing, text-in-arithmetic or constant variables,
     *         one-level factors, no rows left, non-finite computed values, or (REFUSE) collinear columns
     */
    public ModelMatrix build(Dataset data) {
        String where = "formula '" + formula.text() + "'";
        Set<String> used = new LinkedHashSet<>(formula.variables());
        if (weights != null) {
            used.add(weights);
        }
        if (cluster != null) {
            used.add(cluster);
        }
        for (String v : used) {
            if (!data.hasColumn(v)) {
                throw new InputException(data.unknownVariable(v).getMessage() + " (in " + where + ")");
            }
            Column c = data.column(v);
            if (c.size() > 0 && c.missingCount() == c.size()) {
                throw new InputException("variable '" + v + "' in " + where + " is missing in every row: drop it from the model");
            }
        }
        CompleteCases complete;
        try {
            complete = CompleteCases.of(data, used, MissingPolicy.DROP);
        } catch (InputException e) {
            throw new InputException(e.getMessage() + " (in " + where + ")", e);
        }
        int[] rows = complete.rows();
        int n = rows.length;
        int dropped = complete.dropped();
        Map<String, double[]> numeric = new HashMap<>();
        for (String v : used) {
            if (data.column(v) instanceof NumericColumn nc) {
                double[] all = nc.toDoubleArray();
                double[] sub = new double[n];
                for (int i = 0; i < n; i++) {
                    sub[i] = all[rows[i]];
                }
                numeric.put(v, sub);
            }
        }
        double[] response = null;
        List<String> warnings = new ArrayList<>();
        if (formula.response() instanceof Expression.Variable v && !numeric.containsKey(v.name())) {
            response = textResponse(v.name(), data, rows, numeric, warnings);
        } else if (formula.response() != null) {
            response = evaluate(formula.response(), formula.response().label(), numeric, data, rows, where);
        }
        List<double[]> columns = new ArrayList<>();
        List<String> names = new ArrayList<>();
        if (formula.hasIntercept()) {
            double[] one = new double[n];
            Arrays.fill(one, 1.0);
            columns.add(one);
            names.add("(Intercept)");
        }
        for (Term term : formula.terms()) {
            addTerm(term, data, rows, numeric, where, columns, names);
        }
        if (columns.isEmpty()) {
            throw new InputException(where + " has no regressors: add a variable or the intercept");
        }
        complete.warning().ifPresent(w -> warnings.add(0, w));
        double[][] x = columns.toArray(double[][]::new);
        int[] collinear = PivotedQr.collinearColumns(x, PivotedQr.DEFAULT_TOLERANCE);
        List<String> droppedNames = new ArrayList<>();
        if (collinear.length > 0) {
            for (int j : collinear) {
                droppedNames.add(names.get(j));
            }
            if (collinearity == Collinearity.REFUSE) {
                throw new InputException("in " + where + ", " + describe(droppedNames)
                        + " collinear with earlier regressors: drop " + (droppedNames.size() == 1 ? "it" : "them"));
            }
            warnings.add(describe(droppedNames) + " dropped: collinear with earlier regressors");
            List<double[]> keptColumns = new ArrayList<>();
            List<String> keptNames = new ArrayList<>();
            Set<Integer> out = new java.util.HashSet<>();
            for (int j : collinear) {
                out.add(j);
            }
            for (int j = 0; j < x.length; j++) {
                if (!out.contains(j)) {
                    keptColumns.add(x[j]);
                    keptNames.add(names.get(j));
                }
            }
            x = keptColumns.toArray(double[][]::new);
            names = keptNames;
        }
        double[] w = weights == null ? null : numeric.get(weights);
        if (weights != null && w == null) {
            throw new InputException("weight variable '" + weights + "' holds text: weights must be numbers");
        }
        Clusters clusters = null;
        if (cluster != null) {
            Column c = data.column(cluster);
            if (c instanceof NumericColumn) {
                clusters = Clusters.of(numeric.get(cluster), cluster);
            } else {
                StringColumn s = (StringColumn) c;
                String[] ids = new String[n];
                for (int i = 0; i < n; i++) {
                    ids[i] = s.value(rows[i]);
                }
                clusters = Clusters.of(ids, cluster);
            }
        }
        return new ModelMatrix(formula, response, x, List.copyOf(names), w, clusters, rows, dropped,
                List.copyOf(droppedNames), List.copyOf(warnings));
    }

    private static String describe(List<String> names) {
        return (names.size() == 1 ? "regressor '" : "regressors '") + String.join("', '", names)
                + (names.size() == 1 ? "' is" : "' are");
    }

    private static double[] evaluate(Expression e, String label, Map<String, double[]> numeric, Dataset data, int[] rows,
            String where) {
        for (String v : e.variables()) {
            if (!numeric.containsKey(v)) {
                throw new InputException("variable '" + v + "' in " + where + " holds text and cannot be used in arithmetic"
                        + " ('" + label + "'): use factor(" + v + ") or recode it to numbers");
            }
        }
        int n = rows.length;
        double[] out = new double[n];
        int[] row = new int[1];
        for (int i = 0; i < n; i++) {
            row[0] = i;
            double v = e.evaluate(name -> numeric.get(name)[row[0]]);
            if (!Double.isFinite(v)) {
                throw new InputException("'" + label + "' in " + where + " is " + (Double.isNaN(v) ? "undefined" : "infinite")
                        + " in row " + (rows[i] + 1) + " of " + data.name() + ": change the expression or drop that row");
            }
            out[i] = v;
        }
        return out;
    }

    /**
     * A text response (a treatment such as "no"/"yes"): its levels coded 0, 1, ... in sorted order, as a text
     * regressor's levels are, with a note saying so.
     */
    private static double[] textResponse(String variable, Dataset data, int[] rows, Map<String, double[]> numeric,
            List<String> notes) {
        Levels levels = levels(variable, data, rows, numeric);
        double[] out = new double[rows.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = levels.codes()[i];
        }
        notes.add(codingNote(variable, levels.labels()));
        return out;
    }

    /**
     * A variable's values as numbers: numeric ones as stored, text ones coded 0, 1, ... in sorted order (the rule
     * of a text response), for estimators that take a treatment as a variable rather than in a formula.
     *
     * @param data the rows (no missing value in {@code variable})
     * @param variable the variable
     * @param notes receives the sentence that gives a text variable's coding
     * @return the values
     */
    public static double[] numbers(Dataset data, String variable, List<String> notes) {
        if (data.column(variable) instanceof NumericColumn n) {
            return n.toDoubleArray();
        }
        int[] rows = new int[data.rowCount()];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = i;
        }
        return textResponse(variable, data, rows, Map.of(), notes);
    }

    private static String codingNote(String variable, List<String> labels) {
        StringBuilder b = new StringBuilder("'" + variable + "' holds text: its levels are coded in sorted order, ");
        for (int k = 0; k < labels.size(); k++) {
            b.append(k == 0 ? "" : ", ").append(k).append(" = ").append(labels.get(k));
        }
        return b.append("; terms and options name a level by its code").toString();
    }

    /** A categorical component's levels and the level index of each used row. */
    private record Levels(List<String> labels, int[] codes) {
    }

    private static Levels levels(String variable, Dataset data, int[] rows, Map<String, double[]> numeric) {
        int n = rows.length;
        int[] codes = new int[n];
        double[] values = numeric.get(variable);
        if (values != null) {
            TreeMap<Double, Integer> distinct = new TreeMap<>();
            for (double v : values) {
                distinct.put(v == 0.0 ? 0.0 : v, 0);
            }
            List<String> labels = new ArrayList<>();
            int k = 0;
            for (Map.Entry<Double, Integer> e : distinct.entrySet()) {
                e.setValue(k++);
                labels.add(NumericColumn.formatNumber(e.getKey()));
            }
            for (int i = 0; i < n; i++) {
                codes[i] = distinct.get(values[i] == 0.0 ? 0.0 : values[i]);
            }
            return new Levels(labels, codes);
        }
        StringColumn s = data.string(variable);
        TreeMap<String, Integer> distinct = new TreeMap<>();
        for (int i = 0; i < n; i++) {
            distinct.put(s.value(rows[i]), 0);
        }
        int k = 0;
        for (Map.Entry<String, Integer> e : distinct.entrySet()) {
            e.setValue(k++);
        }
        for (int i = 0; i < n; i++) {
            codes[i] = distinct.get(s.value(rows[i]));
        }
        return new Levels(new ArrayList<>(distinct.keySet()), codes);
    }

    private void addTerm(Term term, Dataset data, int[] rows, Map<String, double[]> numeric, String where,
            List<double[]> columns, List<String> names) {
        int n = rows.length;
        // each component as a list of (name, column) pairs; the term is their product, first varying fastest
        List<List<String>> componentNames = new ArrayList<>();
        List<List<double[]>> componentColumns = new ArrayList<>();
        for (int k = 0; k < term.degree(); k++) {
            Component c = term.components().get(k);
            String variable = c.categorical() ? c.variable()
                    : c.expression() instanceof Expression.Variable v && !numeric.containsKey(v.name()) ? v.name() : null;
            if (variable == null) {
                double[] values = evaluate(c.expression(), c.label(), numeric, data, rows, where);
                if (term.degree() == 1 && isConstant(values)) {
                    throw new InputException("regressor '" + c.label() + "' in " + where + " is constant (= "
                            + NumericColumn.formatNumber(values[0]) + ") in the " + n + " rows used: drop it");
                }
                componentNames.add(List.of(c.label()));
                componentColumns.add(List.of(values));
                continue;
            }
            Levels levels = levels(variable, data, rows, numeric);
            if (levels.labels().size() < 2) {
                throw new InputException("'" + c.label() + "' in " + where + " has a single level ('" + levels.labels().get(0)
                        + "') in the " + n + " rows used: drop it");
            }
            boolean contrasts = formula.marginPresent(term, k);
            List<String> cn = new ArrayList<>();
            List<double[]> cc = new ArrayList<>();
            for (int level = contrasts ? 1 : 0; level < levels.labels().size(); level++) {
                double[] indicator = new double[n];
                for (int i = 0; i < n; i++) {
                    indicator[i] = levels.codes()[i] == level ? 1.0 : 0.0;
                }
                cn.add(c.label() + levels.labels().get(level));
                cc.add(indicator);
            }
            componentNames.add(cn);
            componentColumns.add(cc);
        }
        List<String> productNames = new ArrayList<>(List.of(""));
        List<double[]> productColumns = new ArrayList<>();
        productColumns.add(null);
        for (int k = 0; k < componentNames.size(); k++) {
            List<String> nextNames = new ArrayList<>();
            List<double[]> nextColumns = new ArrayList<>();
            for (int b = 0; b < componentNames.get(k).size(); b++) {
                for (int a = 0; a < productNames.size(); a++) {
                    String name = productNames.get(a).isEmpty() ? componentNames.get(k).get(b)
                            : productNames.get(a) + ":" + componentNames.get(k).get(b);
                    double[] right = componentColumns.get(k).get(b);
                    double[] left = productColumns.get(a);
                    double[] col = left == null ? right : new double[n];
                    if (left != null) {
                        for (int i = 0; i < n; i++) {
                            col[i] = left[i] * right[i];
                        }
                    }
                    nextNames.add(name);
                    nextColumns.add(col);
                }
            }
            productNames = nextNames;
            productColumns = nextColumns;
        }
        names.addAll(productNames);
        columns.addAll(productColumns);
    }

    private static boolean isConstant(double[] values) {
        for (double v : values) {
            if (v != values[0]) {
                return false;
            }
        }
        return true;
    }
}
