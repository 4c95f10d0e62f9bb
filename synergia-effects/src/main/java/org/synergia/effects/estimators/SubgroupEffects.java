package org.synergia.effects.estimators;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.synergia.data.Dataset;
import org.synergia.data.InputException;
import org.synergia.data.NumericColumn;
import org.synergia.data.OptionName;
import org.synergia.stats.inference.Estimate;
import org.synergia.stats.inference.EstimationResult;
import org.synergia.stats.inference.Term;

/**
 * {@code --by G}: an estimator fitted in each subgroup (each value of {@code G}) on its units alone,
 * every term reported within its subgroup ({@link Term.Within}), and for every effect the difference
 * between each subgroup and the first ({@link Term.WithinDifference}). The subgroups' estimating equations
 * involve disjoint units and disjoint parameters, so in the joint (stacked) estimation of all subgroups the
 * covariance of two subgroups' estimates is exactly zero, and the difference's variance is the sum of the
 * two variances; with clusters this holds when every cluster lies within one subgroup, and clusters that
 * cross subgroups are refused.
 */
final class SubgroupEffects {

    /** More subgroups than this means the variable is not categorical. */
    private static final int MAX_SUBGROUPS = 20;

    private SubgroupEffects() {
    }

    /**
     * @param data the complete rows
     * @param by the subgroup variable
     * @param cluster the cluster variable, or null
     * @param level the confidence level of the differences' intervals
     * @param fit the estimator on a subgroup's rows
     * @return the subgroups' terms and their differences
     */
    static EstimationResult fit(Dataset data, String by, String cluster, double level,
            Function<Dataset, EstimationResult> fit) {
        if (!data.hasColumn(by)) {
            throw data.unknownVariable(by);
        }
        double[] g = data.numeric(by).toDoubleArray();
        TreeMap<Double, List<Integer>> rows = new TreeMap<>();
        for (int i = 0; i < g.length; i++) {
            rows.computeIfAbsent(g[i] == 0 ? 0.0 : g[i], k -> new ArrayList<>()).add(i);
            if (rows.size() > MAX_SUBGROUPS) {
                throw new InputException(EstimatorProblem.BY_NOT_CATEGORICAL, OptionName.of("by"), by, MAX_SUBGROUPS);
            }
        }
        if (rows.size() < 2) {
            throw new InputException(EstimatorProblem.BY_ONE_SUBGROUP, OptionName.of("by"), by,
                    NumericColumn.formatNumber(rows.firstKey()));
        }
        if (cluster != null) {
            requireNestedClusters(data.numeric(cluster).toDoubleArray(), g, by, cluster);
        }
        List<Estimate> estimates = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        List<Map<String, Object>> subgroups = new ArrayList<>();
        Map<Double, EstimationResult> results = new LinkedHashMap<>();
        int n = 0;
        for (Map.Entry<Double, List<Integer>> e : rows.entrySet()) {
            Term.Subgroup s = new Term.Subgroup(by, e.getKey());
            EstimationResult r;
            try {
                r = fit.apply(data.rows(e.getValue().stream().mapToInt(Integer::intValue).toArray()));
            } catch (InputException x) {
                throw new InputException(EstimatorProblem.BY_SUBGROUP_FAILED, OptionName.of("by"), by,
                        NumericColumn.formatNumber(e.getKey()), x.getMessage());
            }
            results.put(e.getKey(), r);
            for (Estimate est : r.estimates()) {
                estimates.add(est.withTerm(new Term.Within(est.term(), s)));
            }
            r.warnings().forEach(w -> warnings.add(s + ": " + w));
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("level", NumericColumn.formatNumber(e.getKey()));
            m.put("n", r.n());
            subgroups.add(m);
            n += r.n();
        }
        double reference = rows.firstKey();
        Term.Subgroup referenceGroup = new Term.Subgroup(by, reference);
        EstimationResult first = results.get(reference);
        for (Map.Entry<Double, EstimationResult> e : results.entrySet()) {
            if (e.getKey() == reference) {
                continue;
            }
            Term.Subgroup s = new Term.Subgroup(by, e.getKey());
            for (Estimate est : e.getValue().estimates()) {
                if (!(est.term() instanceof Term.Effect || est.term() instanceof Term.Synergy)) {
                    continue;
                }
                Estimate base = first.estimates().stream().filter(b -> b.term().equals(est.term())).findFirst().orElse(null);
                if (base == null) {
                    continue;
                }
                double se = Math.sqrt(est.se() * est.se() + base.se() * base.se());
                estimates.add(Estimate.wald(new Term.WithinDifference(new Term.Within(est.term(), s),
                        new Term.Within(base.term(), referenceGroup)), est.estimate() - base.estimate(), se, level));
            }
        }
        Map<String, Object> diagnostics = new LinkedHashMap<>();
        diagnostics.put("by", by);
        diagnostics.put("subgroups", subgroups);
        diagnostics.put("difference_variance", "sum of the two subgroups' variances (disjoint units"
                + (cluster == null ? ")" : ", clusters nested in subgroups)"));
        return EstimationResult.of(first.method(), estimates, n, diagnostics, warnings);
    }

    private static void requireNestedClusters(double[] cluster, double[] g, String by, String clusterVariable) {
        Map<Double, Double> subgroupOf = new LinkedHashMap<>();
        for (int i = 0; i < cluster.length; i++) {
            Double seen = subgroupOf.putIfAbsent(cluster[i], g[i]);
            if (seen != null && seen.doubleValue() != g[i]) {
                throw new InputException(EstimatorProblem.BY_CLUSTERS_CROSS, OptionName.of("cluster"), clusterVariable,
                        NumericColumn.formatNumber(cluster[i]), by, OptionName.of("by"));
            }
        }
    }
}
