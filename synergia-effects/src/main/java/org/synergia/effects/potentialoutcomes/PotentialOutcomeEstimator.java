package org.synergia.effects.potentialoutcomes;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.synergia.data.Dataset;
import org.synergia.effects.balance.BalanceSummary;
import org.synergia.effects.balance.OverlapHistogram;
import org.synergia.data.InputException;
import org.synergia.data.OptionName;
import org.synergia.stats.glm.Link;
import org.synergia.stats.linalg.Cholesky;
import org.synergia.stats.inference.Estimate;
import org.synergia.stats.inference.Term;

/**
 * What RA, IPW, AIPW and IPWRA share: immutable settings built fluently, and the fit on
 * {@link TreatmentData}. Each subclass is one of Stata's {@code teffects} estimators.
 *
 * @param <E> the concrete estimator, returned by the {@code with...} methods
 */
public abstract sealed class PotentialOutcomeEstimator<E extends PotentialOutcomeEstimator<E>>
        permits Ra, Ipw, Aipw, Ipwra {

    /** Trimming refits the treatment model; it stops with an error if overlap still fails after this many rounds. */
    private static final int MAX_TRIM_ROUNDS = 20;

    final Settings settings;
    private final Method method;

    PotentialOutcomeEstimator(Method method, Settings settings) {
        this.method = method;
        this.settings = settings;
    }

    /** @return a copy of this estimator with other settings */
    abstract E with(Settings s);

    /**
     * @param estimand ATE (default), ATT or POmeans
     * @return a copy with this estimand
     */
    public E withEstimand(Estimand estimand) {
        return with(settings.estimand(estimand));
    }

    /**
     * @param level the control treatment level (default: the lowest level)
     * @return a copy with this control level
     */
    public E withControl(double level) {
        return with(settings.control(level));
    }

    /**
     * @param level the treated level whose units define the ATT population (default: the synergy's
     *        combined arm if one is set, else the highest level other than the control)
     * @return a copy with this treated level
     */
    public E withTreatedLevel(double level) {
        return with(settings.treatedLevel(level));
    }

    /**
     * @param synergy the factorial interaction to report as term {@code synergy}
     * @return a copy that also estimates the synergy
     */
    public E withSynergy(Synergy synergy) {
        return with(settings.synergy(synergy));
    }

    /**
     * @param rule what to do with estimated treatment probabilities outside {@code [1e-5, 1 - 1e-5]}
     *        (default {@link OverlapRule#REFUSE}, as Stata)
     * @return a copy with this rule
     */
    public E withOverlap(OverlapRule rule) {
        return with(settings.overlap(rule, settings.overlapBound()));
    }

    /**
     * @param rule what to do with estimated treatment probabilities outside {@code [bound, 1 - bound]}
     * @param bound the bound, in {@code [0, 0.5)}
     * @return a copy with this rule and bound
     */
    public E withOverlap(OverlapRule rule, double bound) {
        return with(settings.overlap(rule, bound));
    }

    /**
     * @param balance whether the result's diagnostics report covariate balance ({@code balance},
     *        {@code balance_n}) of the treatment model's covariates under its inverse-probability
     *        weights, as Stata's {@code tebalance summarize} ({@link BalanceSummary}); RA, which has no
     *        treatment model, of the outcome model's covariates under the implied weights of its linear
     *        regressions (refused for nonlinear outcome models)
     * @return a copy with this choice
     */
    public E withBalance(boolean balance) {
        return with(settings.balance(balance));
    }

    /**
     * @param trimming the trimming of the estimated scores before the effects are estimated on the units kept
     *        ({@link ScoreTrimming}; default none); RA, which has no treatment model, refuses it
     * @return a copy with this trimming
     */
    public E withTrimming(ScoreTrimming trimming) {
        return with(settings.trimming(trimming));
    }

    /**
     * @param level the confidence level of the intervals (default 0.95)
     * @return a copy with this level
     */
    public E withConfidenceLevel(double level) {
        return with(settings.confidenceLevel(level));
    }

    /**
     * @param threads worker threads for the model fits (default: all processors)
     * @return a copy using that many threads
     */
    public E withThreads(int threads) {
        return with(settings.threads(threads));
    }

    /**
     * @param variable the sampling-weight variable of the dataset given to {@link #fit(Dataset, String, String)}
     * @return a copy using those weights
     */
    public E withWeights(String variable) {
        return with(settings.weights(variable));
    }

    /**
     * @param variable the cluster variable of the dataset given to {@link #fit(Dataset, String, String)}
     *        (cluster-robust SEs)
     * @return a copy clustering on it
     */
    public E withCluster(String variable) {
        return with(settings.cluster(variable));
    }

    /**
     * Estimates the effects on a dataset, with the weights and cluster set by {@link #withWeights}
     * and {@link #withCluster}. Rows with a missing value in any variable used are left out (and
     * counted in a warning); collinear columns are dropped with a warning.
     *
     * <pre>{@code
     * TreatmentEffectResult r = Ipwra.withDefaults().withEstimand(Estimand.ATT).withWeights("wt")
     *         .fit(survey, "food_score ~ hh_size + female_head", "arm ~ hh_size + female_head + factor(region)");
     * }</pre>
     *
     * @param dataset the data
     * @param outcomeFormula the outcome model {@code y ~ x1 + x2}; for IPW just the outcome {@code y}
     * @param treatmentFormula the treatment model {@code t ~ x1 + x3}; for RA just the treatment {@code t}
     * @return the effects with stacked-sandwich SEs
     * @throws InputException on bad input, naming the variable
     */
    public TreatmentEffectResult fit(Dataset dataset, String outcomeFormula, String treatmentFormula) {
        FormulaSample sample = FormulaSample.of(dataset, outcomeFormula, treatmentFormula, settings.weights(),
                settings.cluster());
        TreatmentEffectResult r = fit(sample.data());
        if (sample.warnings().isEmpty()) {
            return r;
        }
        List<String> warnings = new ArrayList<>(sample.warnings());
        warnings.addAll(r.warnings());
        return r.withWarnings(warnings);
    }

    /**
     * Estimates the effects.
     *
     * @param data outcome, treatment, designs, optional weights and clusters
     * @return the effects with stacked-sandwich SEs
     * @throws InputException on bad input (one-level treatment, missing values, negative weights,
     *         overlap violation, collinear covariates, perfect prediction)
     */
    public TreatmentEffectResult fit(TreatmentData data) {
        if (settings.balance() && !method.treatmentModel && settings.outcomeModel() != OutcomeModel.LINEAR) {
            throw new InputException(PotentialOutcomeProblem.BALANCE_NEEDS_LINEAR_RA, method.commandName(),
                    OptionName.of("balance"), settings.outcomeModel().name().toLowerCase(Locale.ROOT));
        }
        ScoreTrimming trimming = settings.trimming();
        if (trimming.rule() != ScoreTrimming.Rule.NONE && !method.treatmentModel) {
            throw new InputException(PotentialOutcomeProblem.TRIM_WITHOUT_TREATMENT_MODEL, method.commandName(),
                    OptionName.of(trimming.rule() == ScoreTrimming.Rule.CRUMP ? "trim" : "trim-score"));
        }
        List<String> warnings = new ArrayList<>();
        PreparedSample sample = PreparedSample.of(data, settings, method.outcomeModel, method.treatmentModel);
        requireArms(sample);
        int dropped = data.size() - sample.n;
        if (dropped > 0) {
            warnings.add(dropped + " observations with zero weight are not used");
        }
        Map<String, Object> scoreTrim = new LinkedHashMap<>();
        if (trimming.rule() != ScoreTrimming.Rule.NONE) {
            if (trimming.rule() == ScoreTrimming.Rule.CRUMP && sample.arms() != 2) {
                throw new InputException(PotentialOutcomeProblem.CRUMP_NEEDS_TWO_LEVELS, OptionName.of("trim"), sample.arms(),
                        OptionName.of("trim-score"));
            }
            ScoreTrimming.Kept kept = trimming.apply(TreatmentFit.fit(sample, settings.link(), settings.threads()), sample);
            scoreTrim.put("rule", trimming.rule() == ScoreTrimming.Rule.CRUMP ? "crump" : "bounds");
            scoreTrim.put("low", kept.low());
            scoreTrim.put("high", kept.high());
            scoreTrim.put("n_before", sample.n);
            scoreTrim.put("trimmed", kept.dropped());
            if (kept.dropped() > 0) {
                warnings.add(kept.dropped() + " of " + sample.n + " observations have an estimated treatment probability outside ["
                        + bound(kept.low()) + ", " + bound(kept.high()) + "] and were trimmed as asked; the effects refer to the"
                        + " units kept, every model refitted on them");
                sample = sample.restrictTo(data, settings, kept.keep(), method.outcomeModel, true);
                requireArms(sample);
            }
        }
        TreatmentFit tm = null;
        int trimmed = 0;
        int before = sample.n;
        for (int round = 1; method.treatmentModel; round++) {
            tm = TreatmentFit.fit(sample, settings.link(), settings.threads());
            boolean[] inside = tm.overlapping(settings.overlapBound());
            int outside = count(inside, false);
            if (outside == 0) {
                break;
            }
            String what = outside + " of " + sample.n + " observations have an estimated treatment probability outside ["
                    + bound(settings.overlapBound()) + ", 1 - " + bound(settings.overlapBound()) + "]";
            if (settings.overlapRule() == OverlapRule.REFUSE) {
                throw new InputException(PotentialOutcomeProblem.OVERLAP, outside, sample.n, bound(settings.overlapBound()),
                        OptionName.of("overlap"));
            }
            if (settings.overlapRule() == OverlapRule.ALLOW) {
                warnings.add(what + "; they were kept as asked, so some inverse-probability weights are extreme");
                break;
            }
            if (round > MAX_TRIM_ROUNDS) {
                throw new InputException("trimming does not restore overlap: after " + MAX_TRIM_ROUNDS + " rounds, " + what
                        + "; revise the treatment model");
            }
            trimmed += outside;
            sample = sample.restrictTo(data, settings, inside, method.outcomeModel, true);
            requireArms(sample);
        }
        if (trimmed > 0) {
            warnings.add(trimmed + " of " + before + " observations had an estimated treatment probability outside ["
                    + bound(settings.overlapBound()) + ", 1 - " + bound(settings.overlapBound())
                    + "]; they were trimmed and every model refitted without them");
        }
        StackedEquations.Solution sol = StackedEquations.solve(method, settings, sample, tm);
        return assemble(sample, sol, tm, trimmed, scoreTrim, warnings);
    }

    private TreatmentEffectResult assemble(PreparedSample d, StackedEquations.Solution sol, TreatmentFit tm,
            int trimmed, Map<String, Object> scoreTrim, List<String> warnings) {
        int k = d.arms();
        double[] levels = d.levels;
        Integer[] ascending = new Integer[k];
        for (int t = 0; t < k; t++) {
            ascending[t] = t;
        }
        java.util.Arrays.sort(ascending, (x, y) -> Double.compare(levels[x], levels[y]));
        double conf = settings.confidenceLevel();
        List<Estimate> rows = new ArrayList<>();
        Map<Term, double[]> contrasts = new LinkedHashMap<>();
        Estimand estimand = settings.estimand();
        if (estimand == Estimand.POMEANS) {
            for (int t : ascending) {
                rows.add(contrast(new Term.PoMean(levels[t]), sol, unit(k, t), conf, contrasts));
            }
        } else {
            Term.Measure measure = estimand == Estimand.ATE ? Term.Measure.ATE : Term.Measure.ATT;
            for (int t : ascending) {
                if (t != 0) {
                    double[] c = unit(k, t);
                    c[0] = -1;
                    rows.add(contrast(new Term.Effect(measure, levels[t], levels[0], k != 2), sol, c, conf, contrasts));
                }
            }
            rows.add(contrast(new Term.PoMean(levels[0]), sol, unit(k, 0), conf, contrasts));
        }
        Synergy syn = settings.synergy();
        if (syn != null) {
            double[] c = new double[k];
            c[0] = 1;
            for (int t = 1; t < k; t++) {
                c[t] = levels[t] == syn.combined() ? 1 : -1;
            }
            rows.add(contrast(new Term.Synergy(), sol, c, conf, contrasts));
        }
        Map<String, Object> diag = new LinkedHashMap<>();
        diag.put("estimand", estimand.name().toLowerCase(Locale.ROOT));
        diag.put("control", PreparedSample.level(levels[0]));
        if (estimand == Estimand.ATT) {
            diag.put("treated", PreparedSample.level(levels[d.treatedArm]));
        }
        int[] counts = new int[k];
        for (int a : d.arm) {
            counts[a]++;
        }
        for (int t : ascending) {
            diag.put("n:" + PreparedSample.level(levels[t]), counts[t]);
        }
        if (method.outcomeModel) {
            diag.put("outcome_model", settings.outcomeModel().name().toLowerCase(Locale.ROOT));
        }
        if (tm != null) {
            diag.put("treatment_model", k == 2 ? settings.link().name().toLowerCase(Locale.ROOT) : "mlogit");
            diag.put("score_min", tm.minimumProbability());
            diag.put("overlap_trimmed", trimmed);
            if (!scoreTrim.isEmpty()) {
                diag.put("score_trim", scoreTrim);
            }
        }
        if (sol.clusters() > 0) {
            diag.put("clusters", sol.clusters());
        }
        diag.put("vce", sol.clusters() > 0 ? "cluster" : "robust");
        if (settings.balance() && tm == null) {
            BalanceSummary balance = BalanceSummary.of(List.of(d.outcomeNames), d.xo, d.arm, armNames(d), d.w,
                    impliedWeights(d), false);
            diag.put("balance", balance.rows());
            diag.put("balance_n", balance.counts());
            diag.put("balance_weights", "implied weights of the outcome regressions (Chattopadhyay & Zubizarreta 2023)");
        } else if (settings.balance()) {
            double[] ipw = inverseProbabilityWeights(d, tm);
            BalanceSummary balance = BalanceSummary.of(List.of(d.treatmentNames), d.xt, d.arm, armNames(d), d.w, ipw, true);
            diag.put("balance", balance.rows());
            diag.put("balance_n", balance.counts());
            overlap(d, tm, ipw, diag);
        }
        double[] means = new double[k];
        double[][] cov = new double[k][k];
        for (int a = 0; a < k; a++) {
            means[a] = sol.mu()[ascending[a]];
            for (int b = 0; b < k; b++) {
                cov[a][b] = sol.covariance()[ascending[a]][ascending[b]];
            }
        }
        double[] sorted = new double[k];
        for (int a = 0; a < k; a++) {
            sorted[a] = levels[ascending[a]];
        }
        return new TreatmentEffectResult(method.commandName(), estimand, rows, d.n, diag, warnings, sorted, means, cov,
                new TreatmentEffectResult.Influence(d.rows, sol.influence(), contrasts));
    }

    /**
     * The estimand's inverse-probability weights of the treatment model: ATE and POmeans {@code 1 / p_t(x)} for a unit
     * of arm {@code t}; ATT {@code p_tau(x) / p_t(x)}, {@code tau} the treated arm (1 for its units).
     */
    private double[] inverseProbabilityWeights(PreparedSample d, TreatmentFit tm) {
        double[] ipw = new double[d.n];
        for (int i = 0; i < d.n; i++) {
            ipw[i] = (settings.estimand() == Estimand.ATT ? tm.probability(i, d.treatedArm) : 1) / tm.probability(i, d.arm[i]);
        }
        return ipw;
    }

    private static List<String> armNames(PreparedSample d) {
        List<String> arms = new ArrayList<>();
        for (double level : d.levels) {
            arms.add(PreparedSample.level(level));
        }
        return arms;
    }

    /**
     * The implied weights of RA's linear outcome regressions (Chattopadhyay &amp; Zubizarreta 2023, Biometrika 110(3),
     * "multi-regression imputation"): arm {@code t}'s potential-outcome mean {@code xbar' beta_t} is
     * {@code sum_{i in t} omega_i y_i} with {@code omega_i = s_i x_i' (sum_{j in t} s_j x_j x_j')^-1 xbar}, {@code xbar} the
     * covariates' mean over the estimand's population (all units; the treated arm's for ATT), so the weights
     * reproduce each arm's mean exactly and balance the covariates' means to {@code xbar} exactly. Returned divided
     * by the sampling weights and scaled to mean 1 within each arm (as R {@code lmw} reports them), for
     * {@link BalanceSummary} to multiply back; they can be negative.
     */
    private double[] impliedWeights(PreparedSample d) {
        int p = d.xo.length;
        int k = d.arms();
        boolean att = settings.estimand() == Estimand.ATT;
        double[] target = new double[p];
        double total = 0;
        for (int i = 0; i < d.n; i++) {
            if (!att || d.arm[i] == d.treatedArm) {
                total += d.w[i];
                for (int j = 0; j < p; j++) {
                    target[j] += d.w[i] * d.xo[j][i];
                }
            }
        }
        for (int j = 0; j < p; j++) {
            target[j] /= total;
        }
        double[][][] gram = new double[k][p][p];
        for (int i = 0; i < d.n; i++) {
            double[][] g = gram[d.arm[i]];
            for (int a = 0; a < p; a++) {
                double xa = d.w[i] * d.xo[a][i];
                for (int b = 0; b <= a; b++) {
                    g[a][b] += xa * d.xo[b][i];
                }
            }
        }
        double[][] coefficients = new double[k][];
        for (int t = 0; t < k; t++) {
            for (int a = 0; a < p; a++) {
                for (int b = 0; b < a; b++) {
                    gram[t][b][a] = gram[t][a][b];
                }
            }
            coefficients[t] = Cholesky.of(gram[t]).solve(target);
        }
        double[] omega = new double[d.n];
        double[] sum = new double[k];
        int[] count = new int[k];
        for (int i = 0; i < d.n; i++) {
            double[] c = coefficients[d.arm[i]];
            double v = 0;
            for (int j = 0; j < p; j++) {
                v += d.xo[j][i] * c[j];
            }
            omega[i] = d.w[i] * v;
            sum[d.arm[i]] += omega[i];
            count[d.arm[i]]++;
        }
        for (int i = 0; i < d.n; i++) {
            omega[i] = omega[i] * count[d.arm[i]] / sum[d.arm[i]] / d.w[i];
        }
        return omega;
    }

    /**
     * The overlap of each arm and the control, with {@code s = p_a / (p_a + p_0)} the score of arm {@code a} within
     * the two (the propensity score itself for a binary treatment): {@code common_support}, the interval where both
     * arms' scores lie ({@code [max of the minima, min of the maxima]}) and the units of the two outside it; and
     * {@code score_histogram}, the score's distribution on 20 equal bins, counts by arm and sums of the sampling
     * weights times the inverse-probability weights; each keyed by contrast with more than two levels.
     */
    private static void overlap(PreparedSample d, TreatmentFit tm, double[] ipw, Map<String, Object> diag) {
        Map<String, Map<String, Object>> support = new LinkedHashMap<>();
        Map<String, List<Map<String, Object>>> histogram = new LinkedHashMap<>();
        for (int a = 1; a < d.arms(); a++) {
            int arm = a;
            int[] rows = java.util.stream.IntStream.range(0, d.n).filter(i -> d.arm[i] == arm || d.arm[i] == 0).toArray();
            double[] score = new double[rows.length];
            boolean[] treated = new boolean[rows.length];
            double[] weight = new double[rows.length];
            double[] min = {Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY};
            double[] max = {Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY};
            for (int r = 0; r < rows.length; r++) {
                int i = rows[r];
                double pa = tm.probability(i, a);
                score[r] = pa / (pa + tm.probability(i, 0));
                treated[r] = d.arm[i] == a;
                weight[r] = d.w[i] * ipw[i];
                int side = treated[r] ? 0 : 1;
                min[side] = Math.min(min[side], score[r]);
                max[side] = Math.max(max[side], score[r]);
            }
            double low = Math.max(min[0], min[1]);
            double high = Math.min(max[0], max[1]);
            int outside = 0;
            for (double v : score) {
                outside += v < low || v > high ? 1 : 0;
            }
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("low", low);
            m.put("high", high);
            m.put("outside", outside);
            m.put("share_outside", (double) outside / rows.length);
            String contrast = PreparedSample.level(d.levels[a]) + "vs" + PreparedSample.level(d.levels[0]);
            support.put(contrast, m);
            histogram.put(contrast, OverlapHistogram.of(score, treated, weight, 20).toList());
        }
        diag.put("common_support", support.size() == 1 ? support.values().iterator().next() : support);
        diag.put("score_histogram", histogram.size() == 1 ? histogram.values().iterator().next() : histogram);
    }

    /** The contrast {@code c} of the means as an estimate of {@code term}, its weights kept in {@code contrasts}. */
    private static Estimate contrast(Term term, StackedEquations.Solution sol, double[] c, double level,
            Map<Term, double[]> contrasts) {
        contrasts.put(term, c);
        double est = 0;
        double var = 0;
        for (int a = 0; a < c.length; a++) {
            est += c[a] * sol.mu()[a];
            for (int b = 0; b < c.length; b++) {
                var += c[a] * c[b] * sol.covariance()[a][b];
            }
        }
        return Estimate.wald(term, est, Math.sqrt(Math.max(var, 0)), level);
    }

    private static double[] unit(int k, int t) {
        double[] c = new double[k];
        c[t] = 1;
        return c;
    }

    private void requireArms(PreparedSample d) {
        int p = method.outcomeModel ? d.xo.length : 0;
        int[] counts = new int[d.arms()];
        for (int a : d.arm) {
            counts[a]++;
        }
        for (int t = 0; t < counts.length; t++) {
            if (counts[t] < Math.max(p, 1)) {
                throw new InputException("treatment arm " + PreparedSample.level(d.levels[t]) + " has " + counts[t]
                        + " observations but its outcome model has " + p + " parameters; merge arms or simplify the"
                        + " outcome model");
            }
        }
        if (method.treatmentModel && d.arms() > 2 && settings.link() != Link.LOGIT) {
            throw new InputException("a treatment with " + d.arms() + " levels is modelled by a multinomial logit;"
                    + " the " + settings.link().name().toLowerCase(Locale.ROOT) + " link needs a binary treatment");
        }
    }

    private static int count(boolean[] v, boolean value) {
        int c = 0;
        for (boolean b : v) {
            c += b == value ? 1 : 0;
        }
        return c;
    }

    private static String bound(double b) {
        return String.format(Locale.ROOT, "%.3g", b).replaceAll("\\.?0+e", "e");
    }

    @Override
    public String toString() {
        return method.commandName() + settings;
    }
}
