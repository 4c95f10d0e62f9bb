package org.synergia.synthesis.crosscase;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.synergia.cases.spec.AnalysisSpec;
import org.synergia.cases.spec.AnalysisSpec.Comparison;
import org.synergia.cases.spec.CaseSpec;
import org.synergia.cases.spec.OutcomeSpec;
import org.synergia.cases.store.EstimateRecord;
import org.synergia.cases.store.PooledRecord;
import org.synergia.cases.store.StudyRecord;
import org.synergia.synthesis.meta.MetaAnalysis;
import org.synergia.synthesis.meta.MetaResult;
import org.synergia.synthesis.meta.MetaTest;
import org.synergia.stats.inference.Estimate;

/**
 * The cross-case synthesis of the impact evaluations: for every outcome domain and kind of
 * comparison (each programme type alone, the combination, productive support added to social
 * protection, the synergy), the cases' effects standardised on the comparison group's standard
 * deviation and signed so that positive means better off, pooled by random-effects meta-analysis
 * (REML with Knapp–Hartung intervals, as recommended with few studies) over all cases and by region.
 *
 * <p>Within a case, the estimates of a domain and comparison come from the first analysis of its
 * plan that yields that comparison (the study's own method comes first in the plans); when it has
 * several (outcomes of the domain, or arms), their standardised effects are averaged and the
 * standard error is the average standard error, which assumes them perfectly correlated and so
 * never overstates precision.
 */
public final class CrossCaseSynthesis {

    private static final List<String> REGIONS = List.of("all", "latin-america", "africa");

    private CrossCaseSynthesis() {}

    /**
     * The synthesis's output.
     *
     * @param pooled the pooled effects by domain, comparison and region
     * @param studies the cases' standardised effects behind them
     */
    public record Result(List<PooledRecord> pooled, List<StudyRecord> studies) {}

    /**
     * @param cases the cases' specifications
     * @param estimates each case's stored estimates, by case identifier
     * @return the synthesis
     */
    public static Result synthesise(List<CaseSpec> cases, Function<String, List<EstimateRecord>> estimates) {
        List<StudyRecord> studies = new ArrayList<>();
        for (CaseSpec spec : cases) {
            studies.addAll(caseEffects(spec, estimates.apply(spec.id())));
        }
        Map<String, List<StudyRecord>> cells = new LinkedHashMap<>();
        for (OutcomeSpec.Domain d : OutcomeSpec.Domain.values()) {
            for (Comparison c : Comparison.values()) {
                cells.put(name(d) + "|" + name(c), new ArrayList<>());
            }
        }
        for (StudyRecord s : studies) {
            cells.get(s.domain() + "|" + s.comparison()).add(s);
        }
        List<PooledRecord> pooled = new ArrayList<>();
        for (Map.Entry<String, List<StudyRecord>> cell : cells.entrySet()) {
            for (String region : REGIONS) {
                List<StudyRecord> in = cell.getValue().stream()
                        .filter(s -> region.equals("all") || s.region().equals(region)).toList();
                if (!in.isEmpty()) {
                    String[] key = cell.getKey().split("\\|");
                    pooled.add(pool(key[0], key[1], region, in));
                }
            }
        }
        return new Result(pooled, studies);
    }

    /** One case's standardised effects, one per domain and comparison. */
    private static List<StudyRecord> caseEffects(CaseSpec spec, List<EstimateRecord> estimates) {
        String region = name(spec.region());
        Map<String, String> primaryAnalysis = new LinkedHashMap<>();
        Map<String, List<double[]>> effects = new LinkedHashMap<>();
        Map<String, Set<String>> outcomes = new LinkedHashMap<>();
        for (EstimateRecord e : estimates) {
            Optional<AnalysisSpec> analysis = spec.plan().stream().filter(a -> a.id().equals(e.analysisId())).findFirst();
            if (analysis.isEmpty() || !(e.scale() > 0) || !Double.isFinite(e.estimate()) || !(e.se() > 0)) {
                continue;
            }
            Optional<Comparison> comparison = ComparisonClassifier.classify(spec, analysis.get(), e);
            if (comparison.isEmpty()) {
                continue;
            }
            String key = e.domain() + "|" + name(comparison.get());
            String primary = primaryAnalysis.computeIfAbsent(key, k -> e.analysisId());
            if (!primary.equals(e.analysisId())) {
                continue;
            }
            double sign = spec.outcome(e.outcome()).higherIsBetter() ? 1 : -1;
            effects.computeIfAbsent(key, k -> new ArrayList<>()).add(new double[] {sign * e.estimate() / e.scale(), e.se() / e.scale()});
            outcomes.computeIfAbsent(key, k -> new LinkedHashSet<>()).add(e.outcome());
        }
        List<StudyRecord> out = new ArrayList<>();
        for (Map.Entry<String, List<double[]>> cell : effects.entrySet()) {
            double smd = cell.getValue().stream().mapToDouble(v -> v[0]).average().orElseThrow();
            double se = cell.getValue().stream().mapToDouble(v -> v[1]).average().orElseThrow();
            String[] key = cell.getKey().split("\\|");
            out.add(new StudyRecord(key[0], key[1], spec.id(), region, primaryAnalysis.get(cell.getKey()),
                    String.join(",", outcomes.get(cell.getKey())), smd, se));
        }
        return out;
    }

    private static PooledRecord pool(String domain, String comparison, String region, List<StudyRecord> in) {
        if (in.size() == 1) {
            StudyRecord s = in.get(0);
            Estimate e = Estimate.wald("pooled", s.estimate(), s.se(), 0.95);
            return new PooledRecord(domain, comparison, region, 1, e.estimate(), e.se(), e.ciLow(), e.ciHigh(), Double.NaN,
                    Double.NaN, e.pValue(), Double.NaN, Double.NaN, "single case");
        }
        double[] y = in.stream().mapToDouble(StudyRecord::estimate).toArray();
        double[] v = in.stream().mapToDouble(s -> s.se() * s.se()).toArray();
        MetaResult m = MetaAnalysis.withDefaults().withTest(MetaTest.KNAPP_HARTUNG).fit(y, v);
        Estimate pooled = m.estimates().get(0);
        double[] prediction = m.predict();
        boolean interval = in.size() >= 3;
        return new PooledRecord(domain, comparison, region, in.size(), pooled.estimate(), pooled.se(), pooled.ciLow(),
                pooled.ciHigh(), interval ? prediction[3] : Double.NaN, interval ? prediction[4] : Double.NaN,
                pooled.pValue(), m.tau2(), m.i2(), "REML, Knapp-Hartung");
    }

    private static String name(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
