package org.synergia.synthesis.meta;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hipparchus.analysis.solvers.BrentSolver;
import org.hipparchus.distribution.continuous.ChiSquaredDistribution;
import org.hipparchus.distribution.continuous.NormalDistribution;
import org.hipparchus.distribution.continuous.TDistribution;
import org.hipparchus.special.Beta;
import org.hipparchus.special.Gamma;
import org.synergia.data.InputException;
import org.synergia.stats.inference.Estimate;

/**
 * Fixed- and random-effects meta-analysis and meta-regression of effect sizes {@code y_i} with
 * known sampling variances {@code v_i} (the model {@code y = X b + u + e}, {@code u ~ N(0, tau²)},
 * {@code e_i ~ N(0, v_i)}; Raudenbush 2009), following the conventions of R {@code metafor}
 * (Viechtbauer 2010): tau² by {@link Tau2Estimator}; coefficients by weighted least squares with
 * weights {@code 1/(v_i + tau²)}; z or Knapp–Hartung tests ({@link MetaTest}); the residual
 * heterogeneity statistic {@code Q_E} with fixed-effect weights and its chi-square p-value; I² and
 * H² from tau² and the typical within-study variance {@code s² = (k - p)/tr(P_0)} (Higgins &amp;
 * Thompson 2002, eqs. 9-10; for a fixed-effect model from Q); a Q-profile interval for tau²
 * (Viechtbauer 2007, eq. 9); prediction intervals {@code b ± crit sqrt(se² + tau²)}
 * (Riley, Higgins &amp; Deeks 2011). Immutable; {@link #withDefaults()} is REML with z-tests.
 */
public final class MetaAnalysis {

    private static final int MAX_ITERATIONS = 1000;
    /** metafor's default convergence threshold on the change in tau² (its {@code control$threshold}). */
    private static final double METAFOR_THRESHOLD = 1e-5;
    private static final int FEW_STUDIES = 5;

    private final Tau2Estimator method;
    private final MetaTest test;
    private final double level;
    private final double threshold;

    private MetaAnalysis(Tau2Estimator method, MetaTest test, double level, double threshold) {
        this.method = method;
        this.test = test;
        this.level = level;
        this.threshold = threshold;
    }

    /**
     * REML, z-tests, 95% intervals; ML and REML iterate by Fisher scoring from the Hedges (1983)
     * estimate until tau² changes by less than 1e-5, as metafor's defaults, so that results agree
     * with metafor's (see {@link #withThreshold} for a tighter solution).
     *
     * @return the default analysis
     */
    public static MetaAnalysis withDefaults() {
        return new MetaAnalysis(Tau2Estimator.REML, MetaTest.Z, 0.95, METAFOR_THRESHOLD);
    }

    /**
     * @param change the ML/REML iterations stop when tau² changes by less than this, positive
     * @return this analysis with that convergence threshold
     */
    public MetaAnalysis withThreshold(double change) {
        if (!(change > 0)) {
            throw new IllegalArgumentException("convergence threshold must be positive, got " + change);
        }
        return new MetaAnalysis(method, test, level, change);
    }

    /**
     * @param estimator how tau² is estimated
     * @return this analysis with that estimator
     */
    public MetaAnalysis withMethod(Tau2Estimator estimator) {
        return new MetaAnalysis(estimator, test, level, threshold);
    }

    /**
     * @param inference z or Knapp–Hartung
     * @return this analysis with that test
     */
    public MetaAnalysis withTest(MetaTest inference) {
        return new MetaAnalysis(method, inference, level, threshold);
    }

    /**
     * @param confidenceLevel the confidence level, in (0, 1)
     * @return this analysis with that level
     */
    public MetaAnalysis withLevel(double confidenceLevel) {
        if (!(confidenceLevel > 0 && confidenceLevel < 1)) {
            throw new InputException("confidence level " + confidenceLevel + " is not in (0, 1)");
        }
        return new MetaAnalysis(method, test, confidenceLevel, threshold);
    }

    /**
     * Pools the effects (intercept-only model; term {@code pooled}).
     *
     * @param effects the studies' effect sizes
     * @param variances their sampling variances, positive
     * @return the result
     */
    public MetaResult fit(double[] effects, double[] variances) {
        return fit(effects, variances, new double[0][], new String[0]);
    }

