package org.synergia.effects.did;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.TreeSet;
import org.synergia.stats.inference.Term;

/**
 * The aggregations of group-time effects of Callaway &amp; Sant'Anna (2021, §3, eq. 3.10–3.11 and
 * their Appendix B), as R {@code did::aggte} computes them: averages of cells weighted by the cohort
 * shares {@code p_g = E_n[w 1(G = g)]} among the cells averaged, whose influence function is
 * {@code Σ_c ω_c ψ_c} plus the estimation effect of the shares,
 * {@code Σ_c ATT_c [(w 1(G = g_c) − p_c)/S − p_c Σ_{c'} (w 1(G = g_{c'}) − p_{c'})/S²]} with
 * {@code S = Σ_c p_c}.
 * <ul>
 * <li>simple ({@code ATT}): every post-treatment cell ({@code t ≥ g});</li>
 * <li>dynamic ({@code ATT:e=k}): the cells with {@code t − g = k}, within {@code [min_e, max_e]}, and,
 *     with {@code balance_e}, only cohorts observed {@code balance_e} periods after treatment;
 *     {@code ATT:dynamic} is the mean over {@code k ≥ 0};</li>
 * <li>group ({@code ATT:g=g}): the mean of cohort {@code g}'s post-treatment cells;
 *     {@code ATT:group} weights these by {@code p_g}, with the shares' estimation effect taken at
 *     each cohort (did 2.1.2 takes it at the cohorts of the first cells instead, a slip fixed in did
 *     2.5.0);</li>
 * <li>calendar ({@code ATT:t=t}): the post-treatment cells of period {@code t}, for the periods from
 *     the first cohort on; {@code ATT:calendar} is their mean.</li>
 * </ul>
 */
final class StaggeredAggregation {

    /**
     * An aggregate.
     *
     * @param term what it averages
     * @param estimate its value
     * @param psi its influence function over the units
     */
    record Aggregate(Term term, double estimate, double[] psi) {
    }

    /**
     * Which event times the dynamic aggregation keeps (aggte's {@code min_e}, {@code max_e}, {@code balance_e}).
     *
     * @param min lowest event time (negative infinity: all)
     * @param max highest event time (positive infinity: all)
     * @param balance with a finite value, only cohorts observed this many periods after treatment (NaN: all)
     */
    record EventWindow(double min, double max, double balance) {
        /** @return every event time, all cohorts */
        static EventWindow all() {
            return new EventWindow(Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, Double.NaN);
        }
    }

    /** A cell or cohort average to combine: its cohort, estimate and influence function. */
    private record Item(double cohort, double att, double[] psi) {
    }

    private final List<GroupTimeCells.Cell> cells;
    private final StaggeredData data;
    private final TreeMap<Double, Double> share = new TreeMap<>();

    StaggeredAggregation(List<GroupTimeCells.Cell> cells, StaggeredData data) {
        this.cells = cells;
        this.data = data;
        int n = data.units();
        for (double g : data.estimated) {
            double s = 0;
            for (int u = 0; u < n; u++) {
                s += data.cohort[u] == g ? data.weight[u] : 0;
            }
            share.put(g, s / n);
        }
    }

    /** @return {@code ATT}, the share-weighted average of the post-treatment cells */
    Aggregate simple() {
        return weighted(Term.Effect.binary(Term.Measure.ATT), items(cells.stream().filter(GroupTimeCells.Cell::post).toList()));
    }

