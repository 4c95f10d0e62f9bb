package org.synergia.cases.run;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.synergia.cases.spec.AnalysisSpec;
import org.synergia.cases.spec.CaseSpec;
import org.synergia.cases.store.CaseRecord;
import org.synergia.cases.store.DiagnosticRecord;
import org.synergia.cases.store.EstimateRecord;
import org.synergia.data.InputException;
import org.synergia.data.MissingPolicy;
import org.synergia.cases.store.ModelResultRecord;
import org.synergia.cases.economy.LocalEconomyEvaluation;

/**
 * Runs one case end to end: loads its data, applies every analysis of its plan, adjusts p-values
 * within outcome domains, and returns what the results store keeps. A failure is returned as a
 * failed case with its one-line message, never thrown, so that the other cases still run.
 */
final class CaseRunner {

    private CaseRunner() {}

    /**
     * @param spec the case
     * @param specDirectory the folder relative data paths are resolved against, or null
     * @param seedOverride a seed for the simulated survey instead of the specification's, or null
     * @param softwareVersion Synergia's version, for provenance
     * @param threads worker threads for simulation models
     * @param missing what the analyses do with incomplete rows
     * @param progress where progress goes
     * @return the case's results
     */
    static CaseResult run(CaseSpec spec, Path specDirectory, Long seedOverride, String softwareVersion, int threads,
            MissingPolicy missing, Progress progress) {
        String region = spec.region().name().toLowerCase(Locale.ROOT).replace('_', '-');
        if (spec.institutionalOnly()) {
            return new CaseResult(new CaseRecord(spec.id(), spec.country().en(), region, "institutional", "", false, "", "",
                    spec.sha256(), 0, 0, softwareVersion), List.of(), List.of(), List.of());
        }
        CaseData data = null;
        try {
            progress.step(spec.id(), spec.data().simulated() ? "simulating the survey" : "reading the survey");
            data = CaseData.load(spec, specDirectory, seedOverride);
            data = data.withOutcomes(spec);
            Analyses analyses = analyse(spec, data, missing, progress);
            List<ModelResultRecord> economy = List.of();
            List<DiagnosticRecord> diagnostics = new ArrayList<>(analyses.diagnostics());
            if (spec.localEconomy().isPresent()) {
                progress.step(spec.id(), "local economy (LEWIE)");
                try {
                    economy = LocalEconomyEvaluation.run(spec, data.simulated(), data.data(), analyses.estimates(), data.seed(), threads);
                } catch (InputException e) {
                    diagnostics.addAll(Failures.of(spec.id(), "local_economy", "", e));
                }
            }
            List<DiagnosticRecord> failures = diagnostics.stream().filter(d -> d.key().equals(Failures.KEY)).toList();
            String message = failures.isEmpty() ? "" : failures.size() + " estimation(s) failed; first: " + failures.get(0).analysisId()
                    + "/" + failures.get(0).outcome() + ": " + failures.get(0).value();
            CaseRecord record = new CaseRecord(spec.id(), spec.country().en(), region, "ok", message, data.simulated(), data.source(),
                    data.sha256(), spec.sha256(), data.seed(), data.data().rowCount(), softwareVersion);
            return new CaseResult(record, analyses.estimates(), diagnostics, economy);
        } catch (RuntimeException e) {
            InputException refusal = e instanceof InputException i ? i
                    : new InputException("internal error: " + e + " (please report it)", e);
            String message = refusal.message(Locale.ENGLISH, AnalysisSpec.OPTION_STYLE);
            CaseRecord record = new CaseRecord(spec.id(), spec.country().en(), region, "failed", message,
                    data != null && data.simulated(), data == null ? "" : data.source(), data == null ? "" : data.sha256(),
                    spec.sha256(), data == null ? 0 : data.seed(), data == null ? 0 : data.data().rowCount(), softwareVersion);
            return new CaseResult(record, List.of(), Failures.of(spec.id(), "", "", refusal), List.of());
        }
    }

    /**
     * @param spec the case
     * @param data its data, with indicator outcomes derived
     * @param missing what the analyses do with incomplete rows
     * @param progress where progress goes
     * @return the estimates and diagnostics
     */
    static Analyses analyse(CaseSpec spec, CaseData data, MissingPolicy missing, Progress progress) {
        return analyse(spec, data, missing, true, progress);
    }

    /**
     * @param spec the case
     * @param data its data, with indicator outcomes derived
     * @return the estimates alone, without the credibility checks (for a design diagnosis over many surveys)
     */
    static List<EstimateRecord> estimates(CaseSpec spec, CaseData data) {
        return analyse(spec, data, MissingPolicy.DROP, false, Progress.NONE).estimates();
    }

    private static Analyses analyse(CaseSpec spec, CaseData data, MissingPolicy missing, boolean credibility,
            Progress progress) {
        PlanExecutor executor = new PlanExecutor(spec, data, missing, credibility);
        List<EstimateRecord> estimates = new ArrayList<>();
        List<DiagnosticRecord> diagnostics = new ArrayList<>();
        for (int i = 0; i < spec.plan().size(); i++) {
            AnalysisSpec a = spec.plan().get(i);
            progress.step(spec.id(), a.id() + " (" + a.estimator() + ")");
            PlanExecutor.Output out = executor.run(a, i);
            estimates.addAll(out.estimates());
            diagnostics.addAll(out.diagnostics());
        }
        return new Analyses(FamilyAdjustment.adjust(estimates, spec.multipleTesting()), diagnostics);
    }

    /**
     * The estimates and diagnostics of a case's plan.
     *
     * @param estimates the estimates, with adjusted p-values
     * @param diagnostics diagnostics and warnings
     */
    record Analyses(List<EstimateRecord> estimates, List<DiagnosticRecord> diagnostics) {}

    /**
     * One case's results.
     *
     * @param record the case record
     * @param estimates its estimates, with adjusted p-values
     * @param diagnostics its diagnostics and warnings
     * @param localEconomy its local economy-wide impact evaluation (LEWIE) statistics, if it has one
     */
    record CaseResult(CaseRecord record, List<EstimateRecord> estimates, List<DiagnosticRecord> diagnostics,
            List<ModelResultRecord> localEconomy) {}
}
