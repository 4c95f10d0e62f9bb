package org.synergia.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.concurrent.Callable;
import org.synergia.cases.store.ResultsStore;
import org.synergia.data.InputException;
import org.synergia.microsim.Effect;
import org.synergia.microsim.LocalEngine;
import org.synergia.microsim.MicrosimEngine;
import org.synergia.microsim.MicrosimResult;
import org.synergia.microsim.PopulationSource;
import org.synergia.microsim.Scenario;
import org.synergia.microsim.ScenarioModel;
import org.synergia.microsim.SyntheticPopulation;
import org.synergia.microsim.cases.ZambiaScaleUp;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code synergia microsim}: national scale-up scenarios of Zambia's HGSF and CASU (each alone,
 * both, both with joint targeting) on a Parquet or synthetic population, with uncertainty bands
 * from draws of the effects. A thin layer over {@code org.synergia.microsim}.
 */
@Command(name = "microsim", mixinStandardHelpOptions = true,
        description = "Poverty microsimulation of national scale-up: FGT, Gini, incidence, coverage, leakage and cost"
                + " per unit of poverty-gap reduction, with bands over effect draws.")
public final class MicrosimCommand implements Callable<Integer> {

    @Mixin
    private GlobalOptions global;

    @Spec
    private CommandLine.Model.CommandSpec spec;

    @ArgGroup(exclusive = true, multiplicity = "1")
    private Population population;

    /** Where the households come from. */
    static final class Population {
        @Option(names = "--population", paramLabel = "FILE.parquet", description = "household population (docs/microsim.md)")
        Path file;

        @Option(names = "--synthetic", paramLabel = "COUNTRY", description = "a synthetic national population (zambia)")
        String country;
    }

    @Option(names = "--households", defaultValue = "200000",
            description = "households to generate with --synthetic (default: ${DEFAULT-VALUE})")
    private long households;

    @Option(names = "--draws", defaultValue = "100", description = "effect draws (default: ${DEFAULT-VALUE})")
    private int draws;

    @Option(names = "--engine", defaultValue = "local", description = "local or spark (default: ${DEFAULT-VALUE})")
    private String engine;

    @Option(names = "--scenario", split = ",",
            description = "scenarios among hgsf, casu, both, both-joint-targeting (default: all)")
    private List<String> scenarios = new ArrayList<>();

    @Option(names = "--results", paramLabel = "FILE.duckdb",
            description = "take Zambia's effects from this results store (after `synergia run`)")
    private Path results;

    @Option(names = "--effect", paramLabel = "NAME=MEAN:SE",
            description = "effects on household income per year: hgsf, casu, synergy (default: the simulated case's"
                    + " planted effects 250:80, 420:90, 230:120)")
    private Map<String, String> effects = new java.util.LinkedHashMap<>();

    @Override
    public Integer call() {
        ScenarioModel model = model();
        List<Scenario> chosen = new ArrayList<>();
        for (Scenario s : ScenarioModel.standardScenarios("hgsf", "casu")) {
            if (scenarios.isEmpty() || scenarios.contains(s.name())) {
                chosen.add(s);
            }
        }
        if (chosen.size() < Math.max(1, scenarios.size())) {
            throw new InputException("--scenario " + scenarios + ": choose among hgsf, casu, both, both-joint-targeting");
        }
        PopulationSource source = population.file != null ? PopulationSource.Parquet.of(population.file, false)
                : new PopulationSource.Synthetic(SyntheticPopulation.forCountry(population.country), households, global.seed());
        MicrosimResult r = engine().run(model, chosen, source, draws, global.seed());
        PrintWriter out = spec.commandLine().getOut();
        if (global.json()) {
            out.println(ResultPrinter.toJsonText(json(r)));
        } else {
            text(r, out);
        }
        out.flush();
        return 0;
    }

    private ScenarioModel model() {
        if (results != null) {
            try (ResultsStore store = ResultsStore.open(results)) {
                return ZambiaScaleUp.model(store.estimates(ZambiaScaleUp.CASE_ID));
            }
        }
        ScenarioModel defaults = ZambiaScaleUp.model(List.of(
                record("ATE:1vs0", effect("hgsf", "250:80")), record("ATE:2vs0", effect("casu", "420:90")),
                record("synergy", effect("synergy", "230:120"))));
        return defaults;
    }

