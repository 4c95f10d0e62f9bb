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
import org.synergia.data.NumericColumn;
import org.synergia.stats.inference.Clusters;
import org.synergia.stats.inference.Estimate;
import org.synergia.stats.inference.Term;
import org.synergia.stats.inference.EstimatingFunctions;
import org.synergia.stats.inference.SmallSampleCorrection;

/**
 * Staggered adoption: group-time average treatment effects {@code ATT(g,t)} and their simple and
 * event-time aggregations (Callaway &amp; Sant'Anna 2021, J. Econometrics 225(2), §2–4), for a
 * balanced panel in which each unit's cohort {@code G} is the first period it is treated (0 for
 * never treated). Each {@code ATT(g,t)} is a two-period {@link DrDid} estimate comparing cohort
 * {@code g} with the never-treated units between the base period and {@code t}; the base period is
 * {@code g-1} (the period before {@code g}) for {@code t ≥ g} and {@code t-1} for pre-treatment
 * {@code t} (the "varying" base period, so pre-treatment cells test parallel trends). Covariates are
 * taken at the base period.
 *
 * <p>Aggregations (their eq. 3.10–3.11 with weights {@code P(G = g)} among the cells aggregated):
 * {@code ATT} averages the post-treatment cells {@code t ≥ g}; {@code ATT:e=k} averages the cells
 * with {@code t - g = k} (event time in the time variable's units). Influence functions of the cells
 * are scaled to the full panel and combined with those of the estimated cohort shares (their
 * Appendix), so SEs account for the weights; with clusters they are summed by cluster.
 */
public final class StaggeredDid {

    private final DrDid cell;

    private StaggeredDid(DrDid cell) {
        this.cell = cell;
    }

    /** @return cells by the improved doubly robust estimator, 95% intervals */
    public static StaggeredDid withDefaults() {
        return new StaggeredDid(DrDid.withDefaults());
    }

    /** @param m the two-period estimator of each cell (not TWFE) @return a copy */
    public StaggeredDid withMethod(DidMethod m) {
        if (m == DidMethod.TWFE) {
            throw new InputException("staggered designs estimate each group-time cell by dr-improved, dr-traditional,"
                    + " ipw-std, ipw or reg, not twfe (whose staggered form is biased)");
        }
        return new StaggeredDid(cell.withMethod(m));
    }

    /** @param level confidence level in (0, 1) @return a copy */
    public StaggeredDid withConfidenceLevel(double level) {
        return new StaggeredDid(cell.withConfidenceLevel(level));
    }

