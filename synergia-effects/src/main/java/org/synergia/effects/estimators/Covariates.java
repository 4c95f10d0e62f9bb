package org.synergia.effects.estimators;

/**
 * The option that gives an estimator's covariates ({@code --covariates "x1 + factor(region) + I(age^2)"}), read as
 * columns by {@link org.synergia.stats.estimator.Regressors}.
 */
final class Covariates {

    /** The name of the option giving covariates, for the estimators that take them. */
    static final String OPTION = "covariates";

    private Covariates() {
    }
}
