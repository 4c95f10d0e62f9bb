package org.synergia.lewie.model;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.synergia.data.InputException;
import org.synergia.lewie.params.FactorMarket;
import org.synergia.lewie.params.GoodMarket;
import org.synergia.lewie.params.LewieParameters;
import org.synergia.lewie.params.Share;

/**
 * The calibration of an {@link Economy} to the baseline its parameters describe: checks the
 * parameters, then derives the activities' technologies, the groups' shares of the hired
 * factors' wage bills, the groups' spending and exogenous income, and the goods markets' net
 * surplus. The fields hold the results, indexed as in {@link Economy}.
 */
final class EconomyCalibration {

    private static final double SUM_TOLERANCE = 1e-6;

    private final LewieParameters p;
    private final Map<String, Integer> goodIx;
    private final Map<String, Integer> factorIx;
    private final Map<String, Integer> groupIx;

    final String name;
    final String currency;
    final String[] goods;
    final String[] factors;
    final String[] groups;
    final String[] villages;
    final GoodMarket[] goodMarket;
    final FactorMarket[] factorMarket;
    final double[] elasticity;
    final double constrainedElasticity;
    final int[] groupVillage;
    final double[] households;
    final int[] actGood;
    final int[] actGroup;
    final double[] output0;
    final double[][] beta;
    final double[][] inter;
    final double[] tfp;
    final double[][] factorUse0;
    final double[] shadow0;
    final double[] cashShare;
    final double[][] theta;
    final double[][] alpha;
    final double[][] subsistence;
    final double[][] consumption0;
    final double[] savings;
    final double[] outside;
    final double[] transfersOut;
    final double[] income0;
    final double[] exogenous;
    final double[][] netSurplus;

    /**
     * @param p the shares and quantities
     * @throws InputException when the parameters are inconsistent or the accounts cannot close
     */
    EconomyCalibration(LewieParameters p) {
        this.p = p;
        name = p.name();
        currency = p.currency();
        goods = p.goods().stream().map(LewieParameters.Good::name).toArray(String[]::new);
        factors = p.factors().stream().map(LewieParameters.Factor::name).toArray(String[]::new);
        groups = p.groups().stream().map(LewieParameters.Group::name).toArray(String[]::new);
        goodIx = index(goods, "good");
        factorIx = index(factors, "factor");
        groupIx = index(groups, "group");
        int nG = goods.length;
        int nF = factors.length;
        int nH = groups.length;
        int nK = p.activities().size();
        if (nG == 0 || nF == 0 || nH == 0 || nK == 0) {
            throw new InputException("LEWIE parameters '" + name + "' need at least one good, factor, group and"
                    + " activity (found " + nG + ", " + nF + ", " + nH + ", " + nK + ")");
        }
        goodMarket = p.goods().stream().map(LewieParameters.Good::market).toArray(GoodMarket[]::new);
        factorMarket = p.factors().stream().map(LewieParameters.Factor::market).toArray(FactorMarket[]::new);
        elasticity = p.factors().stream().mapToDouble(LewieParameters.Factor::elasticity).toArray();
        checkElasticities();
        constrainedElasticity = p.constrainedElasticity();
        if (!(constrainedElasticity >= 0) || Double.isInfinite(constrainedElasticity)) {
            throw new InputException("constrained labour supply elasticity " + constrainedElasticity
                    + " must be finite and non-negative");
        }
        groupVillage = new int[nH];
        households = new double[nH];
        villages = placeGroups();

        actGood = new int[nK];
        actGroup = new int[nK];
        output0 = new double[nK];
        beta = new double[nK][nF];
        inter = new double[nK][nG];
        tfp = new double[nK];
        factorUse0 = new double[nK][nF];
        shadow0 = new double[nK];
        cashShare = new double[nK];
        boolean[][] seen = new boolean[nH][nG];
        for (int k = 0; k < nK; k++) {
            calibrateActivity(k, seen);
        }

        theta = new double[nF][nH];
        calibrateHiredFactors();

        alpha = new double[nH][nG];
        subsistence = new double[nH][nG];
        consumption0 = new double[nH][nG];
        savings = new double[nH];
        outside = new double[nH];
        transfersOut = new double[nH];
        income0 = new double[nH];
        exogenous = new double[nH];
        for (int h = 0; h < nH; h++) {
            calibrateGroup(h);
        }
        closeAccounts();
        netSurplus = netSurplus();
    }

