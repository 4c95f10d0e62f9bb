package org.synergia.effects.did;

import static org.synergia.data.NumericColumn.formatNumber;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.synergia.data.InputException;
import org.synergia.data.OptionName;
import org.synergia.stats.inference.Clusters;

/**
 * The units and rows of a staggered-adoption design, prepared as R {@code did}'s
 * {@code pre_process_did} does: rows complete in every variable; without never-treated units and
 * with not-yet-treated comparisons, the periods from the last cohort's first treated period (less
 * the anticipation periods) on are left out and that cohort serves as comparison only; units
 * treated from the first period are dropped; a panel is balanced unless unbalanced panels are
 * allowed. A unit is an {@code id} (panel) or a row (repeated cross-sections). Cohorts, weights and
 * clusters are fixed within a unit; covariates are kept by row. Arrays are shared, not copied.
 */
final class StaggeredData {

    /** How units are observed. */
    enum Design {
        /** Every unit in every period: two-period panel estimators on {@code ΔY}. */
        PANEL("staggered panel"),
        /** Units missing some periods: repeated cross-section estimators, influence functions summed by unit. */
        UNBALANCED("staggered unbalanced panel"),
        /** Each row its own unit. */
        CROSS_SECTIONS("staggered repeated cross-sections");

        final String label;

        Design(String label) {
            this.label = label;
        }
    }

    final Design design;
    /** The periods, increasing. */
    final double[] times;
    /** Per unit: cohort (0 never treated), sampling weight (1 without weights). */
    final double[] cohort;
    final double[] weight;
    final Clusters clusters;
    /** Per row: its unit, its period's index in {@link #times}, outcome; covariates by column. */
    final int[] rowUnit;
    final int[] rowPeriod;
    final double[] y;
    final double[][] x;
    final List<String> covariateNames;
    /** For a balanced panel, {@code slot[u][k]} is unit u's row in period k; null otherwise. */
    final int[][] slot;
    /** The cohorts whose group-time effects are estimated, increasing. */
    final double[] estimated;
    final int neverTreated;
    final List<String> notes;
    final boolean weighted;

    private StaggeredData(Design design, double[] times, double[] cohort, double[] weight, Clusters clusters,
            int[] rowUnit, int[] rowPeriod, double[] y, double[][] x, List<String> covariateNames, int[][] slot,
            double[] estimated, int neverTreated, List<String> notes, boolean weighted) {
        this.design = design;
        this.times = times;
        this.cohort = cohort;
        this.weight = weight;
        this.clusters = clusters;
        this.rowUnit = rowUnit;
        this.rowPeriod = rowPeriod;
        this.y = y;
        this.x = x;
        this.covariateNames = covariateNames;
        this.slot = slot;
        this.estimated = estimated;
        this.neverTreated = neverTreated;
        this.notes = List.copyOf(notes);
        this.weighted = weighted;
    }

    /** @return the number of units */
    int units() {
        return cohort.length;
    }

    /** @return the number of rows used */
    int rows() {
        return y.length;
    }

    /**
     * @param c long data: outcome, time, cohort in the group column, optional id, covariates, weights, clusters
     * @param unbalanced whether a panel keeps units missing some periods
     * @param control the comparison group
     * @param anticipation periods before treatment in which a cohort may already react
     * @return the prepared design
     */
    static StaggeredData of(DidColumns c, boolean unbalanced, ControlGroup control, int anticipation) {
        List<String> notes = new ArrayList<>();
        int[] rows = completeRows(c, notes);
        TreeSet<Double> periods = periods(c, rows);
        checkValues(c, rows, periods);
        Map<Double, List<Integer>> byUnit = units(c, rows);
        double maxCohort = Double.NEGATIVE_INFINITY;
        boolean never = false;
        for (List<Integer> u : byUnit.values()) {
            double g = c.group().values()[u.get(0)];
            maxCohort = Math.max(maxCohort, g);
            never |= g == 0;
        }
        double last = maxCohort;
        if (!never) {
            if (control == ControlGroup.NEVER_TREATED) {
                throw new InputException(DidProblem.NO_NEVER_TREATED, c.group().name(), OptionName.of("control-group"));
            }
            double cut = maxCohort - anticipation;
            rows = Arrays.stream(rows).filter(i -> c.time().values()[i] < cut).toArray();
            if (Arrays.stream(rows).mapToDouble(i -> c.time().values()[i]).distinct().count() < 2) {
                throw new InputException(DidProblem.ANTICIPATION_NO_PERIODS, anticipation, maxCohort,
                        OptionName.of("anticipation"), OptionName.of("control-group"));
            }
            byUnit = units(c, rows);
            notes.add("no never-treated units: cohort " + formatNumber(maxCohort) + ", the last treated, is the comparison"
                    + " group only, and the periods from " + formatNumber(cut) + " on are left out");
        }
        double first = periods.first();
        int always = 0;
        for (var it = byUnit.values().iterator(); it.hasNext();) {
            double g = c.group().values()[it.next().get(0)];
            if (g != 0 && g <= first) {
                it.remove();
                always++;
            }
        }
        if (always > 0) {
            notes.add(always + " " + (c.id() == null ? "rows" : "units") + " treated from the first period dropped"
                    + " (no pre-treatment period)");
        }
        periods = new TreeSet<>();
        for (List<Integer> u : byUnit.values()) {
            for (int i : u) {
                periods.add(c.time().values()[i]);
            }
        }
        double[] times = periods.stream().mapToDouble(Double::doubleValue).toArray();
        Design design = c.id() == null ? Design.CROSS_SECTIONS : balance(c, byUnit, times.length, unbalanced, notes);
        double[] estimated = estimated(c, byUnit, times[0], anticipation, never ? Double.NaN : last);
        return assemble(c, byUnit, times, design, estimated, notes);
    }

