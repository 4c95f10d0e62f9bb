package org.synergia.measures.indicators;

import java.util.Arrays;
import java.util.List;
import org.synergia.data.Dataset;
import org.synergia.data.InputException;

/**
 * Yes/no item counts: the Household Dietary Diversity Score (Swindale &amp; Bilinsky 2006: 12
 * food groups eaten in the last 24 hours, 0–12) and the FIES raw score (FAO Voices of the Hungry:
 * 8 experience items, 0–8). Items are coded 0 (no) or 1 (yes). Missing-item rule: a row with any
 * item missing gets a missing score (NaN); the raw score is not rescaled to the answered items.
 */
public final class DietaryDiversity {

    /** The instruments. */
    public enum Instrument {
        /** Household Dietary Diversity Score: 12 food groups. */
        HDDS(12),
        /** Food Insecurity Experience Scale raw score: 8 items. */
        FIES(8);

        private final int items;

        Instrument(int items) {
            this.items = items;
        }

        /** @return the number of items */
        public int items() {
            return items;
        }
    }

    private final Instrument instrument;
    private final List<String> columns;

    private DietaryDiversity(Instrument instrument, List<String> columns) {
        this.instrument = instrument;
        this.columns = columns;
    }

    /**
     * @param instrument HDDS or FIES
     * @param columns the item columns, as many as the instrument has items
     * @return the score computer
     */
    public static DietaryDiversity of(Instrument instrument, List<String> columns) {
        if (columns.size() != instrument.items()) {
            throw new InputException(instrument + " needs " + instrument.items() + " item columns, got "
                    + columns.size() + ": map every item");
        }
        return new DietaryDiversity(instrument, List.copyOf(columns));
    }

    /**
     * @param data the dataset
     * @return each row's score, NaN where an item is missing
     */
    public double[] scores(Dataset data) {
        return scores(instrument, ItemScale.columns(data, columns), columns);
    }

    /**
     * @param instrument HDDS or FIES
     * @param items one 0/1 array per item
     * @return each row's count of yes answers, NaN where an item is missing
     */
    public static double[] scores(Instrument instrument, double[][] items) {
        String[] names = new String[items.length];
        Arrays.setAll(names, j -> instrument + " item " + (j + 1));
        return scores(instrument, items, List.of(names));
    }

    private static double[] scores(Instrument instrument, double[][] items, List<String> names) {
        if (items.length != instrument.items()) {
            throw new InputException(instrument + " needs " + instrument.items() + " items, got " + items.length);
        }
        double[] ones = new double[items.length];
        Arrays.fill(ones, 1);
        return ItemScale.weightedSum(items, ones, 0, 1, names);
    }
}
