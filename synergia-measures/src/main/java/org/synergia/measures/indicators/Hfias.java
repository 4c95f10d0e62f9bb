package org.synergia.measures.indicators;

import java.util.Arrays;
import java.util.List;
import org.synergia.data.Dataset;
import org.synergia.data.InputException;

/**
 * The Household Food Insecurity Access Scale (Coates, Swindale &amp; Bilinsky 2007): nine
 * occurrence questions, each coded by its frequency of occurrence in the last four weeks,
 * 0 = did not happen, 1 = rarely, 2 = sometimes, 3 = often. Score = sum (0–27). Prevalence
 * category by the guide's algorithm (Indicator Guide v3, p. 18-19), where Qn is question n's
 * frequency:
 * <ol>
 *   <li>food secure: Q1 ≤ 1 and Q2..Q9 = 0;</li>
 *   <li>mildly: (Q1 ≥ 2 or Q2 ≥ 1 or Q3 = 1 or Q4 = 1) and Q5..Q9 = 0;</li>
 *   <li>moderately: (Q3 ≥ 2 or Q4 ≥ 2 or Q5 ∈ {1, 2} or Q6 ∈ {1, 2}) and Q7..Q9 = 0;</li>
 *   <li>severely: Q5 = 3 or Q6 = 3 or Q7 ≥ 1 or Q8 ≥ 1 or Q9 ≥ 1.</li>
 * </ol>
 * A household meeting several definitions takes the most severe, as the guide's sequential
 * assignment does; every response pattern meets at least one. Missing-item rule: any missing
 * question makes both score and category missing (NaN, null), as the guide computes them only
 * for complete questionnaires.
 */
public final class Hfias {

    /** The four access categories. */
    public enum Category {
        /** Food secure. */
        FOOD_SECURE,
        /** Mildly food insecure access. */
        MILDLY_FOOD_INSECURE,
        /** Moderately food insecure access. */
        MODERATELY_FOOD_INSECURE,
        /** Severely food insecure access. */
        SEVERELY_FOOD_INSECURE
    }

    private static final int QUESTIONS = 9;

    private final List<String> columns;

    private Hfias(List<String> columns) {
        this.columns = columns;
    }

    /**
     * @param frequencyColumns the nine frequency columns, question 1 to 9 in order
     * @return the scale
     */
    public static Hfias withColumns(List<String> frequencyColumns) {
        if (frequencyColumns.size() != QUESTIONS) {
            throw new InputException("HFIAS needs the 9 frequency-of-occurrence columns in question order, got "
                    + frequencyColumns.size());
        }
        return new Hfias(List.copyOf(frequencyColumns));
    }

    /**
     * @param data the dataset
     * @return each household's score (0–27), NaN where a question is missing
     */
    public double[] scores(Dataset data) {
        double[] ones = new double[QUESTIONS];
        Arrays.fill(ones, 1);
        return ItemScale.weightedSum(ItemScale.columns(data, columns), ones, 0, 3, columns);
    }

    /**
     * @param data the dataset
     * @return each household's category, null where a question is missing
     */
    public Category[] categories(Dataset data) {
        double[][] q = ItemScale.columns(data, columns);
        double[] ones = new double[QUESTIONS];
        Arrays.fill(ones, 1);
        ItemScale.weightedSum(q, ones, 0, 3, columns); // validates the codes
        Category[] out = new Category[q[0].length];
        int[] row = new int[QUESTIONS];
        for (int i = 0; i < out.length; i++) {
            boolean missing = false;
            for (int j = 0; j < QUESTIONS; j++) {
                if (Double.isNaN(q[j][i])) {
                    missing = true;
                    break;
                }
                if (q[j][i] != Math.rint(q[j][i])) {
                    throw new InputException("HFIAS " + columns.get(j) + " is " + q[j][i] + " at row " + (i + 1)
                            + ": frequencies are whole codes 0-3");
                }
                row[j] = (int) q[j][i];
            }
            out[i] = missing ? null : category(row);
        }
        return out;
    }

    /**
     * The category of one complete questionnaire.
     *
     * @param q the nine frequencies (0–3), question 1 first
     * @return the category
     */
    public static Category category(int[] q) {
        if (q.length != QUESTIONS) {
            throw new InputException("HFIAS needs 9 answers, got " + q.length);
        }
        for (int j = 0; j < QUESTIONS; j++) {
            if (q[j] < 0 || q[j] > 3) {
                throw new InputException("HFIAS question " + (j + 1) + " frequency is " + q[j] + ": valid codes are 0-3");
            }
        }
        if (isSevere(q)) {
            return Category.SEVERELY_FOOD_INSECURE;
        }
        if (isModerate(q)) {
            return Category.MODERATELY_FOOD_INSECURE;
        }
        if (isMild(q)) {
            return Category.MILDLY_FOOD_INSECURE;
        }
        if (isSecure(q)) {
            return Category.FOOD_SECURE;
        }
        throw new IllegalStateException("HFIAS pattern " + Arrays.toString(q) + " meets no category");
    }

    /** @return whether the answers meet the guide's "food secure" definition */
    static boolean isSecure(int[] q) {
        return q[0] <= 1 && q[1] == 0 && q[2] == 0 && q[3] == 0 && noneFrom(q, 4);
    }

    /** @return whether the answers meet the guide's "mildly food insecure" definition */
    static boolean isMild(int[] q) {
        return (q[0] >= 2 || q[1] >= 1 || q[2] == 1 || q[3] == 1) && noneFrom(q, 4);
    }

    /** @return whether the answers meet the guide's "moderately food insecure" definition */
    static boolean isModerate(int[] q) {
        return (q[2] >= 2 || q[3] >= 2 || q[4] == 1 || q[4] == 2 || q[5] == 1 || q[5] == 2) && noneFrom(q, 6);
    }

    /** @return whether the answers meet the guide's "severely food insecure" definition */
    static boolean isSevere(int[] q) {
        return q[4] == 3 || q[5] == 3 || q[6] >= 1 || q[7] >= 1 || q[8] >= 1;
    }

    private static boolean noneFrom(int[] q, int first) {
        for (int j = first; j < QUESTIONS; j++) {
            if (q[j] != 0) {
                return false;
            }
        }
        return true;
    }
}