    private static int[] completeRows(DidColumns c, List<String> notes) {
        int[] rows = c.completeRows();
        if (rows.length < c.rows()) {
            notes.add((c.rows() - rows.length) + " rows with a missing value in the model's variables were left out");
        }
        return rows;
    }

    private static TreeSet<Double> periods(DidColumns c, int[] rows) {
        TreeSet<Double> periods = new TreeSet<>();
        for (int i : rows) {
            periods.add(c.time().values()[i]);
        }
        if (periods.size() < 2) {
            throw new InputException("time variable '" + c.time().name() + "' has " + periods.size() + " value"
                    + (periods.size() == 1 ? "" : "s") + " in the rows used: staggered difference-in-differences needs"
                    + " two or more periods");
        }
        return periods;
    }

    /** Cohorts within the periods (or 0) and non-negative weights. */
    private static void checkValues(DidColumns c, int[] rows, TreeSet<Double> periods) {
        double first = periods.first();
        double last = periods.last();
        for (int i : rows) {
            double g = c.group().values()[i];
            if (g != 0 && (g < first || g > last)) {
                throw new InputException(DidProblem.COHORT_OUTSIDE_PERIODS, c.group().name(), g, i + 1, c.time().name(),
                        first, last, OptionName.of("cohort"));
            }
            if (c.weights() != null && !(c.weights().values()[i] >= 0 && Double.isFinite(c.weights().values()[i]))) {
                throw new InputException("sampling weight '" + c.weights().name() + "' is " + c.weights().values()[i]
                        + " in row " + (i + 1) + ": weights must be finite and non-negative");
            }
        }
    }

    /** Rows by unit, in order of first appearance; each row its own unit without an id. */
    private static Map<Double, List<Integer>> units(DidColumns c, int[] rows) {
        Map<Double, List<Integer>> byUnit = new LinkedHashMap<>();
        if (c.id() == null) {
            for (int i : rows) {
                byUnit.put((double) i, new ArrayList<>(List.of(i)));
            }
            return byUnit;
        }
        double[] id = c.id().values();
        Map<Double, Map<Double, Integer>> seen = new HashMap<>();
        for (int i : rows) {
            double key = id[i] == 0.0 ? 0.0 : id[i];
            Integer before = seen.computeIfAbsent(key, k -> new HashMap<>()).putIfAbsent(c.time().values()[i], i);
            if (before != null) {
                throw new InputException(DidProblem.PANEL_DUPLICATE, c.id().name(), formatNumber(id[i]),
                        formatNumber(c.time().values()[i]), c.time().name(), before + 1, i + 1, OptionName.of("id"));
            }
            byUnit.computeIfAbsent(key, k -> new ArrayList<>()).add(i);
        }
        for (List<Integer> u : byUnit.values()) {
            constant(c.group(), c, u, "cohort '" + c.group().name() + "' changes over time for " + c.id().name() + " "
                    + formatNumber(id[u.get(0)]) + ": it must be the unit's first treated period (0 never)");
            if (c.weights() != null) {
                constant(c.weights(), c, u, null);
            }
            if (c.clusters() != null) {
                constant(c.clusters(), c, u, null);
            }
        }
        return byUnit;
    }

    private static void constant(DidColumns.Column v, DidColumns c, List<Integer> rows, String message) {
        double first = v.values()[rows.get(0)];
        for (int r : rows) {
            if (v.values()[r] != first) {
                throw new InputException(message != null ? message : "'" + v.name() + "' changes over time for "
                        + c.id().name() + " " + formatNumber(c.id().values()[rows.get(0)])
                        + ": it must be constant within a unit");
            }
        }
    }

