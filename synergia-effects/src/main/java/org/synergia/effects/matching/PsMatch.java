package org.synergia.effects.matching;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.synergia.data.InputException;
import org.synergia.data.OptionName;
import org.synergia.effects.balance.BalanceTable;
import org.synergia.effects.balance.RowOrder;
import org.synergia.effects.balance.OverlapHistogram;
import org.synergia.effects.potentialoutcomes.Estimand;
import org.synergia.stats.glm.Family;
import org.synergia.stats.glm.Glm;
import org.synergia.stats.glm.GlmFit;
import org.synergia.stats.glm.Information;
import org.synergia.stats.glm.Link;
import org.synergia.stats.inference.Estimate;
import org.synergia.stats.inference.Term;

/**
 * Nearest-neighbour matching on the estimated propensity score, as Stata {@code teffects psmatch}
 * and R {@code Matching::Match}: a logit (or probit) treatment model, then each treated unit
 * (ATT), or every unit (ATE), is matched to its {@code M} nearest units of the other arm on the
 * score (the probability by default, or its linear index), with or without replacement, within
 * an optional caliper given in standard deviations of the score, ties kept and weighted.
 * Matching is {@code O(n log n)}.
 *
 * <p>Standard errors ({@link StandardError}): Abadie and Imbens (2006) treating the score as
 * known, with a homoskedastic ({@code AI2006}, R {@code Var.calc = 0}) or matched-neighbour
 * robust ({@code AI2006_ROBUST}) conditional variance; or Abadie and Imbens (2016), the robust
 * variance adjusted for the estimation of the logit score ({@code AI2016}, the default, as
 * {@code teffects psmatch}).
 *
 * <p>With a caliper, the AI2006 variances follow R {@code Matching}: the units the caliper drops
 * stay in the variance's count of focal units with a zero contrast; the AI2016 variance counts
 * kept units only.
 *
 * <pre>{@code
 * MatchingResult r = PsMatch.withDefaults().withNeighbors(1).withEstimand(Estimand.ATT)
 *         .fit(y, treated, columns, names);          // columns[j][i], an intercept column included
 * r.effect().estimate(); r.effect().se(); r.balance(); r.weights();
 * RosenbaumBounds.withDefaults().fit(r.pairs().orElseThrow()).gammaStar();   // ATT only
 * }</pre>
 */
public final class PsMatch {

    /** Which scale of the propensity score is matched on. */
    public enum Score {
        /** The probability {@code p(x)} (Stata, R Matching and MatchIt's default). */
        PROBABILITY,
        /** The linear index {@code x'b} (the logit of the probability for a logit model). */
        LINEAR
    }

    /** Standard-error estimators. */
    public enum StandardError {
        /** Abadie and Imbens (2016): robust, adjusted for the estimated score (Stata teffects psmatch). */
        AI2016,
        /** Abadie and Imbens (2006), homoskedastic conditional variance, score treated as known (R Var.calc = 0). */
        AI2006,
        /** Abadie and Imbens (2006), conditional variance from {@code varianceNeighbors} within-arm matches. */
        AI2006_ROBUST
    }

    /** Rules that restrict the sample to the region of common support before matching. */
    public enum CommonSupport {
        /** Keep every unit. */
        NONE,
        /** Drop units whose score lies outside the range of the other arm's scores (focal units only). */
        MINMAX,
        /** Drop units whose probability is below the trimming threshold or above one minus it. */
        TRIM
    }

    private final int neighbors;
    private final Estimand estimand;
    private final Caliper caliper;
    private final boolean replace;
    private final Score score;
    private final StandardError standardError;
    private final int varianceNeighbors;
    private final Ties ties;
    private final Link link;
    private final CommonSupport support;
    private final double trim;
    private final double overlapTolerance;
    private final double level;
    private final MatchOrder order;

    /** Which focal units a caliper keeps when they have several neighbours ({@code --caliper-rule}). */
    public enum CaliperRule {
        /**
         * R {@code Matching}: a unit is kept only when all its {@code M} matches (ties included) lie inside the
         * caliper, measured in the score's SD with divisor {@code N}; the robust AI2006 variance's same-arm
         * neighbours are limited to the caliper too.
         */
        ALL,
        /** A unit is kept with the matches it has inside the caliper, one at least; the SD has divisor {@code N - 1}. */
        ANY
    }

