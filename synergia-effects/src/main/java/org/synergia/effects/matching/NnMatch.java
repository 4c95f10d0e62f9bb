package org.synergia.effects.matching;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.synergia.data.InputException;
import org.synergia.data.OptionName;
import org.synergia.effects.balance.BalanceTable;
import org.synergia.effects.balance.OverlapHistogram;
import org.synergia.effects.potentialoutcomes.Estimand;
import org.synergia.stats.glm.Family;
import org.synergia.stats.glm.Glm;
import org.synergia.stats.glm.WeightKind;
import org.synergia.stats.inference.Estimate;
import org.synergia.stats.inference.Term;
import org.synergia.stats.inference.VarianceType;
import org.synergia.stats.linalg.Cholesky;

/**
 * Nearest-neighbour matching on covariates, as Stata {@code teffects nnmatch} (Abadie, Drukker,
 * Herr and Imbens 2004): distances {@code ||x_i - x_j||_S = sqrt((x_i - x_j)' S^-1 (x_i - x_j))}
 * with {@code S} the sample covariance of the covariates ({@link Metric#MAHALANOBIS}), its
 * diagonal ({@link Metric#IVARIANCE}) or the identity; {@code M} neighbours with ties; optional
 * regression bias adjustment (Abadie and Imbens 2011): the imputed outcome from match j becomes
 * {@code Y_j + mu_w(X_i) - mu_w(X_j)}, {@code mu_w} the least-squares regression of Y on the
 * covariates in arm w weighted by the number of times each unit is used as a match. Standard
 * errors: Abadie and Imbens (2006) with a homoskedastic or a within-arm matched conditional
 * variance. Units that tie with the M-th nearest ({@link Ties}: Stata's {@code dtolerance()} on the
 * scaled distance by default, or R {@code Matching}'s {@code distance.tolerance} on its square) are
 * kept and weighted. The search is an exact k-d tree search ({@link CovariateMatcher}).
 */
public final class NnMatch {

    /** The scaling matrix of the covariate distance. */
    public enum Metric {
        /** Inverse sample covariance of the covariates (Stata's default). */
        MAHALANOBIS,
        /** Inverse of the diagonal of the sample covariance (R Matching's {@code Weight = 1}). */
        IVARIANCE,
        /** The identity. */
        EUCLIDEAN
    }

    private final int neighbors;
    private final Estimand estimand;
    private final Metric metric;
    private final boolean biasAdjust;
    private final PsMatch.StandardError standardError;
    private final int varianceNeighbors;
    private final Ties ties;
    private final double level;

    private NnMatch(int neighbors, Estimand estimand, Metric metric, boolean biasAdjust,
            PsMatch.StandardError standardError, int varianceNeighbors, Ties ties, double level) {
        this.neighbors = neighbors;
        this.estimand = estimand;
        this.metric = metric;
        this.biasAdjust = biasAdjust;
        this.standardError = standardError;
        this.varianceNeighbors = varianceNeighbors;
        this.ties = ties;
        this.level = level;
    }

    /**
     * @return 1 neighbour, ATT, Mahalanobis, no bias adjustment, robust AI2006 SEs with 2 neighbours, Stata's ties,
     *     95%
     */
    public static NnMatch withDefaults() {
        return new NnMatch(1, Estimand.ATT, Metric.MAHALANOBIS, false, PsMatch.StandardError.AI2006_ROBUST, 2,
                Ties.stataDefault(), 0.95);
    }

    /**
     * @param t when a farther unit ties with the M-th nearest ({@code new Ties(Ties.Convention.MATCHING, 1e-5)}:
     *     R {@code Matching}'s default, on squared scaled distances)
     * @return a copy with that setting
     */
    public NnMatch withTies(Ties t) {
        return new NnMatch(neighbors, estimand, metric, biasAdjust, standardError, varianceNeighbors, t, level);
    }

    /**
     * @param m neighbours, {@code >= 1}
     * @return a copy with that setting
     */
    public NnMatch withNeighbors(int m) {
        if (m < 1) {
            throw new InputException(MatchingProblem.NEIGHBOURS_AT_LEAST_ONE, m, OptionName.of("neighbors"));
        }
        return new NnMatch(m, estimand, metric, biasAdjust, standardError, varianceNeighbors, ties, level);
    }

