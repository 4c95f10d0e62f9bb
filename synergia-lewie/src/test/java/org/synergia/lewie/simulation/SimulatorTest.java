package org.synergia.lewie.simulation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.synergia.data.InputException;
import org.synergia.lewie.model.Economy;
import org.synergia.lewie.params.FactorMarket;
import org.synergia.lewie.params.LewieParameters;
import org.synergia.lewie.params.ParameterFile;

/** Scenarios on the bundled Lesotho-like example. */
class SimulatorTest {

    private static final Economy LESOTHO = Economy.calibrate(ParameterFile.lesothoExample());
    private static final Scenario CGP = Scenario.none().withTransfer("eligible_treated", 1_000_000);

    @Test
    void labourConstrainedRealMultiplierIsBelowNominal() {
        SimulationResult r = Simulator.withDefaults().withLabour(LabourSupply.CONSTRAINED).simulate(LESOTHO, CGP);
        assertTrue(r.realIncomeMultiplier() < r.incomeMultiplier(),
                r.realIncomeMultiplier() + " vs " + r.incomeMultiplier());
        SimulationResult elastic = Simulator.withDefaults().simulate(LESOTHO, CGP);
        // scarcer labour: higher prices, so a lower real multiplier than with elastic labour
        assertTrue(r.realIncomeMultiplier() < elastic.realIncomeMultiplier());
        assertTrue(r.statistics().get("price_change_pct[crops]") > elastic.statistics().get("price_change_pct[crops]"));
    }

    @Test
    void worldPricedLabourIsNotConstrained() {
        Economy world = withHiredFactors(FactorMarket.WORLD);
        double elastic = Simulator.withDefaults().simulate(world, CGP).realIncomeMultiplier();
        double constrained = Simulator.withDefaults().withLabour(LabourSupply.CONSTRAINED).simulate(world, CGP)
                .realIncomeMultiplier();
        assertEquals(elastic, constrained, 1e-12);
        // the same as zone labour with a perfectly elastic supply
        assertEquals(Simulator.withDefaults().simulate(withHiredFactors(FactorMarket.ZONE), CGP).realIncomeMultiplier(),
                elastic, 1e-10);
    }

    /** The example with every hired factor in one market level, perfectly elastic. */
    private static Economy withHiredFactors(FactorMarket market) {
        LewieParameters p = ParameterFile.lesothoExample();
        List<LewieParameters.Factor> factors = new ArrayList<>();
        for (LewieParameters.Factor f : p.factors()) {
            factors.add(f.market() == FactorMarket.FIXED ? f
                    : new LewieParameters.Factor(f.name(), market, Double.POSITIVE_INFINITY));
        }
        return Economy.calibrate(new LewieParameters(p.name(), p.currency(), p.goods(), factors, p.groups(),
                p.activities(), p.constrainedElasticity()));
    }

    @Test
    void transferRaisesBeneficiaryIncomeByAtLeastTheTransferAndCountsItInTheMultiplier() {
        SimulationResult r = Simulator.withDefaults().simulate(LESOTHO, CGP);
        assertTrue(r.statistics().get("income_multiplier[eligible_treated]") > 1);
        assertTrue(r.incomeMultiplier() > 1);
        assertTrue(r.simulated().residual() <= 1e-12);
    }

    @Test
    void nothingHappensWithoutAShock() {
        SimulationResult r = Simulator.withDefaults().simulate(LESOTHO, Scenario.none());
        assertEquals(0, r.statistics().get("income_change"), 1e-6);
        assertEquals(0, r.statistics().get("production_change"), 1e-6);
    }

    @Test
    void gardensShockRaisesVegetableOutputAndLowersItsPrice() {
        Scenario springs = Scenario.none().withShock("vegetables", "eligible_treated", 0.3);
        SimulationResult r = Simulator.withDefaults().simulate(LESOTHO, springs);
        assertTrue(r.statistics().get("real_production_change[vegetables]") > 0);
        assertTrue(r.statistics().get("price_change_pct[vegetables]") < 0);
        SimulationResult both = Simulator.withDefaults().simulate(LESOTHO,
                springs.withTransfer("eligible_treated", 1_000_000).withProgrammeCost(200_000));
        assertTrue(both.perUnit());
        assertTrue(both.statistics().containsKey("income_multiplier"));
    }

    @Test
    void transferRelaxesTheLiquidityConstraint() {
        int k = LESOTHO.activity(LESOTHO.good("crops"), LESOTHO.group("eligible_treated"));
        SimulationResult r = Simulator.withDefaults().simulate(LESOTHO, Scenario.none().withTransfer("eligible_treated",
                5_000_000));
        assertEquals(0.25, r.baseline().shadowPrice(k), 1e-12);
        assertTrue(r.simulated().shadowPrice(k) < 0.25);
        assertTrue(r.simulated().output(k) > r.baseline().output(k));
    }

    @Test
    void unknownGroupAndActivityAreRefused() {
        Simulator s = Simulator.withDefaults();
        InputException e = assertThrows(InputException.class,
                () -> s.simulate(LESOTHO, Scenario.none().withTransfer("elderly", 10)));
        assertTrue(e.getMessage().contains("elderly"));
        e = assertThrows(InputException.class,
                () -> s.simulate(LESOTHO, Scenario.none().withShock("retail", "eligible_treated", 0.1)));
        assertTrue(e.getMessage().contains("does not produce"));
    }
}
