package org.synergia.lewie.model;

import java.util.Arrays;
import org.synergia.lewie.params.FactorMarket;
import org.synergia.lewie.params.GoodMarket;
import org.synergia.lewie.solve.SquareSystem;

/**
 * The market-clearing equations of a calibrated economy under one scenario (Taylor and Filipski
 * 2014, ch. 5 and appendix). Given prices, everything else follows in closed form: each
 * activity's output from its Cobb-Douglas technology with fixed factors at their baseline levels
 * ({@code Q = [A prod_K K^b_K prod_L (b_L PVA / (w_L (1 + lambda)))^b_L]^(1 / (1 - sum_L b_L))},
 * with {@code PVA} the value-added price), hired-factor demand {@code b_L PVA Q / (w_L (1 + lambda))},
 * intermediate demand in fixed shares of output, group income (rents of own activities, shares of
 * the wage bills, exogenous income and transfers) and linear expenditure demand
 * {@code p_g c_g = p_g cmin_g + alpha_g (m - sum p cmin)} out of income net of savings, outside
 * spending and transfers out. The unknowns are the logarithms of endogenous prices (local goods,
 * hired factors with a finite supply elasticity) and the liquidity constraints' shadow prices;
 * the equations are the scaled excess supplies and Fischer-Burmeister complementarity conditions
 * {@code lambda + s - sqrt(lambda^2 + s^2) = 0} for the constraints (slack {@code s}).
 * Under {@link PriceRegime#FIXED} the unknowns are instead the logarithms of each local good's
 * output scale.
 */
public final class EquilibriumSystem implements SquareSystem {

    private final Economy e;
    private final PriceRegime regime;
    private final double[] elasticity;
    private final double[] transfer;
    private final double[] productivity;
    private final int[][] goodVar;
    private final int[][] factorVar;
    private final int[] shadowVar;
    private final double[][] goodScale;
    private final double[][] factorSupply0;
    private final double[][] cpiWeight;
    private final double[] cash0;
    private final int dimension;
    private final Workspace work;

    /**
     * @param economy the calibrated economy
     * @param regime how prices are determined
     * @param elasticity each factor's supply elasticity ({@code +inf}: fixed wage; ignored for fixed and
     *     world-priced factors)
     * @param transfer the transfer received by each group
     * @param productivity each activity's productivity multiplier (1: no shock)
     */
    public EquilibriumSystem(Economy economy, PriceRegime regime, double[] elasticity, double[] transfer,
            double[] productivity) {
        this.e = economy;
        this.regime = regime;
        this.elasticity = elasticity.clone();
        this.transfer = transfer.clone();
        this.productivity = productivity.clone();
        int nG = e.goods.length;
        int nF = e.factors.length;
        int nV = e.villages.length;
        int nK = e.output0.length;
        int nH = e.groups.length;
        work = new Workspace(nG, nF, nV, nK, nH);

        // baseline supply and demand of each market, to know which markets exist and to scale residuals
        double[][] supply0 = new double[nG][nV];
        goodScale = new double[nG][nV];
        factorSupply0 = new double[nF][nV];
        cash0 = new double[nK];
        for (int k = 0; k < nK; k++) {
            int v = e.groupVillage[e.actGroup[k]];
            int g = e.actGood[k];
            supply0[g][e.goodMarketIndex(g, v)] += e.output0[k];
            goodScale[g][e.goodMarketIndex(g, v)] += e.output0[k];
            for (int g2 = 0; g2 < nG; g2++) {
                goodScale[g2][e.goodMarketIndex(g2, v)] += e.inter[k][g2] * e.output0[k];
            }
            for (int f = 0; f < nF; f++) {
                if (e.factorMarket[f] != FactorMarket.FIXED) {
                    factorSupply0[f][e.factorMarketIndex(f, v)] += e.factorUse0[k][f];
                    cash0[k] += e.factorUse0[k][f];
                }
            }
        }
        cpiWeight = new double[nH][nG];
        for (int h = 0; h < nH; h++) {
            double total = 0;
            for (int g = 0; g < nG; g++) {
                goodScale[g][e.goodMarketIndex(g, e.groupVillage[h])] += e.consumption0[h][g];
                total += e.consumption0[h][g];
            }
            for (int g = 0; g < nG; g++) {
                cpiWeight[h][g] = e.consumption0[h][g] / total;
            }
        }

        int n = 0;
        goodVar = new int[nG][nV];
        for (int g = 0; g < nG; g++) {
            for (int m = 0; m < nV; m++) {
                goodVar[g][m] = -1;
                boolean exists = e.goodMarket[g] != GoodMarket.WORLD && (m == 0 || e.goodMarket[g] == GoodMarket.VILLAGE);
                boolean unknown = regime == PriceRegime.FLEXIBLE ? goodScale[g][m] > 0 : supply0[g][m] > 0;
                if (exists && unknown) {
                    goodVar[g][m] = n++;
                }
            }
        }
        factorVar = new int[nF][nV];
        for (int f = 0; f < nF; f++) {
            for (int m = 0; m < nV; m++) {
                factorVar[f][m] = -1;
                boolean exists = e.factorMarket[f] != FactorMarket.FIXED && e.factorMarket[f] != FactorMarket.WORLD
                        && (m == 0 || e.factorMarket[f] == FactorMarket.VILLAGE);
                if (exists && regime == PriceRegime.FLEXIBLE && Double.isFinite(elasticity[f])
                        && factorSupply0[f][m] > 0) {
                    factorVar[f][m] = n++;
                }
            }
        }
        shadowVar = new int[nK];
        for (int k = 0; k < nK; k++) {
            shadowVar[k] = regime == PriceRegime.FLEXIBLE && e.shadow0[k] > 0 ? n++ : -1;
        }
        dimension = n;
    }