    /**
     * @param e the estimand, {@code ATT} or {@code ATE}
     * @return a copy with that setting
     */
    public NnMatch withEstimand(Estimand e) {
        Validation.checkEstimand(e);
        return new NnMatch(neighbors, e, metric, biasAdjust, standardError, varianceNeighbors, ties, level);
    }

    /**
     * @param m the distance metric
     * @return a copy with that setting
     */
    public NnMatch withMetric(Metric m) {
        return new NnMatch(neighbors, estimand, m, biasAdjust, standardError, varianceNeighbors, ties, level);
    }

    /**
     * @param b whether to apply the Abadie-Imbens regression bias adjustment
     * @return a copy with that setting
     */
    public NnMatch withBiasAdjustment(boolean b) {
        return new NnMatch(neighbors, estimand, metric, b, standardError, varianceNeighbors, ties, level);
    }

    /**
     * @param se {@code AI2006} (homoskedastic) or {@code AI2006_ROBUST}; {@code AI2016} concerns
     *     an estimated score and is refused
     * @param j within-arm neighbours of the robust variance (other units of the same arm, R's
     *     {@code Var.calc}, Stata's {@code vce(robust, nn(j))}), {@code >= 1}
     * @return a copy with those settings
     */
    public NnMatch withStandardError(PsMatch.StandardError se, int j) {
        if (se == PsMatch.StandardError.AI2016) {
            throw new InputException("ai2016 adjusts for an estimated propensity score; covariate matching has none: "
                    + "use ai2006 or ai2006-robust");
        }
        if (j < 1) {
            throw new InputException(MatchingProblem.ROBUST_VARIANCE_NEIGHBOURS, j, OptionName.of("variance-neighbors"));
        }
        return new NnMatch(neighbors, estimand, metric, biasAdjust, se, j, ties, level);
    }

    /**
     * @param y the outcome
     * @param treated the arm of every row
     * @param covariates the matching covariates by column ({@code covariates[j][i]}), no intercept
     * @param names their names
     * @return the result
     */
    public MatchingResult fit(double[] y, boolean[] treated, double[][] covariates, List<String> names) {
        Validation.check(y, treated, covariates, names);
        if (covariates.length == 0) {
            throw new InputException("covariate matching needs at least one covariate: give the covariates to match on");
        }
        int n = y.length;
        boolean[] all = new boolean[n];
        java.util.Arrays.fill(all, true);
        int[][] arms = Validation.arms(treated, all);
        Validation.checkArms(arms[0].length, arms[1].length, neighbors, estimand, true);
        double[][] z = transform(covariates, names);
        Ties.Bound tie = ties.on(1);
        MatchSet tm = CovariateMatcher.nearest(z, arms[0], arms[1], neighbors, tie, false);
        MatchSet cm = estimand == Estimand.ATE ? CovariateMatcher.nearest(z, arms[1], arms[0], neighbors, tie, false)
                : null;
        BiasAdjustment adjustment = null;
        if (biasAdjust) {
            MatchedSample plain = new MatchedSample(estimand, treated, y, tm, cm, null);
            adjustment = new BiasAdjustment(regression(y, treated, true, covariates, names, plain.used),
                    regression(y, treated, false, covariates, names, plain.used));
        }
        MatchedSample s = new MatchedSample(estimand, treated, y, tm, cm, adjustment);
        double[] sigma2;
        if (standardError == PsMatch.StandardError.AI2006) {
            sigma2 = AbadieImbensVariance.homoskedastic(s);
        } else {
            MatchSet wt = arms[0].length > 1 ? CovariateMatcher.nearest(z, arms[0], arms[0],
                    Math.min(varianceNeighbors, arms[0].length - 1), tie, true) : null;
            MatchSet wc = arms[1].length > 1 ? CovariateMatcher.nearest(z, arms[1], arms[1],
                    Math.min(varianceNeighbors, arms[1].length - 1), tie, true) : null;
            sigma2 = ConditionalVariance.fromWithinArm(y, wt, wc);
        }
        double se = Math.sqrt(AbadieImbensVariance.of(s, sigma2, s.nKept));
        Map<String, Object> diag = new LinkedHashMap<>();
        diag.put("n_treated", arms[0].length);
        diag.put("n_control", arms[1].length);
        diag.put("neighbors", neighbors);
        diag.put("metric", metric.name().toLowerCase(Locale.ROOT));
        diag.put("bias_adjustment", biasAdjust);
        diag.put("se", standardError == PsMatch.StandardError.AI2006 ? "ai2006" : "ai2006-robust");
        diag.put("variance_neighbors", varianceNeighbors);
        diag.put("tie_tolerance", ties.tolerance());
        diag.put("tie_rule", ties.conventionName());
        double[] w = new double[n];
        for (int r = 0; r < n; r++) {
            w[r] = (s.kept[r] ? 1 : 0) + s.used[r];
        }
        String formula = estimand == Estimand.ATT ? MatchingWeights.ATT_MATCHING : MatchingWeights.ATE_MATCHING;
        diag.put("matching_weights", formula);
        BalanceTable balance = BalanceTable.of(names, covariates, treated, w,
                estimand == Estimand.ATT ? BalanceTable.SdDenominator.TREATED : BalanceTable.SdDenominator.POOLED);
        diag.put("balance", balance.toMap());
        List<String> warnings = new ArrayList<>();
        return new MatchingResult("nnmatch", Estimate.wald(Term.Effect.binary(Term.Measure.valueOf(estimand.name())), s.tau, se, level), n, diag, warnings,
                new MatchingWeights(w, new double[0], formula, "none: covariate matching has no propensity score"),
                balance, OverlapHistogram.of(covariates[0], treated, w, 20));
    }

