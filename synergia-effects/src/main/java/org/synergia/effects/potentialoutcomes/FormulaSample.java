package org.synergia.effects.potentialoutcomes;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.synergia.data.Dataset;
import org.synergia.data.InputException;
import org.synergia.stats.formula.Formula;
import org.synergia.stats.formula.ModelFrame;
import org.synergia.stats.formula.ModelMatrix;

/**
 * {@link TreatmentData} built from a dataset and two R-style formulas, {@code y ~ x1 + x2} for the
 * outcome model and {@code t ~ x1 + x3} for the treatment model (a bare variable name stands for
 * a model with the intercept only, as {@code y} for IPW or {@code t} for RA). Rows with a missing
 * value in any variable of either formula, the weights or the cluster are not used, and counted in
 * a warning; collinear columns are dropped with a warning (Stata's "omitted").
 *
 * @param data the arrays, on the rows used
 * @param warnings sentences for the user
 */
record FormulaSample(TreatmentData data, List<String> warnings) {

    /**
     * @param dataset the data
     * @param outcomeFormula the outcome model, e.g. {@code re78 ~ age + educ}
     * @param treatmentFormula the treatment model, e.g. {@code treat ~ age + educ}
     * @param weights the sampling-weight variable, or null
     * @param cluster the cluster variable, or null
     * @return the sample
     */
    static FormulaSample of(Dataset dataset, String outcomeFormula, String treatmentFormula, String weights,
            String cluster) {
        Formula outcome = parse(outcomeFormula, "outcome");
        Formula treatment = parse(treatmentFormula, "treatment");
        ModelFrame of = ModelFrame.of(outcome).withWeights(weights).withCluster(cluster);
        ModelFrame tf = ModelFrame.of(treatment).withWeights(weights).withCluster(cluster);
        ModelMatrix om = of.build(dataset);
        ModelMatrix tm = tf.build(dataset);
        Set<String> warnings = new LinkedHashSet<>();
        int[] treatmentRows = tm.rows();
        if (!Arrays.equals(om.rows(), treatmentRows)) {
            int[] common = Arrays.stream(om.rows()).filter(i -> Arrays.binarySearch(treatmentRows, i) >= 0).toArray();
            if (common.length == 0) {
                throw new InputException("no row has every variable of both '" + outcome.text() + "' and '"
                        + treatment.text() + "': each row misses one of them");
            }
            warnings.add((dataset.rowCount() - common.length) + " of " + dataset.rowCount()
                    + " rows have a missing value in a variable of the outcome or treatment model"
                    + (weights == null ? "" : ", the weights") + (cluster == null ? "" : ", the cluster")
                    + " and are not used");
            Dataset used = dataset.rows(common);
            om = of.build(used);
            tm = tf.build(used);
        } else {
            warnings.addAll(om.warnings());
        }
        warnings.addAll(om.warnings().stream().filter(w -> w.contains("collinear")).toList());
        // the treatment model's collinear columns, and how a text treatment's levels are coded
        warnings.addAll(tm.warnings().stream().filter(w -> w.contains("collinear") || w.contains("holds text")).toList());
        TreatmentData data = new TreatmentData(om.response(), tm.response(), om.columns(),
                om.names().toArray(String[]::new), tm.columns(), tm.names().toArray(String[]::new), om.weights(),
                om.clusters() == null ? null : om.clusters().codes());
        return new FormulaSample(data, new ArrayList<>(warnings));
    }

    /** Parses a formula; a bare variable name {@code y} means {@code y ~ 1}. */
    private static Formula parse(String text, String role) {
        if (text == null || text.isBlank()) {
            throw new InputException("the " + role + " model is missing: give a formula such as 'y ~ x1 + x2' or a variable");
        }
        Formula f = Formula.parse(text.contains("~") ? text : text.trim() + " ~ 1");
        if (f.response() == null) {
            throw new InputException("the " + role + " model '" + text + "' has no left-hand side: write it as '"
                    + (role.equals("outcome") ? "y" : "treatment") + " ~ " + text.replaceFirst("^\\s*~\\s*", "") + "'");
        }
        return f;
    }
}