    /**
     * A caliper in standard deviations of the matching score ({@code Double.POSITIVE_INFINITY} for none).
     *
     * @param sds its width
     * @param rule which units it keeps; null for the standard error's convention ({@link CaliperRule#ALL} for the
     *     AI2006 variances, as R {@code Matching}, {@link CaliperRule#ANY} for AI2016)
     */
    public record Caliper(double sds, CaliperRule rule) {

        static final Caliper NONE = new Caliper(Double.POSITIVE_INFINITY, null);

        CaliperRule ruleFor(StandardError se) {
            return rule != null ? rule : se == StandardError.AI2016 ? CaliperRule.ANY : CaliperRule.ALL;
        }
    }

    /** The order in which treated units choose their matches without replacement. */
    public enum MatchOrder {
        /** The data's order, as R {@code Matching::Match(replace = FALSE)}. */
        DATA,
        /** Descending score, R {@code MatchIt}'s default {@code m.order = "largest"}. */
        LARGEST,
        /** Ascending score, {@code MatchIt}'s {@code m.order = "smallest"}. */
        SMALLEST
    }

    private PsMatch(int neighbors, Estimand estimand, Caliper caliper, boolean replace, Score score,
            StandardError standardError, int varianceNeighbors, Ties ties, Link link, CommonSupport support,
            double trim, double overlapTolerance, double level, MatchOrder order) {
        this.neighbors = neighbors;
        this.estimand = estimand;
        this.caliper = caliper;
        this.replace = replace;
        this.score = score;
        this.standardError = standardError;
        this.varianceNeighbors = varianceNeighbors;
        this.ties = ties;
        this.link = link;
        this.support = support;
        this.trim = trim;
        this.overlapTolerance = overlapTolerance;
        this.level = level;
        this.order = order;
    }

    /**
     * @return 1 neighbour, ATT, no caliper, with replacement, probability score, AI2016 SEs with
     *     2 variance neighbours, Stata's ties ({@link Ties#stataDefault()}), logit, no support rule,
     *     overlap tolerance 1e-5, 95% intervals
     */
    public static PsMatch withDefaults() {
        return new PsMatch(1, Estimand.ATT, Caliper.NONE, true, Score.PROBABILITY, StandardError.AI2016, 2,
                Ties.stataDefault(), Link.LOGIT, CommonSupport.NONE, 0, 1e-5, 0.95, MatchOrder.DATA);
    }

    /**
     * @param m number of neighbours per matched unit, {@code >= 1}
     * @return a copy with that setting
     */
    public PsMatch withNeighbors(int m) {
        if (m < 1) {
            throw new InputException(MatchingProblem.NEIGHBOURS_AT_LEAST_ONE, m, OptionName.of("neighbors"));
        }
        return new PsMatch(m, estimand, caliper, replace, score, standardError, varianceNeighbors, ties, link,
                support, trim, overlapTolerance, level, order);
    }

    /**
     * @param e the estimand, {@code ATT} or {@code ATE}
     * @return a copy with that setting
     */
    public PsMatch withEstimand(Estimand e) {
        Validation.checkEstimand(e);
        return new PsMatch(neighbors, e, caliper, replace, score, standardError, varianceNeighbors, ties, link,
                support, trim, overlapTolerance, level, order);
    }

    /**
     * @param sds the caliper in standard deviations of the matching score (SD over the units in the
     *     estimation sample); {@code Double.POSITIVE_INFINITY} for none
     * @param rule which focal units it keeps; null for the standard error's convention ({@link Caliper})
     * @return a copy with that setting
     */
    public PsMatch withCaliper(double sds, CaliperRule rule) {
        if (!(sds > 0)) {
            throw new InputException("the caliper must be a positive number of standard deviations, not " + sds);
        }
        return new PsMatch(neighbors, estimand, new Caliper(sds, rule), replace, score, standardError, varianceNeighbors, ties, link,
                support, trim, overlapTolerance, level, order);
    }

