package org.synergia.effects.did;

import static org.synergia.data.NumericColumn.formatNumber;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hipparchus.distribution.continuous.ChiSquaredDistribution;
import org.hipparchus.distribution.continuous.NormalDistribution;
import org.synergia.data.InputException;
import org.synergia.data.NumericColumn;
import org.synergia.data.OptionName;
import org.synergia.stats.inference.Clusters;
import org.synergia.stats.inference.Estimate;
import org.synergia.stats.inference.Term;
import org.synergia.stats.linalg.Cholesky;

/**
 * Staggered adoption: group-time average treatment effects {@code ATT(g,t)} and their
 * aggregations (Callaway &amp; Sant'Anna 2021, J. Econometrics 225(2)), with the conventions of R
 * {@code did} 2.1.2's {@code att_gt} and {@code aggte}. Each unit's cohort {@code G} is the first
 * period it is treated (0 for never treated). The cells ({@link GroupTimeCells}) compare a cohort
 * with the never-treated or the not-yet-treated units, allow anticipation periods and a varying or
 * universal base period, on a balanced panel, an unbalanced panel or repeated cross-sections
 * ({@link StaggeredData}); the aggregations ({@link StaggeredAggregation}) are the simple
 * ({@code ATT}), dynamic ({@code ATT:e=k}, {@code ATT:dynamic}), group ({@code ATT:g=g},
 * {@code ATT:group}) and calendar ({@code ATT:t=t}, {@code ATT:calendar}) ones.
 *
 * <p>Standard errors come from the influence functions over the units (clustered at the unit, as
 * did's analytic ones with {@code bstrap = FALSE}): {@code √(Σ ψ_u²)/n}, or with clusters
 * {@code √(G/(G−1) Σ_c (Σ_{u∈c} ψ_u)²)/n}; a standard error of about zero (the universal base
 * period's own cell) is reported as missing. The pre-trend test is the Wald statistic of the
 * pre-treatment cells ({@code g > t}) with their joint influence-function covariance (did's
 * {@code W}, {@code Wpval}). Uniform bands come from the seeded multiplier bootstrap
 * ({@link MultiplierBootstrap}), one critical value for each family of estimates. Immutable:
 * <pre>{@code
 * StaggeredDidResult r = StaggeredDid.withDefaults().withMethod(DidMethod.DR_TRADITIONAL)
 *         .withControlGroup(ControlGroup.NOT_YET_TREATED).withBootstrap(1000, 42).fit(columns);
 * }</pre>
 */
public final class StaggeredDid {

    private static final double TINY = Math.sqrt(Math.ulp(1.0)) * 10;
    private static final NormalDistribution NORMAL = new NormalDistribution(0, 1);

    private final DrDid cell;
    private final ControlGroup control;
    private final BasePeriod base;
    private final int anticipation;
    private final boolean unbalanced;
    private final StaggeredAggregation.EventWindow window;
    private final int draws;
    private final long seed;

    private StaggeredDid(DrDid cell, ControlGroup control, BasePeriod base, int anticipation, boolean unbalanced,
            StaggeredAggregation.EventWindow window, int draws, long seed) {
        this.cell = cell;
        this.control = control;
        this.base = base;
        this.anticipation = anticipation;
        this.unbalanced = unbalanced;
        this.window = window;
        this.draws = draws;
        this.seed = seed;
    }

    /**
     * @return cells by the improved doubly robust estimator against the never treated, varying base
     *         period, no anticipation, balanced panels, 95% intervals, no bootstrap
     */
    public static StaggeredDid withDefaults() {
        return new StaggeredDid(DrDid.withDefaults(), ControlGroup.NEVER_TREATED, BasePeriod.VARYING, 0, false,
                StaggeredAggregation.EventWindow.all(), 0, 0);
    }

    /** @param m the two-period estimator of each cell (not TWFE) @return a copy */
    public StaggeredDid withMethod(DidMethod m) {
        if (m == DidMethod.TWFE) {
            throw new InputException(DidProblem.STAGGERED_TWFE, OptionName.of("method"));
        }
        return new StaggeredDid(cell.withMethod(m), control, base, anticipation, unbalanced, window, draws, seed);
    }

    /** @param level confidence level in (0, 1) @return a copy */
    public StaggeredDid withConfidenceLevel(double level) {
        return new StaggeredDid(cell.withConfidenceLevel(level), control, base, anticipation, unbalanced, window, draws,
                seed);
    }

    /**
     * @param level comparison units of a cell with a propensity score at or above it get weight zero,
     *        as in {@link DrDid#withTrimLevel} (R did passes none, so DRDID's 0.995 applies)
     * @return a copy
     */
    public StaggeredDid withTrimLevel(double level) {
        return new StaggeredDid(cell.withTrimLevel(level), control, base, anticipation, unbalanced, window, draws, seed);
    }

