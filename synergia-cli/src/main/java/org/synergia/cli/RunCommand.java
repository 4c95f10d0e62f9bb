package org.synergia.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.synergia.cases.run.DesignDiagnosis;
import org.synergia.cases.run.Progress;
import org.synergia.cases.run.RunPipeline;
import org.synergia.cases.run.RunSummary;
import org.synergia.cases.spec.CaseCatalogue;
import org.synergia.cases.spec.CaseSpec;
import org.synergia.cases.spec.CaseSpecReader;
import org.synergia.cases.store.EstimateRecord;
import org.synergia.data.InputException;
import org.synergia.report.ReportSet;
import org.synergia.report.i18n.Messages;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code synergia run}: the main job. Evaluates every case's analysis plan on its data (the
 * bundled simulated surveys by default) and writes the workspace.
 */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Evaluates every case's analysis plan (bundled simulated surveys by default) and writes the workspace.")
public final class RunCommand implements Callable<Integer> {

    @Mixin
    GlobalOptions global;

    @Mixin
    MissingOption missing;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--cases", split = ",", paramLabel = "ID",
            description = "the cases to run (default: all): " + "colombia-fest-unidos, colombia-ppp, mexico-proinpro,"
                    + " peru-haku-winay, ethiopia-psnp-insct, lesotho-cgp-springs, mali-cash-plus, zambia-hgsf-casu")
    List<String> cases;

    @Option(names = "--spec", paramLabel = "FILE",
            description = "a case specification of your own (YAML; see docs/case-spec.md), run instead of or with --cases")
    List<Path> specs;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "synergia-out",
            description = "the workspace folder (default: ${DEFAULT-VALUE})")
    Path out;

    @Option(names = "--lang", paramLabel = "en|es|fr", split = ",",
            description = "report languages (default: en, es and fr)")
    List<String> languages;

    @Option(names = "--diagnose", paramLabel = "N",
            description = "design diagnosis instead of a run: N simulated surveys per case, bias, RMSE, coverage and power of every planned estimate")
    Integer diagnose;

    @Override
    public Integer call() {
        List<CaseSpec> selected = selectCases();
        if (diagnose != null) {
            return diagnose(selected);
        }
        if (languages != null) {
            for (String l : languages) {
                if (!List.of("en", "es", "fr").contains(l)) {
                    throw new CommandLine.ParameterException(spec.commandLine(), "--lang takes en, es or fr; got '" + l + "'");
                }
            }
        }
        PrintWriter err = spec.commandLine().getErr();
        Progress progress = global.quiet() ? Progress.NONE : new ConsoleProgress(err);
        Path specDirectory = specs == null || specs.isEmpty() ? null : specs.get(0).toAbsolutePath().getParent();
        RunSummary summary = RunPipeline.run(new RunPipeline.Options(selected, specDirectory, out, null, global.threads(),
                SynergiaCli.version(), missing.policy()), progress);
        List<ReportSet.Written> reports = Publication.publish(selected, summary.database(), out,
                languages == null ? Messages.LANGUAGES : languages, global, err);
        PrintWriter stdout = spec.commandLine().getOut();
        if (global.json()) {
            stdout.println(ResultPrinter.toJsonText(toJson(summary, reports)));
        } else {
            printText(summary, stdout);
        }
        stdout.flush();
        if (!global.quiet()) {
            summary.cases().stream().filter(c -> c.record().status().equals("failed"))
                    .forEach(c -> err.println("synergia: " + c.record().caseId() + " failed: " + c.record().message()));
            err.flush();
        }
        return summary.cases().stream().anyMatch(c -> c.record().status().equals("failed")) ? SynergiaCli.EXIT_FAILURE : 0;
    }

    private int diagnose(List<CaseSpec> selected) {
        if (diagnose < 2) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--diagnose needs at least 2 surveys per case; got " + diagnose);
        }
        PrintWriter err = spec.commandLine().getErr();
        Progress progress = global.quiet() ? Progress.NONE : new ConsoleProgress(err);
        List<DesignDiagnosis.Row> rows = DesignDiagnosis.run(selected, diagnose, global.seed(), global.threads(), progress);
        PrintWriter stdout = spec.commandLine().getOut();
        if (global.json()) {
            ObjectNode doc = JsonNodeFactory.instance.objectNode();
            doc.put("command", "run --diagnose");
            doc.put("replications", diagnose);
            doc.put("first_seed", global.seed());
            ArrayNode arr = doc.putArray("diagnosis");
            for (DesignDiagnosis.Row r : rows) {
                ObjectNode o = arr.addObject();
                o.put("case", r.caseId());
                o.put("analysis", r.analysisId());
                o.put("outcome", r.outcome());
                o.put("term", r.term().toString());
                o.put("replications", r.replications());
                o.set("mean_truth", ResultPrinter.node(r.meanTruth()));
                o.set("bias", ResultPrinter.node(r.bias()));
                o.set("rmse", ResultPrinter.node(r.rmse()));
                o.set("coverage", ResultPrinter.node(r.coverage()));
                o.set("coverage_mc_se", ResultPrinter.node(r.coverageMcError()));
                o.set("power", ResultPrinter.node(r.power()));
            }
            stdout.println(ResultPrinter.toJsonText(doc));
        } else {
            stdout.println("Design diagnosis on " + diagnose + " SIMULATED surveys per case (first seed " + global.seed() + ")");
            stdout.printf(Locale.ROOT, "%-20s %-14s %-18s %-16s %10s %9s %9s %9s %7s%n", "case", "analysis", "outcome", "term",
                    "truth", "bias", "rmse", "coverage", "power");
            for (DesignDiagnosis.Row r : rows) {
                stdout.printf(Locale.ROOT, "%-20s %-14s %-18s %-16s %10s %9s %9s %8.1f%% %6.0f%%%n", clip(r.caseId(), 20),
                        clip(r.analysisId(), 14), clip(r.outcome(), 18), clip(r.term().toString(), 16), num(r.meanTruth()), num(r.bias()),
                        num(r.rmse()), 100 * r.coverage(), 100 * r.power());
            }
        }
        stdout.flush();
        return 0;
    }

    private List<CaseSpec> selectCases() {
        List<CaseSpec> selected = new ArrayList<>();
        if (cases != null) {
            for (String id : cases) {
                selected.add(CaseSpecReader.bundled(id.trim()));
            }
        }
        if (specs != null) {
            for (Path p : specs) {
                selected.add(CaseSpecReader.read(p));
            }
        }
        if (selected.isEmpty()) {
            selected.addAll(CaseCatalogue.all());
        }
        List<String> ids = selected.stream().map(CaseSpec::id).toList();
        if (ids.stream().distinct().count() != ids.size()) {
            throw new InputException("a case is named twice in --cases/--spec; name each case once");
        }
        return selected;
    }

    private static ObjectNode toJson(RunSummary summary, List<ReportSet.Written> reports) {
        ObjectNode doc = JsonNodeFactory.instance.objectNode();
        doc.put("command", "run");
        ArrayNode cases = doc.putArray("cases");
        for (RunSummary.CaseSummary c : summary.cases()) {
            ObjectNode cn = cases.addObject();
            cn.put("id", c.record().caseId());
            cn.put("status", c.record().status());
            cn.put("simulated", c.record().simulated());
            if (!c.record().message().isEmpty()) {
                cn.put("message", c.record().message());
            }
            ArrayNode estimates = cn.putArray("estimates");
            for (EstimateRecord e : c.estimates()) {
                ObjectNode row = estimates.addObject();
                row.put("analysis", e.analysisId());
                row.put("outcome", e.outcome());
                row.put("domain", e.domain());
                row.put("term", e.termName());
                row.set("estimate", ResultPrinter.node(e.estimate()));
                row.set("se", ResultPrinter.node(e.se()));
                row.set("ci_low", ResultPrinter.node(e.ciLow()));
                row.set("ci_high", ResultPrinter.node(e.ciHigh()));
                row.set("p_value", ResultPrinter.node(e.pValue()));
                row.set("q_value", ResultPrinter.node(e.qValue()));
                row.set("truth", ResultPrinter.node(e.hasTruth() ? e.truth() : null));
            }
        }
        ObjectNode coverage = doc.putObject("coverage");
        coverage.put("estimates_with_truth", summary.estimatesWithTruth().size());
        coverage.set("share_covered", ResultPrinter.node(summary.coverage()));
        ObjectNode outputs = doc.putObject("outputs");
        outputs.put("database", summary.database().toString());
        outputs.put("reports", reports.size() * 2);
        outputs.put("reports_folder", summary.database().resolveSibling("reports").toString());
        ResultPrinter.putSoftware(doc);
        return doc;
    }

    private static void printText(RunSummary summary, PrintWriter out) {
        for (RunSummary.CaseSummary c : summary.cases()) {
            out.println();
            out.println(c.record().caseId() + " — " + c.record().status()
                    + (c.record().simulated() ? " (SIMULATED DATA: effects are planted, not real results)" : ""));
            if (!c.record().message().isEmpty()) {
                out.println("  " + c.record().message());
            }
            if (c.estimates().isEmpty()) {
                continue;
            }
            out.printf(Locale.ROOT, "  %-14s %-20s %-22s %10s %9s %21s %7s %10s%n", "analysis", "outcome", "term", "estimate",
                    "se", "95% CI", "q", c.record().simulated() ? "truth" : "");
            for (EstimateRecord e : c.estimates()) {
                out.printf(Locale.ROOT, "  %-14s %-20s %-22s %10s %9s %21s %7s %10s%n", clip(e.analysisId(), 14),
                        clip(e.outcome(), 20), clip(e.termName(), 22), num(e.estimate()), num(e.se()),
                        "[" + num(e.ciLow()) + ", " + num(e.ciHigh()) + "]", Double.isNaN(e.qValue()) ? "" : String.format(Locale.ROOT, "%.3f", e.qValue()),
                        e.hasTruth() ? num(e.truth()) : "");
            }
        }
        out.println();
        if (!summary.estimatesWithTruth().isEmpty()) {
            out.printf(Locale.ROOT, "Planted effects covered by their 95%% CI: %d of %d (%.0f%%).%n",
                    summary.estimatesWithTruth().stream().filter(EstimateRecord::covers).count(),
                    summary.estimatesWithTruth().size(), 100 * summary.coverage());
        }
        out.println("Results database: " + summary.database());
        out.println("Reports (HTML and PDF): " + summary.database().resolveSibling("reports"));
    }

    private static String num(double v) {
        if (!Double.isFinite(v)) {
            return ".";
        }
        double a = Math.abs(v);
        return String.format(Locale.ROOT, a >= 1000 ? "%.0f" : a >= 10 ? "%.2f" : "%.3f", v);
    }

    private static String clip(String s, int width) {
        return s.length() <= width ? s : s.substring(0, width - 1) + "…";
    }
}
