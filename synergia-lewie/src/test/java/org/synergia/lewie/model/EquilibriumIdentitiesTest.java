package org.synergia.lewie.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.synergia.lewie.params.FactorMarket;
import org.synergia.lewie.params.GoodMarket;
import org.synergia.lewie.params.ParameterFile;
import org.synergia.lewie.solve.NewtonSolver;

/**
 * A solved scenario with scarce labour, a transfer, a productivity shock and a liquidity
 * constraint satisfies the model's defining equations, checked one by one from the reported
 * state (not from the closed forms the solver uses): production functions, first-order
 * conditions, market clearing, labour supply, and the income-expenditure identity.
 */
class EquilibriumIdentitiesTest {

    private static final double TOL = 1e-9;

    @Test
    void solvedStateSatisfiesTheModel() {
        Economy e = Economy.calibrate(ParameterFile.lesothoExample());
        int nF = e.factors.length;
        int nG = e.goods.length;
        int nH = e.groups.length;
        int nK = e.output0.length;
        double[] elasticity = new double[nF];
        Arrays.fill(elasticity, 0.7);
        double[] transfer = new double[nH];
        transfer[0] = 3_000_000;
        double[] productivity = new double[nK];
        Arrays.fill(productivity, 1);
        int vegetables = e.activity(e.good("vegetables"), 0);
        productivity[vegetables] = 1.3;
        EquilibriumSystem system = new EquilibriumSystem(e, PriceRegime.FLEXIBLE, elasticity, transfer, productivity);
        NewtonSolver.Solution sol = NewtonSolver.withDefaults().solve(system, system.baselineGuess());
        Equilibrium s = system.state(sol.x(), sol.iterations(), sol.residual());

        double[][] supply = new double[nG][e.villages.length];
        double[][] demand = new double[nG][e.villages.length];
        double[][] wageBill = new double[nF][e.villages.length];
        double[][] labourDemand = new double[nF][e.villages.length];
        double[] ownIncome = new double[nH];
        for (int k = 0; k < nK; k++) {
            int h = e.actGroup[k];
            int v = e.groupVillage[h];
            int g = e.actGood[k];
            double q = s.output(k);
            // production function with the reported factor use
            double logQ = Math.log(e.tfp[k] * productivity[k]);
            for (int f = 0; f < nF; f++) {
                if (e.beta[k][f] > 0) {
                    logQ += e.beta[k][f] * Math.log(s.factorUse(k, f));
                }
            }
            assertEquals(Math.log(q), logQ, TOL, "production function of activity " + k);
            double pva = s.price(g, v);
            for (int g2 = 0; g2 < nG; g2++) {
                pva -= e.inter[k][g2] * s.price(g2, v);
                demand[g2][e.goodMarketIndex(g2, v)] += e.inter[k][g2] * q;
            }
            supply[g][e.goodMarketIndex(g, v)] += q;
            double hiredCost = 0;
            for (int f = 0; f < nF; f++) {
                if (e.factorMarket[f] == FactorMarket.FIXED) {
                    assertEquals(e.factorUse0[k][f], s.factorUse(k, f), TOL * e.factorUse0[k][f]);
                } else if (e.beta[k][f] > 0) {
                    double w = s.wage(f, v);
                    // first-order condition: value marginal product = wage x (1 + shadow price of cash)
                    assertEquals(e.beta[k][f] * pva * q / s.factorUse(k, f), w * (1 + s.shadowPrice(k)), TOL,
                            "FOC of factor " + f + " in activity " + k);
                    hiredCost += w * s.factorUse(k, f);
                    wageBill[f][e.factorMarketIndex(f, v)] += w * s.factorUse(k, f);
                    labourDemand[f][e.factorMarketIndex(f, v)] += s.factorUse(k, f);
                }
            }
            ownIncome[h] += pva * q - hiredCost;
            if (e.shadow0[k] > 0) {
                // the cash constraint binds (shadow price > 0) or is slack
                double cash = hiredCostAtBaseline(e, k) + e.cashShare[k] * transfer[h];
                double slack = cash - hiredCost;
                assertEquals(0, s.shadowPrice(k) * slack / cash, TOL);
            }
        }
        for (int h = 0; h < nH; h++) {
            int v = e.groupVillage[h];
            double y = ownIncome[h] + e.exogenous[h] + transfer[h];
            for (int f = 0; f < nF; f++) {
                if (e.factorMarket[f] != FactorMarket.FIXED) {
                    y += e.theta[f][h] * wageBill[f][e.factorMarketIndex(f, v)];
                }
            }
            assertEquals(y, s.income(h), TOL * y, "income of group " + h);
            double spent = 0;
            for (int g = 0; g < nG; g++) {
                spent += s.price(g, v) * s.consumption(h, g);
                demand[g][e.goodMarketIndex(g, v)] += s.consumption(h, g);
            }
            double leak = e.savings[h] + e.outside[h] + e.transfersOut[h];
            assertEquals(y * (1 - leak), spent, TOL * y, "budget of group " + h);
        }
        for (int g = 0; g < nG; g++) {
            for (int m = 0; m < e.villages.length; m++) {
                if (e.goodMarket[g] != GoodMarket.WORLD && (m == 0 || e.goodMarket[g] == GoodMarket.VILLAGE)) {
                    double scale = 1 + supply[g][m] + demand[g][m];
                    assertEquals(e.netSurplus[g][m], supply[g][m] - demand[g][m], TOL * scale, "market " + g + "/" + m);
                }
            }
        }
        // labour supply: baseline supply x (wage / consumer price index)^elasticity
        for (int f = 0; f < nF; f++) {
            if (e.factorMarket[f] == FactorMarket.ZONE) {
                double base = 0;
                for (int k = 0; k < nK; k++) {
                    base += e.factorUse0[k][f];
                }
                double cpi = 0;
                double weight = 0;
                for (int h = 0; h < nH; h++) {
                    double c0 = Arrays.stream(e.consumption0[h]).sum();
                    cpi += c0 * s.cpi(h);
                    weight += c0;
                }
                double supplied = base * Math.pow(s.wage(f, 0) / (cpi / weight), 0.7);
                assertEquals(supplied, labourDemand[f][0], TOL * base, "labour market " + f);
            }
        }
        assertTrue(s.wage(0, 0) > 1.0001, "scarce labour: the wage rises");
    }

    private static double hiredCostAtBaseline(Economy e, int k) {
        double c = 0;
        for (int f = 0; f < e.factors.length; f++) {
            if (e.factorMarket[f] != FactorMarket.FIXED) {
                c += e.factorUse0[k][f];
            }
        }
        return c;
    }
}
