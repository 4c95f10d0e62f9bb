package org.synergia.cases.run;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.synergia.cases.store.DiagnosticRecord;
import org.synergia.stats.estimators.FewClustersOptions;
import org.synergia.stats.fewclusters.WildBootstrapResult;
import org.synergia.stats.inference.Estimate;
import org.synergia.stats.inference.EstimationResult;

/**
 * Inference with few clusters in a case plan: a {@code saturation} analysis, or a {@code glm} analysis of a linear
 * model with {@code cluster:} and {@code options: {vce: cluster}} (or {@code cr2}), whose sample has fewer than
 * {@value #FEWER_THAN} clusters runs the wild cluster bootstrap ({@code options.wild-bootstrap}, {@value #DRAWS}
 * draws unless the plan gives a number; {@code 0} turns it off), and its estimates are stored with the bootstrap's
 * p-values and intervals in place of the analytic ones (the standard errors stay CR1, or CR2). The analysis says so:
 * the diagnostic {@value #INFERENCE} = {@code wild-bootstrap}, the bootstrap's document under
 * {@code wild_bootstrap} (the keys of the command line's {@code diagnostics.wild_bootstrap}) and a warning line.
 */
final class FewClusters {

    /** Analyses with fewer clusters than this use the wild cluster bootstrap by default. */
    static final int FEWER_THAN = 42;
    /** The bootstrap's draws when the plan does not say (boottest's default). */
    static final int DRAWS = 999;
    /** The diagnostic naming how p-values and intervals were computed. */
    static final String INFERENCE = "inference";

    private FewClusters() {
    }

    /** @return the number of distinct values of a cluster variable */
    static int count(double[] clusterIds) {
        Set<Double> seen = new HashSet<>();
        for (double v : clusterIds) {
            seen.add(v == 0.0 ? 0.0 : v);
        }
        return seen.size();
    }

    /**
     * Asks for the bootstrap with few clusters, unless the plan's options already say how many draws (or 0).
     *
     * @param options the estimator's options, changed in place
     * @param clusters the sample's number of clusters
     */
    static void askWhenFew(Map<String, String> options, int clusters) {
        if (clusters < FEWER_THAN && !options.containsKey(FewClustersOptions.DRAWS)) {
            options.put(FewClustersOptions.DRAWS, Integer.toString(DRAWS));
        }
    }

    /**
     * Whether a registry estimator's first fit should be redone with the bootstrap: a {@code glm} analysis of a
     * linear model with cluster-robust SEs, fewer than {@value #FEWER_THAN} clusters and no draws in its options.
     *
     * @param estimator the estimator's name
     * @param options its options
     * @param first its fit without the bootstrap
     * @return whether to refit, with {@link #askWhenFew} applied to {@code options}
     */
    static boolean refit(String estimator, Map<String, String> options, EstimationResult first) {
        boolean linear = estimator.equals("glm") && options.getOrDefault("family", "gaussian").equals("gaussian")
                && options.getOrDefault("link", "identity").equals("identity");
        Object clusters = first.diagnostics().get("clusters");
        if (!linear || !(clusters instanceof Integer g) || options.containsKey(FewClustersOptions.DRAWS) || g >= FEWER_THAN) {
            return false;
        }
        askWhenFew(options, g);
        return true;
    }

    /**
     * @param e an estimate
     * @param r the result it belongs to
     * @return the estimate with the bootstrap's p-value and interval when the result has them for its term
     */
    static Estimate inference(Estimate e, EstimationResult r) {
        for (Object o : bootstrap(r).map(d -> (List<?>) d.get("terms")).orElse(List.of())) {
            Map<?, ?> t = (Map<?, ?>) o;
            if (e.name().equals(t.get("term"))) {
                return new Estimate(e.term(), e.estimate(), e.se(), number(t.get("ci_low")), number(t.get("ci_high")),
                        number(t.get("p_value")));
            }
        }
        return e;
    }

    /**
     * @param caseId the case
     * @param analysis the analysis
     * @param outcome the outcome
     * @param r the result
     * @param clusters the sample's number of clusters
     * @return the records saying that the bootstrap gave the p-values and intervals (none when it did not run)
     */
    static List<DiagnosticRecord> records(String caseId, String analysis, String outcome, EstimationResult r, int clusters) {
        Optional<Map<?, ?>> b = bootstrap(r);
        if (b.isEmpty()) {
            return List.of();
        }
        Map<?, ?> d = b.get();
        List<DiagnosticRecord> out = new ArrayList<>();
        out.add(new DiagnosticRecord(caseId, analysis, outcome, INFERENCE, "wild-bootstrap"));
        out.add(Credibility.of(caseId, analysis, outcome, WildBootstrapResult.KEY, finite(d)));
        String why = clusters < FEWER_THAN ? "only " + clusters + " clusters (fewer than " + FEWER_THAN + "): " : "";
        out.add(new DiagnosticRecord(caseId, analysis, outcome, "warning", why + "p-values and confidence intervals are from"
                + " the wild cluster bootstrap-t with the null imposed (" + d.get("draws") + " " + d.get("weights")
                + (Boolean.TRUE.equals(d.get("enumerated")) ? " sign vectors, all enumerated" : " draws") + "), not from the"
                + " cluster-robust standard errors, which are kept"));
        return out;
    }

    /** The result's {@code diagnostics.wild_bootstrap}, when it has one. */
    private static Optional<Map<?, ?>> bootstrap(EstimationResult r) {
        return r.diagnostics().get(WildBootstrapResult.KEY) instanceof Map<?, ?> d && d.get("terms") instanceof List<?>
                ? Optional.of(d) : Optional.empty();
    }

    private static double number(Object v) {
        return v instanceof Number n ? n.doubleValue() : Double.NaN;
    }

    /** The document with non-finite numbers (an unbounded interval) as null, for JSON. */
    private static Map<String, Object> finite(Map<?, ?> d) {
        Map<String, Object> out = new LinkedHashMap<>();
        d.forEach((k, v) -> out.put(String.valueOf(k), finiteValue(v)));
        return out;
    }

    private static Object finiteValue(Object v) {
        if (v instanceof Double x && !Double.isFinite(x)) {
            return null;
        }
        if (v instanceof Map<?, ?> m) {
            return finite(m);
        }
        if (v instanceof List<?> l) {
            return l.stream().map(FewClusters::finiteValue).toList();
        }
        return v;
    }
}