    private void checkElasticities() {
        for (int f = 0; f < factors.length; f++) {
            if (factorMarket[f] != FactorMarket.FIXED && !(elasticity[f] >= 0)) {
                throw new InputException("factor '" + factors[f] + "': supply elasticity " + elasticity[f]
                        + " must be zero or positive (use .inf for a perfectly elastic supply)");
            }
        }
    }

    /** Fills each group's village and number of households; returns the villages' names. */
    private String[] placeGroups() {
        List<String> villageNames = new ArrayList<>();
        for (int h = 0; h < groups.length; h++) {
            LewieParameters.Group gr = p.groups().get(h);
            String v = gr.village() == null ? "zone" : gr.village();
            if (!villageNames.contains(v)) {
                villageNames.add(v);
            }
            groupVillage[h] = villageNames.indexOf(v);
            households[h] = positive(gr.households(), "group '" + groups[h] + "': number of households");
        }
        return villageNames.toArray(String[]::new);
    }

    /** Activity {@code k}: output, factor and intermediate shares, liquidity constraint, factor use and TFP. */
    private void calibrateActivity(int k, boolean[][] seen) {
        LewieParameters.Activity a = p.activities().get(k);
        int h = lookup(groupIx, a.group(), "group", "activity");
        int g = lookup(goodIx, a.good(), "good", "activity of group '" + a.group() + "'");
        String where = "activity " + a.good() + "/" + a.group();
        if (seen[h][g]) {
            throw new InputException(where + " is listed twice: give one activity per group and good");
        }
        seen[h][g] = true;
        actGood[k] = g;
        actGroup[k] = h;
        output0[k] = households[h] * positive(a.output(), where + ": output per household");
        factorShares(k, a, where);
        double sumInter = 0;
        for (Map.Entry<String, Share> e : a.intermediateShares().entrySet()) {
            int g2 = lookup(goodIx, e.getKey(), "good", where + " intermediate inputs");
            inter[k][g2] = share(e.getValue().value(), where + ": intermediate share of " + e.getKey());
            sumInter += inter[k][g2];
        }
        if (sumInter >= 1) {
            throw new InputException(where + ": intermediate input shares sum to " + sumInter
                    + ", leaving no value added; they must sum to less than 1");
        }
        if (a.liquidity() != null) {
            if (!(a.liquidity().shadowPrice() > 0) || Double.isInfinite(a.liquidity().shadowPrice())) {
                throw new InputException(where + ": liquidity shadow price " + a.liquidity().shadowPrice()
                        + " must be positive (the constraint binds at the baseline); remove the constraint otherwise");
            }
            shadow0[k] = a.liquidity().shadowPrice();
            cashShare[k] = share(a.liquidity().transferShare(), where + ": share of transfers that becomes cash");
        }
        double va = output0[k] * (1 - sumInter);
        double logTfp = Math.log(output0[k]);
        for (int f = 0; f < factors.length; f++) {
            if (beta[k][f] > 0) {
                factorUse0[k][f] = beta[k][f] * va / (factorMarket[f] == FactorMarket.FIXED ? 1 : 1 + shadow0[k]);
                logTfp -= beta[k][f] * Math.log(factorUse0[k][f]);
            }
        }
        tfp[k] = Math.exp(logTfp);
    }

    /** Activity {@code k}'s Cobb-Douglas factor shares: constant returns, with a fixed factor. */
    private void factorShares(int k, LewieParameters.Activity a, String where) {
        double sumBeta = 0;
        double fixedShare = 0;
        for (Map.Entry<String, Share> e : a.factorShares().entrySet()) {
            int f = lookup(factorIx, e.getKey(), "factor", where);
            beta[k][f] = share(e.getValue().value(), where + ": factor share of " + e.getKey());
            sumBeta += beta[k][f];
            if (factorMarket[f] == FactorMarket.FIXED) {
                fixedShare += beta[k][f];
            }
        }
        if (Math.abs(sumBeta - 1) > SUM_TOLERANCE) {
            throw new InputException(where + ": factor shares sum to " + sumBeta
                    + "; constant returns need them to sum to 1 (rescale them)");
        }
        if (fixedShare <= 0) {
            throw new InputException(where + ": no fixed factor (land, capital) has a positive share, so its"
                    + " supply is indeterminate; give a fixed factor a share");
        }
    }

