package org.synergia.lewie.params;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything a LEWIE model is calibrated from: the goods, factors and household groups, each
 * group's activities, and the shares and quantities estimated from survey data with their
 * standard errors. Quantities are weighted means per household of the group; the calibration
 * multiplies them by the number of households in the group. Read one from a file with
 * {@link ParameterFile}, or build one from a survey with {@code org.synergia.lewie.survey}.
 *
 * @param name a name for the economy
 * @param currency the currency unit of every value (for display only)
 * @param goods the goods, in display order
 * @param factors the factors of production
 * @param groups the household groups
 * @param activities the production activities, one per (group, good) with output
 * @param constrainedElasticity the labour supply elasticity of every hired factor in the
 *     labour-constrained scenario
 */
public record LewieParameters(String name, String currency, List<Good> goods, List<Factor> factors, List<Group> groups,
        List<Activity> activities, double constrainedElasticity) {

    /** The elasticity used for the labour-constrained scenario when a file does not give one. */
    public static final double DEFAULT_CONSTRAINED_ELASTICITY = 0.5;

    /** Copies the lists so that the record is immutable. */
    public LewieParameters {
        goods = List.copyOf(goods);
        factors = List.copyOf(factors);
        groups = List.copyOf(groups);
        activities = List.copyOf(activities);
    }

    /**
     * A good.
     *
     * @param name its name
     * @param market where it is traded
     */
    public record Good(String name, GoodMarket market) {
    }

    /**
     * A factor of production.
     *
     * @param name its name
     * @param market how it is supplied
     * @param elasticity the supply elasticity with respect to the real wage for hired factors
     *     ({@code Double.POSITIVE_INFINITY}: perfectly elastic at a fixed wage); ignored for fixed factors
     */
    public record Factor(String name, FactorMarket market, double elasticity) {
    }

    /**
     * A household group and how it spends its income.
     *
     * @param name its name
     * @param village the village it lives in (markets at {@link GoodMarket#VILLAGE} level clear per village)
     * @param households the number of households of the group in the local economy
     * @param expenditure mean consumption expenditure per household on the model's goods
     * @param budgetShares share of that expenditure on each good (summing to one)
     * @param subsistence for each good, the fraction of the baseline consumption that is a
     *     subsistence minimum of the linear expenditure system (absent: zero)
     * @param savings share of income saved
     * @param outside share of income spent outside the local economy
     * @param transfersOut share of income sent out of the local economy as transfers
     * @param factorIncome for hired factors, the mean income per household earned from the local
     *     activities (absent: the group earns what its own activities use)
     */
    public record Group(String name, String village, double households, double expenditure,
            Map<String, Share> budgetShares, Map<String, Double> subsistence, Share savings, Share outside,
            Share transfersOut, Map<String, Double> factorIncome) {

        /** Copies the maps so that the record is immutable. */
        public Group {
            budgetShares = frozen(budgetShares);
            subsistence = frozen(subsistence);
            factorIncome = frozen(factorIncome);
        }

        /**
         * @param newBudgetShares the budget shares
         * @param newSavings the savings share
         * @param newOutside the outside spending share
         * @param newTransfersOut the transfers-out share
         * @return this group with other spending shares
         */
        public Group withShares(Map<String, Share> newBudgetShares, Share newSavings, Share newOutside,
                Share newTransfersOut) {
            return new Group(name, village, households, expenditure, newBudgetShares, subsistence, newSavings,
                    newOutside, newTransfersOut, factorIncome);
        }
    }

    /**
     * A production activity: one group producing one good.
     *
     * @param group the producing group
     * @param good the good produced
     * @param output mean value of output per household of the group
     * @param factorShares Cobb-Douglas exponents of the factors (summing to one: constant returns)
     * @param intermediateShares purchased inputs of each good per unit of output
     * @param liquidity the liquidity constraint on hired factors, or {@code null} when there is none
     */
    public record Activity(String group, String good, double output, Map<String, Share> factorShares,
            Map<String, Share> intermediateShares, Liquidity liquidity) {

        /** Copies the maps so that the record is immutable. */
        public Activity {
            factorShares = frozen(factorShares);
            intermediateShares = frozen(intermediateShares);
        }

        /**
         * @param newFactorShares the factor shares
         * @param newIntermediateShares the intermediate input shares
         * @return this activity with other shares
         */
        public Activity withShares(Map<String, Share> newFactorShares, Map<String, Share> newIntermediateShares) {
            return new Activity(group, good, output, newFactorShares, newIntermediateShares, liquidity);
        }
    }

    /**
     * A binding cash constraint on an activity's spending on hired factors (Taylor and Filipski
     * 2014, ch. 7): hired factors are used until their value product equals the wage times one
     * plus the shadow price of cash.
     *
     * @param shadowPrice the shadow price of cash at the baseline (positive: the constraint binds)
     * @param transferShare the share of a transfer to the group that becomes cash for this activity
     */
    public record Liquidity(double shadowPrice, double transferShare) {
    }

    /**
     * @param newGroups the groups
     * @param newActivities the activities
     * @return these parameters with other groups and activities
     */
    public LewieParameters with(List<Group> newGroups, List<Activity> newActivities) {
        return new LewieParameters(name, currency, goods, factors, newGroups, newActivities, constrainedElasticity);
    }

    private static <V> Map<String, V> frozen(Map<String, V> map) {
        return map == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(map));
    }
}
