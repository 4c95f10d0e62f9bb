package org.synergia.effects.estimators;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.synergia.data.CompleteCases;
import org.synergia.data.Dataset;
import org.synergia.data.InputException;
import org.synergia.data.NumericColumn;
import org.synergia.data.OptionName;
import org.synergia.stats.estimator.Estimator;
import org.synergia.stats.estimator.EstimatorOption;
import org.synergia.stats.estimator.EstimatorOptions;
import org.synergia.stats.inference.AnnotatedResult;
import org.synergia.stats.inference.Estimate;
import org.synergia.stats.inference.EstimationResult;
import org.synergia.stats.inference.Linearised;
import org.synergia.stats.inference.Term;

/**
 * {@code --by G}: an estimator fitted in each subgroup (each value of {@code G}) on its units alone,
 * every term reported within its subgroup ({@link Term.Within}), and for every effect the difference
 * between each subgroup and the first ({@link Term.WithinDifference}) with the variance of the joint
 * (stacked) estimation of all subgroups. Their estimating equations involve disjoint units and disjoint
 * parameters, so two subgroups' estimates have covariance zero, unless clusters cross subgroups: then it
 * is the sum over clusters of the products of the two estimates' cluster sums of influence functions
 * ({@link Linearised}), the same sandwich that gives each subgroup's own cluster-robust variance. For an
 * estimator without influence functions (DiD, RD), clusters that cross subgroups are refused.
 */
final class SubgroupEffects {

    /** More subgroups than this means the variable is not categorical. */
    private static final int MAX_SUBGROUPS = 20;

    private SubgroupEffects() {
    }

    /** @return the {@code --by G} option (alias {@code --subgroup}) of the estimators that fit within subgroups */
    static EstimatorOption option() {
        return EstimatorOption.variable("by", "G", "estimate within each subgroup of G (e.g. female_head), with the differences"
                + " between subgroups").withAlias(EstimatorOption.SUBGROUP);
    }

    /**
     * Fits within the subgroups of the options' {@code --by}, after refusing the options it is not combined with. Each
     * subgroup's own diagnostics (balance, overlap, sensitivity, trimming, ...) are kept under its entry of
     * {@code diagnostics.subgroups}.
     *
     * @param estimator the estimator, for the options it has
     * @param rows the complete rows
     * @param options its options, {@code --by} among them
     * @param notCombined the estimator's options that {@code --by} is not combined with (files written once per run)
     * @param fit the estimator on a subgroup's rows
     * @return the subgroups' terms and their differences
     */
    static EstimationResult fit(Estimator estimator, CompleteCases rows, EstimatorOptions options, List<String> notCombined,
            Function<Dataset, EstimationResult> fit) {
        for (String o : notCombined) {
            if (options.given(o)) {
                throw new InputException(EstimatorProblem.BY_NOT_WITH, OptionName.of("by"), OptionName.of(o));
            }
        }
        String cluster = estimator.accepts(EstimatorOption.CLUSTER) ? options.text(EstimatorOption.CLUSTER).orElse(null) : null;
        double level = estimator.accepts("level") ? options.number("level").orElseThrow() : 0.95;
        return fit(rows.dataset(), options.required("by"), cluster, level, fit);
    }