    /**
     * @param r whether a unit may serve as a match several times (without replacement, units
     *     are matched greedily in data order, as R Matching)
     * @return a copy with that setting
     */
    public PsMatch withReplacement(boolean r) {
        return new PsMatch(neighbors, estimand, caliper, r, score, standardError, varianceNeighbors, ties, link,
                support, trim, overlapTolerance, level, order);
    }

    /**
     * @param o the order in which treated units are matched without replacement (default {@link MatchOrder#DATA});
     *     with replacement every unit takes its nearest neighbours whatever the order
     * @return a copy with that order
     */
    public PsMatch withMatchOrder(MatchOrder o) {
        return new PsMatch(neighbors, estimand, caliper, replace, score, standardError, varianceNeighbors, ties, link,
                support, trim, overlapTolerance, level, o);
    }

    /**
     * @param s the score scale matched on
     * @return a copy with that setting
     */
    public PsMatch withScore(Score s) {
        return new PsMatch(neighbors, estimand, caliper, replace, s, standardError, varianceNeighbors, ties, link,
                support, trim, overlapTolerance, level, order);
    }

    /**
     * @param se the standard-error estimator
     * @return a copy with that setting
     */
    public PsMatch withStandardError(StandardError se) {
        return new PsMatch(neighbors, estimand, caliper, replace, score, se, varianceNeighbors, ties, link,
                support, trim, overlapTolerance, level, order);
    }

    /**
     * @param j variance neighbours. For {@code AI2016} this is Stata's {@code vce(robust, nn(j))},
     *     {@code >= 2}: the conditional variances and covariances use the {@code j} nearest units
     *     of an arm, the unit itself counting in its own arm (so the default 2 is the unit and its
     *     nearest same-arm neighbour). For {@code AI2006_ROBUST} it is R Matching's
     *     {@code Var.calc = j}, {@code >= 1}: the unit and {@code j} other same-arm units
     * @return a copy with that setting
     */
    public PsMatch withVarianceNeighbors(int j) {
        if (j < 1) {
            throw new InputException(MatchingProblem.ROBUST_VARIANCE_NEIGHBOURS, j, OptionName.of("variance-neighbors"));
        }
        return new PsMatch(neighbors, estimand, caliper, replace, score, standardError, j, ties, link, support,
                trim, overlapTolerance, level, order);
    }

    /**
     * @param t when a farther unit ties with the M-th nearest: Stata's rule by default;
     *     {@code new Ties(Ties.Convention.MATCHING, 1e-5)} reproduces R Matching's default
     *     {@code distance.tolerance} (squared score distances in units of the score's sample variance).
     *     Being absolute, R's tolerance turns 1:1 matching into many-to-one on large samples (about
     *     {@code 2 n sqrt(tol) sd f} tied units per match for a score density {@code f})
     * @return a copy with that setting
     */
    public PsMatch withTies(Ties t) {
        return new PsMatch(neighbors, estimand, caliper, replace, score, standardError, varianceNeighbors, t, link,
                support, trim, overlapTolerance, level, order);
    }

    /**
     * @param l the treatment model's link, {@link Link#LOGIT} or {@link Link#PROBIT}
     * @return a copy with that setting
     */
    public PsMatch withLink(Link l) {
        if (l != Link.LOGIT && l != Link.PROBIT) {
            throw new InputException("the treatment model's link must be logit or probit, not " + l);
        }
        return new PsMatch(neighbors, estimand, caliper, replace, score, standardError, varianceNeighbors, ties,
                l, support, trim, overlapTolerance, level, order);
    }

    /**
     * @param rule the common support rule
     * @param threshold the trimming threshold for {@link CommonSupport#TRIM} (e.g. 0.05); ignored otherwise
     * @return a copy with that setting
     */
    public PsMatch withCommonSupport(CommonSupport rule, double threshold) {
        if (rule == CommonSupport.TRIM && !(threshold > 0 && threshold < 0.5)) {
            throw new InputException("the trimming threshold must lie in (0, 0.5), not " + threshold);
        }
        return new PsMatch(neighbors, estimand, caliper, replace, score, standardError, varianceNeighbors, ties,
                link, rule, threshold, overlapTolerance, level, order);
    }