    /** Each group's share of each hired factor's local wage bill, from its factor income or its own activities. */
    private void calibrateHiredFactors() {
        int nV = villages.length;
        double[][] demand0 = new double[factors.length][nV];
        for (int k = 0; k < actGroup.length; k++) {
            for (int f = 0; f < factors.length; f++) {
                demand0[f][Economy.marketIndex(factorMarket[f], groupVillage[actGroup[k]])] += factorUse0[k][f];
            }
        }
        for (int f = 0; f < factors.length; f++) {
            if (factorMarket[f] == FactorMarket.FIXED) {
                continue;
            }
            String factorName = factors[f];
            boolean given = p.groups().stream().anyMatch(gr -> gr.factorIncome().containsKey(factorName));
            double[] sum = new double[nV];
            for (int h = 0; h < groups.length; h++) {
                int m = Economy.marketIndex(factorMarket[f], groupVillage[h]);
                double earned = given ? givenFactorIncome(f, h) : ownFactorUse(f, h);
                if (earned > 0 && demand0[f][m] <= 0) {
                    throw new InputException("group '" + groups[h] + "' earns " + earned + " from " + factors[f]
                            + " but no local activity hires it; record that income as exogenous income instead");
                }
                theta[f][h] = earned > 0 ? earned / demand0[f][m] : 0;
                sum[m] += theta[f][h];
            }
            for (int m = 0; m < nV; m++) {
                if (sum[m] > 1 + 1e-12) {
                    throw new InputException("the groups earn " + sum[m] + " times the local wage bill of "
                            + factors[f] + (factorMarket[f] == FactorMarket.VILLAGE ? " in village " + villages[m] : "")
                            + "; accounts cannot close: record wages earned outside the local economy as exogenous income");
                }
            }
        }
    }

    /** Group {@code h}'s income from factor {@code f} as the parameters give it (none when not given). */
    private double givenFactorIncome(int f, int h) {
        Double mean = p.groups().get(h).factorIncome().get(factors[f]);
        return mean == null ? 0 : households[h] * nonNegative(mean, "group '" + groups[h]
                + "': income from " + factors[f]);
    }

    /** Group {@code h}'s own activities' use of factor {@code f}. */
    private double ownFactorUse(int f, int h) {
        double earned = 0;
        for (int k = 0; k < actGroup.length; k++) {
            if (actGroup[k] == h) {
                earned += factorUse0[k][f];
            }
        }
        return earned;
    }

    /** Group {@code h}: consumption, linear expenditure system, leakages and baseline income. */
    private void calibrateGroup(int h) {
        LewieParameters.Group gr = p.groups().get(h);
        String where = "group '" + groups[h] + "'";
        double spending = households[h] * positive(gr.expenditure(), where + ": expenditure per household");
        double sumShares = 0;
        for (Map.Entry<String, Share> e : gr.budgetShares().entrySet()) {
            int g = lookup(goodIx, e.getKey(), "good", where + " budget shares");
            double w = share(e.getValue().value(), where + ": budget share of " + e.getKey());
            consumption0[h][g] = w * spending;
            sumShares += w;
        }
        if (Math.abs(sumShares - 1) > SUM_TOLERANCE) {
            throw new InputException(where + ": budget shares sum to " + sumShares + "; they must sum to 1");
        }
        double committed = 0;
        for (Map.Entry<String, Double> e : gr.subsistence().entrySet()) {
            int g = lookup(goodIx, e.getKey(), "good", where + " subsistence");
            double fraction = e.getValue();
            if (!(fraction >= 0 && fraction < 1)) {
                throw new InputException(where + ": subsistence fraction of " + e.getKey() + " is " + fraction
                        + "; it must be in [0, 1)");
            }
            subsistence[h][g] = fraction * consumption0[h][g];
            committed += subsistence[h][g];
        }
        for (int g = 0; g < goods.length; g++) {
            alpha[h][g] = (consumption0[h][g] - subsistence[h][g]) / (spending - committed);
        }
        savings[h] = share(gr.savings().value(), where + ": savings share");
        outside[h] = share(gr.outside().value(), where + ": outside spending share");
        transfersOut[h] = share(gr.transfersOut().value(), where + ": transfers-out share");
        double leak = savings[h] + outside[h] + transfersOut[h];
        if (leak >= 1) {
            throw new InputException(where + ": savings, outside spending and transfers out take " + leak
                    + " of income; they must take less than all of it");
        }
        income0[h] = spending / (1 - leak);
    }