    /**
     * @param c long panel: outcome, time, cohort as the group column (first treated period, 0 never
     *        treated), id, covariates, optional weights and clusters
     * @return {@code ATT(g,t)} for every cohort and period, the simple aggregate {@code ATT} and {@code ATT:e=k}
     */
    public StaggeredDidResult fit(DidColumns c) {
        if (c.id() == null) {
            throw new InputException(DidProblem.STAGGERED_NEEDS_PANEL, OptionName.of("id"));
        }
        int rows = c.rows();
        List<DidColumns.Column> all = c.all();
        double[] t = c.time().values();
        TreeSet<Double> timeSet = new TreeSet<>();
        int missing = 0;
        boolean[] ok = new boolean[rows];
        for (int i = 0; i < rows; i++) {
            ok[i] = true;
            for (DidColumns.Column col : all) {
                if (Double.isNaN(col.values()[i])) {
                    ok[i] = false;
                }
            }
            if (ok[i]) {
                timeSet.add(t[i]);
            } else {
                missing++;
            }
        }
        double[] times = timeSet.stream().mapToDouble(Double::doubleValue).toArray();
        int nt = times.length;
        if (nt < 2) {
            throw new InputException("time variable '" + c.time().name() + "' has " + nt + " value: a panel needs two or more periods");
        }
        Map<Double, Integer> timeIndex = new HashMap<>();
        for (int k = 0; k < nt; k++) {
            timeIndex.put(times[k], k);
        }
        Map<Double, Integer> code = new HashMap<>();
        List<int[]> slots = new ArrayList<>();
        double[] id = c.id().values();
        for (int i = 0; i < rows; i++) {
            if (!ok[i]) {
                continue;
            }
            Integer u = code.putIfAbsent(id[i] == 0.0 ? 0.0 : id[i], code.size());
            if (u == null) {
                u = code.size() - 1;
                int[] s = new int[nt];
                Arrays.fill(s, -1);
                slots.add(s);
            }
            int k = timeIndex.get(t[i]);
            if (slots.get(u)[k] >= 0) {
                throw new InputException(c.id().name() + " " + formatNumber(id[i]) + " appears twice in period "
                        + formatNumber(t[i]) + " (rows " + (slots.get(u)[k] + 1) + " and " + (i + 1) + ")");
            }
            slots.get(u)[k] = i;
        }
        double[] g = c.group().values();
        List<int[]> units = new ArrayList<>();
        int unbalanced = 0;
        int alwaysTreated = 0;
        for (int[] s : slots) {
            if (Arrays.stream(s).anyMatch(r -> r < 0)) {
                unbalanced++;
                continue;
            }
            double cohort = g[s[0]];
            for (int k = 1; k < nt; k++) {
                if (g[s[k]] != cohort) {
                    throw new InputException("cohort '" + c.group().name() + "' changes over time for " + c.id().name()
                            + " " + formatNumber(id[s[0]]) + ": it must be the unit's first treated period (0 never)");
                }
            }
            if (cohort != 0 && !timeIndex.containsKey(cohort)) {
                throw new InputException("cohort '" + c.group().name() + "' is " + formatNumber(cohort) + " for "
                        + c.id().name() + " " + formatNumber(id[s[0]]) + ", which is not a period of '"
                        + c.time().name() + "': use the first treated period, or 0 for never treated");
            }
            if (cohort == times[0]) {
                alwaysTreated++;
                continue;
            }
            units.add(s);
        }
        int n = units.size();
        List<String> notes = new ArrayList<>();
        if (missing > 0) {
            notes.add(missing + " rows with a missing value in the model's variables were left out");
        }
        if (unbalanced > 0) {
            notes.add("unbalanced panel: " + unbalanced + " " + c.id().name() + " values dropped (not observed in all "
                    + nt + " periods, counting rows left out for missing values)");
        }
        if (alwaysTreated > 0) {
            notes.add(alwaysTreated + " units treated from the first period dropped (no pre-treatment period)");
        }
        double[] cohortOf = new double[n];
        double[] w = new double[n];
        double wsum = 0;
        int never = 0;
        for (int u = 0; u < n; u++) {
            int[] s = units.get(u);
            cohortOf[u] = g[s[0]];
            never += cohortOf[u] == 0 ? 1 : 0;
            w[u] = c.weights() == null ? 1 : constant(c.weights(), c.id(), s);
            wsum += w[u];
        }
        if (never == 0) {
            throw new InputException("no never-treated units (cohort 0) in '" + c.group().name()
                    + "': the group-time effects compare each cohort with never-treated units");
        }
        for (int u = 0; u < n; u++) {
            w[u] *= n / wsum;
        }
        Clusters clusters = null;
        if (c.clusters() != null) {
            double[] cl = new double[n];
            for (int u = 0; u < n; u++) {
                cl[u] = constant(c.clusters(), c.id(), units.get(u));
            }
            clusters = Clusters.of(cl, c.clusters().name());
        }
        TreeMap<Double, Double> share = new TreeMap<>();
        for (int u = 0; u < n; u++) {
            if (cohortOf[u] != 0) {
                share.merge(cohortOf[u], w[u] / n, Double::sum);
            }
        }
        List<Cell> cells = new ArrayList<>();
        for (double cohort : share.keySet()) {
            int gi = timeIndex.get(cohort);
            for (int ti = 1; ti < nt; ti++) {
                int bi = ti >= gi ? gi - 1 : ti - 1;
                cells.add(cellEstimate(c, units, cohortOf, w, cohort, times, bi, ti));
            }
        }
        List<Estimate> rowsOut = new ArrayList<>();
        List<String> warnings = new ArrayList<>(notes);
        double level = cell.confidenceLevel();
        for (Cell k : cells) {
            rowsOut.add(Estimate.wald(new Term.Cell(k.cohort, k.time), k.att,
                    se(k.psi, clusters), level));
        }
        List<Cell> post = cells.stream().filter(k -> k.time >= k.cohort).toList();
        double[] agg = new double[1];
        double[] psi = aggregate(post, share, cohortOf, w, agg);
        rowsOut.add(Estimate.wald(Term.Effect.binary(Term.Measure.ATT), agg[0], se(psi, clusters), level));
        TreeMap<Double, List<Cell>> byEvent = new TreeMap<>();
        for (Cell k : cells) {
            byEvent.computeIfAbsent(k.time - k.cohort, e -> new ArrayList<>()).add(k);
        }
        for (Map.Entry<Double, List<Cell>> e : byEvent.entrySet()) {
            double[] v = new double[1];
            double[] p = aggregate(e.getValue(), share, cohortOf, w, v);
            rowsOut.add(Estimate.wald(new Term.EventTime(e.getKey()), v[0], se(p, clusters), level));
        }
        Map<String, Object> diag = new LinkedHashMap<>();
        diag.put("estimator", cell.method().label());
        diag.put("design", "staggered panel");
        diag.put("units", n);
        diag.put("never_treated", never);
        diag.put("cohorts", share.keySet().stream().map(NumericColumn::formatNumber).toList().toString());
        diag.put("periods", nt);
        diag.put("comparison", "never treated");
        if (clusters != null) {
            diag.put("vce", "cluster");
            diag.put("clusters", clusters.count());
            if (clusters.count() < DrDid.FEW_CLUSTERS) {
                warnings.add("only " + clusters.count() + " clusters: cluster-robust standard errors are unreliable with"
                        + " fewer than " + DrDid.FEW_CLUSTERS);
            }
        } else {
            diag.put("vce", "influence function");
        }
        return new StaggeredDidResult(rowsOut, n * nt, diag, warnings);
    }