    /**
     * @param tol refuse estimated probabilities outside {@code [tol, 1 - tol]} (Stata's
     *     {@code pstolerance}, default 1e-5); 0 accepts every score
     * @return a copy with that setting
     */
    public PsMatch withOverlapTolerance(double tol) {
        return new PsMatch(neighbors, estimand, caliper, replace, score, standardError, varianceNeighbors, ties,
                link, support, trim, tol, level, order);
    }

    /**
     * @param l confidence level of the intervals, in (0, 1)
     * @return a copy with that setting
     */
    public PsMatch withLevel(double l) {
        return new PsMatch(neighbors, estimand, caliper, replace, score, standardError, varianceNeighbors, ties,
                link, support, trim, overlapTolerance, l, order);
    }

    /**
     * Fits the treatment model, matches on its score and estimates the effect.
     *
     * @param y the outcome of every row (no missing values)
     * @param treated the arm of every row
     * @param columns the treatment model's regressors by column ({@code columns[j][i]}), an
     *     intercept column included if wanted
     * @param names the regressors' names (the balance table uses the non-constant ones)
     * @return the result
     */
    public MatchingResult fit(double[] y, boolean[] treated, double[][] columns, List<String> names) {
        Validation.check(y, treated, columns, names);
        double[] t = new double[treated.length];
        for (int i = 0; i < t.length; i++) {
            t[i] = treated[i] ? 1 : 0;
        }
        GlmFit model = Glm.withDefaults().withFamily(Family.BINOMIAL).withLink(link)
                .withInformation(Information.OBSERVED).fit(columns, names, t);
        double[] p = model.fittedValues();
        double[] eta = model.linearPredictors();
        TreatmentModel tm = new TreatmentModel(columns, p, density(eta), model.information());
        return estimate(y, treated, p, eta, tm, names, columns);
    }

    /**
     * Matches on a given (known, or estimated elsewhere) propensity score. The AI2016 standard
     * error needs the treatment model and is refused here.
     *
     * @param y the outcome of every row
     * @param treated the arm of every row
     * @param propensity the probability of treatment of every row, in (0, 1)
     * @param names covariate names for the balance table (may be empty)
     * @param covariates covariate columns for the balance table ({@code covariates[j][i]})
     * @return the result
     */
    public MatchingResult fitOnScore(double[] y, boolean[] treated, double[] propensity, List<String> names,
            double[][] covariates) {
        Validation.check(y, treated, covariates, names);
        Validation.checkScore(propensity, y.length);
        if (standardError == StandardError.AI2016) {
            throw new InputException("the ai2016 standard error adjusts for the estimated treatment model, which is not "
                    + "known when a score is given: fit the treatment model with fit(...), or use ai2006-robust");
        }
        double[] eta = new double[propensity.length];
        org.hipparchus.distribution.continuous.NormalDistribution normal =
                new org.hipparchus.distribution.continuous.NormalDistribution(0, 1);
        for (int i = 0; i < eta.length; i++) {
            eta[i] = link == Link.LOGIT ? Math.log(propensity[i] / (1 - propensity[i]))
                    : normal.inverseCumulativeProbability(propensity[i]);
        }
        return estimate(y, treated, propensity, eta, null, names, covariates);
    }

    /** The treated units in the order they choose their matches: the data's, or by descending or ascending score (stable). */
    private int[] focalOrder(int[] treatedRows, double[] metric) {
        if (replace || order == MatchOrder.DATA) {
            return treatedRows;
        }
        int[] ascending = RowOrder.ascending(metric, treatedRows);
        if (order == MatchOrder.SMALLEST) {
            return ascending;
        }
        // descending, ties still in data order: reverse the runs of equal scores back
        int n = ascending.length;
        int[] out = new int[n];
        int k = 0;
        for (int end = n; end > 0;) {
            int start = end - 1;
            while (start > 0 && metric[ascending[start - 1]] == metric[ascending[end - 1]]) {
                start--;
            }
            for (int i = start; i < end; i++) {
                out[k++] = ascending[i];
            }
            end = start;
        }
        return out;
    }