    /** @param g the comparison units of each cell @return a copy */
    public StaggeredDid withControlGroup(ControlGroup g) {
        return new StaggeredDid(cell, g, base, anticipation, unbalanced, window, draws, seed);
    }

    /** @param b the base period convention @return a copy */
    public StaggeredDid withBasePeriod(BasePeriod b) {
        return new StaggeredDid(cell, control, b, anticipation, unbalanced, window, draws, seed);
    }

    /**
     * @param periods periods before its first treated period in which a cohort may already react
     *        (did's {@code anticipation}), 0 or more
     * @return a copy
     */
    public StaggeredDid withAnticipation(int periods) {
        if (periods < 0) {
            throw new InputException(DidProblem.ANTICIPATION_NEGATIVE, periods, OptionName.of("anticipation"));
        }
        return new StaggeredDid(cell, control, base, periods, unbalanced, window, draws, seed);
    }

    /**
     * @param allow whether a panel keeps units not observed in every period, estimating each cell on
     *        the rows of its two periods (did's {@code allow_unbalanced_panel}); a balanced panel stays
     *        a panel either way
     * @return a copy
     */
    public StaggeredDid withUnbalancedPanel(boolean allow) {
        return new StaggeredDid(cell, control, base, anticipation, allow, window, draws, seed);
    }

    /**
     * @param minE lowest event time of the dynamic aggregation (negative infinity: no limit)
     * @param maxE highest (positive infinity: no limit)
     * @param balanceE only cohorts observed this many periods after treatment (NaN: all), aggte's {@code balance_e}
     * @return a copy
     */
    public StaggeredDid withEventWindow(double minE, double maxE, double balanceE) {
        if (minE > maxE) {
            throw new InputException(DidProblem.EVENT_WINDOW, minE, maxE, OptionName.of("min-e"), OptionName.of("max-e"));
        }
        return new StaggeredDid(cell, control, base, anticipation, unbalanced,
                new StaggeredAggregation.EventWindow(minE, maxE, balanceE), draws, seed);
    }

    /**
     * @param b multiplier bootstrap draws of the uniform bands, 0 for none or at least 100
     * @param s their seed
     * @return a copy
     */
    public StaggeredDid withBootstrap(int b, long s) {
        if (b != 0 && b < 100) {
            throw new InputException(DidProblem.BOOTSTRAP_DRAWS, b, OptionName.of("bootstrap"));
        }
        return new StaggeredDid(cell, control, base, anticipation, unbalanced, window, b, s);
    }

    /**
     * @param c long data: outcome, time, cohort as the group column (first treated period, 0 never
     *        treated), id for a panel (none for repeated cross-sections), covariates, optional weights
     *        and clusters (both fixed within a unit)
     * @return the group-time effects and their aggregations
     */
    public StaggeredDidResult fit(DidColumns c) {
        StaggeredData data = StaggeredData.of(c, unbalanced, control, anticipation);
        List<String> warnings = new ArrayList<>(data.notes);
        checkGroupSizes(data, c, warnings);
        Clusters clusters = data.clusters;
        if (clusters != null && clusters.count() < 2) {
            throw new InputException(DidProblem.TOO_FEW_CLUSTERS, clusters.count(), OptionName.of("cluster"));
        }
        List<GroupTimeCells.Cell> cells = new GroupTimeCells(data, cell, control, base, anticipation).estimate();
        StaggeredAggregation agg = new StaggeredAggregation(cells, data);
        List<StaggeredAggregation.Aggregate> cellRows = cells.stream()
                .map(k -> new StaggeredAggregation.Aggregate(k.term(), k.att(), k.psi())).toList();
        List<StaggeredAggregation.Aggregate> dynamic = agg.dynamic(window);
        if (dynamic.isEmpty()) {
            throw new InputException(DidProblem.EVENT_WINDOW, window.min(), window.max(), OptionName.of("min-e"),
                    OptionName.of("max-e"));
        }
        List<StaggeredAggregation.Aggregate> group = agg.group();
        List<StaggeredAggregation.Aggregate> calendar = agg.calendar();
        List<StaggeredAggregation.Aggregate> all = new ArrayList<>(cellRows);
        all.add(agg.simple());
        all.addAll(dynamic);
        all.addAll(group);
        all.addAll(calendar);
        double level = cell.confidenceLevel();
        List<Estimate> rows = new ArrayList<>();
        for (StaggeredAggregation.Aggregate a : all) {
            rows.add(Estimate.wald(a.term(), a.estimate(), se(a.psi(), clusters), level));
        }
        Map<String, Object> diag = diagnostics(data, cells, warnings);
        preTrend(cells, rows, clusters, diag, warnings);
        List<List<StaggeredAggregation.Aggregate>> families = List.of(cellRows, without(dynamic), without(group),
                without(calendar));
        double[] critical = bands(families, rows, clusters, level, diag, warnings);
        return new StaggeredDidResult(rows, data.rows(), diag, warnings, eventStudy(rows, critical[1]), level,
                critical[1], draws);
    }

