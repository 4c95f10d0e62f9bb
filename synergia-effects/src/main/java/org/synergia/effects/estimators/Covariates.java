package org.synergia.effects.estimators;

import java.util.ArrayList;
import java.util.List;
import org.synergia.data.Dataset;
import org.synergia.data.InputException;
import org.synergia.stats.estimator.EstimatorOptions;
import org.synergia.stats.formula.Formula;
import org.synergia.stats.formula.ModelFrame;
import org.synergia.stats.formula.ModelMatrix;

/**
 * The covariates of a {@code covariates} option ({@code "x1 + factor(region) + I(age^2)"}) as
 * columns, expanded by the formula layer ({@link ModelFrame}: factors as indicators, functions
 * evaluated, collinear columns dropped with a warning), without the intercept, on the estimator's
 * complete rows.
 *
 * @param names the columns' names ({@code x1}, {@code factor(region)2})
 * @param columns the columns ({@code columns[j][i]})
 * @param warnings sentences about dropped collinear columns
 */
record Covariates(List<String> names, double[][] columns, List<String> warnings) {

    /** The name of the option giving covariates, for the estimators that take them. */
    static final String OPTION = "covariates";

    /**
     * @param data the complete rows
     * @param options the options, whose {@value #OPTION} (when given) is the right-hand side of a formula
     * @return the covariate columns (none when the option is not given)
     * @throws InputException when a covariate cannot be computed on some complete row
     */
    static Covariates of(Dataset data, EstimatorOptions options) {
        return of(data, options, OPTION);
    }

    /**
     * @param data the complete rows
     * @param options the options
     * @param option the formula option giving the covariates (such as {@code bias-adjust})
     * @return the covariate columns of that option (none when it is not given)
     * @throws InputException when a covariate cannot be computed on some complete row
     */
    static Covariates of(Dataset data, EstimatorOptions options, String option) {
        String text = options.text(option).orElse("");
        if (text.isBlank()) {
            return new Covariates(List.of(), new double[0][], List.of());
        }
        ModelMatrix mm = ModelFrame.of(Formula.parse("~ " + text)).build(data);
        if (mm.rowCount() != data.rowCount()) {
            throw new InputException(data.name() + ": covariates '" + text + "' cannot be computed on "
                    + (data.rowCount() - mm.rowCount()) + " of the complete rows; list the variables they are computed from"
                    + " among the estimator's variables or change the expression");
        }
        List<String> names = new ArrayList<>();
        List<double[]> columns = new ArrayList<>();
        for (int j = 0; j < mm.names().size(); j++) {
            if (!mm.names().get(j).equals("(Intercept)")) {
                names.add(mm.names().get(j));
                columns.add(mm.columns()[j]);
            }
        }
        List<String> warnings = mm.dropped().isEmpty() ? List.of()
                : List.of("covariates " + mm.dropped() + " are collinear with earlier ones and were dropped");
        return new Covariates(names, columns.toArray(double[][]::new), warnings);
    }

    /** @return whether there are none */
    boolean isEmpty() {
        return names.isEmpty();
    }
}
