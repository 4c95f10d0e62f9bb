package org.synergia.lewie.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.synergia.lewie.params.FactorMarket;
import org.synergia.lewie.params.GoodMarket;
import org.synergia.lewie.params.LewieParameters;
import org.synergia.lewie.params.ParameterFile;
import org.synergia.lewie.params.Share;
import org.synergia.lewie.simulation.Scenario;
import org.synergia.lewie.simulation.SimulationResult;
import org.synergia.lewie.simulation.Simulator;

/**
 * With every supply perfectly elastic, the LEWIE model's multipliers equal the fixed-price SAM
 * multiplier (I - A)^-1 of its calibrated accounts (methods.md, "LEWIE": the exact check).
 */
class SamMultiplierTest {

    private static final double TOL = 1e-8;

    /** One group, one local good, hired labour and land: the multiplier is 1 / (1 - a (1 - s)) by hand. */
    @Test
    void oneGoodEconomyMatchesTheKeynesianMultiplierByHand() {
        double a = 0.6;
        double s = 0.1;
        LewieParameters p = new LewieParameters("tiny", "", List.of(new LewieParameters.Good("food", GoodMarket.ZONE),
                new LewieParameters.Good("imports", GoodMarket.WORLD)),
                List.of(new LewieParameters.Factor("labour", FactorMarket.ZONE, Double.POSITIVE_INFINITY),
                        new LewieParameters.Factor("land", FactorMarket.FIXED, 0)),
                List.of(new LewieParameters.Group("all", "zone", 100, 50, Map.of("food", Share.exact(a), "imports",
                        Share.exact(1 - a)), Map.of(), Share.exact(s), Share.exact(0), Share.exact(0), Map.of())),
                List.of(new LewieParameters.Activity("all", "food", 20, Map.of("labour", Share.exact(0.4), "land",
                        Share.exact(0.6)), Map.of("food", Share.exact(0.1)), null)),
                0.5);
        Economy e = Economy.calibrate(p);
        double byHand = 1 / (1 - a * (1 - s));
        SimulationResult r = Simulator.withDefaults().withRegime(PriceRegime.FIXED).simulate(e,
                Scenario.none().withTransfer("all", 250));
        assertEquals(byHand, r.incomeMultiplier(), TOL);
        assertEquals(byHand, SamMultiplier.of(e).incomeChange(new double[] {250})[0] / 250, TOL);
    }

    @ParameterizedTest
    @ValueSource(strings = {"eligible_treated", "eligible_control", "ineligible_treated", "ineligible_control"})
    void lesothoExampleMatchesSamMultiplierForEachGroup(String group) {
        Economy e = Economy.calibrate(ParameterFile.lesothoExample());
        double amount = 1_000_000;
        SimulationResult r = Simulator.withDefaults().withRegime(PriceRegime.FIXED).simulate(e,
                Scenario.none().withTransfer(group, amount));
        double[] transfer = new double[e.groups().size()];
        transfer[e.group(group)] = amount;
        SamMultiplier sam = SamMultiplier.of(e);
        double[] dy = sam.incomeChange(transfer);
        double total = 0;
        for (int h = 0; h < dy.length; h++) {
            total += dy[h];
            assertEquals(dy[h] / amount, r.statistics().get("income_multiplier[" + e.groups().get(h) + "]"), TOL);
        }
        assertEquals(total / amount, r.incomeMultiplier(), TOL);
        assertEquals(total / amount, sam.incomeMultiplier(Map.of(group, amount)), 1e-12);
        double[] dq = sam.outputChange(transfer);
        double production = 0;
        for (int k = 0; k < dq.length; k++) {
            production += dq[k];
            assertEquals(dq[k] / amount, (r.simulated().output(k) - r.baseline().output(k)) / amount, TOL);
        }
        assertEquals(production / amount, r.productionMultiplier(), TOL);
        // fixed prices: the real multiplier is the nominal one
        assertEquals(r.incomeMultiplier(), r.realIncomeMultiplier(), 1e-12);
    }

    @Test
    void incomeMultiplierOfSeveralTransfersIsTheTotalIncomeChangePerUnitAndNaNWithoutTransfer() {
        Economy e = Economy.calibrate(ParameterFile.lesothoExample());
        SamMultiplier sam = SamMultiplier.of(e);
        double[] transfer = new double[e.groups().size()];
        transfer[e.group("eligible_treated")] = 600_000;
        transfer[e.group("eligible_control")] = 400_000;
        double total = 0;
        for (double d : sam.incomeChange(transfer)) {
            total += d;
        }
        assertEquals(total / 1_000_000, sam.incomeMultiplier(Map.of("eligible_treated", 600_000.0, "eligible_control", 400_000.0)),
                1e-12);
        assertTrue(Double.isNaN(sam.incomeMultiplier(Map.of())));
    }
}