    private double[] density(double[] eta) {
        double[] f = new double[eta.length];
        for (int i = 0; i < eta.length; i++) {
            if (link == Link.LOGIT) {
                double e = Math.exp(-Math.abs(eta[i]));
                f[i] = e / ((1 + e) * (1 + e));
            } else {
                f[i] = Math.exp(-0.5 * eta[i] * eta[i]) / Math.sqrt(2 * Math.PI);
            }
        }
        return f;
    }

    private MatchingResult estimate(double[] y, boolean[] treated, double[] p, double[] eta, TreatmentModel model,
            List<String> names, double[][] columns) {
        int n = y.length;
        List<String> warnings = new ArrayList<>();
        double[] metric = score == Score.PROBABILITY ? p : eta;
        boolean[] inSample = supportSample(p, metric, treated, warnings);
        int[][] arms = Validation.arms(treated, inSample);
        int[] tr = focalOrder(arms[0], metric);
        int[] co = arms[1];
        Validation.checkArms(tr.length, co.length, neighbors, estimand, replace);
        if (standardError == StandardError.AI2016 && varianceNeighbors < 2) {
            throw new InputException(MatchingProblem.VARIANCE_NEIGHBOURS, varianceNeighbors, OptionName.of("variance-neighbors"));
        }
        double sd = sd(metric, inSample, 1);
        CaliperRule rule = caliper.ruleFor(standardError);
        boolean all = rule == CaliperRule.ALL && !Double.isInfinite(caliper.sds());
        // R Matching measures the caliper in the SD with divisor N
        double caliperAbs = Double.isInfinite(caliper.sds()) ? Double.POSITIVE_INFINITY
                : caliper.sds() * (all ? sd(metric, inSample, 0) : sd);
        Ties.Bound tieBound = ties.on(sd * sd);
        SortedScores poolC = new SortedScores(metric, co);
        SortedScores poolT = new SortedScores(metric, tr);
        MatchSet tm = ScoreMatcher.nearest(poolC, metric, tr, neighbors, caliperAbs, all, replace, tieBound, false);
        MatchSet cm = estimand == Estimand.ATE
                ? ScoreMatcher.nearest(poolT, metric, co, neighbors, caliperAbs, all, replace, tieBound, false) : null;
        MatchedSample s = new MatchedSample(estimand, treated, y, tm, cm, null);
        reportDrops(tm, cm, caliperAbs, all, warnings);
        double variance;
        // Stata's nn(h) counts the unit itself (h - 1 others); R's Var.calc = J counts J others
        int others = standardError == StandardError.AI2016 ? varianceNeighbors - 1 : varianceNeighbors;
        double[] sigma2 = standardError == StandardError.AI2006 ? AbadieImbensVariance.homoskedastic(s)
                : ConditionalVariance.robust(y, metric, poolT, poolC, others, tieBound,
                        all ? caliperAbs : Double.POSITIVE_INFINITY);
        int focal = tm.focalCount() + (cm == null ? 0 : cm.focalCount());
        variance = AbadieImbensVariance.of(s, sigma2, standardError == StandardError.AI2016 ? s.nKept : focal);
        Map<String, Object> diag = new LinkedHashMap<>();
        if (standardError == StandardError.AI2016) {
            double adjustment = EstimatedScoreAdjustment.of(s, model, metric, poolT, poolC, varianceNeighbors,
                    neighbors, tieBound);
            diag.put("ai2016_adjustment", adjustment);
            if (variance + adjustment > 0) {
                variance += adjustment;
            } else {
                warnings.add(String.format(Locale.ROOT, "the AI2016 adjustment (%.6g) would make the variance "
                        + "non-positive; the unadjusted robust AI2006 standard error is reported", adjustment));
            }
        }
        double se = Math.sqrt(variance);
        Estimate est = Estimate.wald(Term.Effect.binary(Term.Measure.valueOf(estimand.name())), s.tau, se, level);
        int nt = s.keptTreated();
        diag.put("n_treated", tr.length);
        diag.put("n_control", co.length);
        diag.put("n_treated_matched", nt);
        diag.put("n_control_matched", estimand == Estimand.ATE ? s.nKept - nt : countUsed(s, false));
        diag.put("n_dropped_caliper", (tm.focalCount() - tm.matchedCount())
                + (cm == null ? 0 : cm.focalCount() - cm.matchedCount()));
        diag.put("n_dropped_support", n - tr.length - co.length);
        diag.put("neighbors", neighbors);
        diag.put("replace", replace);
        diag.put("score", score.name().toLowerCase(Locale.ROOT));
        diag.put("caliper_sd", Double.isInfinite(caliper.sds()) ? null : caliper.sds());
        diag.put("caliper_score", Double.isInfinite(caliperAbs) ? null : caliperAbs);
        diag.put("caliper_rule", Double.isInfinite(caliperAbs) ? null : rule.name().toLowerCase(Locale.ROOT));
        diag.put("se", seName());
        diag.put("variance_neighbors", varianceNeighbors);
        diag.put("tie_tolerance", ties.tolerance());
        diag.put("tie_rule", ties.conventionName());
        diag.put("link", link.name().toLowerCase(Locale.ROOT));
        double[] w = matchingWeights(s);
        double[] ipw = ipwWeights(p, treated, inSample);
        MatchingWeights weights = new MatchingWeights(w, ipw,
                estimand == Estimand.ATT ? MatchingWeights.ATT_MATCHING : MatchingWeights.ATE_MATCHING,
                estimand == Estimand.ATT ? MatchingWeights.ATT_IPW : MatchingWeights.ATE_IPW);
        diag.put("matching_weights", weights.matchingFormula());
        diag.put("ipw_weights", weights.ipwFormula());
        BalanceTable balance = BalanceTable.ofVarying(names, columns, treated, w,
                estimand == Estimand.ATT ? BalanceTable.SdDenominator.TREATED : BalanceTable.SdDenominator.POOLED);
        if (balance != null) {
            diag.put("balance", balance.toMap());
        }
        OverlapHistogram overlap = OverlapHistogram.of(p, treated, w, 20);
        diag.put("overlap", overlap.toList());
        return new MatchingResult("psmatch", est, tr.length + co.length, diag, warnings, weights, balance, overlap,
                estimand == Estimand.ATT ? MatchedPairs.of(tm, y) : null);
    }

