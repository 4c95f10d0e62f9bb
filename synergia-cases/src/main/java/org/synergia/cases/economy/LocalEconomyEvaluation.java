package org.synergia.cases.economy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.synergia.cases.spec.CaseSpec;
import org.synergia.cases.spec.LocalEconomySpec;
import org.synergia.cases.store.EstimateRecord;
import org.synergia.cases.store.ModelResultRecord;
import org.synergia.data.Dataset;
import org.synergia.data.InputException;
import org.synergia.data.NumericColumn;
import org.synergia.lewie.params.LewieParameters;
import org.synergia.lewie.params.ParameterFile;
import org.synergia.lewie.simulation.MonteCarlo;
import org.synergia.lewie.simulation.MonteCarloResult;
import org.synergia.lewie.simulation.Scenario;
import org.synergia.lewie.simulation.Summary;
import org.synergia.lewie.survey.SimulatedLewieSurvey;

/**
 * A case's local economy-wide impact evaluation in the main job: the economy module of the
 * case's simulated survey is calibrated into a LEWIE model (Taylor &amp; Filipski 2014), then the
 * programme's transfer, and the transfer with the productive shock its impact evaluation
 * estimated, are simulated with Monte Carlo intervals. Results are stored as model {@code lewie},
 * scenarios {@code transfer} and {@code transfer-and-shock}.
 */
public final class LocalEconomyEvaluation {

    /** The model's name in the results store. */
    public static final String MODEL = "lewie";

    private LocalEconomyEvaluation() {}

    /**
     * @param spec the case
     * @param simulated whether the case's data are its simulated survey
     * @param data the case's data (for the comparison mean that sizes the shock)
     * @param estimates the case's estimates
     * @param seed the seed of the economy module and of the Monte Carlo draws
     * @param threads worker threads for the draws
     * @return the statistics to store
     */
    public static List<ModelResultRecord> run(CaseSpec spec, boolean simulated, Dataset data, List<EstimateRecord> estimates,
            long seed, int threads) {
        LocalEconomySpec le = spec.localEconomy().orElseThrow();
        if (!simulated) {
            throw new InputException(spec.file() + ": local_economy: the economy module of a real survey is calibrated with"
                    + " 'synergia lewie' and a column mapping (docs/lewie.md); remove local_economy from this specification");
        }
        SimulatedLewieSurvey.Result module = SimulatedLewieSurvey.simulate(ParameterFile.lesothoExample(), le.householdsPerGroup(),
                le.clustersPerGroup(), seed);
        LewieParameters economy = module.mapping().calibrate(module.survey()).parameters();
        double households = economy.groups().stream().filter(g -> g.name().equals(le.transferGroup())).findFirst()
                .orElseThrow(() -> new InputException(spec.file() + ": local_economy.transfer_group: no group '" + le.transferGroup()
                        + "' in the economy; its groups are " + economy.groups().stream().map(LewieParameters.Group::name).toList()))
                .households();
        Scenario transfer = Scenario.none().withTransfer(le.transferGroup(), le.transferPerHousehold() * households);
        List<ModelResultRecord> out = new ArrayList<>();
        MonteCarlo mc = MonteCarlo.withDefaults().withDraws(le.draws()).withSeed(seed).withThreads(threads);
        add(out, spec.id(), "transfer", mc.run(economy, transfer, (done, total) -> { }));
        if (le.shock().isPresent()) {
            double shift = shockSize(spec, le.shock().get(), data, estimates);
            out.add(new ModelResultRecord(spec.id(), MODEL, "transfer-and-shock", "productivity_shift[" + le.shock().get().good() + "]",
                    shift, Double.NaN, Double.NaN, Double.NaN, Double.NaN));
            Scenario both = transfer.withShock(le.shock().get().good(), le.shock().get().group(), shift);
            add(out, spec.id(), "transfer-and-shock", mc.run(economy, both, (done, total) -> { }));
        }
        return out;
    }

    /** The shock as a relative productivity change: the estimated effect over the comparison group's mean outcome. */
    private static double shockSize(CaseSpec spec, LocalEconomySpec.Shock s, Dataset data, List<EstimateRecord> estimates) {
        EstimateRecord effect = estimates.stream()
                .filter(e -> e.analysisId().equals(s.analysis()) && e.outcome().equals(s.outcome()) && e.termName().equals(s.term()))
                .findFirst().orElseThrow(() -> new InputException(spec.file() + ": local_economy.shock: no estimate " + s.analysis()
                        + "/" + s.outcome() + "/" + s.term() + " in the case's results; name an analysis, outcome and term of its plan"));
        NumericColumn outcome = data.numeric(s.outcome());
        NumericColumn group = data.numeric("group");
        double sum = 0;
        int n = 0;
        for (int i = 0; i < data.rowCount(); i++) {
            if (!outcome.isMissing(i) && !group.isMissing(i) && (int) group.value(i) == s.baseGroup()) {
                sum += outcome.value(i);
                n++;
            }
        }
        if (n == 0 || sum <= 0) {
            throw new InputException(spec.file() + ": local_economy.shock.base_group: group " + s.baseGroup()
                    + " has no positive mean of " + s.outcome() + " to size the shock against");
        }
        return effect.estimate() / (sum / n);
    }

    private static void add(List<ModelResultRecord> out, String caseId, String scenario, MonteCarloResult r) {
        for (Map.Entry<String, Summary> e : r.summaries().entrySet()) {
            Summary s = e.getValue();
            out.add(new ModelResultRecord(caseId, MODEL, scenario, e.getKey(), s.estimate(), s.mean(), s.sd(), s.p5(), s.p95()));
        }
    }
}