    @Override
    public int dimension() {
        return dimension;
    }

    /** @return the unknowns at the calibrated baseline (log prices 0, baseline shadow prices) */
    public double[] baselineGuess() {
        double[] x = new double[dimension];
        for (int k = 0; k < shadowVar.length; k++) {
            if (shadowVar[k] >= 0) {
                x[shadowVar[k]] = e.shadow0[k];
            }
        }
        return x;
    }

    @Override
    public boolean evaluate(double[] x, double[] residual) {
        if (!compute(x)) {
            return false;
        }
        Workspace w = work;
        int nG = e.goods.length;
        int nV = e.villages.length;
        for (int g = 0; g < nG; g++) {
            for (int m = 0; m < nV; m++) {
                if (goodVar[g][m] >= 0) {
                    residual[goodVar[g][m]] = (w.supply[g][m] - w.demand[g][m] - e.netSurplus[g][m]) / goodScale[g][m];
                }
            }
        }
        for (int f = 0; f < e.factors.length; f++) {
            for (int m = 0; m < nV; m++) {
                if (factorVar[f][m] >= 0) {
                    double s0 = factorSupply0[f][m];
                    double realWage = w.wage[f][m]
                            / (e.factorMarket[f] == FactorMarket.VILLAGE ? w.villageCpi[m] : w.zoneCpi);
                    double supply = s0 * Math.pow(realWage, elasticity[f]);
                    residual[factorVar[f][m]] = (w.factorDemand[f][m] - supply) / s0;
                }
            }
        }
        for (int k = 0; k < shadowVar.length; k++) {
            if (shadowVar[k] >= 0) {
                double lambda = x[shadowVar[k]];
                double cash = cash0[k] + e.cashShare[k] * transfer[e.actGroup[k]];
                double slack = (cash - w.hiredCost[k]) / cash0[k];
                residual[shadowVar[k]] = lambda + slack - Math.sqrt(lambda * lambda + slack * slack);
            }
        }
        for (double r : residual) {
            if (!Double.isFinite(r)) {
                return false;
            }
        }
        return true;
    }

