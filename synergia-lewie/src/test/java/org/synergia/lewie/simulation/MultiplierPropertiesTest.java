package org.synergia.lewie.simulation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import org.synergia.lewie.model.Economy;
import org.synergia.lewie.params.LewieParameters;
import org.synergia.lewie.params.ParameterFile;

/** Invariants of the multipliers. */
class MultiplierPropertiesTest {

    private static final LewieParameters LESOTHO = ParameterFile.lesothoExample();
    private static final double BASE = Simulator.withDefaults().simulate(Economy.calibrate(LESOTHO),
            Scenario.none().withTransfer("eligible_treated", 1000)).incomeMultiplier();

    /** Scaling every group's number of households (and the transfer with it) leaves multipliers unchanged. */
    @Property(tries = 20)
    void multipliersAreScaleFree(@ForAll @DoubleRange(min = 0.01, max = 100) double c) {
        List<LewieParameters.Group> groups = new ArrayList<>();
        for (LewieParameters.Group g : LESOTHO.groups()) {
            groups.add(new LewieParameters.Group(g.name(), g.village(), g.households() * c, g.expenditure(),
                    g.budgetShares(), g.subsistence(), g.savings(), g.outside(), g.transfersOut(), g.factorIncome()));
        }
        Economy scaled = Economy.calibrate(LESOTHO.with(groups, LESOTHO.activities()));
        double m = Simulator.withDefaults().simulate(scaled, Scenario.none().withTransfer("eligible_treated", 1000 * c))
                .incomeMultiplier();
        assertEquals(BASE, m, 1e-8);
    }
}