    /**
     * Meta-regression on moderators (terms {@code pooled} for the intercept, then one per
     * moderator).
     *
     * @param effects the studies' effect sizes
     * @param variances their sampling variances, positive
     * @param moderators one array per moderator, each with one value per study
     * @param names the moderators' names
     * @return the result
     */
    public MetaResult fit(double[] effects, double[] variances, double[][] moderators, String[] names) {
        int k = effects.length;
        int p = moderators.length + 1;
        check(effects, variances, moderators, names);
        if (k - p < 1) {
            throw new InputException("meta-analysis with " + p + " coefficients needs more than " + p
                    + " studies, got " + k + ": drop moderators or add studies");
        }
        double[][] x = new double[k][p];
        for (int i = 0; i < k; i++) {
            x[i][0] = 1;
            for (int j = 1; j < p; j++) {
                x[i][j] = moderators[j - 1][i];
            }
        }
        List<String> warnings = new ArrayList<>();
        WeightedFit fixed = new WeightedFit(effects, variances, x, 0);
        int df = k - p;
        double qe = fixed.q;
        double tau2 = estimateTau2(effects, variances, x, fixed, warnings);
        WeightedFit fit = tau2 == 0 ? fixed : new WeightedFit(effects, variances, x, tau2);

        double scale = 1;
        if (test == MetaTest.KNAPP_HARTUNG) {
            scale = fit.q / df;
        } else if (k < FEW_STUDIES && method != Tau2Estimator.FE) {
            warnings.add("only " + k + " studies: z-tests and intervals are too narrow with so few studies;"
                    + " use Knapp-Hartung (--test knha)");
        }
        double crit = test == MetaTest.KNAPP_HARTUNG
                ? new TDistribution(df).inverseCumulativeProbability(0.5 + level / 2)
                : new NormalDistribution(0, 1).inverseCumulativeProbability(0.5 + level / 2);
        double[][] cov = new double[p][p];
        List<Estimate> estimates = new ArrayList<>();
        for (int a = 0; a < p; a++) {
            for (int c = 0; c < p; c++) {
                cov[a][c] = fit.unscaledCovariance[a][c] * scale;
            }
            double se = Math.sqrt(cov[a][a]);
            double stat = fit.b[a] / se;
            double pValue = test == MetaTest.KNAPP_HARTUNG
                    ? 2 * new TDistribution(df).cumulativeProbability(-Math.abs(stat))
                    : 2 * new NormalDistribution(0, 1).cumulativeProbability(-Math.abs(stat));
            estimates.add(new Estimate(a == 0 ? "pooled" : names[a - 1], fit.b[a], se, fit.b[a] - crit * se,
                    fit.b[a] + crit * se, pValue));
        }

        double s2 = df / fixed.traceP();
        double i2;
        double h2;
        if (method == Tau2Estimator.FE) {
            i2 = qe > 0 ? 100 * Math.max(0, (qe - df) / qe) : 0;
            h2 = qe / df;
        } else {
            i2 = 100 * tau2 / (tau2 + s2);
            h2 = (tau2 + s2) / s2;
        }
        double qp = chiSquareUpperTail(qe, df);
        double[] tau2Ci = qProfileInterval(effects, variances, x, df);

        Map<String, Object> diagnostics = new LinkedHashMap<>();
        diagnostics.put("tau2", tau2);
        diagnostics.put("tau2_ci_low", tau2Ci[0]);
        diagnostics.put("tau2_ci_high", tau2Ci[1]);
        diagnostics.put("I2", i2);
        diagnostics.put("H2", h2);
        diagnostics.put("Q", qe);
        diagnostics.put("Q_df", df);
        diagnostics.put("Q_p", qp);
        diagnostics.put("k", k);
        diagnostics.put("method", method.name());
        diagnostics.put("test", test == MetaTest.Z ? "z" : "knha");
        if (p > 1) {
            double[] qm = moderatorTest(fit.b, cov, df);
            diagnostics.put("QM", qm[0]);
            diagnostics.put("QM_p", qm[1]);
        } else {
            double half = crit * Math.sqrt(cov[0][0] + tau2);
            diagnostics.put("pi_low", fit.b[0] - half);
            diagnostics.put("pi_high", fit.b[0] + half);
        }
        return new MetaResult(estimates, k, diagnostics, warnings, fit.b, cov, tau2, tau2Ci, crit, i2, h2, qe, df, qp);
    }

