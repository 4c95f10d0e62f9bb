package org.synergia.effects.did;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.synergia.data.InputException;
import org.synergia.data.NumericColumn;
import org.synergia.data.OptionName;
import org.synergia.effects.balance.BalanceSummary;
import org.synergia.stats.inference.Clusters;
import org.synergia.stats.inference.Estimate;
import org.synergia.stats.inference.Term;
import org.synergia.stats.inference.EstimatingFunctions;
import org.synergia.stats.inference.SmallSampleCorrection;

/**
 * Two-period difference-in-differences estimators of the ATT for panels and repeated
 * cross-sections, with the conventions of R DRDID 1.2.3 (Sant'Anna &amp; Zhao 2020, J.
 * Econometrics 219(1)): doubly robust improved and traditional, normalised and unnormalised IPW
 * (Abadie 2005), outcome regression, and two-way fixed effects for comparison. Covariates enter
 * linearly with an intercept; sampling weights are normalised to mean one.
 *
 * <p>Standard errors come from the influence function {@code ψ}: {@code √(Σ ψ_i²)/N} (DRDID), or
 * with clusters {@code √(G/(G-1) Σ_g (Σ_{i∈g} ψ_i)²)/N} (Liang &amp; Zeger 1986; clusters with
 * fewer than 10 groups are flagged). Immutable:
 * <pre>{@code
 * DidResult r = DrDid.withDefaults().withMethod(DidMethod.DR_IMPROVED).fitPanel(
 *         PanelSample.of(y0, y1, d).withCovariates(List.of("x1"), new double[][] {x1}));
 * }</pre>
 */
public final class DrDid {

    /** Below this many clusters a warning says the cluster-robust SE is unreliable. */
    public static final int FEW_CLUSTERS = 10;

    private final DidMethod method;
    private final double level;
    private final double trim;
    private final boolean balance;

    private DrDid(DidMethod method, double level, double trim, boolean balance) {
        this.method = method;
        this.level = level;
        this.trim = trim;
        this.balance = balance;
    }

    /** @return the improved doubly robust estimator, 95% intervals, trimming level 0.995 */
    public static DrDid withDefaults() {
        return new DrDid(DidMethod.DR_IMPROVED, 0.95, 0.995, false);
    }

    /** @param m the estimator @return a copy using it */
    public DrDid withMethod(DidMethod m) {
        return new DrDid(m, level, trim, balance);
    }

    /** @param confidenceLevel in (0, 1), for example 0.95 @return a copy using it */
    public DrDid withConfidenceLevel(double confidenceLevel) {
        if (!(confidenceLevel > 0 && confidenceLevel < 1)) {
            throw new InputException("confidence level " + confidenceLevel + " must be between 0 and 1");
        }
        return new DrDid(method, confidenceLevel, trim, balance);
    }

    /**
     * @param level comparison units with a propensity score at or above it get weight zero (R DRDID's
     *        {@code trim.level}); as in the DRDID functions, {@code dr-traditional}, {@code ipw-std} and
     *        {@code dr-improved} on repeated cross-sections normalise the other comparison weights over
     *        them, {@code ipw} and {@code dr-improved} on a panel divide by the treated weight instead;
     *        in (0, 1], 1 trims none (scores are capped at {@code 1 - 1e-6})
     * @return a copy using it
     */
    public DrDid withTrimLevel(double level) {
        if (!(level > 0 && level <= 1)) {
            throw new InputException(DidProblem.TRIM_LEVEL, level, OptionName.of("trim"));
        }
        return new DrDid(method, this.level, level, balance);
    }

    /**
     * @param balance whether the diagnostics report covariate balance ({@code balance}, {@code balance_n}) of the
     *        treated and comparison groups under the estimator's propensity-score weights (treated 1, comparison
     *        {@code p/(1-p)}, zero beyond the trimming level), in the conventions of
     *        {@link org.synergia.effects.balance.BalanceSummary}; over units (panel) or all rows (repeated cross-sections)
     * @return a copy with this choice
     */
    public DrDid withBalance(boolean balance) {
        return new DrDid(method, level, trim, balance);
    }

    /** @return the estimator in use */
    public DidMethod method() {
        return method;
    }

    /** @return the confidence level of the intervals */
    public double confidenceLevel() {
        return level;
    }

    /** @return the trimming level of the comparison units' propensity scores */
    public double trimLevel() {
        return trim;
    }

    /**
     * Fits the panel form when the columns have an id, the repeated cross-section form otherwise.
     *
     * @param columns the long-form data
     * @return the result
     */
    public DidResult fit(DidColumns columns) {
        return columns.id() != null ? fitPanel(PanelSample.fromLong(columns))
                : fitRepeatedCrossSections(CrossSectionSample.from(columns));
    }