    private String seName() {
        return switch (standardError) {
            case AI2016 -> "ai2016";
            case AI2006 -> "ai2006";
            case AI2006_ROBUST -> "ai2006-robust";
        };
    }

    private boolean[] supportSample(double[] p, double[] metric, boolean[] treated, List<String> warnings) {
        int n = p.length;
        boolean[] keep = new boolean[n];
        java.util.Arrays.fill(keep, true);
        if (overlapTolerance > 0 && support != CommonSupport.TRIM) {
            int bad = 0;
            int first = -1;
            for (int i = 0; i < n; i++) {
                if (p[i] < overlapTolerance || p[i] > 1 - overlapTolerance) {
                    bad++;
                    if (first < 0) {
                        first = i;
                    }
                }
            }
            if (bad > 0) {
                throw new InputException(MatchingProblem.OVERLAP, bad, first + 1, String.format(Locale.ROOT, "%g", overlapTolerance),
                        OptionName.of("support"));
            }
        }
        if (support == CommonSupport.TRIM) {
            int dropped = 0;
            for (int i = 0; i < n; i++) {
                if (p[i] < trim || p[i] > 1 - trim) {
                    keep[i] = false;
                    dropped++;
                }
            }
            if (dropped > 0) {
                warnings.add(String.format(Locale.ROOT, "trimming dropped %d of %d units with a propensity score "
                        + "outside [%g, %g]", dropped, n, trim, 1 - trim));
            }
        } else if (support == CommonSupport.MINMAX) {
            double[] rt = range(metric, treated, true);
            double[] rc = range(metric, treated, false);
            int droppedT = 0;
            int droppedC = 0;
            for (int i = 0; i < n; i++) {
                if (treated[i] && (metric[i] < rc[0] || metric[i] > rc[1])) {
                    keep[i] = false;
                    droppedT++;
                } else if (!treated[i] && estimand == Estimand.ATE && (metric[i] < rt[0] || metric[i] > rt[1])) {
                    keep[i] = false;
                    droppedC++;
                }
            }
            if (droppedT + droppedC > 0) {
                warnings.add(String.format(Locale.ROOT, "the min/max common support rule dropped %d treated and %d "
                        + "control units whose score lies outside the other arm's range", droppedT, droppedC));
            }
        }
        return keep;
    }

