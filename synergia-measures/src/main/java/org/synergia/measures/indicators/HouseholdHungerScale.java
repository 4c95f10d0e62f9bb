package org.synergia.measures.indicators;

import java.util.List;
import org.synergia.data.Dataset;
import org.synergia.data.InputException;

/**
 * The Household Hunger Scale (Ballard, Coates, Swindale &amp; Deitchler 2011): three questions
 * (no food in the house; went to sleep hungry; a whole day and night without eating), each
 * answered by frequency 0 = never, 1 = rarely, 2 = sometimes, 3 = often, recoded 0, 1, 1, 2 and
 * summed (0–6). Categories: 0–1 little to no hunger, 2–3 moderate, 4–6 severe. Missing-item
 * rule: any missing question makes the score missing (NaN).
 */
public final class HouseholdHungerScale {

    /** The hunger categories. */
    public enum Category {
        /** Little to no hunger (0–1). */
        LITTLE_TO_NONE,
        /** Moderate hunger (2–3). */
        MODERATE,
        /** Severe hunger (4–6). */
        SEVERE
    }

    private final List<String> columns;

    private HouseholdHungerScale(List<String> columns) {
        this.columns = columns;
    }

    /**
     * @param frequencyColumns the three frequency columns (0–3), in question order
     * @return the scale
     */
    public static HouseholdHungerScale withColumns(List<String> frequencyColumns) {
        if (frequencyColumns.size() != 3) {
            throw new InputException("the Household Hunger Scale needs 3 frequency columns, got " + frequencyColumns.size());
        }
        return new HouseholdHungerScale(List.copyOf(frequencyColumns));
    }

    /**
     * @param data the dataset
     * @return each household's score (0–6), NaN where a question is missing
     */
    public double[] scores(Dataset data) {
        return scores(ItemScale.columns(data, columns), columns);
    }

    /**
     * @param frequencies three arrays of frequencies 0–3
     * @return each row's score, NaN where a question is missing
     */
    public static double[] scores(double[][] frequencies) {
        return scores(frequencies, List.of("HHS question 1", "HHS question 2", "HHS question 3"));
    }

    private static double[] scores(double[][] frequencies, List<String> names) {
        if (frequencies.length != 3) {
            throw new InputException("the Household Hunger Scale needs 3 questions, got " + frequencies.length);
        }
        double[][] recoded = new double[3][];
        for (int j = 0; j < 3; j++) {
            ItemScale.weightedSum(new double[][] {frequencies[j]}, new double[] {1}, 0, 3, List.of(names.get(j)));
            recoded[j] = new double[frequencies[j].length];
            for (int i = 0; i < recoded[j].length; i++) {
                double f = frequencies[j][i];
                recoded[j][i] = Double.isNaN(f) ? Double.NaN : f == 0 ? 0 : f == 3 ? 2 : 1;
            }
        }
        return ItemScale.weightedSum(recoded, new double[] {1, 1, 1}, 0, 2, names);
    }

    /**
     * @param score a Household Hunger Scale score (NaN for missing)
     * @return its category, null when missing
     */
    public static Category categorise(double score) {
        if (Double.isNaN(score)) {
            return null;
        }
        return score <= 1 ? Category.LITTLE_TO_NONE : score <= 3 ? Category.MODERATE : Category.SEVERE;
    }
}
