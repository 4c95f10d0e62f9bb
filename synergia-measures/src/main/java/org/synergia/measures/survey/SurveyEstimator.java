package org.synergia.measures.survey;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.synergia.data.InputException;
import org.synergia.stats.inference.Estimate;

/**
 * Design-based estimators of means, totals, ratios and proportions with Taylor-linearised
 * standard errors and design effects (Särndal, Swensson &amp; Wretman 1992, §5.5; Woodruff
 * 1971), matching R {@code survey}'s {@code svymean}, {@code svytotal} and {@code svyratio}.
 * Intervals are normal-approximation (Wald) intervals, as {@code confint} on those objects.
 */
public final class SurveyEstimator {

    private static final SurveyEstimator DEFAULTS = new SurveyEstimator(0.95);

    private final double level;

    private SurveyEstimator(double level) {
        this.level = level;
    }

    /** @return the estimator with 95% confidence intervals */
    public static SurveyEstimator withDefaults() {
        return DEFAULTS;
    }

    /**
     * @param confidenceLevel the confidence level, in (0, 1)
     * @return this estimator with the given confidence level
     */
    public SurveyEstimator withLevel(double confidenceLevel) {
        if (!(confidenceLevel > 0 && confidenceLevel < 1)) {
            throw new InputException("confidence level " + confidenceLevel + " is not in (0, 1): use e.g. 0.95");
        }
        return new SurveyEstimator(confidenceLevel);
    }

    /**
     * The weighted total {@code T = sum w_i y_i}; its linearised value is {@code y_i} itself. The
     * design effect is the variance over that of simple random sampling without replacement of
     * the same size, {@code s_w^2 W^2 (W - n)/(W n)} with {@code s_w^2} the weighted variance
     * (divisor {@code n - 1}), as R's {@code svytotal(deff = TRUE)}.
     *
     * @param design the design
     * @param y the variable, one value per row, no missing values
     * @param variable the variable's name (term {@code total:<variable>})
     * @return the result
     */
    public SurveyResult total(SurveyDesign design, double[] y, String variable) {
        check(design, y, variable);
        double total = 0;
        for (int i = 0; i < y.length; i++) {
            total += design.weight(i) * y[i];
        }
        double v = design.variance(y);
        double w = design.totalWeight();
        double srs = weightedVariance(design, y) * w * w * (w - y.length) / (w * y.length);
        return result("total", "total:" + variable, total, v, v / srs, design);
    }

    /**
     * The weighted (Hájek) mean {@code ybar = sum w y / sum w}; linearised value
     * {@code (y_i - ybar) / sum w}. Design effect as R's {@code svymean(deff = TRUE)}:
     * variance over {@code s_w^2 (W - n)/(W n)}.
     *
     * @param design the design
     * @param y the variable, no missing values
     * @param variable the variable's name (term {@code mean:<variable>})
     * @return the result
     */
    public SurveyResult mean(SurveyDesign design, double[] y, String variable) {
        check(design, y, variable);
        double w = design.totalWeight();
        double mean = weightedMean(design, y);
        double[] z = new double[y.length];
        for (int i = 0; i < y.length; i++) {
            z[i] = (y[i] - mean) / w;
        }
        double v = design.variance(z);
        double srs = weightedVariance(design, y) * (w - y.length) / (w * y.length);
        return result("mean", "mean:" + variable, mean, v, v / srs, design);
    }

    /**
     * Domain means by group over the full design (as R's {@code svyby(..., svymean)}): for group
     * g, {@code ybar_g = sum_g w y / sum_g w} with linearised value {@code 1[i in g](y_i - ybar_g)/W_g}.
     *
     * @param design the design
     * @param y the variable, no missing values
     * @param variable the variable's name
     * @param group each row's group code, 0-based, indexing {@code labels}
     * @param labels the groups' names (terms {@code mean:<variable>[<label>]})
     * @return one term per group
     */
    public SurveyResult meanByGroup(SurveyDesign design, double[] y, String variable, int[] group, String[] labels) {
        return byGroup(design, y, variable, group, labels, true);
    }

    /**
     * Domain totals by group over the full design (as R's {@code svyby(..., svytotal)}):
     * linearised value {@code 1[i in g] y_i}.
     *
     * @param design the design
     * @param y the variable, no missing values
     * @param variable the variable's name
     * @param group each row's group code, 0-based, indexing {@code labels}
     * @param labels the groups' names (terms {@code total:<variable>[<label>]})
     * @return one term per group
     */
    public SurveyResult totalByGroup(SurveyDesign design, double[] y, String variable, int[] group, String[] labels) {
        return byGroup(design, y, variable, group, labels, false);
    }

