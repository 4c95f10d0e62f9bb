package org.synergia.cli;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.synergia.cases.run.RunPipeline;
import org.synergia.cases.spec.CaseCatalogue;
import org.synergia.cases.spec.CaseSpec;
import org.synergia.cases.spec.CaseSpecReader;
import org.synergia.cases.store.CaseRecord;
import org.synergia.cases.store.ResultsStore;
import org.synergia.data.InputException;
import org.synergia.report.ReportSet;
import org.synergia.report.i18n.Messages;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code synergia report}: regenerates the synthesis and the reports of a workspace from its results store. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Regenerates the cross-case synthesis and every report (HTML and PDF) of a workspace from its results database.")
public final class ReportCommand implements Callable<Integer> {

    @Mixin
    GlobalOptions global;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "synergia-out", description = "the workspace (default: ${DEFAULT-VALUE})")
    Path out;

    @Option(names = "--lang", paramLabel = "en|es|fr", split = ",", description = "report languages (default: en, es and fr)")
    List<String> languages;

    @Option(names = "--spec", paramLabel = "FILE", description = "the specification of a case of your own that the workspace holds")
    List<Path> specs;

    @Override
    public Integer call() {
        Path database = out.resolve(RunPipeline.DATABASE);
        if (!Files.isRegularFile(database)) {
            throw new InputException(database + " does not exist; run 'synergia run --out " + out + "' first");
        }
        List<CaseSpec> cases = new ArrayList<>();
        List<String> stored;
        try (ResultsStore store = ResultsStore.open(database)) {
            stored = store.cases().stream().map(CaseRecord::caseId).toList();
            Optional<ResultsStore.RunRecord> run = store.lastRun();
            if (run.isPresent() && !run.get().complete()) {
                List<String> missing = run.get().planned().stream().filter(id -> !stored.contains(id)).toList();
                throw new InputException(database + " comes from a run started " + run.get().started() + " that did not finish"
                        + (missing.isEmpty() ? "" : " (not stored: " + String.join(", ", missing) + ")")
                        + ", so its reports would claim cases it does not have: run 'synergia run --out " + out + "' again");
            }
        }
        if (specs != null) {
            specs.forEach(p -> cases.add(CaseSpecReader.read(p)));
        }
        for (String id : stored) {
            if (cases.stream().noneMatch(c -> c.id().equals(id))) {
                if (!CaseCatalogue.IDS.contains(id)) {
                    throw new InputException(database + " holds case '" + id + "', which is not bundled; give its specification with --spec FILE");
                }
                cases.add(CaseSpecReader.bundled(id));
            }
        }
        List<String> langs = languages == null ? Messages.LANGUAGES : languages;
        for (String l : langs) {
            if (!Messages.LANGUAGES.contains(l)) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--lang takes en, es or fr; got '" + l + "'");
            }
        }
        List<ReportSet.Written> written = Publication.publish(cases, database, out, langs, global, spec.commandLine().getErr());
        if (global.json()) {
            ObjectNode doc = JsonNodeFactory.instance.objectNode();
            doc.put("command", "report");
            doc.put("documents", written.size());
            doc.put("files", written.size() * 2);
            doc.put("folder", out.resolve("reports").toString());
            spec.commandLine().getOut().println(ResultPrinter.toJsonText(doc));
        } else {
            spec.commandLine().getOut().println(written.size() + " documents (HTML and PDF) in " + out.resolve("reports"));
        }
        return 0;
    }
}
