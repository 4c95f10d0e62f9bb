package org.synergia.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.synergia.lewie.model.Economy;
import org.synergia.lewie.model.PriceRegime;
import org.synergia.lewie.model.SamMultiplier;
import org.synergia.lewie.params.LewieParameters;
import org.synergia.lewie.params.ParameterFile;
import org.synergia.lewie.simulation.LabourSupply;
import org.synergia.lewie.simulation.MonteCarlo;
import org.synergia.lewie.simulation.MonteCarloResult;
import org.synergia.lewie.simulation.ProgressListener;
import org.synergia.lewie.simulation.Scenario;
import org.synergia.lewie.simulation.SimulationResult;
import org.synergia.lewie.simulation.Simulator;
import org.synergia.lewie.simulation.Summary;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code synergia lewie}: simulates transfers and productive shocks in a LEWIE local
 * economy-wide model calibrated from a parameter file (format in {@code docs/lewie.md}), with
 * Monte Carlo confidence intervals. A thin layer over {@code org.synergia.lewie}.
 */
@Command(name = "lewie", mixinStandardHelpOptions = true,
        description = "Local economy-wide impact evaluation (LEWIE): income and production multipliers of transfers"
                + " and productive shocks, with Monte Carlo intervals.")
public final class LewieCommand implements Callable<Integer> {

    @Mixin
    private GlobalOptions global;

    @Spec
    private CommandLine.Model.CommandSpec spec;

    @ArgGroup(exclusive = true, multiplicity = "1")
    private Source source;

    /** Where the parameters come from. */
    static final class Source {
        @Option(names = "--params", paramLabel = "FILE", description = "the parameter file (YAML or JSON)")
        Path params;

        @Option(names = "--example", description = "use the bundled Lesotho-like example (4 groups, 8 goods)")
        boolean example;
    }

    @Option(names = "--transfer", paramLabel = "GROUP=AMOUNT",
            description = "a transfer to a group, total over its households (repeatable)")
    private Map<String, Double> transfers = new LinkedHashMap<>();

    @Option(names = "--shock", paramLabel = "GOOD:GROUP=SHIFT",
            description = "a productivity shift of a group's activity, e.g. vegetables:eligible_treated=0.3 for +30%%"
                    + " (repeatable)")
    private Map<String, Double> shocks = new LinkedHashMap<>();

    @Option(names = "--programme-cost", paramLabel = "AMOUNT", defaultValue = "0",
            description = "cost of the productive programme, added to the transfers as the multipliers' denominator"
                    + " (default: ${DEFAULT-VALUE})")
    private double programmeCost;

    @Option(names = "--draws", defaultValue = "200",
            description = "Monte Carlo parameter draws; 0 for the point estimates only (default: ${DEFAULT-VALUE})")
    private int draws;

    @Option(names = "--labour", defaultValue = "elastic",
            description = "elastic (each factor's elasticity, perfectly elastic by default) or constrained"
                    + " (the file's constrained_elasticity) (default: ${DEFAULT-VALUE})")
    private String labour;

    @Option(names = "--prices", defaultValue = "flexible",
            description = "flexible (general equilibrium) or fixed (perfectly elastic supplies: the SAM multiplier)"
                    + " (default: ${DEFAULT-VALUE})")
    private String prices;

