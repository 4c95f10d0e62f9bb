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
 * A calibrated local economy (Taylor and Filipski 2014, ch. 5): every price is one at the
 * baseline, quantities are per-household means times the number of households, Cobb-Douglas
 * shift parameters make the production functions pass through the baseline, and each group's
 * exogenous income closes its account. Immutable; build one with {@link #calibrate}.
 *
 * <p>Activities are indexed {@code k}, goods {@code g}, factors {@code f}, groups {@code h} and
 * villages {@code v}; markets of a good or factor are indexed by village when it is traded at
 * village level and by 0 when it is traded in the zone.
 */
public final class Economy {

    private static final double SUM_TOLERANCE = 1e-6;

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

    private Economy(LewieParameters p) {
        name = p.name();
        currency = p.currency();
        goods = p.goods().stream().map(LewieParameters.Good::name).toArray(String[]::new);
        factors = p.factors().stream().map(LewieParameters.Factor::name).toArray(String[]::new);
        groups = p.groups().stream().map(LewieParameters.Group::name).toArray(String[]::new);
        Map<String, Integer> goodIx = index(goods, "good");
        Map<String, Integer> factorIx = index(factors, "factor");
        Map<String, Integer> groupIx = index(groups, "group");
        int nG = goods.length;
        int nF = factors.length;
        int nH = groups.length;
        if (nG == 0 || nF == 0 || nH == 0 || p.activities().isEmpty()) {
            throw new InputException("LEWIE parameters '" + name + "' need at least one good, factor, group and"
                    + " activity (found " + nG + ", " + nF + ", " + nH + ", " + p.activities().size() + ")");
        }
        goodMarket = p.goods().stream().map(LewieParameters.Good::market).toArray(GoodMarket[]::new);
        factorMarket = p.factors().stream().map(LewieParameters.Factor::market).toArray(FactorMarket[]::new);
        elasticity = p.factors().stream().mapToDouble(LewieParameters.Factor::elasticity).toArray();
        for (int f = 0; f < nF; f++) {
            if (factorMarket[f] != FactorMarket.FIXED && !(elasticity[f] >= 0)) {
                throw new InputException("factor '" + factors[f] + "': supply elasticity " + elasticity[f]
                        + " must be zero or positive (use .inf for a perfectly elastic supply)");
            }
        }
        constrainedElasticity = p.constrainedElasticity();
        if (!(constrainedElasticity >= 0) || Double.isInfinite(constrainedElasticity)) {
            throw new InputException("constrained labour supply elasticity " + constrainedElasticity
                    + " must be finite and non-negative");
        }

        List<String> villageNames = new ArrayList<>();
        groupVillage = new int[nH];
        households = new double[nH];
        for (int h = 0; h < nH; h++) {
            LewieParameters.Group gr = p.groups().get(h);
            String v = gr.village() == null ? "zone" : gr.village();
            if (!villageNames.contains(v)) {
                villageNames.add(v);
            }
            groupVillage[h] = villageNames.indexOf(v);
            households[h] = positive(gr.households(), "group '" + groups[h] + "': number of households");
        }
        villages = villageNames.toArray(String[]::new);
        int nV = villages.length;

        // activities: output, technology, factor use
        int nK = p.activities().size();
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
            for (int f = 0; f < nF; f++) {
                if (beta[k][f] > 0) {
                    factorUse0[k][f] = beta[k][f] * va / (factorMarket[f] == FactorMarket.FIXED ? 1 : 1 + shadow0[k]);
                    logTfp -= beta[k][f] * Math.log(factorUse0[k][f]);
                }
            }
            tfp[k] = Math.exp(logTfp);
        }

        // hired factors: demand and endowment shares
        theta = new double[nF][nH];
        double[][] demand0 = new double[nF][nV];
        for (int k = 0; k < nK; k++) {
            for (int f = 0; f < nF; f++) {
                demand0[f][factorMarketIndex(f, groupVillage[actGroup[k]])] += factorUse0[k][f];
            }
        }
        for (int f = 0; f < nF; f++) {
            if (factorMarket[f] == FactorMarket.FIXED) {
                continue;
            }
            String factorName = factors[f];
            boolean given = p.groups().stream().anyMatch(gr -> gr.factorIncome().containsKey(factorName));
            double[] sum = new double[nV];
            for (int h = 0; h < nH; h++) {
                int m = factorMarketIndex(f, groupVillage[h]);
                double earned;
                if (given) {
                    Double mean = p.groups().get(h).factorIncome().get(factors[f]);
                    earned = mean == null ? 0 : households[h] * nonNegative(mean, "group '" + groups[h]
                            + "': income from " + factors[f]);
                } else {
                    earned = 0;
                    for (int k = 0; k < nK; k++) {
                        if (actGroup[k] == h) {
                            earned += factorUse0[k][f];
                        }
                    }
                }
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

        // households: spending, income, exogenous income
        alpha = new double[nH][nG];
        subsistence = new double[nH][nG];
        consumption0 = new double[nH][nG];
        savings = new double[nH];
        outside = new double[nH];
        transfersOut = new double[nH];
        income0 = new double[nH];
        exogenous = new double[nH];
        for (int h = 0; h < nH; h++) {
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
            for (int g = 0; g < nG; g++) {
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
        double[] earned = endogenousIncome(factorUse0, output0);
        for (int h = 0; h < nH; h++) {
            exogenous[h] = income0[h] - earned[h];
            if (exogenous[h] < -1e-9 * income0[h]) {
                throw new InputException("group '" + groups[h] + "': accounts cannot close: its factor income "
                        + earned[h] + " exceeds the income its spending implies (" + income0[h]
                        + "); check its expenditure, savings and outside spending shares or its activities' output");
            }
            exogenous[h] = Math.max(exogenous[h], 0);
        }

        // goods markets: the fixed net surplus closes each local market
        netSurplus = new double[nG][nV];
        for (int k = 0; k < nK; k++) {
            int v = groupVillage[actGroup[k]];
            netSurplus[actGood[k]][goodMarketIndex(actGood[k], v)] += output0[k];
            for (int g = 0; g < nG; g++) {
                netSurplus[g][goodMarketIndex(g, v)] -= inter[k][g] * output0[k];
            }
        }
        for (int h = 0; h < nH; h++) {
            for (int g = 0; g < nG; g++) {
                netSurplus[g][goodMarketIndex(g, groupVillage[h])] -= consumption0[h][g];
            }
        }
    }

    /**
     * Calibrates the economy to the baseline the parameters describe.
     *
     * @param parameters the shares and quantities
     * @return the calibrated economy
     * @throws InputException when the parameters are inconsistent or the accounts cannot close
     */
    public static Economy calibrate(LewieParameters parameters) {
        return new Economy(parameters);
    }

    /** Baseline factor and rent income of each group, before exogenous income. */
    private double[] endogenousIncome(double[][] use, double[] output) {
        double[] y = new double[groups.length];
        int nV = villages.length;
        double[][] wageBill = new double[factors.length][nV];
        for (int k = 0; k < output.length; k++) {
            double va = output[k];
            for (int g = 0; g < goods.length; g++) {
                va -= inter[k][g] * output[k];
            }
            double rent = va;
            for (int f = 0; f < factors.length; f++) {
                if (factorMarket[f] != FactorMarket.FIXED) {
                    rent -= use[k][f];
                    wageBill[f][factorMarketIndex(f, groupVillage[actGroup[k]])] += use[k][f];
                }
            }
            y[actGroup[k]] += rent;
        }
        for (int h = 0; h < groups.length; h++) {
            for (int f = 0; f < factors.length; f++) {
                if (factorMarket[f] != FactorMarket.FIXED) {
                    y[h] += theta[f][h] * wageBill[f][factorMarketIndex(f, groupVillage[h])];
                }
            }
        }
        return y;
    }

    int goodMarketIndex(int g, int village) {
        return goodMarket[g] == GoodMarket.VILLAGE ? village : 0;
    }

    int factorMarketIndex(int f, int village) {
        return factorMarket[f] == FactorMarket.VILLAGE ? village : 0;
    }

    /** @return the economy's name */
    public String name() {
        return name;
    }

    /** @return the currency unit of values */
    public String currency() {
        return currency;
    }

    /** @return the goods' names */
    public List<String> goods() {
        return List.of(goods);
    }

    /** @return the factors' names */
    public List<String> factors() {
        return List.of(factors);
    }

    /** @return the groups' names */
    public List<String> groups() {
        return List.of(groups);
    }

    /** @return the villages' names */
    public List<String> villages() {
        return List.of(villages);
    }

    /** @return the number of activities */
    public int activityCount() {
        return output0.length;
    }

    /**
     * @param k an activity
     * @return its good's index
     */
    public int activityGood(int k) {
        return actGood[k];
    }

    /**
     * @param k an activity
     * @return its group's index
     */
    public int activityGroup(int k) {
        return actGroup[k];
    }

    /**
     * @param k an activity
     * @return its baseline output value
     */
    public double baselineOutput(int k) {
        return output0[k];
    }

    /**
     * @param k an activity
     * @param f a factor
     * @return the activity's baseline use of the factor (value at baseline prices)
     */
    public double baselineFactorUse(int k, int f) {
        return factorUse0[k][f];
    }

    /**
     * @param h a group
     * @param g a good
     * @return the group's baseline consumption of the good
     */
    public double baselineConsumption(int h, int g) {
        return consumption0[h][g];
    }

    /**
     * @param h a group
     * @return the group's baseline income
     */
    public double baselineIncome(int h) {
        return income0[h];
    }

    /**
     * @param h a group
     * @return the group's exogenous income, the item that closes its account
     */
    public double exogenousIncome(int h) {
        return exogenous[h];
    }

    /**
     * @param g a good
     * @param m a market of the good (a village index for village goods, 0 otherwise)
     * @return the fixed net surplus (exports minus imports) of the market
     */
    public double netSurplus(int g, int m) {
        return netSurplus[g][m];
    }

    /**
     * @param g a good
     * @return where the good is traded
     */
    public GoodMarket goodMarket(int g) {
        return goodMarket[g];
    }

    /**
     * @param f a factor
     * @return how the factor is supplied
     */
    public FactorMarket factorMarket(int f) {
        return factorMarket[f];
    }

    /**
     * @param f a factor
     * @return its supply elasticity ({@code +inf}: perfectly elastic)
     */
    public double elasticity(int f) {
        return elasticity[f];
    }

    /** @return the hired factors' supply elasticity in the labour-constrained scenario */
    public double constrainedElasticity() {
        return constrainedElasticity;
    }

    /**
     * @param h a group
     * @return its number of households
     */
    public double households(int h) {
        return households[h];
    }

    /**
     * @param h a group
     * @return its village's index
     */
    public int village(int h) {
        return groupVillage[h];
    }

    /**
     * @param name a group's name
     * @return its index
     * @throws InputException when there is no such group
     */
    public int group(String name) {
        return find(groups, name, "group");
    }

    /**
     * @param name a good's name
     * @return its index
     * @throws InputException when there is no such good
     */
    public int good(String name) {
        return find(goods, name, "good");
    }

    /**
     * @param g a good
     * @param h a group
     * @return the activity of the group producing the good, or -1
     */
    public int activity(int g, int h) {
        for (int k = 0; k < actGood.length; k++) {
            if (actGood[k] == g && actGroup[k] == h) {
                return k;
            }
        }
        return -1;
    }

    private static int find(String[] names, String name, String kind) {
        for (int i = 0; i < names.length; i++) {
            if (names[i].equals(name)) {
                return i;
            }
        }
        throw new InputException("unknown " + kind + " '" + name + "'; the economy's " + kind + "s are "
                + String.join(", ", names));
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
