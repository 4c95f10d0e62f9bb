package org.synergia.effects.matching;

/**
 * What the AI2016 adjustment needs from the fitted treatment model: its regressors, fitted
 * probabilities, the density {@code f(x'b) = dF/d(x'b)} of the link at each row and the
 * (total) observed information of its coefficients, {@code -d^2 l / db db'} (for the logit equal to
 * the Fisher information {@code sum_i p_i (1 - p_i) x_i x_i'}; for the probit it differs, and Stata
 * uses the observed one).
 *
 * @param columns regressors by column ({@code columns[j][i]})
 * @param p fitted probabilities
 * @param density the link's density at each linear predictor
 * @param information the information matrix of the coefficients (sum over rows)
 */
record TreatmentModel(double[][] columns, double[] p, double[] density, double[][] information) {
}