    /**
     * @param data the complete rows
     * @param by the subgroup variable
     * @param cluster the cluster variable, or null
     * @param level the confidence level of the differences' intervals
     * @param fit the estimator on a subgroup's rows; when clusters cross subgroups its results (possibly annotated)
     *        must be {@link Linearised}, or the clusters are refused
     * @return the subgroups' terms and their differences
     */
    private static EstimationResult fit(Dataset data, String by, String cluster, double level,
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
        double[] clusters = cluster == null ? null : data.numeric(cluster).toDoubleArray();
        List<Estimate> estimates = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        List<Map<String, Object>> subgroups = new ArrayList<>();
        Map<Double, EstimationResult> results = new LinkedHashMap<>();
        Map<Double, int[]> subgroupRows = new LinkedHashMap<>();
        int n = 0;
        for (Map.Entry<Double, List<Integer>> e : rows.entrySet()) {
            Term.Subgroup s = new Term.Subgroup(by, e.getKey());
            EstimationResult r;
            int[] members = e.getValue().stream().mapToInt(Integer::intValue).toArray();
            subgroupRows.put(e.getKey(), members);
            try {
                r = fit.apply(data.rows(members));
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
            m.put("diagnostics", r.diagnostics());
            subgroups.add(m);
            n += r.n();
        }
        double reference = rows.firstKey();
        Term.Subgroup referenceGroup = new Term.Subgroup(by, reference);
        EstimationResult first = results.get(reference);
        double crossed = clusters == null ? Double.NaN : crossingCluster(clusters, g);
        boolean crossing = !Double.isNaN(crossed);
        if (crossing && !results.values().stream().allMatch(r -> AnnotatedResult.unwrap(r) instanceof Linearised)) {
            throw new InputException(EstimatorProblem.BY_CLUSTERS_CROSS, OptionName.of("cluster"), cluster,
                    NumericColumn.formatNumber(crossed), by, OptionName.of("by"));
        }
        for (Map.Entry<Double, EstimationResult> e : results.entrySet()) {
            if (e.getKey() == reference) {
                continue;
            }
            Term.Subgroup s = new Term.Subgroup(by, e.getKey());
            for (Estimate est : e.getValue().estimates()) {
                if (!compared(est.term())) {
                    continue;
                }
                Estimate base = first.estimates().stream().filter(b -> b.term().equals(est.term())).findFirst().orElse(null);
                if (base == null) {
                    continue;
                }
                double covariance = crossing ? clusterCovariance(e.getValue(), subgroupRows.get(e.getKey()), first,
                        subgroupRows.get(reference), est.term(), clusters) : 0;
                double se = Math.sqrt(Math.max(0, est.se() * est.se() + base.se() * base.se() - 2 * covariance));
                estimates.add(Estimate.wald(new Term.WithinDifference(new Term.Within(est.term(), s),
                        new Term.Within(base.term(), referenceGroup)), est.estimate() - base.estimate(), se, level));
            }
        }
        Map<String, Object> diagnostics = new LinkedHashMap<>();
        diagnostics.put("by", by);
        diagnostics.put("subgroups", subgroups);
        diagnostics.put("difference_variance", crossing
                ? "joint influence functions (clusters cross subgroups: the covariance of their cluster sums)"
                : "sum of the two subgroups' variances (disjoint units" + (cluster == null ? ")" : ", clusters nested in subgroups)"));
        return EstimationResult.of(first.method(), estimates, n, diagnostics, warnings);
    }

    /** Whether a term's subgroups are compared: effects, synergies and the robust discontinuity. */
    private static boolean compared(Term term) {
        return term instanceof Term.Effect || term instanceof Term.Synergy
                || term instanceof Term.Discontinuity d && d.row() == Term.RdRow.ROBUST;
    }

    /** The first cluster with units in two subgroups, NaN when every cluster lies within one. */
    private static double crossingCluster(double[] cluster, double[] g) {
        Map<Double, Double> subgroupOf = new HashMap<>();
        for (int i = 0; i < cluster.length; i++) {
            Double seen = subgroupOf.putIfAbsent(cluster[i], g[i]);
            if (seen != null && seen.doubleValue() != g[i]) {
                return cluster[i];
            }
        }
        return Double.NaN;
    }

    /**
     * The covariance of a term's estimates in two subgroups: the sum over clusters of the products of their
     * cluster sums of influence functions.
     */
    private static double clusterCovariance(EstimationResult a, int[] aRows, EstimationResult b, int[] bRows, Term term,
            double[] cluster) {
        Map<Double, Double> sums = clusterSums((Linearised) AnnotatedResult.unwrap(a), aRows, term, cluster);
        Map<Double, Double> other = clusterSums((Linearised) AnnotatedResult.unwrap(b), bRows, term, cluster);
        double covariance = 0;
        for (Map.Entry<Double, Double> e : sums.entrySet()) {
            covariance += e.getValue() * other.getOrDefault(e.getKey(), 0.0);
        }
        return covariance;
    }

    /** A term's influence function summed by cluster; {@code members} maps the subgroup's rows to the data's. */
    private static Map<Double, Double> clusterSums(Linearised r, int[] members, Term term, double[] cluster) {
        double[] influence = r.influence(term).orElseThrow();
        int[] rows = r.influenceRows();
        Map<Double, Double> sums = new HashMap<>();
        for (int j = 0; j < rows.length; j++) {
            sums.merge(cluster[members[rows[j]]], influence[j], Double::sum);
        }
        return sums;
    }
}