    /**
     * @param window the event times kept
     * @return {@code ATT:e=k} for each event time, then {@code ATT:dynamic} when some {@code k ≥ 0} is kept
     */
    List<Aggregate> dynamic(EventWindow window) {
        double last = data.times[data.times.length - 1];
        double first = data.times[0];
        TreeSet<Double> events = new TreeSet<>();
        List<GroupTimeCells.Cell> kept = new ArrayList<>();
        for (GroupTimeCells.Cell c : cells) {
            if (Double.isNaN(window.balance()) || last - c.cohort() >= window.balance()) {
                kept.add(c);
                events.add(c.time() - c.cohort());
            }
        }
        List<Aggregate> out = new ArrayList<>();
        List<Aggregate> after = new ArrayList<>();
        for (double e : events) {
            boolean balanced = Double.isNaN(window.balance())
                    || e <= window.balance() && e >= window.balance() - last + first;
            if (!balanced || e < window.min() || e > window.max()) {
                continue;
            }
            Aggregate a = weighted(new Term.EventTime(e),
                    items(kept.stream().filter(c -> c.time() - c.cohort() == e).toList()));
            out.add(a);
            if (e >= 0) {
                after.add(a);
            }
        }
        if (!after.isEmpty()) {
            out.add(mean(new Term.OverallAverage(Term.Aggregation.DYNAMIC), after));
        }
        return out;
    }

    /** @return {@code ATT:g=g} for each cohort with a post-treatment cell, then {@code ATT:group} */
    List<Aggregate> group() {
        List<Aggregate> out = new ArrayList<>();
        List<Item> byCohort = new ArrayList<>();
        for (double g : data.estimated) {
            List<Aggregate> post = cells.stream().filter(c -> c.cohort() == g && c.post())
                    .map(c -> new Aggregate(c.term(), c.att(), c.psi())).toList();
            if (post.isEmpty()) {
                continue;
            }
            Aggregate a = mean(new Term.CohortAverage(g), post);
            out.add(a);
            byCohort.add(new Item(g, a.estimate(), a.psi()));
        }
        if (!byCohort.isEmpty()) {
            out.add(weighted(new Term.OverallAverage(Term.Aggregation.GROUP), byCohort));
        }
        return out;
    }

    /** @return {@code ATT:t=t} for each period from the first cohort on, then {@code ATT:calendar} */
    List<Aggregate> calendar() {
        double firstCohort = data.estimated[0];
        TreeSet<Double> periods = new TreeSet<>();
        for (GroupTimeCells.Cell c : cells) {
            if (c.time() >= firstCohort) {
                periods.add(c.time());
            }
        }
        List<Aggregate> out = new ArrayList<>();
        for (double t : periods) {
            out.add(weighted(new Term.PeriodAverage(t), items(cells.stream().filter(c -> c.time() == t && c.post()).toList())));
        }
        if (!out.isEmpty()) {
            out.add(mean(new Term.OverallAverage(Term.Aggregation.CALENDAR), List.copyOf(out)));
        }
        return out;
    }

    private static List<Item> items(List<GroupTimeCells.Cell> cells) {
        return cells.stream().map(c -> new Item(c.cohort(), c.att(), c.psi())).toList();
    }

    /** The share-weighted average of the items, with the shares' estimation effect. */
    private Aggregate weighted(Term term, List<Item> items) {
        int n = data.units();
        double s = 0;
        for (Item i : items) {
            s += share.get(i.cohort());
        }
        double theta = 0;
        for (Item i : items) {
            theta += share.get(i.cohort()) / s * i.att();
        }
        double[] psi = new double[n];
        for (Item i : items) {
            double p = share.get(i.cohort());
            double[] q = i.psi();
            for (int u = 0; u < n; u++) {
                double centred = (data.cohort[u] == i.cohort() ? data.weight[u] : 0) - p;
                // the cell's own influence, the shares' effect in the numerator and in the denominator
                psi[u] += p / s * q[u] + (i.att() - theta) * centred / s;
            }
        }
        return new Aggregate(term, theta, psi);
    }

    /** The plain mean of aggregates (no estimated weights). */
    private Aggregate mean(Term term, List<Aggregate> parts) {
        int n = data.units();
        double theta = 0;
        double[] psi = new double[n];
        for (Aggregate a : parts) {
            theta += a.estimate() / parts.size();
            for (int u = 0; u < n; u++) {
                psi[u] += a.psi()[u] / parts.size();
            }
        }
        return new Aggregate(term, theta, psi);
    }
}