    /**
     * The panel estimator.
     *
     * @param s a balanced two-period panel
     * @return the ATT with its influence-function SE
     */
    public DidResult fitPanel(PanelSample s) {
        int n = s.size();
        double[] d = s.group();
        double[] w = normalisedWeights(s.weights(), n);
        int treated = count(d, 1);
        requireBothGroups(treated, n - treated, "units");
        Map<String, Object> balanced = balance(s.covariates(), s.covariateNames(), d, w);
        AsymptoticLinearization al;
        Clusters clusters = s.clusters();
        if (method == DidMethod.TWFE) {
            double[] y = concat(s.y0(), s.y1());
            double[] post = new double[2 * n];
            Arrays.fill(post, n, 2 * n, 1.0);
            double[][] x = new double[s.covariates().length][];
            for (int j = 0; j < x.length; j++) {
                x[j] = concat(s.covariates()[j], s.covariates()[j]);
            }
            al = TwoWayFixedEffects.fit(y, post, concat(d, d), x, s.covariateNames(), concat(w, w));
            if (clusters != null) {
                int[] c = clusters.codes();
                int[] both = Arrays.copyOf(c, 2 * n);
                System.arraycopy(c, 0, both, n, n);
                clusters = Clusters.of(both);
            }
        } else {
            double[] dy = new double[n];
            for (int i = 0; i < n; i++) {
                dy[i] = s.y1()[i] - s.y0()[i];
            }
            Regressors x = new Regressors(s.covariates(), s.covariateNames(), n);
            al = new PanelEstimators(x, dy, d, w, trim).fit(method);
        }
        Map<String, Object> diag = new LinkedHashMap<>();
        diag.put("design", "panel");
        diag.put("units", n);
        diag.put("n_treated", treated);
        diag.put("n_control", n - treated);
        diag.putAll(balanced);
        return result(al, 2 * n, clusters, diag, s.rowsDropped(), trimming(al, "comparison units", diag, s.notes()));
    }

    /**
     * The repeated cross-section estimator.
     *
     * @param s observations from two periods
     * @return the ATT with its influence-function SE
     */
    public DidResult fitRepeatedCrossSections(CrossSectionSample s) {
        int n = s.size();
        double[] d = s.group();
        double[] t = s.post();
        double[] w = normalisedWeights(s.weights(), n);
        int[] cells = new int[4];
        for (int i = 0; i < n; i++) {
            cells[(int) (2 * d[i] + t[i])]++;
        }
        String[] cellNames = {"comparison group, pre-period", "comparison group, post-period",
            "treated group, pre-period", "treated group, post-period"};
        for (int c = 0; c < 4; c++) {
            if (cells[c] == 0) {
                throw new InputException("no observation in the " + cellNames[c]
                        + ": difference-in-differences needs both groups in both periods");
            }
        }
        Map<String, Object> balanced = balance(s.covariates(), s.covariateNames(), d, w);
        AsymptoticLinearization al;
        if (method == DidMethod.TWFE) {
            al = TwoWayFixedEffects.fit(s.outcome(), t, d, s.covariates(), s.covariateNames(), w);
        } else {
            Regressors x = new Regressors(s.covariates(), s.covariateNames(), n);
            al = new CrossSectionEstimators(x, s.outcome(), t, d, w, trim).fit(method);
        }
        Map<String, Object> diag = new LinkedHashMap<>();
        diag.put("design", "repeated cross-sections");
        diag.put("n_treated_pre", cells[2]);
        diag.put("n_treated_post", cells[3]);
        diag.put("n_control_pre", cells[0]);
        diag.put("n_control_post", cells[1]);
        diag.putAll(balanced);
        return result(al, n, s.clusters(), diag, s.rowsDropped(),
                trimming(al, "comparison observations", diag, s.notes()));
    }

    /**
     * For the estimators with a propensity score, puts {@code n_trimmed} in the diagnostics and, when
     * trimming gave some comparison units weight zero, adds a warning saying how many.
     *
     * @return the notes with that warning
     */
    private List<String> trimming(AsymptoticLinearization al, String what, Map<String, Object> diag, List<String> notes) {
        if (method == DidMethod.REG || method == DidMethod.TWFE) {
            return notes;
        }
        diag.put("n_trimmed", al.trimmed());
        if (al.trimmed() == 0) {
            return notes;
        }
        List<String> out = new ArrayList<>(notes);
        out.add("the trimming level " + NumericColumn.formatNumber(trim) + " gives weight zero to " + al.trimmed() + " "
                + what + " (propensity score at or above it)");
        return out;
    }