    /** R did's check of small groups: a warning for each, a refusal for too few never-treated units. */
    private void checkGroupSizes(StaggeredData data, DidColumns c, List<String> warnings) {
        int fewest = c.covariates().size() + 5;
        List<String> small = new ArrayList<>();
        for (Map.Entry<Double, Double> e : data.cohortSizes().entrySet()) {
            if (e.getValue() < fewest) {
                if (e.getKey() == 0 && control == ControlGroup.NEVER_TREATED) {
                    throw new InputException(DidProblem.NEVER_TREATED_TOO_FEW, formatNumber(e.getValue()), c.group().name(),
                            fewest, OptionName.of("control-group"));
                }
                small.add(formatNumber(e.getKey()));
            }
        }
        if (!small.isEmpty()) {
            warnings.add("small cohorts (fewer than " + fewest + " units per period, the number of covariates + 5):"
                    + " " + String.join(", ", small) + "; their group-time effects are imprecise");
        }
    }

    private Map<String, Object> diagnostics(StaggeredData data, List<GroupTimeCells.Cell> cells, List<String> warnings) {
        Map<String, Object> diag = new LinkedHashMap<>();
        diag.put("estimator", cell.method().label());
        diag.put("design", data.design.label);
        diag.put("units", data.units());
        diag.put("never_treated", data.neverTreated);
        diag.put("cohorts", Arrays.stream(data.estimated).mapToObj(NumericColumn::formatNumber).toList()
                .toString());
        diag.put("periods", data.times.length);
        diag.put("comparison", control == ControlGroup.NEVER_TREATED ? "never treated" : "not yet treated");
        diag.put("control_group", control.label());
        diag.put("anticipation", anticipation);
        diag.put("base_period", base.label());
        if (cell.method() != DidMethod.REG) {
            int trimmed = cells.stream().mapToInt(GroupTimeCells.Cell::trimmed).sum();
            long trimmedCells = cells.stream().filter(k -> k.trimmed() > 0).count();
            diag.put("trim", cell.trimLevel());
            diag.put("n_trimmed", trimmed);
            if (trimmed > 0) {
                warnings.add("the trimming level " + formatNumber(cell.trimLevel()) + " gives weight zero to " + trimmed
                        + " comparison units or rows in " + trimmedCells + " group-time cells (propensity score at or"
                        + " above it)");
            }
        }
        if (data.clusters != null) {
            diag.put("vce", "cluster");
            diag.put("clusters", data.clusters.count());
            if (data.clusters.count() < DrDid.FEW_CLUSTERS) {
                warnings.add("only " + data.clusters.count() + " clusters: cluster-robust standard errors are unreliable"
                        + " with fewer than " + DrDid.FEW_CLUSTERS);
            }
        } else {
            diag.put("vce", "influence function");
        }
        return diag;
    }

    /** The Wald test that every pre-treatment cell with a standard error is zero (did's W, Wpval). */
    private static void preTrend(List<GroupTimeCells.Cell> cells, List<Estimate> rows, Clusters clusters,
            Map<String, Object> diag, List<String> warnings) {
        List<double[]> psi = new ArrayList<>();
        List<Double> att = new ArrayList<>();
        for (int i = 0; i < cells.size(); i++) {
            GroupTimeCells.Cell k = cells.get(i);
            if (k.cohort() > k.time() && Double.isFinite(rows.get(i).se())) {
                psi.add(k.psi());
                att.add(k.att());
            }
        }
        int q = att.size();
        if (q == 0) {
            warnings.add("no pre-treatment group-time cell: no pre-trend test");
            return;
        }
        double[][] v = covariance(psi, clusters);
        Cholesky chol = Cholesky.of(v);
        if (!chol.isPositiveDefinite()) {
            warnings.add("the covariance of the pre-treatment group-time cells is singular: no pre-trend test");
            return;
        }
        double[] a = att.stream().mapToDouble(Double::doubleValue).toArray();
        double[] s = chol.solve(a);
        double w = 0;
        for (int j = 0; j < q; j++) {
            w += a[j] * s[j];
        }
        diag.put("pretrend_wald", w);
        diag.put("pretrend_df", q);
        diag.put("pretrend_p_value", 1 - new ChiSquaredDistribution(q).cumulativeProbability(w));
    }

