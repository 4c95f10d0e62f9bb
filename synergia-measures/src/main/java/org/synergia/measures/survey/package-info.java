/**
 * Design-based estimation for complex samples, as R {@code survey} does it: a
 * {@link org.synergia.measures.survey.SurveyDesign} (weights, strata, PSUs, SSUs, finite population
 * corrections), built from a dataset's variables by {@link org.synergia.measures.survey.DesignVariables},
 * and {@link org.synergia.measures.survey.SurveyEstimator} for means, totals, ratios and proportions
 * with Taylor-linearised SEs and design effects. Results are
 * {@link org.synergia.measures.survey.SurveyResult}s. The poverty measures and the LEWIE survey
 * calibration build on these designs.
 */
package org.synergia.measures.survey;