    private DidResult result(AsymptoticLinearization al, int n, Clusters clusters, Map<String, Object> design,
            int rowsDropped, List<String> notes) {
        double[] psi = al.influence();
        int big = psi.length;
        double var;
        List<String> warnings = new ArrayList<>(notes);
        Map<String, Object> diag = new LinkedHashMap<>();
        diag.put("estimator", method.label());
        diag.putAll(design);
        if (clusters != null) {
            EstimatingFunctions f = EstimatingFunctions.of(psi, big, 1);
            int g = clusters.count();
            if (g < 2) {
                throw new InputException(DidProblem.TOO_FEW_CLUSTERS, g, OptionName.of("cluster"));
            }
            var = f.meat(clusters)[0][0] * SmallSampleCorrection.CLUSTER.factor(big, 1, g) / ((double) big * big);
            diag.put("vce", "cluster");
            diag.put("clusters", g);
            if (g < FEW_CLUSTERS) {
                warnings.add("only " + g + " clusters: cluster-robust standard errors are unreliable with fewer than "
                        + FEW_CLUSTERS + "; consider a wild cluster bootstrap or randomisation inference");
            }
        } else if (al.centred()) {
            double m = AsymptoticLinearization.mean(psi);
            double ss = 0;
            for (double v : psi) {
                ss += (v - m) * (v - m);
            }
            var = ss / (big - 1) / big;
            diag.put("vce", "influence function (stacked rows)");
        } else {
            double ss = 0;
            for (double v : psi) {
                ss += v * v;
            }
            var = ss / ((double) big * big);
            diag.put("vce", "influence function");
        }
        diag.put("rows_dropped", rowsDropped);
        double se = Math.sqrt(var);
        if (!Double.isFinite(al.att()) || !Double.isFinite(se)) {
            throw new InputException("the " + method.label() + " DiD estimate is not finite: a group has zero total"
                    + " weight or the propensity score is degenerate; check the weights and covariates");
        }
        return new DidResult(Estimate.wald(Term.Effect.binary(Term.Measure.ATT), al.att(), se, level), n, diag, warnings, psi);
    }

    /** The balance diagnostics when asked for (else none), under the propensity score of the estimator. */
    private Map<String, Object> balance(double[][] covariates, List<String> names, double[] d, double[] w) {
        if (!balance) {
            return Map.of();
        }
        if (method == DidMethod.REG || method == DidMethod.TWFE) {
            throw new InputException(DidProblem.BALANCE_WITHOUT_PROPENSITY, method.label(), OptionName.of("balance"),
                    OptionName.of("method"));
        }
        if (covariates.length == 0) {
            throw new InputException(DidProblem.BALANCE_WITHOUT_COVARIATES, OptionName.of("balance"), OptionName.of("covariates"));
        }
        int n = d.length;
        Regressors x = new Regressors(covariates, names, n);
        double[] p = method == DidMethod.DR_IMPROVED ? Propensity.tilting(x, d, w) : Propensity.logit(x, d, w);
        double[] adjustment = new double[n];
        int[] arm = new int[n];
        for (int i = 0; i < n; i++) {
            arm[i] = d[i] == 1 ? 1 : 0;
            adjustment[i] = d[i] == 1 ? 1 : p[i] < trim ? p[i] / (1 - p[i]) : 0;
        }
        BalanceSummary b = BalanceSummary.of(names, covariates, arm, List.of("0", "1"), w, adjustment, true);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("balance", b.rows());
        out.put("balance_n", b.counts());
        return out;
    }

    private static double[] normalisedWeights(double[] w, int n) {
        double[] out = new double[n];
        if (w == null) {
            Arrays.fill(out, 1.0);
            return out;
        }
        double s = 0;
        for (int i = 0; i < n; i++) {
            if (!(w[i] >= 0) || Double.isInfinite(w[i])) {
                throw new InputException("sampling weight of unit " + (i + 1) + " is " + w[i]
                        + ": weights must be finite and non-negative");
            }
            s += w[i];
        }
        if (!(s > 0)) {
            throw new InputException("all sampling weights are zero");
        }
        double mean = s / n;
        for (int i = 0; i < n; i++) {
            out[i] = w[i] / mean;
        }
        return out;
    }

    private static int count(double[] d, double v) {
        int c = 0;
        for (double x : d) {
            if (x == v) {
                c++;
            }
        }
        return c;
    }

    private static void requireBothGroups(int treated, int control, String what) {
        if (treated == 0 || control == 0) {
            throw new InputException("the group variable has " + treated + " treated and " + control + " comparison "
                    + what + ": difference-in-differences needs both groups");
        }
    }

    private static double[] concat(double[] a, double[] b) {
        double[] c = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }
}
