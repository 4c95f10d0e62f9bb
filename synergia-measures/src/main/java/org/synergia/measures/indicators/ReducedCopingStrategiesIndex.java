package org.synergia.measures.indicators;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.synergia.data.Dataset;
import org.synergia.data.InputException;

/**
 * The reduced Coping Strategies Index (Maxwell &amp; Caldwell 2008, §4): days (0–7) in the last
 * seven days each of five food-based strategies was used, times its severity weight, summed
 * (0–56). Missing-item rule: any missing strategy makes the index missing (NaN).
 */
public final class ReducedCopingStrategiesIndex {

    /** The five strategies and their universal severity weights. */
    public enum Strategy {
        /** Rely on less preferred and less expensive foods. */
        LESS_PREFERRED_FOOD(1),
        /** Borrow food, or rely on help from friends or relatives. */
        BORROW_FOOD(2),
        /** Limit portion size at mealtimes. */
        LIMIT_PORTIONS(1),
        /** Reduce the number of meals eaten in a day. */
        REDUCE_MEALS(1),
        /** Restrict consumption by adults so small children can eat. */
        RESTRICT_ADULTS(3);

        private final double weight;

        Strategy(double weight) {
            this.weight = weight;
        }

        /** @return the strategy's severity weight */
        public double weight() {
            return weight;
        }
    }

    private final Map<Strategy, String> columns;

    private ReducedCopingStrategiesIndex(Map<Strategy, String> columns) {
        this.columns = columns;
    }

    /**
     * @param columns the column with each strategy's days; all five are required
     * @return the index computer
     */
    public static ReducedCopingStrategiesIndex withColumns(Map<Strategy, String> columns) {
        EnumMap<Strategy, String> copy = new EnumMap<>(Strategy.class);
        copy.putAll(columns);
        if (copy.size() != Strategy.values().length) {
            throw new InputException("the reduced CSI needs a column for each of the 5 strategies, got " + copy.size());
        }
        return new ReducedCopingStrategiesIndex(copy);
    }

    /**
     * @param data the dataset
     * @return each household's index, NaN where a strategy is missing
     */
    public double[] scores(Dataset data) {
        List<String> names = new ArrayList<>(columns.values());
        return scores(ItemScale.columns(data, names), names);
    }

    /**
     * @param days five arrays of days 0–7, in {@link Strategy} order
     * @return each row's index
     */
    public static double[] scores(double[][] days) {
        List<String> names = new ArrayList<>();
        for (Strategy s : Strategy.values()) {
            names.add(s.name());
        }
        return scores(days, names);
    }

    private static double[] scores(double[][] days, List<String> names) {
        if (days.length != Strategy.values().length) {
            throw new InputException("the reduced CSI needs 5 strategies, got " + days.length);
        }
        double[] weights = new double[days.length];
        for (int j = 0; j < weights.length; j++) {
            weights[j] = Strategy.values()[j].weight();
        }
        return ItemScale.weightedSum(days, weights, 0, 7, names);
    }
}