    private static double[] range(double[] x, boolean[] treated, boolean arm) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < x.length; i++) {
            if (treated[i] == arm) {
                lo = Math.min(lo, x[i]);
                hi = Math.max(hi, x[i]);
            }
        }
        return new double[] {lo, hi};
    }

    private void reportDrops(MatchSet tm, MatchSet cm, double caliperAbs, boolean all, List<String> warnings) {
        int dt = tm.focalCount() - tm.matchedCount();
        int dc = cm == null ? 0 : cm.focalCount() - cm.matchedCount();
        if (tm.matchedCount() == 0 || (cm != null && cm.matchedCount() == 0 && estimand == Estimand.ATE)) {
            int total = tm.matchedCount() == 0 ? tm.focalCount() : cm.focalCount();
            throw new InputException(MatchingProblem.CALIPER_LEAVES_NONE, String.format(Locale.ROOT, "%g", caliper.sds()),
                    String.format(Locale.ROOT, "%.6g", caliperAbs), total, tm.matchedCount() == 0 ? 0 : 1, OptionName.of("caliper"));
        }
        String few = all && neighbors > 1 ? "fewer than " + neighbors + " " : "no ";
        String unused = replace ? "" : "unused ";
        if (dt > 0) {
            warnings.add(String.format(Locale.ROOT, "%d of %d treated units had %s%s%s within the caliper (%g SD) and "
                    + "were dropped", dt, tm.focalCount(), few, unused, all && neighbors > 1 ? "controls" : "control",
                    caliper.sds()));
        }
        if (dc > 0) {
            warnings.add(String.format(Locale.ROOT, "%d of %d control units had %s%s%s within the caliper (%g SD) and "
                    + "were dropped", dc, cm.focalCount(), few, unused, all && neighbors > 1 ? "treated units" : "treated unit",
                    caliper.sds()));
        }
    }

    private static int countUsed(MatchedSample s, boolean arm) {
        int c = 0;
        for (int r = 0; r < s.used.length; r++) {
            if (s.treated[r] == arm && s.used[r] > 0) {
                c++;
            }
        }
        return c;
    }

    private static double[] matchingWeights(MatchedSample s) {
        double[] w = new double[s.y.length];
        for (int r = 0; r < w.length; r++) {
            w[r] = (s.kept[r] ? 1 : 0) + s.used[r];
        }
        return w;
    }

    private double[] ipwWeights(double[] p, boolean[] treated, boolean[] inSample) {
        double[] w = new double[p.length];
        for (int i = 0; i < p.length; i++) {
            if (!inSample[i]) {
                continue;
            }
            if (estimand == Estimand.ATT) {
                w[i] = treated[i] ? 1 : p[i] / (1 - p[i]);
            } else {
                w[i] = treated[i] ? 1 / p[i] : 1 / (1 - p[i]);
            }
        }
        return w;
    }

    /** The SD of {@code x} over the kept rows, with divisor {@code N - ddof}. */
    private static double sd(double[] x, boolean[] keep, int ddof) {
        double m = 0;
        int c = 0;
        for (int i = 0; i < x.length; i++) {
            if (keep[i]) {
                m += x[i];
                c++;
            }
        }
        m /= c;
        double ss = 0;
        for (int i = 0; i < x.length; i++) {
            if (keep[i]) {
                ss += (x[i] - m) * (x[i] - m);
            }
        }
        return Math.sqrt(ss / (c - ddof));
    }
}
