package org.synergia.stats.estimator;

import org.synergia.data.InputException;
import org.synergia.data.OptionName;

/** A {@code TEXT} option holding numbers separated by commas ({@code --grid 3,6,9}, {@code --h 10,12}). */
public final class NumberList {

    private NumberList() {
    }

    /**
     * @param options the options
     * @param option the option's name, given
     * @return its numbers
     * @throws InputException naming the option when a part is not a number
     */
    public static double[] of(EstimatorOptions options, String option) {
        String text = options.required(option);
        String[] parts = text.split(",");
        double[] out = new double[parts.length];
        for (int i = 0; i < parts.length; i++) {
            try {
                out[i] = Double.parseDouble(parts[i].trim());
            } catch (NumberFormatException e) {
                throw new InputException(OptionProblem.NOT_A_NUMBER_LIST, OptionName.of(option), text, parts[i].trim());
            }
        }
        return out;
    }

    /**
     * @param options the options
     * @param option the option's name, given as one number (both sides) or LEFT,RIGHT
     * @return the left and right values
     */
    public static double[] pair(EstimatorOptions options, String option) {
        double[] v = of(options, option);
        if (v.length == 1) {
            return new double[] {v[0], v[0]};
        }
        if (v.length == 2) {
            return v;
        }
        throw new InputException(OptionProblem.NOT_A_PAIR, OptionName.of(option), v.length);
    }
}