    /**
     * The full state at given unknowns (normally a solution).
     *
     * @param x the unknowns
     * @param iterations Newton iterations taken
     * @param residualNorm largest residual at x
     * @return the state
     * @throws IllegalArgumentException when x is outside the domain
     */
    public Equilibrium state(double[] x, int iterations, double residualNorm) {
        if (!compute(x)) {
            throw new IllegalArgumentException("the unknowns are outside the domain of the equations");
        }
        Workspace w = work;
        int nG = e.goods.length;
        int nH = e.groups.length;
        double[][] price = new double[nG][];
        double[] surplus = new double[nG];
        for (int g = 0; g < nG; g++) {
            price[g] = w.villagePrice[g].clone();
            for (int m = 0; m < e.villages.length; m++) {
                surplus[g] += w.supply[g][m] - w.demand[g][m];
            }
        }
        double[][] wage = new double[e.factors.length][e.villages.length];
        for (int f = 0; f < wage.length; f++) {
            for (int v = 0; v < e.villages.length; v++) {
                wage[f][v] = e.factorMarket[f] == FactorMarket.FIXED ? 1 : w.wage[f][e.factorMarketIndex(f, v)];
            }
        }
        double[][] use = new double[w.factorUse.length][];
        for (int k = 0; k < use.length; k++) {
            use[k] = w.factorUse[k].clone();
        }
        double[][] cons = new double[nH][];
        for (int h = 0; h < nH; h++) {
            cons[h] = w.consumption[h].clone();
        }
        return new Equilibrium(price, wage, w.output.clone(), use, w.income.clone(), w.cpi.clone(), cons,
                w.shadow.clone(), surplus, iterations, residualNorm);
    }

