package org.synergia.measures.indicators;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.synergia.data.Dataset;
import org.synergia.data.InputException;

/**
 * WFP's Food Consumption Score (WFP 2008, Technical Guidance Sheet, §2): days (0–7) in the last
 * seven days each food group was eaten, times the group's weight, summed (0–112). Groups and
 * weights are {@link FoodGroup}. Missing-item rule: a household with any mapped group missing
 * gets a missing score (NaN); condiments (weight 0) need not be mapped.
 */
public final class FoodConsumptionScore {

    /** The FCS food groups and their nutrient-density weights. */
    public enum FoodGroup {
        /** Cereals, grains, roots and tubers. */
        STAPLES(2),
        /** Pulses, legumes and nuts. */
        PULSES(3),
        /** Vegetables and leaves. */
        VEGETABLES(1),
        /** Fruit. */
        FRUIT(1),
        /** Meat, fish and eggs. */
        MEAT_FISH(4),
        /** Milk and dairy. */
        MILK(4),
        /** Sugar and sweets. */
        SUGAR(0.5),
        /** Oil and fat. */
        OIL(0.5),
        /** Condiments and spices. */
        CONDIMENTS(0);

        private final double weight;

        FoodGroup(double weight) {
            this.weight = weight;
        }

        /** @return the group's weight */
        public double weight() {
            return weight;
        }
    }

    /** The FCS profiles. */
    public enum Category {
        /** Poor food consumption. */
        POOR,
        /** Borderline food consumption. */
        BORDERLINE,
        /** Acceptable food consumption. */
        ACCEPTABLE
    }

    /** The two standard threshold sets (WFP 2008, §2.3). */
    public enum Thresholds {
        /** Poor 0–21, borderline 21.5–35, acceptable above 35. */
        STANDARD(21, 35),
        /** Where oil and sugar are eaten nearly daily: poor 0–28, borderline 28.5–42, acceptable above 42. */
        HIGH_OIL_SUGAR(28, 42);

        private final double poor;
        private final double borderline;

        Thresholds(double poor, double borderline) {
            this.poor = poor;
            this.borderline = borderline;
        }

        /**
         * @param score a food consumption score (NaN for missing)
         * @return its category, null when the score is missing
         */
        public Category categorise(double score) {
            if (Double.isNaN(score)) {
                return null;
            }
            return score <= poor ? Category.POOR : score <= borderline ? Category.BORDERLINE : Category.ACCEPTABLE;
        }

        /**
         * @param scores food consumption scores
         * @return each score's category (null where missing)
         */
        public Category[] categorise(double[] scores) {
            Category[] out = new Category[scores.length];
            for (int i = 0; i < scores.length; i++) {
                out[i] = categorise(scores[i]);
            }
            return out;
        }
    }

    private final Map<FoodGroup, String> columns;

    private FoodConsumptionScore(Map<FoodGroup, String> columns) {
        this.columns = columns;
    }

    /**
     * @param columns the column holding each food group's days; every group but condiments is required
     * @return the score computer
     */
    public static FoodConsumptionScore withColumns(Map<FoodGroup, String> columns) {
        EnumMap<FoodGroup, String> copy = new EnumMap<>(FoodGroup.class);
        copy.putAll(columns);
        for (FoodGroup g : FoodGroup.values()) {
            if (g != FoodGroup.CONDIMENTS && !copy.containsKey(g)) {
                throw new InputException("the Food Consumption Score needs a column for " + g
                        + ": add it to the indicator mapping");
            }
        }
        return new FoodConsumptionScore(copy);
    }

    /**
     * @param data a household dataset
     * @return each household's score, NaN where a group is missing
     */
    public double[] scores(Dataset data) {
        List<String> names = new ArrayList<>(columns.values());
        double[] weights = columns.keySet().stream().mapToDouble(FoodGroup::weight).toArray();
        return ItemScale.weightedSum(ItemScale.columns(data, names), weights, 0, 7, names);
    }

    /**
     * The kernel on primitive arrays.
     *
     * @param days one array per food group in {@link FoodGroup} order (condiments may be omitted), days 0–7
     * @return each row's score, NaN where a group is missing
     */
    public static double[] scores(double[][] days) {
        if (days.length != FoodGroup.values().length && days.length != FoodGroup.values().length - 1) {
            throw new InputException("the Food Consumption Score needs 8 or 9 food-group columns, got " + days.length);
        }
        double[] weights = new double[days.length];
        List<String> names = new ArrayList<>();
        for (int j = 0; j < days.length; j++) {
            weights[j] = FoodGroup.values()[j].weight();
            names.add(FoodGroup.values()[j].name());
        }
        return ItemScale.weightedSum(days, weights, 0, 7, names);
    }
}