    /** Each group's exogenous income: what its spending implies beyond its factor and rent income. */
    private void closeAccounts() {
        double[] earned = endogenousIncome();
        for (int h = 0; h < groups.length; h++) {
            exogenous[h] = income0[h] - earned[h];
            if (exogenous[h] < -1e-9 * income0[h]) {
                throw new InputException("group '" + groups[h] + "': accounts cannot close: its factor income "
                        + earned[h] + " exceeds the income its spending implies (" + income0[h]
                        + "); check its expenditure, savings and outside spending shares or its activities' output");
            }
            exogenous[h] = Math.max(exogenous[h], 0);
        }
    }

    /** Baseline factor and rent income of each group, before exogenous income. */
    private double[] endogenousIncome() {
        double[] y = new double[groups.length];
        int nV = villages.length;
        double[][] wageBill = new double[factors.length][nV];
        for (int k = 0; k < output0.length; k++) {
            double va = output0[k];
            for (int g = 0; g < goods.length; g++) {
                va -= inter[k][g] * output0[k];
            }
            double rent = va;
            for (int f = 0; f < factors.length; f++) {
                if (factorMarket[f] != FactorMarket.FIXED) {
                    rent -= factorUse0[k][f];
                    wageBill[f][Economy.marketIndex(factorMarket[f], groupVillage[actGroup[k]])] += factorUse0[k][f];
                }
            }
            y[actGroup[k]] += rent;
        }
        for (int h = 0; h < groups.length; h++) {
            for (int f = 0; f < factors.length; f++) {
                if (factorMarket[f] != FactorMarket.FIXED) {
                    y[h] += theta[f][h] * wageBill[f][Economy.marketIndex(factorMarket[f], groupVillage[h])];
                }
            }
        }
        return y;
    }

    /** The fixed net surplus that closes each local goods market at the baseline. */
    private double[][] netSurplus() {
        double[][] surplus = new double[goods.length][villages.length];
        for (int k = 0; k < output0.length; k++) {
            int v = groupVillage[actGroup[k]];
            surplus[actGood[k]][Economy.marketIndex(goodMarket[actGood[k]], v)] += output0[k];
            for (int g = 0; g < goods.length; g++) {
                surplus[g][Economy.marketIndex(goodMarket[g], v)] -= inter[k][g] * output0[k];
            }
        }
        for (int h = 0; h < groups.length; h++) {
            for (int g = 0; g < goods.length; g++) {
                surplus[g][Economy.marketIndex(goodMarket[g], groupVillage[h])] -= consumption0[h][g];
            }
        }
        return surplus;
    }

    private static Map<String, Integer> index(String[] names, String kind) {
        Map<String, Integer> ix = new HashMap<>();
        for (int i = 0; i < names.length; i++) {
            if (names[i] == null || names[i].isBlank()) {
                throw new InputException("a " + kind + " has no name: give every " + kind + " a name");
            }
            if (ix.put(names[i], i) != null) {
                throw new InputException(kind + " '" + names[i] + "' is listed twice: names must be unique");
            }
        }
        return ix;
    }

    private static int lookup(Map<String, Integer> ix, String name, String kind, String where) {
        Integer i = ix.get(name);
        if (i == null) {
            throw new InputException(where + " names " + kind + " '" + name + "', which is not declared; declare it"
                    + " under the " + kind + "s or correct the name");
        }
        return i;
    }

    private static double share(double value, String what) {
        if (!(value >= 0 && value <= 1)) {
            throw new InputException(what + " is " + value + "; a share must be in [0, 1]");
        }
        return value;
    }

    private static double positive(double value, String what) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new InputException(what + " is " + value + "; it must be positive and finite");
        }
        return value;
    }

    private static double nonNegative(double value, String what) {
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw new InputException(what + " is " + value + "; it must be zero or positive and finite");
        }
        return value;
    }
}
