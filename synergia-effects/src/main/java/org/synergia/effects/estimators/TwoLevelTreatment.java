package org.synergia.effects.estimators;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.synergia.data.InputException;
import org.synergia.data.NumericColumn;
import org.synergia.data.OptionName;
import org.synergia.effects.balance.BalanceSummary;

/**
 * The treatment of a matching entry ({@code psmatch}, {@code nnmatch}): a variable with exactly two
 * values, the lower one the control unless the {@code control} option says otherwise, and the
 * {@code --balance} summary of covariates under the matching frequency weights.
 *
 * @param treated whether each row is treated (not at the control level); shared, not to be modified
 * @param control the control level
 * @param treatedLevel the other level
 */
record TwoLevelTreatment(boolean[] treated, double control, double treatedLevel) {

    /**
     * @param method the entry's name, for the message
     * @param name the treatment variable
     * @param t its values on the estimation rows
     * @param control the {@code control} option, when given
     * @return the two arms
     * @throws InputException when the variable does not have two values or the control is not one of them
     */
    static TwoLevelTreatment of(String method, String name, double[] t, Optional<Double> control) {
        TreeSet<Double> levels = new TreeSet<>();
        for (double v : t) {
            levels.add(v == 0.0 ? 0.0 : v);
        }
        if (levels.size() != 2) {
            List<String> shown = levels.stream().limit(10).map(NumericColumn::formatNumber).toList();
            throw new InputException(String.format(Locale.ROOT, "%s needs a treatment with two levels; %s has %s among %d"
                    + " rows: recode it to two levels%s", method, name, levels.size() == 1 ? "only " + shown.get(0)
                    : levels.size() + " (" + String.join(", ", shown) + (levels.size() > 10 ? ", ..." : "") + ")", t.length,
                    levels.size() > 2 && method.equals("nnmatch") ? ", or use psmatch, which compares each level with the"
                    + " control" : ""));
        }
        double c = control.orElse(levels.first());
        if (!levels.contains(c)) {
            throw new InputException(EstimatorProblem.CONTROL_NOT_A_VALUE, OptionName.of("control"),
                    NumericColumn.formatNumber(c), name, NumericColumn.formatNumber(levels.first()),
                    NumericColumn.formatNumber(levels.last()));
        }
        boolean[] treated = new boolean[t.length];
        for (int i = 0; i < t.length; i++) {
            treated[i] = t[i] != c;
        }
        return new TwoLevelTreatment(treated, c, c == levels.first() ? levels.last() : levels.first());
    }

    /**
     * The {@code --balance} diagnostics: Stata {@code tebalance summarize} conventions with the
     * matching weights used as frequencies ({@link BalanceSummary}, not normalised).
     *
     * @param names the covariates' names
     * @param columns their values ({@code columns[j][i]}) on the same rows as the treatment
     * @param matching the matching frequency weight of every row
     * @return {@code balance} and {@code balance_n}
     */
    Map<String, Object> balance(List<String> names, double[][] columns, double[] matching) {
        int[] arm = new int[treated.length];
        for (int i = 0; i < arm.length; i++) {
            arm[i] = treated[i] ? 1 : 0;
        }
        double[] unit = new double[arm.length];
        Arrays.fill(unit, 1);
        BalanceSummary summary = BalanceSummary.of(names, columns, arm,
                List.of(NumericColumn.formatNumber(control), NumericColumn.formatNumber(treatedLevel)), unit, matching, false);
        Map<String, Object> added = new LinkedHashMap<>();
        added.put("balance", summary.rows());
        added.put("balance_n", summary.counts());
        return added;
    }
}