    /** Fills the workspace from the unknowns; false when a value-added price is not positive. */
    private boolean compute(double[] x) {
        Workspace w = work;
        int nG = e.goods.length;
        int nF = e.factors.length;
        int nV = e.villages.length;
        int nK = e.output0.length;
        int nH = e.groups.length;
        for (int g = 0; g < nG; g++) {
            for (int v = 0; v < nV; v++) {
                int m = e.goodMarketIndex(g, v);
                int j = goodVar[g][m];
                w.villagePrice[g][v] = regime == PriceRegime.FLEXIBLE && j >= 0 ? Math.exp(x[j]) : 1;
                w.supply[g][v] = 0;
                w.demand[g][v] = 0;
            }
        }
        for (int f = 0; f < nF; f++) {
            for (int m = 0; m < nV; m++) {
                w.wage[f][m] = factorVar[f][m] >= 0 ? Math.exp(x[factorVar[f][m]]) : 1;
                w.wageBill[f][m] = 0;
                w.factorDemand[f][m] = 0;
            }
        }
        Arrays.fill(w.rent, 0);
        for (int k = 0; k < nK; k++) {
            int h = e.actGroup[k];
            int g = e.actGood[k];
            int v = e.groupVillage[h];
            double[] b = e.beta[k];
            double pva = w.villagePrice[g][v];
            for (int g2 = 0; g2 < nG; g2++) {
                pva -= e.inter[k][g2] * w.villagePrice[g2][v];
            }
            if (!(pva > 0)) {
                return false;
            }
            double lambda = shadowVar[k] >= 0 ? Math.max(x[shadowVar[k]], 0) : e.shadow0[k];
            double q;
            if (regime == PriceRegime.FLEXIBLE) {
                double hiredShare = 0;
                double logQ = Math.log(e.tfp[k] * productivity[k]);
                for (int f = 0; f < nF; f++) {
                    if (b[f] <= 0) {
                        continue;
                    }
                    if (e.factorMarket[f] == FactorMarket.FIXED) {
                        logQ += b[f] * Math.log(e.factorUse0[k][f]);
                    } else {
                        hiredShare += b[f];
                        double wf = w.wage[f][e.factorMarketIndex(f, v)];
                        logQ += b[f] * Math.log(b[f] * pva / (wf * (1 + lambda)));
                    }
                }
                q = Math.exp(logQ / (1 - hiredShare));
            } else {
                int j = goodVar[g][e.goodMarketIndex(g, v)];
                q = e.output0[k] * (j >= 0 ? Math.exp(x[j]) : 1);
            }
            w.output[k] = q;
            w.shadow[k] = lambda;
            double hiredCost = 0;
            for (int f = 0; f < nF; f++) {
                double use;
                if (e.factorMarket[f] == FactorMarket.FIXED) {
                    use = regime == PriceRegime.FLEXIBLE ? e.factorUse0[k][f] : b[f] * pva * q / productivity[k];
                } else {
                    int m = e.factorMarketIndex(f, v);
                    double wf = w.wage[f][m];
                    double unit = regime == PriceRegime.FLEXIBLE ? 1 : productivity[k];
                    use = b[f] * pva * q / (wf * (1 + lambda) * unit);
                    w.factorDemand[f][m] += use;
                    w.wageBill[f][m] += wf * use;
                    hiredCost += wf * use;
                }
                w.factorUse[k][f] = use;
            }
            w.hiredCost[k] = hiredCost;
            w.rent[h] += pva * q - hiredCost;
            w.supply[g][e.goodMarketIndex(g, v)] += q;
            for (int g2 = 0; g2 < nG; g2++) {
                w.demand[g2][e.goodMarketIndex(g2, v)] += e.inter[k][g2] * q;
            }
        }
        Arrays.fill(w.villageCpi, 0);
        double[] villageWeight = new double[nV];
        double zoneCpi = 0;
        double zoneWeight = 0;
        for (int h = 0; h < nH; h++) {
            int v = e.groupVillage[h];
            double y = w.rent[h] + e.exogenous[h] + transfer[h];
            for (int f = 0; f < nF; f++) {
                if (e.factorMarket[f] != FactorMarket.FIXED) {
                    y += e.theta[f][h] * w.wageBill[f][e.factorMarketIndex(f, v)];
                }
            }
            w.income[h] = y;
            double cpi = 0;
            double committed = 0;
            for (int g = 0; g < nG; g++) {
                double p = w.villagePrice[g][v];
                cpi += cpiWeight[h][g] * p;
                committed += p * e.subsistence[h][g];
            }
            w.cpi[h] = cpi;
            double budget = (1 - e.savings[h] - e.outside[h] - e.transfersOut[h]) * y;
            for (int g = 0; g < nG; g++) {
                double p = w.villagePrice[g][v];
                double c = e.subsistence[h][g] + e.alpha[h][g] * (budget - committed) / p;
                w.consumption[h][g] = c;
                w.demand[g][e.goodMarketIndex(g, v)] += c;
            }
            // consumer price indices of the village and the zone: baseline-consumption weighted
            double c0 = 0;
            for (int g = 0; g < nG; g++) {
                c0 += e.consumption0[h][g];
            }
            w.villageCpi[v] += c0 * cpi;
            villageWeight[v] += c0;
            zoneCpi += c0 * cpi;
            zoneWeight += c0;
        }
        for (int v = 0; v < nV; v++) {
            w.villageCpi[v] = villageWeight[v] > 0 ? w.villageCpi[v] / villageWeight[v] : 1;
        }
        w.zoneCpi = zoneCpi / zoneWeight;
        return true;
    }

    /** Scratch arrays reused across evaluations (a system is used by one thread at a time). */
    private static final class Workspace {
        final double[][] villagePrice;
        final double[][] supply;
        final double[][] demand;
        final double[][] wage;
        final double[][] wageBill;
        final double[][] factorDemand;
        final double[] output;
        final double[] shadow;
        final double[] hiredCost;
        final double[][] factorUse;
        final double[] rent;
        final double[] income;
        final double[] cpi;
        final double[][] consumption;
        final double[] villageCpi;
        double zoneCpi;

        Workspace(int nG, int nF, int nV, int nK, int nH) {
            villagePrice = new double[nG][nV];
            supply = new double[nG][nV];
            demand = new double[nG][nV];
            wage = new double[nF][nV];
            wageBill = new double[nF][nV];
            factorDemand = new double[nF][nV];
            output = new double[nK];
            shadow = new double[nK];
            hiredCost = new double[nK];
            factorUse = new double[nK][nF];
            rent = new double[nH];
            income = new double[nH];
            cpi = new double[nH];
            consumption = new double[nH][nG];
            villageCpi = new double[nV];
        }
    }
}