    /**
     * Subgroup analysis: a separate model (same settings) in each subgroup, and the test of
     * subgroup differences {@code Q_B = sum_g (b_g - b*)² / se_g²} on G - 1 degrees of freedom,
     * with {@code b*} the inverse-variance mean of the subgroup estimates (Borenstein et al. 2009,
     * ch. 19, separate tau² per subgroup).
     *
     * @param effects effect sizes
     * @param variances sampling variances
     * @param group each study's subgroup
     * @return the subgroups' results and the test of differences
     */
    public SubgroupResult subgroups(double[] effects, double[] variances, String[] group) {
        if (group.length != effects.length) {
            throw new InputException("subgroup labels have " + group.length + " values but there are "
                    + effects.length + " studies");
        }
        Map<String, List<Integer>> rows = new LinkedHashMap<>();
        for (int i = 0; i < group.length; i++) {
            rows.computeIfAbsent(group[i], g -> new ArrayList<>()).add(i);
        }
        if (rows.size() < 2) {
            throw new InputException("subgroup analysis needs at least 2 subgroups, got " + rows.size());
        }
        Map<String, MetaResult> results = new LinkedHashMap<>();
        double sw = 0;
        double swb = 0;
        for (Map.Entry<String, List<Integer>> e : rows.entrySet()) {
            double[] y = e.getValue().stream().mapToDouble(i -> effects[i]).toArray();
            double[] v = e.getValue().stream().mapToDouble(i -> variances[i]).toArray();
            if (y.length < 2) {
                throw new InputException("subgroup " + e.getKey() + " has a single study: merge it with another subgroup");
            }
            MetaResult r = fit(y, v);
            results.put(e.getKey(), r);
            double w = 1 / (r.se() * r.se());
            sw += w;
            swb += w * r.estimate();
        }
        double mean = swb / sw;
        double qb = 0;
        for (MetaResult r : results.values()) {
            qb += (r.estimate() - mean) * (r.estimate() - mean) / (r.se() * r.se());
        }
        int df = results.size() - 1;
        return new SubgroupResult(results, qb, df, chiSquareUpperTail(qb, df));
    }

    private double estimateTau2(double[] y, double[] v, double[][] x, WeightedFit fixed, List<String> warnings) {
        int k = y.length;
        int df = k - x[0].length;
        switch (method) {
            case FE:
                return 0;
            case DL:
                return Math.max(0, (fixed.q - df) / fixed.traceP());
            case PM:
                if (fixed.q <= df) {
                    return 0;
                }
                return solveQ(y, v, x, df, 0);
            case REML:
            case ML:
                double tau2 = hedgesEstimate(y, v, x);
                for (int it = 0; it < MAX_ITERATIONS; it++) {
                    double step = new WeightedFit(y, v, x, tau2).scoringStep(method == Tau2Estimator.REML);
                    double next = tau2 + step;
                    int halvings = 0;
                    while (next < 0 && halvings++ < 60) {
                        step /= 2;
                        next = tau2 + step;
                    }
                    next = Math.max(0, next);
                    if (Math.abs(next - tau2) < threshold) {
                        return next;
                    }
                    tau2 = next;
                }
                warnings.add("the " + method + " estimate of tau2 did not converge in " + MAX_ITERATIONS
                        + " iterations; the last value is used (try --method dl or pm)");
                return tau2;
            default:
                throw new IllegalStateException(method.name());
        }
    }

    /**
     * The Hedges (1983) estimate, the starting value of the likelihood iterations:
     * {@code (RSS_OLS - tr(P_OLS V)) / (k - p)} with the ordinary least-squares residual maker
     * {@code P_OLS = I - X (X'X)^-1 X'}, truncated at 0.
     */
    private static double hedgesEstimate(double[] y, double[] v, double[][] x) {
        int k = y.length;
        double[] ones = new double[k];
        java.util.Arrays.fill(ones, 1);
        WeightedFit ols = new WeightedFit(y, ones, x, 0);
        double[][] proj = ols.projection();
        double trPV = 0;
        for (int i = 0; i < k; i++) {
            trPV += proj[i][i] * v[i];
        }
        return Math.max(0, (ols.q - trPV) / (k - x[0].length));
    }

