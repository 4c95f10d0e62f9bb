package org.synergia.stats.sensitivity;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hipparchus.distribution.continuous.TDistribution;
import org.hipparchus.stat.descriptive.moment.StandardDeviation;
import org.synergia.data.InputException;
import org.synergia.data.OptionName;
import org.synergia.stats.formula.ModelMatrix;
import org.synergia.stats.glm.Family;
import org.synergia.stats.glm.Glm;
import org.synergia.stats.glm.GlmFit;
import org.synergia.stats.inference.VarianceType;

/**
 * The sensitivity of a linear regression's treatment coefficient to an unobserved confounder, as
 * R {@code sensemakr} reports it: the treatment's partial R² with the outcome, the robustness values
 * RV_q and RV_{q,alpha}, and, for confounders {@code kd} times as strong as each benchmark covariate
 * (with the outcome as with the treatment, {@code ky = kd}), the bounds on its partial R² values and
 * the adjusted estimate, standard error, t and confidence interval; with the E-values of the
 * estimate (its reported standard error, the outcome's standard deviation).
 *
 * <p>The statistics use the classical OLS standard errors of the regression (as {@code sensemakr}
 * with {@code lm}), whatever variance the estimate itself reports.
 *
 * @param treatment the treatment term
 * @param benchmarks the benchmark covariate terms
 * @param multiples the {@code kd} values
 * @param q the share of the estimate to explain away
 * @param alpha the significance level
 */
public record LinearSensitivity(String treatment, List<String> benchmarks, double[] multiples, double q, double alpha) {

    /** Option names the refusals point to. */
    private static final String OPTION = "sensitivity";

    /**
     * @param m the regression's model matrix (unweighted)
     * @param reported the fit as reported, whose standard error of the treatment term the E-values use
     * @return the statistics, keyed as the {@code diagnostics.sensitivity} of the JSON result document
     * @throws InputException naming the option when a term is not in the model or a multiple too large
     */
    public Map<String, Object> of(ModelMatrix m, GlmFit reported) {
        int j = column(reported.names(), treatment, OPTION);
        return of(m, reported.coefficients()[j], reported.standardErrors()[j]);
    }

    /**
     * @param m the regression's model matrix (unweighted), with a column named {@link #treatment}
     * @param reportedEstimate the effect as the estimator reports it, whose E-values are given
     * @param reportedSe its standard error
     * @return the statistics, keyed as the {@code diagnostics.sensitivity} of the JSON result document
     * @throws InputException naming the option when a term is not in the model or a multiple too large
     */
    public Map<String, Object> of(ModelMatrix m, double reportedEstimate, double reportedSe) {
        int j = column(m.names(), treatment, OPTION);
        int n = m.rowCount();
        int k = m.columns().length;
        double dof = n - k;
        if (dof < 2) {
            throw new InputException(SensitivityProblem.TOO_FEW_DEGREES_OF_FREEDOM, (int) dof);
        }
        Glm ols = Glm.withDefaults().withFamily(Family.GAUSSIAN).withVariance(VarianceType.OIM);
        GlmFit outcome = ols.fit(m.columns(), m.names(), m.response());
        double estimate = outcome.coefficients()[j];
        double se = outcome.standardErrors()[j];
        double t = estimate / se;
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("term", treatment);
        out.put("q", q);
        out.put("alpha", alpha);
        out.put("dof", (long) dof);
        out.put("estimate", estimate);
        out.put("se_classical", se);
        out.put("t_classical", t);
        out.put("r2yd_x", OmittedVariableBias.partialR2(t, dof));
        out.put("rv_q", OmittedVariableBias.robustnessValue(t, dof, q, Double.NaN));
        out.put("rv_qa", OmittedVariableBias.robustnessValue(t, dof, q, alpha));
        EValue e = EValue.ofDifference(reportedEstimate, reportedSe, new StandardDeviation().evaluate(m.response()));
        out.put("e_value", e.point());
        out.put("e_value_ci", e.ci());
        List<Map<String, Object>> bounds = new ArrayList<>();
        if (!benchmarks.isEmpty()) {
            GlmFit exposure = treatmentRegression(m, j);
            double tCrit = new TDistribution(dof).inverseCumulativeProbability(1 - alpha / 2);
            for (String b : benchmarks) {
                int bj = column(m.names(), b, "benchmark");
                if (bj == j) {
                    throw new InputException(SensitivityProblem.BENCHMARK_IS_TREATMENT, OptionName.of("benchmark"), b);
                }
                int bd = bj < j ? bj : bj - 1;
                double r2dx = OmittedVariableBias.partialR2(exposure.coefficients()[bd] / exposure.standardErrors()[bd], dof + 1);
                double r2yx = OmittedVariableBias.partialR2(outcome.coefficients()[bj] / outcome.standardErrors()[bj], dof);
                for (double kd : multiples) {
                    double[] r2 = OmittedVariableBias.benchmarkBound(r2dx, r2yx, kd, kd);
                    if (r2 == null) {
                        throw new InputException(SensitivityProblem.MULTIPLE_TOO_LARGE, String.valueOf(kd), b, OptionName.of("kd"));
                    }
                    double adjusted = OmittedVariableBias.adjustedEstimate(estimate, se, dof, r2[1], r2[0]);
                    double adjustedSe = OmittedVariableBias.adjustedSe(se, dof, r2[1], r2[0]);
                    Map<String, Object> row = new LinkedHashMap<>();
                    row.put("benchmark", b);
                    row.put("kd", kd);
                    row.put("ky", kd);
                    row.put("r2dz_x", r2[0]);
                    row.put("r2yz_dx", r2[1]);
                    row.put("adjusted_estimate", adjusted);
                    row.put("adjusted_se", adjustedSe);
                    row.put("adjusted_t", adjusted / adjustedSe);
                    row.put("adjusted_ci_low", adjusted - tCrit * adjustedSe);
                    row.put("adjusted_ci_high", adjusted + tCrit * adjustedSe);
                    bounds.add(row);
                }
            }
        }
        out.put("bounds", bounds);
        return out;
    }

    /** The regression of the treatment on the other regressors. */
    private static GlmFit treatmentRegression(ModelMatrix m, int j) {
        int k = m.columns().length;
        double[][] x = new double[k - 1][];
        List<String> names = new ArrayList<>();
        for (int c = 0, d = 0; c < k; c++) {
            if (c != j) {
                x[d++] = m.columns()[c];
                names.add(m.names().get(c));
            }
        }
        return Glm.withDefaults().withFamily(Family.GAUSSIAN).withVariance(VarianceType.OIM).fit(x, names, m.columns()[j]);
    }

    private static int column(List<String> names, String term, String option) {
        int j = names.indexOf(term);
        if (j < 0) {
            throw new InputException(SensitivityProblem.NOT_A_TERM, OptionName.of(option), term, String.join(", ", names));
        }
        return j;
    }
}