    private Effect effect(String name, String fallback) {
        String v = effects.getOrDefault(name, fallback);
        String[] p = v.split(":");
        try {
            return new Effect(Double.parseDouble(p[0]), p.length > 1 ? Double.parseDouble(p[1]) : 0);
        } catch (NumberFormatException e) {
            throw new InputException("--effect " + name + "=" + v + ": expected MEAN:SE, e.g. 250:80");
        }
    }

    private static org.synergia.cases.store.EstimateRecord record(String term, Effect e) {
        return new org.synergia.cases.store.EstimateRecord(ZambiaScaleUp.CASE_ID, "factorial", "cli", "income", "",
                org.synergia.stats.inference.Term.named(term), term, e.mean(), e.se(), Double.NaN, Double.NaN, Double.NaN, Double.NaN, 0, Double.NaN, Double.NaN);
    }

    private MicrosimEngine engine() {
        if (engine.equals("local")) {
            return LocalEngine.withDefaults().withThreads(global.threads());
        }
        for (MicrosimEngine.Provider p : ServiceLoader.load(MicrosimEngine.Provider.class)) {
            if (p.name().equals(engine)) {
                return p.create(global.threads());
            }
        }
        throw new InputException("--engine " + engine + ": not available; use local, or run with synergia-microsim-spark"
                + " on the classpath (spark-submit, docs/microsim.md)");
    }

    private static ObjectNode json(MicrosimResult r) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode doc = f.objectNode();
        doc.put("command", "microsim");
        doc.put("simulated_data", r.simulatedData());
        doc.put("poverty_line", r.povertyLine());
        doc.put("persons", r.persons());
        doc.put("draws", r.draws());
        doc.put("seed", r.seed());
        ObjectNode base = doc.putObject("baseline");
        base.put("FGT0", r.baselineFgt0());
        base.put("FGT1", r.baselineFgt1());
        base.put("FGT2", r.baselineFgt2());
        base.put("Gini", r.baselineGini());
        ArrayNode sc = doc.putArray("scenarios");
        for (MicrosimResult.ScenarioResult s : r.scenarios()) {
            ObjectNode o = sc.addObject();
            o.put("scenario", s.name());
            o.put("cost", s.cost());
            o.put("persons_reached", s.personsReached());
            o.put("gini_error_bound", s.giniErrorBound());
            ArrayNode stats = o.putArray("statistics");
            for (MicrosimResult.Statistic st : s.statistics()) {
                ObjectNode x = stats.addObject();
                x.put("statistic", st.name());
                x.put("estimate", st.estimate());
                x.put("mean", st.mean());
                x.put("sd", st.sd());
                x.put("p5", st.p5());
                x.put("p95", st.p95());
            }
        }
        return doc;
    }

    private static void text(MicrosimResult r, PrintWriter out) {
        out.println("Microsimulation" + (r.simulatedData() ? " (SIMULATED data)" : "") + ": " + fmt("%,.0f", r.persons())
                + " persons, line " + fmt("%,.0f", r.povertyLine()) + ", " + r.draws() + " draws, seed " + r.seed());
        out.println("baseline: FGT0 " + fmt("%.4f", r.baselineFgt0()) + "  FGT1 " + fmt("%.4f", r.baselineFgt1()) + "  FGT2 "
                + fmt("%.4f", r.baselineFgt2()) + "  Gini " + fmt("%.4f", r.baselineGini()));
        for (MicrosimResult.ScenarioResult s : r.scenarios()) {
            out.println();
            out.println("scenario " + s.name() + ": cost " + fmt("%,.0f", s.cost()) + ", persons reached "
                    + fmt("%,.0f", s.personsReached()));
            out.println(String.format(Locale.ROOT, "  %-24s %12s %12s %12s %12s %12s", "statistic", "estimate", "mean", "sd",
                    "p5", "p95"));
            for (MicrosimResult.Statistic st : s.statistics()) {
                out.println(String.format(Locale.ROOT, "  %-24s %12.5g %12.5g %12.5g %12.5g %12.5g", st.name(), st.estimate(),
                        st.mean(), st.sd(), st.p5(), st.p95()));
            }
        }
    }

    private static String fmt(String pattern, double v) {
        return String.format(Locale.ROOT, pattern, v);
    }
}