    /** Solves Q(tau²) = target for tau² ≥ lower, Q being decreasing in tau². */
    private static double solveQ(double[] y, double[] v, double[][] x, double target, double lower) {
        double hi = Math.max(1, lower * 2);
        int grow = 0;
        while (new WeightedFit(y, v, x, hi).q > target) {
            hi *= 4;
            if (++grow > 60) {
                throw new InputException("the between-study variance is unbounded (Q cannot reach " + target
                        + "): check the effect sizes and variances");
            }
        }
        return new BrentSolver(1e-14, 1e-14).solve(500, t -> new WeightedFit(y, v, x, t).q - target, lower, hi);
    }

    private double[] qProfileInterval(double[] y, double[] v, double[][] x, int df) {
        ChiSquaredDistribution chi2 = new ChiSquaredDistribution(df);
        double q0 = new WeightedFit(y, v, x, 0).q;
        double upperCrit = chi2.inverseCumulativeProbability(0.5 + level / 2);
        double lowerCrit = chi2.inverseCumulativeProbability(0.5 - level / 2);
        double low = q0 <= upperCrit ? 0 : solveQ(y, v, x, upperCrit, 0);
        double high = q0 <= lowerCrit ? 0 : solveQ(y, v, x, lowerCrit, 0);
        return new double[] {low, high};
    }

    private double[] moderatorTest(double[] b, double[][] cov, int df) {
        int m = b.length - 1;
        double[][] sub = new double[m][m];
        double[] bm = new double[m];
        for (int a = 0; a < m; a++) {
            bm[a] = b[a + 1];
            for (int c = 0; c < m; c++) {
                sub[a][c] = cov[a + 1][c + 1];
            }
        }
        double[] solved = new org.hipparchus.linear.LUDecomposition(new org.hipparchus.linear.Array2DRowRealMatrix(sub))
                .getSolver().solve(new org.hipparchus.linear.ArrayRealVector(bm)).toArray();
        double qm = 0;
        for (int a = 0; a < m; a++) {
            qm += bm[a] * solved[a];
        }
        if (test == MetaTest.KNAPP_HARTUNG) {
            double f = qm / m;
            // P(F > f) = I_{df/(df + m f)}(df/2, m/2)
            return new double[] {f, Beta.regularizedBeta(df / (df + m * f), df / 2.0, m / 2.0)};
        }
        return new double[] {qm, chiSquareUpperTail(qm, m)};
    }

    /** P(chi2_df > x) without cancellation, so tiny p-values keep their digits. */
    private static double chiSquareUpperTail(double x, int df) {
        return Gamma.regularizedGammaQ(df / 2.0, x / 2.0);
    }

    private static void check(double[] y, double[] v, double[][] moderators, String[] names) {
        int k = y.length;
        if (v.length != k) {
            throw new InputException("got " + k + " effects but " + v.length + " variances: give one per study");
        }
        if (names.length != moderators.length) {
            throw new IllegalArgumentException("one name per moderator");
        }
        for (int i = 0; i < k; i++) {
            if (!Double.isFinite(y[i])) {
                throw new InputException("effect of study " + (i + 1) + " is missing or non-finite: drop the study");
            }
            if (!(v[i] > 0) || Double.isInfinite(v[i])) {
                throw new InputException("sampling variance of study " + (i + 1) + " is " + v[i]
                        + ": variances must be positive and finite");
            }
        }
        for (int j = 0; j < moderators.length; j++) {
            if (moderators[j].length != k) {
                throw new InputException("moderator " + names[j] + " has " + moderators[j].length + " values, expected " + k);
            }
            for (int i = 0; i < k; i++) {
                if (!Double.isFinite(moderators[j][i])) {
                    throw new InputException("moderator " + names[j] + " is missing for study " + (i + 1)
                            + ": drop the study or impute the moderator");
                }
            }
        }
    }
}
