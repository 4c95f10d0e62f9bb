/**
 * R-style model formulas and the model matrices built from them: {@link org.synergia.stats.formula.Formula}
 * parses {@code y ~ x1 + I(x2^2) + factor(region) + x1:x3}, and {@link org.synergia.stats.formula.ModelFrame}
 * turns a formula and a {@link org.synergia.data.Dataset} into a {@link org.synergia.stats.formula.ModelMatrix}
 * (response, regressors named as R names them, weights, clusters) on the complete rows, with
 * treatment coding of factors and the {@link org.synergia.stats.formula.Collinearity} rule for
 * redundant columns. The missing-value rule is {@link org.synergia.data.CompleteCases}. The matrices
 * feed the GLMs of {@code org.synergia.stats.glm} and the estimators of the higher modules.
 */
package org.synergia.stats.formula;
