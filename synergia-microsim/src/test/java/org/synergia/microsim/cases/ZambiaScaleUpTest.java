package org.synergia.microsim.cases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.synergia.cases.store.CaseRecord;
import org.synergia.cases.store.EstimateRecord;
import org.synergia.cases.store.ModelResultRecord;
import org.synergia.cases.store.ResultsStore;
import org.synergia.microsim.LocalEngine;
import org.synergia.stats.inference.Term;

class ZambiaScaleUpTest {

    private static EstimateRecord estimate(String term, double b, double se) {
        return new EstimateRecord(ZambiaScaleUp.CASE_ID, "factorial", "ra", "income", "income-consumption", Term.named(term), term, b, se,
                b - 2 * se, b + 2 * se, 0.01, 0.02, 3636, Double.NaN, Double.NaN);
    }

    private static CaseRecord record(String status) {
        return new CaseRecord(ZambiaScaleUp.CASE_ID, "Zambia", "africa", status, "", true, "simulated", "", "", 1108, 3636,
                "test");
    }

    @Test
    void storesTheFourScenariosWithEveryStatisticOnlyWhenTheCaseRanOk(@TempDir Path dir) {
        try (ResultsStore store = ResultsStore.open(dir.resolve("results.duckdb"))) {
            List<EstimateRecord> est = List.of(estimate("ATE:1vs0", 250, 80), estimate("ATE:2vs0", 420, 90),
                    estimate("ATE:3vs0", 900, 110), estimate("synergy", 230, 120));
            store.replaceCase(record("failed"), est, List.of());
            assertFalse(ZambiaScaleUp.runAndStore(store, LocalEngine.withDefaults().withThreads(2), 5000, 10, 1).isPresent());
            store.replaceCase(record("ok"), est, List.of());
            assertTrue(ZambiaScaleUp.runAndStore(store, LocalEngine.withDefaults().withThreads(2), 5000, 10, 1).isPresent());
            List<ModelResultRecord> rows = store.modelResults(ZambiaScaleUp.CASE_ID);
            assertEquals(Set.of("baseline", "hgsf", "casu", "both", "both-joint-targeting"),
                    rows.stream().map(ModelResultRecord::scenario).collect(Collectors.toSet()));
            Set<String> stats = rows.stream().filter(r -> r.scenario().equals("both")).map(ModelResultRecord::statistic)
                    .collect(Collectors.toSet());
            for (String s : List.of("FGT0", "FGT1", "FGT2", "Gini", "incidence[1]", "incidence[10]", "coverage_poor", "leakage",
                    "cost_per_gap_reduction")) {
                assertTrue(stats.contains(s), s);
            }
            ModelResultRecord label = rows.stream().filter(r -> r.statistic().equals("simulated_data")).findFirst().orElseThrow();
            assertEquals(1, label.estimate());
            for (ModelResultRecord r : rows) {
                assertFalse(Double.isNaN(r.estimate()) || Double.isNaN(r.sd()), r.toString());
                assertTrue(r.p5() <= r.p95() + 1e-12, r.toString());
            }
        }
    }
}