    private SurveyResult byGroup(SurveyDesign design, double[] y, String variable, int[] group, String[] labels,
            boolean mean) {
        check(design, y, variable);
        if (group.length != y.length) {
            throw new InputException("the grouping variable has " + group.length + " values, " + variable + " has " + y.length);
        }
        int groups = labels.length;
        double[] weight = new double[groups];
        double[] sum = new double[groups];
        for (int i = 0; i < y.length; i++) {
            int g = group[i];
            if (g < 0 || g >= groups) {
                throw new IllegalArgumentException("group code " + g + " at row " + (i + 1) + " has no label");
            }
            weight[g] += design.weight(i);
            sum[g] += design.weight(i) * y[i];
        }
        String method = mean ? "mean" : "total";
        List<Estimate> estimates = new java.util.ArrayList<>();
        for (int g = 0; g < groups; g++) {
            if (weight[g] == 0) {
                throw new InputException("group " + labels[g] + " has no rows: drop it from the grouping variable");
            }
            double estimate = mean ? sum[g] / weight[g] : sum[g];
            double[] z = new double[y.length];
            for (int i = 0; i < y.length; i++) {
                if (group[i] == g) {
                    z[i] = mean ? (y[i] - estimate) / weight[g] : y[i];
                }
            }
            estimates.add(Estimate.wald(method + ":" + variable + "[" + labels[g] + "]", estimate,
                    Math.sqrt(design.variance(z)), level));
        }
        Map<String, Object> diagnostics = new LinkedHashMap<>();
        diagnostics.put("design_df", design.degreesOfFreedom());
        diagnostics.put("strata", design.strataCount());
        diagnostics.put("psu", design.psuCount());
        return new SurveyResult(method, estimates, design.size(), diagnostics, List.of());
    }

    /**
     * The proportion of rows with the indicator set: the weighted mean of a 0/1 variable.
     *
     * @param design the design
     * @param indicator whether each row has the characteristic
     * @param name the characteristic's name (term {@code mean:<name>})
     * @return the result
     */
    public SurveyResult proportion(SurveyDesign design, boolean[] indicator, String name) {
        double[] y = new double[indicator.length];
        for (int i = 0; i < y.length; i++) {
            y[i] = indicator[i] ? 1 : 0;
        }
        return mean(design, y, name);
    }

    /**
     * The ratio of weighted totals {@code R = sum w y / sum w x}; linearised value
     * {@code (y_i - R x_i) / sum w x} (Woodruff 1971), as R's {@code svyratio}.
     *
     * @param design the design
     * @param y the numerator variable
     * @param x the denominator variable (its weighted total must not be zero)
     * @param numerator the numerator's name
     * @param denominator the denominator's name (term {@code ratio:<numerator>/<denominator>})
     * @return the result (no design effect)
     */
    public SurveyResult ratio(SurveyDesign design, double[] y, double[] x, String numerator, String denominator) {
        check(design, y, numerator);
        check(design, x, denominator);
        double ty = 0;
        double tx = 0;
        for (int i = 0; i < y.length; i++) {
            ty += design.weight(i) * y[i];
            tx += design.weight(i) * x[i];
        }
        if (tx == 0) {
            throw new InputException("the weighted total of " + denominator + " is zero: a ratio to it is undefined");
        }
        double r = ty / tx;
        double[] z = new double[y.length];
        for (int i = 0; i < y.length; i++) {
            z[i] = (y[i] - r * x[i]) / tx;
        }
        return result("ratio", "ratio:" + numerator + "/" + denominator, r, design.variance(z), Double.NaN, design);
    }

    /**
     * @param design the design
     * @param y a variable
     * @return its weighted mean
     */
    static double weightedMean(SurveyDesign design, double[] y) {
        double s = 0;
        for (int i = 0; i < y.length; i++) {
            s += design.weight(i) * y[i];
        }
        return s / design.totalWeight();
    }

    /** The weighted population variance estimate with divisor n - 1, as R's {@code svyvar}. */
    private static double weightedVariance(SurveyDesign design, double[] y) {
        double mean = weightedMean(design, y);
        double s = 0;
        for (int i = 0; i < y.length; i++) {
            double d = y[i] - mean;
            s += design.weight(i) * d * d;
        }
        int n = y.length;
        return s / design.totalWeight() * n / (n - 1.0);
    }

    private SurveyResult result(String method, String term, double estimate, double variance, double deff,
            SurveyDesign design) {
        Map<String, Object> diagnostics = new LinkedHashMap<>();
        if (Double.isFinite(deff)) {
            diagnostics.put("deff", deff);
        }
        diagnostics.put("design_df", design.degreesOfFreedom());
        diagnostics.put("strata", design.strataCount());
        diagnostics.put("psu", design.psuCount());
        return new SurveyResult(method, List.of(Estimate.wald(term, estimate, Math.sqrt(variance), level)),
                design.size(), diagnostics, List.of());
    }

    private static void check(SurveyDesign design, double[] y, String variable) {
        if (y.length != design.size()) {
            throw new InputException("variable " + variable + " has " + y.length + " values but the design has "
                    + design.size() + " rows");
        }
        int missing = 0;
        int first = -1;
        for (int i = 0; i < y.length; i++) {
            if (!Double.isFinite(y[i])) {
                missing++;
                if (first < 0) {
                    first = i;
                }
            }
        }
        if (missing > 0) {
            throw new InputException("variable " + variable + " has " + missing + " missing or non-finite values"
                    + " (first at row " + (first + 1) + "): drop those rows or impute them before estimating");
        }
    }
}
