package org.synergia.cases.run;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.synergia.cases.spec.CaseSpec;
import org.synergia.cases.store.EstimateRecord;
import org.synergia.stats.inference.Term;

/**
 * Design diagnosis: draws many simulated surveys of a case's design (new seeds), applies the
 * analysis plan to each and measures, for every planned estimate with a planted truth, its bias,
 * root mean squared error, confidence-interval coverage and power. It tells a funder whether a
 * design can detect what it is meant to detect.
 */
public final class DesignDiagnosis {

    private DesignDiagnosis() {}

    /**
     * The operating characteristics of one planned estimate over the replications.
     *
     * @param caseId the case
     * @param analysisId the analysis
     * @param outcome the outcome
     * @param term what is estimated (its {@code toString()} is the name in the command-line contract)
     * @param replications how many surveys produced this estimate
     * @param meanTruth the average planted truth
     * @param bias the average of estimate minus truth
     * @param rmse the root mean squared error
     * @param coverage the share of 95% intervals covering the truth
     * @param coverageMcError the Monte Carlo standard error of the coverage
     * @param power the share of replications with p &lt; 0.05
     */
    public record Row(String caseId, String analysisId, String outcome, Term term, int replications, double meanTruth,
            double bias, double rmse, double coverage, double coverageMcError, double power) {}

    /**
     * Runs the diagnosis.
     *
     * @param cases the cases (institutional-only cases are skipped)
     * @param replications surveys per case
     * @param firstSeed seed of the first survey; replication r uses {@code firstSeed + r}
     * @param threads worker threads
     * @param progress where progress goes (one step per finished replication)
     * @return one row per planned estimate with a truth
     */
    public static List<Row> run(List<CaseSpec> cases, int replications, long firstSeed, int threads, Progress progress) {
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads));
        try {
            List<Row> rows = new ArrayList<>();
            List<CaseSpec> diagnosable = cases.stream().filter(c -> !c.institutionalOnly() && c.data().simulated()).toList();
            int finished = 0;
            for (CaseSpec spec : diagnosable) {
                progress.started(spec.id(), diagnosable.size());
                AtomicInteger done = new AtomicInteger();
                List<Future<List<EstimateRecord>>> futures = new ArrayList<>();
                for (int r = 0; r < replications; r++) {
                    long seed = firstSeed + r;
                    futures.add(pool.submit(() -> {
                        CaseData data = CaseData.load(spec, null, seed).withOutcomes(spec);
                        List<EstimateRecord> e = CaseRunner.estimates(spec, data);
                        progress.step(spec.id(), done.incrementAndGet() + "/" + replications + " surveys");
                        return e;
                    }));
                }
                Map<String, List<EstimateRecord>> byEstimate = new LinkedHashMap<>();
                for (Future<List<EstimateRecord>> f : futures) {
                    for (EstimateRecord e : f.get()) {
                        if (e.hasTruth()) {
                            byEstimate.computeIfAbsent(e.analysisId() + "|" + e.outcome() + "|" + e.term(), k -> new ArrayList<>()).add(e);
                        }
                    }
                }
                byEstimate.values().forEach(list -> rows.add(summarise(spec.id(), list)));
                progress.finished(spec.id(), "diagnosed", ++finished, diagnosable.size());
            }
            return rows;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("the diagnosis was interrupted", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException re ? re : new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    private static Row summarise(String caseId, List<EstimateRecord> list) {
        int n = list.size();
        double truth = 0;
        double bias = 0;
        double squared = 0;
        int covered = 0;
        int rejected = 0;
        for (EstimateRecord e : list) {
            double error = e.estimate() - e.truth();
            truth += e.truth();
            bias += error;
            squared += error * error;
            covered += e.covers() ? 1 : 0;
            rejected += e.pValue() < 0.05 ? 1 : 0;
        }
        double coverage = (double) covered / n;
        EstimateRecord first = list.get(0);
        return new Row(caseId, first.analysisId(), first.outcome(), first.term(), n, truth / n, bias / n, Math.sqrt(squared / n),
                coverage, Math.sqrt(coverage * (1 - coverage) / n), (double) rejected / n);
    }
}
