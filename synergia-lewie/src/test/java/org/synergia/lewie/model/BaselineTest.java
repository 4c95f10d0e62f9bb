package org.synergia.lewie.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.synergia.lewie.params.LewieParameters;
import org.synergia.lewie.params.ParameterFile;
import org.synergia.lewie.params.Share;
import org.synergia.lewie.solve.NewtonSolver;

/** The calibrated baseline reproduces every input quantity, and Newton returns to it from afar. */
class BaselineTest {

    private static final double TOL = 1e-10;

    @ParameterizedTest
    @EnumSource(PriceRegime.class)
    void solvedBaselineReproducesInputs(PriceRegime regime) {
        LewieParameters p = ParameterFile.lesothoExample();
        Economy e = Economy.calibrate(p);
        int nF = e.factors().size();
        double[] elasticity = new double[nF];
        Arrays.fill(elasticity, 0.5); // finite elasticities: wages are unknowns too
        double[] productivity = new double[e.activityCount()];
        Arrays.fill(productivity, 1);
        EquilibriumSystem system = new EquilibriumSystem(e, regime, elasticity, new double[e.groups().size()],
                productivity);
        double[] start = system.baselineGuess();
        for (int i = 0; i < start.length; i++) {
            start[i] += 0.05 * ((i % 3) - 1); // start away from the baseline
        }
        NewtonSolver.Solution sol = NewtonSolver.withDefaults().solve(system, start);
        assertTrue(sol.converged(), "residual " + sol.residual());
        assertTrue(sol.residual() <= 1e-12);
        Equilibrium b = system.state(sol.x(), sol.iterations(), sol.residual());
        for (int g = 0; g < e.goods().size(); g++) {
            for (int v = 0; v < e.villages().size(); v++) {
                assertEquals(1, b.price(g, v), TOL);
            }
        }
        for (int f = 0; f < nF; f++) {
            for (int v = 0; v < e.villages().size(); v++) {
                assertEquals(1, b.wage(f, v), TOL);
            }
        }
        for (int k = 0; k < e.activityCount(); k++) {
            LewieParameters.Activity a = p.activities().get(k);
            double households = p.groups().get(e.activityGroup(k)).households();
            assertRelative(households * a.output(), b.output(k));
            for (int f = 0; f < nF; f++) {
                assertRelative(e.baselineFactorUse(k, f), b.factorUse(k, f));
            }
            Share hired = a.factorShares().get("hired_labour");
            double intermediate = a.intermediateShares().values().stream().mapToDouble(Share::value).sum();
            double shadow = a.liquidity() == null ? 0 : a.liquidity().shadowPrice();
            assertRelative(hired.value() * households * a.output() * (1 - intermediate) / (1 + shadow),
                    b.factorUse(k, e.factors().indexOf("hired_labour")));
        }
        for (int h = 0; h < e.groups().size(); h++) {
            LewieParameters.Group gr = p.groups().get(h);
            double spending = gr.households() * gr.expenditure();
            for (Map.Entry<String, Share> s : gr.budgetShares().entrySet()) {
                assertRelative(s.getValue().value() * spending, b.consumption(h, e.good(s.getKey())));
            }
            double leak = gr.savings().value() + gr.outside().value() + gr.transfersOut().value();
            assertRelative(spending / (1 - leak), b.income(h));
            assertEquals(1, b.cpi(h), TOL);
        }
    }

    private static void assertRelative(double expected, double actual) {
        assertEquals(expected, actual, TOL * Math.max(1, Math.abs(expected)));
    }
}
