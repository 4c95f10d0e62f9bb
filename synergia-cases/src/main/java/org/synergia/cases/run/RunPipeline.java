package org.synergia.cases.run;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.synergia.cases.economy.LocalEconomyEvaluation;
import org.synergia.cases.spec.CaseSpec;
import org.synergia.cases.store.ResultsStore;
import org.synergia.data.MissingPolicy;

/**
 * Synergia's main job: evaluates every case's analysis plan on its data and writes the results
 * store of a workspace ({@code results.duckdb}). Cases run in parallel; one case's failure is
 * recorded and the others still complete.
 */
public final class RunPipeline {

    /** The results database's file name inside a workspace. */
    public static final String DATABASE = "results.duckdb";

    private RunPipeline() {}

    /**
     * The settings of a run.
     *
     * @param cases the cases to run
     * @param specDirectory the folder relative data paths in the specifications are resolved against, or null
     * @param workspace the workspace folder
     * @param seedOverride a seed for every simulated survey instead of the specifications' own, or null
     * @param threads worker threads
     * @param softwareVersion Synergia's version, for provenance
     * @param missing what the analyses do with a row missing a variable they use (drop: left out and
     *     reported; refuse: that analysis fails, naming the variable and row)
     */
    public record Options(List<CaseSpec> cases, Path specDirectory, Path workspace, Long seedOverride, int threads,
            String softwareVersion, MissingPolicy missing) {

        /** Settings that drop incomplete rows (the default rule). */
        public Options(List<CaseSpec> cases, Path specDirectory, Path workspace, Long seedOverride, int threads,
                String softwareVersion) {
            this(cases, specDirectory, workspace, seedOverride, threads, softwareVersion, MissingPolicy.DROP);
        }
    }

    /**
     * Runs the cases and stores their results.
     *
     * @param options the run's settings
     * @param progress where progress goes
     * @return the cases' results, in the order of {@code options.cases()}
     */
    public static RunSummary run(Options options, Progress progress) {
        Path database = options.workspace().resolve(DATABASE);
        List<CaseSpec> cases = options.cases();
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(options.threads(), cases.size())), r -> {
            Thread t = new Thread(r, "synergia-case");
            t.setDaemon(true);
            return t;
        });
        AtomicInteger done = new AtomicInteger();
        try (ResultsStore store = ResultsStore.open(database)) {
            store.beginRun(cases.stream().map(CaseSpec::id).toList());
            List<Future<CaseRunner.CaseResult>> futures = new ArrayList<>();
            for (CaseSpec spec : cases) {
                futures.add(pool.submit(() -> {
                    progress.started(spec.id(), cases.size());
                    CaseRunner.CaseResult r = CaseRunner.run(spec, options.specDirectory(), options.seedOverride(),
                            options.softwareVersion(), 1, options.missing(), progress);
                    store.replaceCase(r.record(), r.estimates(), r.diagnostics());
                    store.replaceModelResults(spec.id(), LocalEconomyEvaluation.MODEL, r.localEconomy());
                    progress.finished(spec.id(), r.record().status(), done.incrementAndGet(), cases.size());
                    return r;
                }));
            }
            List<RunSummary.CaseSummary> summaries = new ArrayList<>();
            for (Future<CaseRunner.CaseResult> f : futures) {
                CaseRunner.CaseResult r = f.get();
                summaries.add(new RunSummary.CaseSummary(r.record(), r.estimates()));
            }
            store.finishRun();
            return new RunSummary(summaries, database);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("the run was interrupted", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException re ? re : new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }
}