    /** One group-time cell: its ATT and influence function over all {@code n} units (0 outside the cell's sample). */
    private record Cell(double cohort, double time, double att, double[] psi) {
    }

    private Cell cellEstimate(DidColumns c, List<int[]> units, double[] cohortOf, double[] w, double cohort,
            double[] times, int bi, int ti) {
        int n = units.size();
        int[] members = new int[n];
        int m = 0;
        for (int u = 0; u < n; u++) {
            if (cohortOf[u] == cohort || cohortOf[u] == 0) {
                members[m++] = u;
            }
        }
        double[] y0 = new double[m];
        double[] y1 = new double[m];
        double[] d = new double[m];
        double[] ws = new double[m];
        double[][] x = new double[c.covariates().size()][m];
        double[] y = c.outcome().values();
        for (int r = 0; r < m; r++) {
            int[] s = units.get(members[r]);
            y0[r] = y[s[bi]];
            y1[r] = y[s[ti]];
            d[r] = cohortOf[members[r]] == cohort ? 1 : 0;
            ws[r] = w[members[r]];
            for (int j = 0; j < x.length; j++) {
                x[j][r] = c.covariates().get(j).values()[s[bi]];
            }
        }
        List<String> names = c.covariates().stream().map(DidColumns.Column::name).toList();
        DidResult r;
        try {
            r = cell.fitPanel(PanelSample.of(y0, y1, d).withCovariates(names, x).withWeights(ws));
        } catch (InputException e) {
            throw new InputException("group-time cell (cohort " + formatNumber(cohort) + ", period "
                    + formatNumber(times[ti]) + "): " + e.getMessage(), e);
        }
        double[] local = r.influenceFunction();
        double[] psi = new double[n];
        double scale = (double) n / m;
        for (int k = 0; k < m; k++) {
            psi[members[k]] = scale * local[k];
        }
        return new Cell(cohort, times[ti], r.att().estimate(), psi);
    }

    /**
     * {@code θ = Σ_c ω_c ATT_c} with {@code ω_c = p_{g(c)} / Σ_{c'} p_{g(c')}}; returns its influence
     * function {@code Σ ω_c ψ_c + Σ_c ATT_c ψ(ω_c)} and puts {@code θ} in {@code value[0]}.
     */
    private static double[] aggregate(List<Cell> cells, Map<Double, Double> share, double[] cohortOf, double[] w,
            double[] value) {
        int n = cohortOf.length;
        double s = 0;
        for (Cell k : cells) {
            s += share.get(k.cohort);
        }
        double theta = 0;
        double[] psi = new double[n];
        double[] sumShareIf = new double[n];
        for (Cell k : cells) {
            double p = share.get(k.cohort);
            for (int u = 0; u < n; u++) {
                sumShareIf[u] += (cohortOf[u] == k.cohort ? w[u] : 0) - p;
            }
        }
        for (Cell k : cells) {
            double p = share.get(k.cohort);
            double omega = p / s;
            theta += omega * k.att;
            for (int u = 0; u < n; u++) {
                double shareIf = (cohortOf[u] == k.cohort ? w[u] : 0) - p;
                psi[u] += omega * k.psi[u] + k.att * (shareIf / s - p * sumShareIf[u] / (s * s));
            }
        }
        value[0] = theta;
        return psi;
    }

    private static double se(double[] psi, Clusters clusters) {
        double n = psi.length;
        if (clusters == null) {
            double ss = 0;
            for (double v : psi) {
                ss += v * v;
            }
            return Math.sqrt(ss) / n;
        }
        double meat = EstimatingFunctions.of(psi, psi.length, 1).meat(clusters)[0][0];
        return Math.sqrt(meat * SmallSampleCorrection.CLUSTER.factor(n, 1, clusters.count())) / n;
    }

    private static double constant(DidColumns.Column v, DidColumns.Column id, int[] rows) {
        double first = v.values()[rows[0]];
        for (int r : rows) {
            if (v.values()[r] != first) {
                throw new InputException("'" + v.name() + "' changes over time for " + id.name() + " "
                        + formatNumber(id.values()[rows[0]]) + ": it must be constant within a unit");
            }
        }
        return first;
    }
}