    /** The aggregates of a family without their overall average, whose band would be that family's too. */
    private static List<StaggeredAggregation.Aggregate> without(List<StaggeredAggregation.Aggregate> family) {
        return family.stream().filter(a -> !(a.term() instanceof Term.OverallAverage)).toList();
    }

    /**
     * Uniform bands of the cells and of the dynamic, group and calendar families: critical values and
     * bands in the diagnostics.
     *
     * @return the four critical values (NaN without bootstrap)
     */
    private double[] bands(List<List<StaggeredAggregation.Aggregate>> families, List<Estimate> rows, Clusters clusters,
            double level, Map<String, Object> diag, List<String> warnings) {
        double[] critical = {Double.NaN, Double.NaN, Double.NaN, Double.NaN};
        if (draws == 0) {
            return critical;
        }
        List<double[][]> psi = new ArrayList<>();
        for (List<StaggeredAggregation.Aggregate> f : families) {
            psi.add(f.stream().map(StaggeredAggregation.Aggregate::psi).toArray(double[][]::new));
        }
        double[] raw = new MultiplierBootstrap(draws, seed, level).criticalValues(psi, clusters);
        double pointwise = NORMAL.inverseCumulativeProbability(0.5 + level / 2);
        String[] names = {"gt", "event", "group", "calendar"};
        Map<String, Estimate> byName = new LinkedHashMap<>();
        for (Estimate e : rows) {
            byName.put(e.name(), e);
        }
        List<Map<String, Object>> band = new ArrayList<>();
        diag.put("bootstrap_draws", draws);
        diag.put("bootstrap_weights", "rademacher");
        for (int f = 0; f < families.size(); f++) {
            critical[f] = raw[f];
            if (Double.isFinite(raw[f]) && raw[f] < pointwise) {
                warnings.add("the uniform band's critical value for " + names[f] + " (" + formatNumber(raw[f])
                        + ") is below the pointwise " + formatNumber(pointwise) + ": the pointwise value is used");
                critical[f] = pointwise;
            }
            if (critical[f] >= 7) {
                warnings.add("the uniform band's critical value for " + names[f] + " is " + formatNumber(critical[f])
                        + ", too large to be reliable: cohorts are small or outcomes vary little");
            }
            diag.put("critical_value_" + names[f], critical[f]);
            for (StaggeredAggregation.Aggregate a : families.get(f)) {
                Estimate e = byName.get(a.term().toString());
                Map<String, Object> b = new LinkedHashMap<>();
                b.put("term", e.name());
                b.put("critical_value", critical[f]);
                b.put("ci_low", e.estimate() - critical[f] * e.se());
                b.put("ci_high", e.estimate() + critical[f] * e.se());
                band.add(b);
            }
        }
        diag.put("uniform_band", band);
        return critical;
    }

    private static List<EventStudyPlot.Point> eventStudy(List<Estimate> rows, double critical) {
        List<EventStudyPlot.Point> points = new ArrayList<>();
        for (Estimate e : rows) {
            if (e.term() instanceof Term.EventTime t) {
                points.add(new EventStudyPlot.Point(t.eventTime(), e.estimate(), e.se(), e.ciLow(), e.ciHigh(),
                        e.estimate() - critical * e.se(), e.estimate() + critical * e.se()));
            }
        }
        return points;
    }

    /** @return {@code √(Σ ψ²)/n}, or with clusters {@code √(G/(G−1) Σ_c S_c²)/n}; NaN when about zero */
    static double se(double[] psi, Clusters clusters) {
        double v = covariance(List.of(psi), clusters)[0][0];
        double se = Math.sqrt(v);
        return se <= TINY ? Double.NaN : se;
    }

    /** The covariance of estimates with influence functions {@code ψ_k}: {@code Σ ψ ψᵀ / n²}, clustered when given. */
    private static double[][] covariance(List<double[]> psi, Clusters clusters) {
        int q = psi.size();
        int n = psi.get(0).length;
        List<double[]> sums = psi;
        double factor = 1;
        if (clusters != null) {
            int g = clusters.count();
            int[] code = clusters.codes();
            sums = new ArrayList<>();
            for (double[] p : psi) {
                double[] s = new double[g];
                for (int u = 0; u < n; u++) {
                    s[code[u]] += p[u];
                }
                sums.add(s);
            }
            factor = g / (g - 1.0);
        }
        double[][] v = new double[q][q];
        for (int a = 0; a < q; a++) {
            for (int b = 0; b <= a; b++) {
                double s = 0;
                double[] x = sums.get(a);
                double[] z = sums.get(b);
                for (int i = 0; i < x.length; i++) {
                    s += x[i] * z[i];
                }
                v[a][b] = factor * s / ((double) n * n);
                v[b][a] = v[a][b];
            }
        }
        return v;
    }
}