    @Override
    public Integer call() {
        LewieParameters parameters = source.example ? ParameterFile.lesothoExample() : ParameterFile.read(source.params);
        Scenario scenario = scenario();
        if (scenario.transfers().isEmpty() && scenario.shocks().isEmpty()) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "nothing to simulate: give --transfer GROUP=AMOUNT and/or --shock GOOD:GROUP=SHIFT");
        }
        if (draws == 1 || draws < 0) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--draws must be 0 (no Monte Carlo) or at least 2, got " + draws);
        }
        Simulator simulator = Simulator.withDefaults()
                .withLabour(choice(LabourSupply.class, labour, "--labour"))
                .withRegime(choice(PriceRegime.class, prices, "--prices"));
        Economy economy = Economy.calibrate(parameters);
        PrintWriter err = spec.commandLine().getErr();
        SimulationResult point;
        MonteCarloResult mc = null;
        if (draws == 0) {
            point = simulator.simulate(economy, scenario);
        } else {
            mc = MonteCarlo.withDefaults().withDraws(draws).withSeed(global.seed()).withThreads(global.threads())
                    .withSimulator(simulator).run(parameters, scenario, progress(err));
            point = mc.point();
        }
        double sam = SamMultiplier.of(economy).incomeMultiplier(scenario.transfers());
        PrintWriter out = spec.commandLine().getOut();
        if (global.json()) {
            out.println(ResultPrinter.toJsonText(json(parameters, simulator, scenario, point, mc, sam)));
        } else {
            printText(parameters, simulator, scenario, point, mc, sam, out);
        }
        out.flush();
        return 0;
    }

    private Scenario scenario() {
        Scenario s = Scenario.none();
        for (Map.Entry<String, Double> t : transfers.entrySet()) {
            s = s.withTransfer(t.getKey(), t.getValue());
        }
        for (Map.Entry<String, Double> t : shocks.entrySet()) {
            String[] parts = t.getKey().split(":", 2);
            if (parts.length != 2) {
                throw new CommandLine.ParameterException(spec.commandLine(),
                        "--shock " + t.getKey() + "=" + t.getValue() + ": write GOOD:GROUP=SHIFT, e.g. vegetables:eligible_treated=0.3");
            }
            s = s.withShock(parts[0], parts[1], t.getValue());
        }
        return programmeCost > 0 ? s.withProgrammeCost(programmeCost) : s;
    }

    private ProgressListener progress(PrintWriter err) {
        if (global.quiet()) {
            return ProgressListener.NONE;
        }
        int step = Math.max(1, draws / 10);
        return (done, total) -> {
            if (done % step == 0 || done == total) {
                synchronized (err) {
                    err.println("synergia lewie: " + done + "/" + total + " Monte Carlo draws");
                    err.flush();
                }
            }
        };
    }

    private <E extends Enum<E>> E choice(Class<E> type, String value, String option) {
        try {
            return Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            List<String> names = new ArrayList<>();
            for (E c : type.getEnumConstants()) {
                names.add(c.name().toLowerCase(Locale.ROOT));
            }
            throw new CommandLine.ParameterException(spec.commandLine(),
                    option + " " + value + ": expected one of " + String.join(", ", names));
        }
    }

    private ObjectNode json(LewieParameters p, Simulator simulator, Scenario scenario, SimulationResult point,
            MonteCarloResult mc, double sam) {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        ObjectNode doc = nodes.objectNode();
        doc.put("command", "lewie");
        ObjectNode model = doc.putObject("model");
        model.put("name", p.name());
        model.put("currency", p.currency());
        model.put("file", source.example ? "lesotho-example.yaml (bundled)" : source.params.toString());
        model.set("groups", ResultPrinter.node(point.economy().groups()));
        model.set("goods", ResultPrinter.node(point.economy().goods()));
        model.put("prices", simulator.regime().name().toLowerCase(Locale.ROOT));
        model.put("labour", simulator.labour().name().toLowerCase(Locale.ROOT));
        ObjectNode sc = doc.putObject("scenario");
        sc.set("transfers", ResultPrinter.node(scenario.transfers()));
        ArrayNode sh = sc.putArray("shocks");
        for (Scenario.Shock s : scenario.shocks()) {
            ObjectNode o = sh.addObject();
            o.put("good", s.good());
            o.put("group", s.group());
            o.put("shift", s.shift());
        }
        sc.put("programme_cost", scenario.programmeCost());
        sc.put("injection", scenario.injection());
        sc.put("per_unit", point.perUnit());
        ArrayNode est = doc.putArray("estimates");
        for (Map.Entry<String, Double> s : point.statistics().entrySet()) {
            ObjectNode row = est.addObject();
            row.put("term", s.getKey());
            row.set("estimate", ResultPrinter.node(s.getValue()));
            if (mc != null) {
                Summary m = mc.summaries().get(s.getKey());
                row.set("mean", ResultPrinter.node(m.mean()));
                row.set("se", ResultPrinter.node(m.sd()));
                row.set("ci_low", ResultPrinter.node(m.p5()));
                row.set("ci_high", ResultPrinter.node(m.p95()));
            }
        }
        if (mc != null) {
            ObjectNode m = doc.putObject("monte_carlo");
            m.put("draws", mc.drawCount());
            m.put("seed", mc.seed());
            m.put("redraws", mc.redraws());
            m.put("interval", "5th-95th percentiles of the draws; se is the draws' standard deviation");
        }
        ObjectNode d = doc.putObject("diagnostics");
        d.put("newton_iterations", point.simulated().iterations());
        d.set("residual", ResultPrinter.node(point.simulated().residual()));
        d.set("sam_income_multiplier", ResultPrinter.node(sam));
        ResultPrinter.putSoftware(doc);
        return doc;
    }

    private static void printText(LewieParameters p, Simulator simulator, Scenario scenario, SimulationResult point,
            MonteCarloResult mc, double sam, PrintWriter out) {
        out.println("LEWIE: " + p.name() + " (prices " + simulator.regime().name().toLowerCase(Locale.ROOT)
                + ", labour " + simulator.labour().name().toLowerCase(Locale.ROOT) + ")");
        List<String> what = new ArrayList<>();
        scenario.transfers().forEach((g, a) -> what.add("transfer " + fmt(a) + " " + p.currency() + " to " + g));
        scenario.shocks().forEach(s -> what.add("productivity " + s.good() + "/" + s.group() + " "
                + String.format(Locale.ROOT, "%+.1f%%", 100 * s.shift())));
        if (scenario.programmeCost() > 0) {
            what.add("programme cost " + fmt(scenario.programmeCost()));
        }
        out.println("scenario: " + String.join("; ", what));
        out.println(point.perUnit() ? "multipliers per unit injected (" + fmt(scenario.injection()) + " " + p.currency() + ")"
                : "changes from the baseline (" + p.currency() + "; nothing injected)");
        if (mc == null) {
            out.printf(Locale.ROOT, "%-44s %12s%n", "", "estimate");
        } else {
            out.printf(Locale.ROOT, "%-44s %12s %12s %12s %12s %12s%n", "", "estimate", "MC mean", "MC sd", "p5", "p95");
        }
        for (Map.Entry<String, Double> s : point.statistics().entrySet()) {
            if (mc == null) {
                out.printf(Locale.ROOT, "%-44s %12.4f%n", s.getKey(), s.getValue());
            } else {
                Summary m = mc.summaries().get(s.getKey());
                out.printf(Locale.ROOT, "%-44s %12.4f %12.4f %12.4f %12.4f %12.4f%n", s.getKey(), s.getValue(),
                        m.mean(), m.sd(), m.p5(), m.p95());
            }
        }
        if (mc != null) {
            out.println("Monte Carlo: " + mc.drawCount() + " draws, seed " + mc.seed() + ", " + mc.redraws() + " redraws");
        }
        if (!Double.isNaN(sam)) {
            out.printf(Locale.ROOT, "fixed-price SAM income multiplier of the transfers: %.4f%n", sam);
        }
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%,.0f", v);
    }
}