    /** Drops the units missing a period unless unbalanced panels are allowed; the panel's design. */
    private static Design balance(DidColumns c, Map<Double, List<Integer>> byUnit, int periods, boolean unbalanced,
            List<String> notes) {
        int incomplete = 0;
        for (List<Integer> u : byUnit.values()) {
            incomplete += u.size() < periods ? 1 : 0;
        }
        if (incomplete == 0) {
            return Design.PANEL;
        }
        if (unbalanced) {
            notes.add("unbalanced panel: " + incomplete + " " + c.id().name() + " values not observed in all " + periods
                    + " periods are kept (repeated cross-section estimators, influence functions summed by unit)");
            return Design.UNBALANCED;
        }
        byUnit.values().removeIf(u -> u.size() < periods);
        if (byUnit.isEmpty()) {
            throw new InputException("no " + c.id().name() + " is observed in all " + periods + " periods of '"
                    + c.time().name() + "': keep units missing periods with --allow-unbalanced, or omit --id for"
                    + " repeated cross-sections");
        }
        notes.add("unbalanced panel: " + incomplete + " " + c.id().name() + " values dropped (not observed in all "
                + periods + " periods, counting rows left out for missing values); --allow-unbalanced keeps them");
        return Design.PANEL;
    }

    /**
     * The cohorts with group-time effects: treated after the first period plus the anticipation
     * periods, and, without never-treated units, before the last cohort.
     */
    private static double[] estimated(DidColumns c, Map<Double, List<Integer>> byUnit, double first, int anticipation,
            double lastCohort) {
        TreeSet<Double> cohorts = new TreeSet<>();
        boolean early = false;
        for (List<Integer> u : byUnit.values()) {
            double g = c.group().values()[u.get(0)];
            if (g > first + anticipation && !(g >= lastCohort)) {
                cohorts.add(g);
            }
            early |= g > first && g <= first + anticipation;
        }
        if (cohorts.isEmpty()) {
            if (early) {
                throw new InputException(DidProblem.ANTICIPATION_TOO_LARGE, anticipation, c.group().name(), first,
                        OptionName.of("anticipation"));
            }
            throw new InputException("no unit of '" + c.group().name() + "' is first treated after the first period ("
                    + formatNumber(first) + ") of '" + c.time().name() + "': the cohort variable must be each unit's"
                    + " first treated period, 0 for never treated");
        }
        return cohorts.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static StaggeredData assemble(DidColumns c, Map<Double, List<Integer>> byUnit, double[] times, Design design,
            double[] estimated, List<String> notes) {
        int n = byUnit.size();
        int m = 0;
        for (List<Integer> u : byUnit.values()) {
            m += u.size();
        }
        Map<Double, Integer> periodIndex = new HashMap<>();
        for (int k = 0; k < times.length; k++) {
            periodIndex.put(times[k], k);
        }
        double[] cohort = new double[n];
        double[] weight = new double[n];
        double[] cl = c.clusters() == null ? null : new double[n];
        int[] rowUnit = new int[m];
        int[] rowPeriod = new int[m];
        double[] y = new double[m];
        double[][] x = new double[c.covariates().size()][m];
        int[][] slot = design == Design.PANEL ? new int[n][times.length] : null;
        int u = 0;
        int r = 0;
        for (List<Integer> unit : byUnit.values()) {
            int i0 = unit.get(0);
            cohort[u] = c.group().values()[i0];
            weight[u] = c.weights() == null ? 1 : c.weights().values()[i0];
            if (cl != null) {
                cl[u] = c.clusters().values()[i0];
            }
            for (int i : unit) {
                rowUnit[r] = u;
                rowPeriod[r] = periodIndex.get(c.time().values()[i]);
                y[r] = c.outcome().values()[i];
                for (int j = 0; j < x.length; j++) {
                    x[j][r] = c.covariates().get(j).values()[i];
                }
                if (slot != null) {
                    slot[u][rowPeriod[r]] = r;
                }
                r++;
            }
            u++;
        }
        int never = 0;
        for (double g : cohort) {
            never += g == 0 ? 1 : 0;
        }
        return new StaggeredData(design, times, cohort, weight, cl == null ? null : Clusters.of(cl, c.clusters().name()),
                rowUnit, rowPeriod, y, x, c.covariates().stream().map(DidColumns.Column::name).toList(), slot, estimated,
                never, notes, c.weights() != null);
    }

    /**
     * Units per cohort, R {@code did}'s check of small groups: rows of a cohort divided by the number
     * of periods (units, in a balanced panel).
     *
     * @return cohort to its average count per period
     */
    Map<Double, Double> cohortSizes() {
        Map<Double, Double> size = new TreeMap<>();
        for (int r = 0; r < rowUnit.length; r++) {
            size.merge(cohort[rowUnit[r]], 1.0 / times.length, Double::sum);
        }
        return size;
    }
}
