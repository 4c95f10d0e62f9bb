package org.synergia.stats.estimator;

import java.util.ArrayList;
import java.util.List;
import org.synergia.data.Dataset;
import org.synergia.data.InputException;
import org.synergia.data.OptionName;
import org.synergia.stats.formula.Formula;
import org.synergia.stats.formula.ModelFrame;
import org.synergia.stats.formula.ModelMatrix;

/**
 * The regressors of a formula option's right-hand side ({@code "x1 + factor(region) + I(age^2) + log(w + 1)"}) as
 * columns, expanded by {@link ModelFrame} (factors as indicators, functions evaluated, collinear columns dropped
 * with a warning), without the intercept, on rows that are already complete: the covariates, moderators and
 * controls of the estimators that take a list of variables rather than a whole model.
 *
 * @param names the columns' names ({@code x1}, {@code factor(region)2})
 * @param columns the columns ({@code columns[j][i]})
 * @param warnings sentences about dropped collinear columns
 */
public record Regressors(List<String> names, double[][] columns, List<String> warnings) {

    /** No regressors. */
    public static final Regressors NONE = new Regressors(List.of(), new double[0][], List.of());

    /**
     * @param data the complete rows
     * @param options the estimator's options
     * @param option the formula option giving the right-hand side (none when not given or blank)
     * @return the columns, one row per row of {@code data}
     * @throws InputException naming the option when the formula does not parse or a regressor cannot be computed on
     *     some row
     */
    public static Regressors of(Dataset data, EstimatorOptions options, String option) {
        String rightHandSide = options.text(option).orElse("");
        if (rightHandSide.isBlank()) {
            return NONE;
        }
        Formula formula;
        try {
            formula = Formula.parse(rightHandSide);
        } catch (InputException e) {
            throw new InputException(OptionProblem.FORMULA_SYNTAX, OptionName.of(option), e.getMessage());
        }
        ModelMatrix mm = ModelFrame.of(formula).build(data);
        if (mm.rowCount() != data.rowCount()) {
            throw new InputException(data.name() + ": " + option + " '" + rightHandSide + "' cannot be computed on "
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
                : List.of(option + " " + mm.dropped() + " are collinear with earlier ones and were dropped");
        return new Regressors(List.copyOf(names), columns.toArray(double[][]::new), warnings);
    }

    /** @return whether there are none */
    public boolean isEmpty() {
        return names.isEmpty();
    }
}