    /** @return covariates transformed so that the metric is Euclidean: {@code z = L^-1 (x - mean)} */
    private double[][] transform(double[][] x, List<String> names) {
        int k = x.length;
        int n = x[0].length;
        double[] mean = new double[k];
        for (int j = 0; j < k; j++) {
            for (double v : x[j]) {
                mean[j] += v;
            }
            mean[j] /= n;
        }
        double[][] s = new double[k][k];
        for (int a = 0; a < k; a++) {
            for (int b = 0; b <= a; b++) {
                if (metric == Metric.EUCLIDEAN) {
                    s[a][b] = a == b ? 1 : 0;
                } else if (metric == Metric.IVARIANCE && a != b) {
                    s[a][b] = 0;
                } else {
                    double c = 0;
                    for (int i = 0; i < n; i++) {
                        c += (x[a][i] - mean[a]) * (x[b][i] - mean[b]);
                    }
                    s[a][b] = c / (n - 1);
                }
                s[b][a] = s[a][b];
            }
        }
        Cholesky chol = Cholesky.of(s);
        if (!chol.isPositiveDefinite()) {
            throw new InputException("matching covariate " + names.get(chol.collinearColumn()) + " is constant or a "
                    + "linear combination of the others: drop it");
        }
        double[][] l = new org.hipparchus.linear.CholeskyDecomposition(
                new org.hipparchus.linear.Array2DRowRealMatrix(s, false)).getL().getData();
        double[][] z = new double[k][n];
        for (int i = 0; i < n; i++) {
            for (int a = 0; a < k; a++) {
                double v = x[a][i] - mean[a];
                for (int b = 0; b < a; b++) {
                    v -= l[a][b] * z[b][i];
                }
                z[a][i] = v / l[a][a];
            }
        }
        return z;
    }

    private static double[] regression(double[] y, boolean[] treated, boolean arm, double[][] x, List<String> names,
            double[] used) {
        int n = y.length;
        int m = 0;
        for (int i = 0; i < n; i++) {
            if (treated[i] == arm && used[i] > 0) {
                m++;
            }
        }
        if (m == 0) {
            return new double[n];
        }
        double[][] cols = new double[x.length + 1][m];
        double[] ys = new double[m];
        double[] ws = new double[m];
        int q = 0;
        for (int i = 0; i < n; i++) {
            if (treated[i] == arm && used[i] > 0) {
                cols[0][q] = 1;
                for (int j = 0; j < x.length; j++) {
                    cols[j + 1][q] = x[j][i];
                }
                ys[q] = y[i];
                ws[q] = used[i];
                q++;
            }
        }
        List<String> nm = new ArrayList<>();
        nm.add("(Intercept)");
        nm.addAll(names);
        double[] beta = Glm.withDefaults().withFamily(Family.GAUSSIAN).withWeights(WeightKind.SAMPLING)
                .withVariance(VarianceType.ROBUST)
                .fit(cols, nm, ys, ws, null).coefficients();
        double[] mu = new double[n];
        for (int i = 0; i < n; i++) {
            double v = beta[0];
            for (int j = 0; j < x.length; j++) {
                v += beta[j + 1] * x[j][i];
            }
            mu[i] = v;
        }
        return mu;
    }
}
