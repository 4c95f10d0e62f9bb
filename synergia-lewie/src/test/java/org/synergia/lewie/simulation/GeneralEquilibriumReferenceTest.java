package org.synergia.lewie.simulation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.synergia.lewie.model.Economy;
import org.synergia.lewie.params.ParameterFile;

/**
 * The general-equilibrium solution with scarce labour against an independent implementation of
 * the same equations in base R 4.x (nested {@code uniroot}, tol 1e-15; script
 * {@code reference/lewie_two_group.R}, economy {@code reference/lewie_two_group.yaml}).
 */
class GeneralEquilibriumReferenceTest {

    private static final Path DIR = Path.of("src", "test", "resources", "reference");
    private static final double TOL = 1e-9;

    @Test
    void matchesRForATransferToWorkersWithConstrainedLabour() throws IOException {
        Map<String, Double> ref = new HashMap<>();
        List<String> lines = Files.readAllLines(DIR.resolve("lewie_two_group.csv"));
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.replace("\"", "").split(",");
            ref.put(f[0], Double.parseDouble(f[1].trim()));
        }
        Economy e = Economy.calibrate(ParameterFile.read(DIR.resolve("lewie_two_group.yaml")));
        SimulationResult r = Simulator.withDefaults().withLabour(LabourSupply.CONSTRAINED).simulate(e,
                Scenario.none().withTransfer("workers", 500));
        assertRelative(ref.get("price_food"), r.simulated().price(e.good("food"), 0));
        assertRelative(ref.get("wage"), r.simulated().wage(e.factors().indexOf("labour"), 0));
        assertRelative(ref.get("income_multiplier"), r.incomeMultiplier());
        assertRelative(ref.get("real_income_multiplier"), r.realIncomeMultiplier());
        assertRelative(ref.get("production_multiplier"), r.productionMultiplier());
        assertRelative(ref.get("real_production_multiplier"), r.statistics().get("real_production_multiplier"));
    }

    private static void assertRelative(double expected, double actual) {
        assertEquals(expected, actual, TOL * Math.abs(expected));
    }
}
