package org.synergia.microsim.cases;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.synergia.cases.store.CaseRecord;
import org.synergia.cases.store.EstimateRecord;
import org.synergia.cases.store.ModelResultRecord;
import org.synergia.cases.store.ResultsStore;
import org.synergia.data.InputException;
import org.synergia.microsim.Effect;
import org.synergia.microsim.LocalEngine;
import org.synergia.microsim.MicrosimEngine;
import org.synergia.microsim.MicrosimResult;
import org.synergia.microsim.PopulationSource;
import org.synergia.microsim.Programme;
import org.synergia.microsim.ScenarioModel;
import org.synergia.microsim.SyntheticPopulation;
import org.synergia.microsim.Targeting;

/**
 * Zambia's national scale-up of HGSF and CASU (main job, after the impact evaluation): the
 * effects on household income come from the results store (analysis {@code factorial}, outcome
 * {@code income}: {@code ATE:1vs0} HGSF, {@code ATE:2vs0} CASU, {@code synergy}), the population is
 * the synthetic Zambia, and the four scenarios' outcomes go back to the store as model
 * {@code microsim}. Income effects (kwacha per household per year) become consumption per capita
 * by dividing by household size: the whole gain is consumed and shared equally (docs/microsim.md).
 */
public final class ZambiaScaleUp {

    /** The case id. */
    public static final String CASE_ID = "zambia-hgsf-casu";
    /** The model name in the results store. */
    public static final String MODEL = "microsim";

    private ZambiaScaleUp() {}

    /**
     * The scenario model from the stored effects: HGSF to rural households with a primary-school
     * child (take-up 80%, K450 per household per year), CASU to rural farming households with a
     * proxy-means score at most {@code ln z + 0.5} (take-up 60%, K800); both approximations.
     *
     * @param estimates the case's stored estimates
     * @return the model
     */
    public static ScenarioModel model(List<EstimateRecord> estimates) {
        SyntheticPopulation zambia = SyntheticPopulation.zambia();
        Effect hgsf = effect(estimates, "ATE:1vs0");
        Effect casu = effect(estimates, "ATE:2vs0");
        Effect synergy = effect(estimates, "synergy");
        Programme a = new Programme("hgsf", new Targeting(Double.POSITIVE_INFINITY, Set.of(), true, true, false), 0.8,
                450, hgsf);
        Programme b = new Programme("casu",
                new Targeting(Math.log(zambia.povertyLine()) + 0.5, Set.of(), true, false, true), 0.6, 800, casu);
        return ScenarioModel.of(zambia.povertyLine(), a, b, synergy);
    }

    private static Effect effect(List<EstimateRecord> estimates, String term) {
        return estimates.stream()
                .filter(e -> e.analysisId().equals("factorial") && e.outcome().equals("income") && e.termName().equals(term))
                .findFirst().map(e -> new Effect(e.estimate(), e.se()))
                .orElseThrow(() -> new InputException("results store: no factorial income estimate '" + term + "' for "
                        + CASE_ID + "; run the case first"));
    }

    /**
     * Runs the four scenarios on the synthetic population and stores them, if the case ran ok.
     *
     * @param store the results store
     * @param engine the engine
     * @param households synthetic households to generate
     * @param draws effect draws
     * @param seed the seed
     * @return the result, empty when the case is absent or failed
     */
    public static Optional<MicrosimResult> runAndStore(ResultsStore store, MicrosimEngine engine, long households, int draws,
            long seed) {
        Optional<CaseRecord> record = store.cases().stream().filter(c -> c.caseId().equals(CASE_ID)).findFirst();
        if (record.isEmpty() || !record.get().status().equals("ok")) {
            return Optional.empty();
        }
        MicrosimResult result = engine.run(model(store.estimates(CASE_ID)), ScenarioModel.standardScenarios("hgsf", "casu"),
                new PopulationSource.Synthetic(SyntheticPopulation.zambia(), households, seed), draws, seed);
        store.replaceModelResults(CASE_ID, MODEL, records(CASE_ID, result, record.get().simulated()));
        return Optional.of(result);
    }

    /**
     * The main job's call: 200,000 synthetic households, 100 draws, seed 1108, local engine.
     *
     * @param store the results store
     * @return whether the scenarios were simulated and stored
     */
    public static boolean runInMainJob(ResultsStore store) {
        return runAndStore(store, LocalEngine.withDefaults(), 200_000, 100, 1108).isPresent();
    }

    /**
     * The store rows: scenario {@code baseline} (FGT0-2, Gini, and {@code simulated_data} = 1 when
     * the effects come from simulated data, 0 otherwise), then every statistic of every scenario.
     *
     * @param caseId the case
     * @param r the result
     * @param simulatedEffects whether the case's data (hence its effects) are simulated
     * @return the records
     */
    public static List<ModelResultRecord> records(String caseId, MicrosimResult r, boolean simulatedEffects) {
        List<ModelResultRecord> out = new ArrayList<>();
        out.add(fixed(caseId, "FGT0", r.baselineFgt0()));
        out.add(fixed(caseId, "FGT1", r.baselineFgt1()));
        out.add(fixed(caseId, "FGT2", r.baselineFgt2()));
        out.add(fixed(caseId, "Gini", r.baselineGini()));
        out.add(fixed(caseId, "simulated_data", simulatedEffects || r.simulatedData() ? 1 : 0));
        for (MicrosimResult.ScenarioResult s : r.scenarios()) {
            for (MicrosimResult.Statistic st : s.statistics()) {
                out.add(new ModelResultRecord(caseId, MODEL, s.name(), st.name(), st.estimate(), st.mean(), st.sd(), st.p5(),
                        st.p95()));
            }
        }
        return out;
    }

    private static ModelResultRecord fixed(String caseId, String statistic, double v) {
        return new ModelResultRecord(caseId, MODEL, "baseline", statistic, v, v, 0, v, v);
    }
}
