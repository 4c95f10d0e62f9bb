package org.synergia.effects.estimators;

import java.util.List;
import org.synergia.data.Dataset;
import org.synergia.data.InputException;
import org.synergia.stats.estimator.EstimatorOptions;
import org.synergia.stats.estimator.Regressors;

/**
 * The covariates of a {@code covariates} option ({@code "x1 + factor(region) + I(age^2)"}) as
 * columns ({@link Regressors}: factors as indicators, functions evaluated, collinear columns dropped
 * with a warning), without the intercept, on the estimator's complete rows.
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
        Regressors r = Regressors.of(data, options, option);
        return new Covariates(r.names(), r.columns(), r.warnings());
    }

    /** @return whether there are none */
    boolean isEmpty() {
        return names.isEmpty();
    }
}
