package org.synergia.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.synergia.cases.simulate.SurveySimulator;
import org.synergia.cases.spec.CaseCatalogue;
import org.synergia.cases.spec.CaseSpec;
import org.synergia.cases.spec.CaseSpecReader;
import org.synergia.data.Dataset;
import org.synergia.data.InputException;
import org.synergia.data.io.DatasetWriters;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code synergia cases}: the bundled cases, their specifications and their simulated surveys. */
@Command(name = "cases", mixinStandardHelpOptions = true, description = "Lists the bundled cases, prints a specification, or writes a simulated survey.",
        subcommands = {CasesCommand.ListCases.class, CasesCommand.Show.class, CasesCommand.Survey.class})
public final class CasesCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "cases needs a subcommand: list, show or survey");
    }

    /** {@code synergia cases list}. */
    @Command(name = "list", mixinStandardHelpOptions = true, description = "Lists the bundled cases.")
    static final class ListCases implements Callable<Integer> {
        @Mixin
        GlobalOptions global;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            if (global.json()) {
                ArrayNode arr = JsonNodeFactory.instance.arrayNode();
                for (CaseSpec c : CaseCatalogue.all()) {
                    ObjectNode o = arr.addObject();
                    o.put("id", c.id());
                    o.put("country", c.country().en());
                    o.put("region", c.region().name().toLowerCase(Locale.ROOT).replace('_', '-'));
                    o.put("title", c.title().en());
                    o.put("design", c.design().method().en());
                    o.put("households", c.design().households());
                }
                out.println(ResultPrinter.toJsonText(arr));
            } else {
                for (CaseSpec c : CaseCatalogue.all()) {
                    out.printf(Locale.ROOT, "%-22s %-9s %s%n%-22s %-9s %s%n", c.id(), c.country().en(), c.title().en(), "", "",
                            c.design().method().en());
                }
            }
            out.flush();
            return 0;
        }
    }

    /** {@code synergia cases show ID}: the bundled specification, to copy and adapt. */
    @Command(name = "show", mixinStandardHelpOptions = true, description = "Prints a bundled case specification (YAML), to copy and adapt.")
    static final class Show implements Callable<Integer> {
        @Parameters(paramLabel = "ID", description = "the case identifier")
        String id;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            CaseSpecReader.bundled(id);
            try (InputStream in = CaseSpecReader.class.getResourceAsStream("/cases/" + id + ".yaml")) {
                spec.commandLine().getOut().print(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
            spec.commandLine().getOut().flush();
            return 0;
        }
    }

    /** {@code synergia cases survey ID --out FILE}: writes a case's simulated survey. */
    @Command(name = "survey", mixinStandardHelpOptions = true,
            description = "Writes a case's SIMULATED survey (.dta, .csv or .tsv), as the main job analyses it.")
    static final class Survey implements Callable<Integer> {
        @Parameters(paramLabel = "ID", description = "the case identifier")
        String id;

        @Option(names = "--out", required = true, paramLabel = "FILE", description = "the file to write: .dta (Stata 14), .csv or .tsv")
        Path out;

        @Option(names = "--seed", paramLabel = "N", description = "a seed other than the case's own")
        Long seed;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            CaseSpec c = CaseSpecReader.bundled(id);
            if (c.simulation().isEmpty()) {
                throw new InputException("case " + id + " is an institutional analysis only: it has no survey");
            }
            Dataset survey = (seed == null ? SurveySimulator.simulate(c) : SurveySimulator.simulate(c, seed)).data();
            DatasetWriters.write(survey, out);
            spec.commandLine().getErr().println("synergia: wrote the SIMULATED survey of " + id + " (" + survey.rowCount() + " rows, "
                    + survey.columnCount() + " variables) to " + out);
            return 0;
        }
    }
}
