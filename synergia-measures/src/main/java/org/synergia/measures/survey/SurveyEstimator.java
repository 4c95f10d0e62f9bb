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
        return total(design, y, variable, null);
    }

    /**
     * The total over a domain, the rest of the design kept: rows outside the domain contribute
     * zero, their strata and PSUs still count (R's {@code svytotal(~y, design, na.rm = TRUE)}, which
     * subsets the design and so keeps its structure: Lumley 2010, §2.3). The design effect uses the
     * domain's rows and weights, as R does.
     *
     * @param design the design (all rows)
     * @param y the variable, one value per row; rows outside the domain may be missing
     * @param variable the variable's name (term {@code total:<variable>})
     * @param domain which rows are in the domain (for example the rows where y and the grouping
     *     variable are present), or null for all rows
     * @return the result; its {@code n} is the domain's size
     */
    public SurveyResult total(SurveyDesign design, double[] y, String variable, boolean[] domain) {
        int n = check(design, y, variable, domain);
        double total = 0;
        for (int i = 0; i < y.length; i++) {
            if (in(domain, i)) {
                total += design.weight(i) * y[i];
            }
        }
        double v = design.variance(domain == null ? y : zeroOutside(y, domain));
        double w = domainWeight(design, domain);
        double srs = weightedVariance(design, y, domain, n) * w * w * (w - n) / (w * n);
        return result("total", "total:" + variable, total, v, v / srs, design, n);
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
        return mean(design, y, variable, null);
    }

    /**
     * The mean over a domain, the rest of the design kept: {@code ybar_D = sum_D w y / sum_D w},
     * linearised value {@code 1[i in D](y_i - ybar_D) / sum_D w}, so rows outside the domain
     * contribute zero and their strata and PSUs still count (R's
     * {@code svymean(~y, design, na.rm = TRUE)}). The design effect uses the domain's rows and
     * weights, as R does.
     *
     * @param design the design (all rows)
     * @param y the variable, one value per row; rows outside the domain may be missing
     * @param variable the variable's name (term {@code mean:<variable>})
     * @param domain which rows are in the domain, or null for all rows
     * @return the result; its {@code n} is the domain's size
     */
    public SurveyResult mean(SurveyDesign design, double[] y, String variable, boolean[] domain) {
        int n = check(design, y, variable, domain);
        double w = domainWeight(design, domain);
        double mean = weightedMean(design, y, domain, w);
        double[] z = new double[y.length];
        for (int i = 0; i < y.length; i++) {
            if (in(domain, i)) {
                z[i] = (y[i] - mean) / w;
            }
        }
        double v = design.variance(z);
        double srs = weightedVariance(design, y, domain, n) * (w - n) / (w * n);
        return result("mean", "mean:" + variable, mean, v, v / srs, design, n);
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
        return byGroup(design, y, variable, group, labels, true, null);
    }

    /**
     * Domain means by group within a domain (R's {@code svyby(..., svymean, na.rm = TRUE)}): rows
     * outside {@code domain} are in no group and contribute zero, the design keeps them.
     *
     * @param design the design (all rows)
     * @param y the variable; rows outside the domain may be missing
     * @param variable the variable's name
     * @param group each row's group code, 0-based, indexing {@code labels} (ignored outside the domain)
     * @param labels the groups' names (terms {@code mean:<variable>[<label>]})
     * @param domain which rows are in the domain, or null for all rows
     * @return one term per group; {@code n} is the domain's size
     */
    public SurveyResult meanByGroup(SurveyDesign design, double[] y, String variable, int[] group, String[] labels,
            boolean[] domain) {
        return byGroup(design, y, variable, group, labels, true, domain);
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
        return byGroup(design, y, variable, group, labels, false, null);
    }

    /**
     * Domain totals by group within a domain (R's {@code svyby(..., svytotal, na.rm = TRUE)}).
     *
     * @param design the design (all rows)
     * @param y the variable; rows outside the domain may be missing
     * @param variable the variable's name
     * @param group each row's group code, 0-based, indexing {@code labels} (ignored outside the domain)
     * @param labels the groups' names (terms {@code total:<variable>[<label>]})
     * @param domain which rows are in the domain, or null for all rows
     * @return one term per group; {@code n} is the domain's size
     */
    public SurveyResult totalByGroup(SurveyDesign design, double[] y, String variable, int[] group, String[] labels,
            boolean[] domain) {
        return byGroup(design, y, variable, group, labels, false, domain);
    }

    private SurveyResult byGroup(SurveyDesign design, double[] y, String variable, int[] group, String[] labels,
            boolean mean, boolean[] domain) {
        int n = check(design, y, variable, domain);
        if (group.length != y.length) {
            throw new InputException("the grouping variable has " + group.length + " values, " + variable + " has " + y.length);
        }
        int groups = labels.length;
        double[] weight = new double[groups];
        double[] sum = new double[groups];
        for (int i = 0; i < y.length; i++) {
            if (!in(domain, i)) {
                continue;
            }
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
                if (in(domain, i) && group[i] == g) {
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
        return new SurveyResult(method, estimates, n, diagnostics, List.of());
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
        return weightedMean(design, y, null, design.totalWeight());
    }

    private static double weightedMean(SurveyDesign design, double[] y, boolean[] domain, double weight) {
        double s = 0;
        for (int i = 0; i < y.length; i++) {
            if (in(domain, i)) {
                s += design.weight(i) * y[i];
            }
        }
        return s / weight;
    }

    /** The weighted population variance estimate over the domain's n rows, divisor n - 1, as R's {@code svyvar}. */
    private static double weightedVariance(SurveyDesign design, double[] y, boolean[] domain, int n) {
        double w = domainWeight(design, domain);
        double mean = weightedMean(design, y, domain, w);
        double s = 0;
        for (int i = 0; i < y.length; i++) {
            if (in(domain, i)) {
                double d = y[i] - mean;
                s += design.weight(i) * d * d;
            }
        }
        return s / w * n / (n - 1.0);
    }

    /** The sum of the weights in the domain (all rows for a null domain), in row order. */
    private static double domainWeight(SurveyDesign design, boolean[] domain) {
        if (domain == null) {
            return design.totalWeight();
        }
        double s = 0;
        for (int i = 0; i < design.size(); i++) {
            if (domain[i]) {
                s += design.weight(i);
            }
        }
        return s;
    }

    private static boolean in(boolean[] domain, int i) {
        return domain == null || domain[i];
    }

    private static double[] zeroOutside(double[] y, boolean[] domain) {
        double[] z = new double[y.length];
        for (int i = 0; i < y.length; i++) {
            if (domain[i]) {
                z[i] = y[i];
            }
        }
        return z;
    }

    private SurveyResult result(String method, String term, double estimate, double variance, double deff,
            SurveyDesign design) {
        return result(method, term, estimate, variance, deff, design, design.size());
    }

    private SurveyResult result(String method, String term, double estimate, double variance, double deff,
            SurveyDesign design, int n) {
        Map<String, Object> diagnostics = new LinkedHashMap<>();
        if (Double.isFinite(deff)) {
            diagnostics.put("deff", deff);
        }
        diagnostics.put("design_df", design.degreesOfFreedom());
        diagnostics.put("strata", design.strataCount());
        diagnostics.put("psu", design.psuCount());
        return new SurveyResult(method, List.of(Estimate.wald(term, estimate, Math.sqrt(variance), level)),
                n, diagnostics, List.of());
    }

    private static void check(SurveyDesign design, double[] y, String variable) {
        check(design, y, variable, null);
    }

    /** Checks lengths and that y is finite in the domain; returns the domain's size. */
    private static int check(SurveyDesign design, double[] y, String variable, boolean[] domain) {
        if (y.length != design.size()) {
            throw new InputException("variable " + variable + " has " + y.length + " values but the design has "
                    + design.size() + " rows");
        }
        if (domain != null && domain.length != y.length) {
            throw new IllegalArgumentException("the domain has " + domain.length + " rows, the design " + y.length);
        }
        int missing = 0;
        int first = -1;
        int n = 0;
        for (int i = 0; i < y.length; i++) {
            if (!in(domain, i)) {
                continue;
            }
            n++;
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
        if (n < 2) {
            throw new InputException("variable " + variable + " has " + n + " rows in the domain: a design-based"
                    + " estimate needs at least 2");
        }
        return n;
    }
}
