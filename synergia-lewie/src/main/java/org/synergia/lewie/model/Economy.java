package org.synergia.lewie.model;

import java.util.List;
import org.synergia.data.InputException;
import org.synergia.lewie.params.FactorMarket;
import org.synergia.lewie.params.GoodMarket;
import org.synergia.lewie.params.LewieParameters;

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

    private Economy(EconomyCalibration c) {
        name = c.name;
        currency = c.currency;
        goods = c.goods;
        factors = c.factors;
        groups = c.groups;
        villages = c.villages;
        goodMarket = c.goodMarket;
        factorMarket = c.factorMarket;
        elasticity = c.elasticity;
        constrainedElasticity = c.constrainedElasticity;
        groupVillage = c.groupVillage;
        households = c.households;
        actGood = c.actGood;
        actGroup = c.actGroup;
        output0 = c.output0;
        beta = c.beta;
        inter = c.inter;
        tfp = c.tfp;
        factorUse0 = c.factorUse0;
        shadow0 = c.shadow0;
        cashShare = c.cashShare;
        theta = c.theta;
        alpha = c.alpha;
        subsistence = c.subsistence;
        consumption0 = c.consumption0;
        savings = c.savings;
        outside = c.outside;
        transfersOut = c.transfersOut;
        income0 = c.income0;
        exogenous = c.exogenous;
        netSurplus = c.netSurplus;
    }

    /**
     * Calibrates the economy to the baseline the parameters describe.
     *
     * @param parameters the shares and quantities
     * @return the calibrated economy
     * @throws InputException when the parameters are inconsistent or the accounts cannot close
     */
    public static Economy calibrate(LewieParameters parameters) {
        return new Economy(new EconomyCalibration(parameters));
    }

    int goodMarketIndex(int g, int village) {
        return marketIndex(goodMarket[g], village);
    }

    int factorMarketIndex(int f, int village) {
        return marketIndex(factorMarket[f], village);
    }

    /** The index of a good's market: its village when traded at village level, 0 otherwise. */
    static int marketIndex(GoodMarket market, int village) {
        return market == GoodMarket.VILLAGE ? village : 0;
    }

    /** The index of a factor's market: its village when traded at village level, 0 otherwise. */
    static int marketIndex(FactorMarket market, int village) {
        return market == FactorMarket.VILLAGE ? village : 0;
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
}
