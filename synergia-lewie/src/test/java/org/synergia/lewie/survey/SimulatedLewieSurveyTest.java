package org.synergia.lewie.survey;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.synergia.lewie.model.Economy;
import org.synergia.lewie.params.LewieParameters;
import org.synergia.lewie.params.ParameterFile;
import org.synergia.lewie.params.Share;
import org.synergia.lewie.simulation.Scenario;
import org.synergia.lewie.simulation.Simulator;

/** Planted economy -> simulated survey -> survey calibration returns the planted economy. */
class SimulatedLewieSurveyTest {

    private static final double EXACT = 1e-9;

    @Test
    void roundTripRecoversThePlantedEconomy() {
        LewieParameters planted = ParameterFile.lesothoExample();
        SimulatedLewieSurvey.Result sim = SimulatedLewieSurvey.simulate(planted, 400, 10, 1106);
        assertEquals(1600, sim.survey().rowCount());
        SurveyCalibration.Result cal = sim.mapping().calibrate(sim.survey());
        LewieParameters p = cal.parameters();
        for (LewieParameters.Group want : planted.groups()) {
            LewieParameters.Group got = p.groups().stream().filter(g -> g.name().equals(want.name())).findFirst()
                    .orElseThrow();
            assertEquals(want.village(), got.village());
            assertEquals(want.households(), got.households(), EXACT * want.households());
            assertEquals(want.expenditure(), got.expenditure(), EXACT * want.expenditure());
            assertExact(want.budgetShares(), got.budgetShares());
            assertExact(Map.of("s", want.savings(), "o", want.outside(), "t", want.transfersOut()),
                    Map.of("s", got.savings(), "o", got.outside(), "t", got.transfersOut()));
            want.factorIncome().forEach((f, v) -> assertEquals(v, got.factorIncome().get(f), EXACT * v));
        }
        assertEquals(planted.activities().size(), p.activities().size());
        for (LewieParameters.Activity want : planted.activities()) {
            LewieParameters.Activity got = p.activities().stream()
                    .filter(a -> a.group().equals(want.group()) && a.good().equals(want.good())).findFirst().orElseThrow();
            assertEquals(want.output(), got.output(), EXACT * want.output());
            assertExact(want.intermediateShares(), got.intermediateShares());
            for (Map.Entry<String, Share> f : want.factorShares().entrySet()) {
                Share s = got.factorShares().get(f.getKey());
                assertTrue(Math.abs(s.value() - f.getValue().value()) < 4.5 * s.se(),
                        want.good() + "/" + want.group() + " " + f.getKey() + ": " + s + " vs planted " + f.getValue());
            }
        }
        // the liquidity constraint is not estimated from surveys; without it the economy still runs close to the planted one
        double m = Simulator.withDefaults().simulate(Economy.calibrate(p), Scenario.none()
                .withTransfer("eligible_treated", 1_000_000)).incomeMultiplier();
        assertTrue(m > 1.9 && m < 2.5, "multiplier " + m);
    }

    private static void assertExact(Map<String, Share> want, Map<String, Share> got) {
        for (Map.Entry<String, Share> e : want.entrySet()) {
            assertEquals(e.getValue().value(), got.get(e.getKey()).value(), EXACT, e.getKey());
            if (e.getValue().value() > 0) {
                assertTrue(got.get(e.getKey()).se() > 0, e.getKey() + " has a sampling error");
            }
        }
    }
}
