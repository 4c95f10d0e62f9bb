package org.synergia.cases.docs;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.synergia.lewie.model.Economy;
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

/**
 * {@code docs/lewie.md}: the figures of the bundled Lesotho-like example
 * ({@link ParameterFile#lesothoExample()}) for a transfer of {@value #TRANSFER} to
 * {@value #GROUP}, as {@code synergia lewie --example} computes them: the multipliers with
 * {@value #DRAWS} Monte Carlo draws from seed {@value #SEED} (the same whatever the thread count),
 * with labour constrained, and the fixed-price SAM multiplier. Figures are printed to two
 * decimals and the solver's residual is not printed, so rounding noise cannot change the text.
 * Takes a second or two.
 */
public final class LewieDocument implements GeneratedDocument {

    /** The transfer simulated, total over the group's households. */
    public static final double TRANSFER = 1_000_000;
    /** The group receiving it. */
    public static final String GROUP = "eligible_treated";
    /** Monte Carlo draws. */
    public static final int DRAWS = 200;
    /** Seed of the draws. */
    public static final long SEED = 20171;

    private static final List<String> SECTIONS = List.of("example", "json");

    private final int threads;

    private LewieDocument(int threads) {
        this.threads = threads;
    }

    /**
     * @param threads worker threads for the Monte Carlo draws (the text does not depend on it)
     * @return the document
     */
    public static LewieDocument of(int threads) {
        return new LewieDocument(Math.max(1, threads));
    }

    @Override
    public String name() {
        return "lewie";
    }

    @Override
    public Path defaultPath() {
        return Path.of("docs", "lewie.md");
    }

    @Override
    public List<String> sectionNames() {
        return SECTIONS;
    }

    @Override
    public Map<String, String> sections() {
        LewieParameters p = ParameterFile.lesothoExample();
        Economy economy = Economy.calibrate(p);
        Scenario transfer = Scenario.none().withTransfer(GROUP, TRANSFER);
        MonteCarloResult mc = MonteCarlo.withDefaults().withDraws(DRAWS).withSeed(SEED).withThreads(threads)
                .run(p, transfer, ProgressListener.NONE);
        SimulationResult constrained = Simulator.withDefaults().withLabour(LabourSupply.CONSTRAINED).simulate(economy, transfer);
        double sam = SamMultiplier.of(economy).incomeMultiplier(transfer.transfers());
        Map<String, String> s = new LinkedHashMap<>();
        s.put("example", example(p, mc, constrained, sam));
        s.put("json", json(p, mc, sam));
        return s;
    }

    private static String example(LewieParameters p, MonteCarloResult mc, SimulationResult constrained, double sam) {
        Summary nominal = mc.summaries().get("income_multiplier");
        return Paragraphs.wrap("A transfer of " + String.format(Locale.ROOT, "%,.0f", TRANSFER) + " " + p.currency() + " to `"
                + GROUP + "` (`synergia lewie --example --transfer " + GROUP + "=" + String.format(Locale.ROOT, "%.0f", TRANSFER)
                + "`) gives a nominal income multiplier of " + fixed(mc.point().incomeMultiplier()) + " (Monte Carlo 5-95%, "
                + mc.drawCount() + " draws from seed " + mc.seed() + ": " + fixed(nominal.p5()) + "-" + fixed(nominal.p95())
                + ") and a real one of " + fixed(mc.point().realIncomeMultiplier()) + "; " + fixed(constrained.realIncomeMultiplier())
                + " real (" + fixed(constrained.incomeMultiplier()) + " nominal) when labour is constrained (`--labour"
                + " constrained`); the fixed-price SAM multiplier is " + fixed(sam) + ".");
    }

    private static String json(LewieParameters p, MonteCarloResult mc, double sam) {
        Summary m = mc.summaries().get("income_multiplier");
        return "```json\n"
                + "{\"command\": \"lewie\",\n"
                + " \"model\": {\"name\": \"...\", \"currency\": \"" + p.currency() + "\", \"file\": \"...\", \"groups\": [...],"
                + " \"goods\": [...],\n"
                + "           \"prices\": \"flexible\", \"labour\": \"elastic\"},\n"
                + " \"scenario\": {\"transfers\": {\"" + GROUP + "\": " + TRANSFER + "}, \"shocks\": [], \"programme_cost\": 0.0,\n"
                + "              \"injection\": " + TRANSFER + ", \"per_unit\": true},\n"
                + " \"estimates\": [{\"term\": \"income_multiplier\", \"estimate\": " + fixed(m.estimate()) + ", \"mean\": "
                + fixed(m.mean()) + ", \"se\": " + fixed(m.sd()) + ",\n"
                + "                \"ci_low\": " + fixed(m.p5()) + ", \"ci_high\": " + fixed(m.p95()) + "}, ...],\n"
                + " \"monte_carlo\": {\"draws\": " + mc.drawCount() + ", \"seed\": " + mc.seed() + ", \"redraws\": " + mc.redraws()
                + ", \"interval\": \"...\"},\n"
                + " \"diagnostics\": {\"newton_iterations\": " + mc.point().simulated().iterations() + ", \"residual\": ...,"
                + " \"sam_income_multiplier\": " + fixed(sam) + "},\n"
                + " \"software\": {\"name\": \"synergia\", \"version\": \"0.1.0\"}}\n"
                + "```\n";
    }

    private static String fixed(double v) {
        return String.format(Locale.ROOT, "%.2f", v);
    }
}
