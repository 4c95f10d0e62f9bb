package org.synergia.effects.estimators;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hipparchus.stat.descriptive.moment.StandardDeviation;
import org.synergia.data.Dataset;
import org.synergia.data.InputException;
import org.synergia.data.OptionName;
import org.synergia.effects.potentialoutcomes.Synergy;
import org.synergia.stats.formula.Formula;
import org.synergia.stats.formula.ModelFrame;
import org.synergia.stats.formula.ModelMatrix;
import org.synergia.stats.inference.Estimate;
import org.synergia.stats.inference.EstimationResult;
import org.synergia.stats.inference.Term;
import org.synergia.stats.sensitivity.EValue;
import org.synergia.stats.sensitivity.LinearSensitivity;
import org.synergia.stats.sensitivity.SensitivityProblem;

/**
 * {@code --sensitivity TERM} of {@code ra}, {@code aipw} and {@code ipwra}: the sensitivity of an
 * effect to unobserved confounding through the outcome regression, as R {@code sensemakr} analyses a
 * regression. The regression is the pooled linear regression of the outcome on the outcome model's
 * covariates and an indicator of each treatment level other than the control; the term's coefficient
 * is that of its level; for {@code synergy} (levels {@code C=A+B}) the indicators are of
 * {@code A or C}, {@code B or C} and {@code C}, whose last coefficient is the synergy
 * {@code mu_C - mu_A - mu_B + mu_0}. The E-values are those of the reported effects (their estimate
 * and standard error, the outcome's standard deviation; R {@code EValue::evalues.OLS}).
 */
public final class OutcomeRegressionSensitivity {

    private OutcomeRegressionSensitivity() {
    }

    /**
     * @param analysis the sensitivity analysis asked for
     * @param data the complete rows
     * @param outcomeModel the outcome model's formula
     * @param treatment the treatment variable
     * @param control the control level
     * @param synergy the synergy contrast, or null
     * @param result the estimator's result
     * @return the diagnostics {@code sensitivity} (of the term) and {@code e_values} (of every effect)
     */
    static Map<String, Object> of(LinearSensitivity analysis, Dataset data, String outcomeModel, String treatment,
            double control, Synergy synergy, EstimationResult result) {
        Estimate chosen = null;
        List<String> effects = new ArrayList<>();
        for (Estimate e : result.estimates()) {
            if (isEffect(e)) {
                effects.add(e.name());
                if (e.name().equals(analysis.treatment())) {
                    chosen = e;
                }
            }
        }
        if (chosen == null) {
            throw new InputException(SensitivityProblem.NOT_A_TERM, OptionName.of("sensitivity"), analysis.treatment(),
                    String.join(", ", effects));
        }
        ModelMatrix base = ModelFrame.of(Formula.parse(outcomeModel)).build(data);
        Map<String, Object> sensitivity = of(analysis, base, data, treatment, control, synergy, chosen);
        double sd = new StandardDeviation().evaluate(base.response());
        List<Map<String, Object>> eValues = new ArrayList<>();
        for (Estimate e : result.estimates()) {
            if (isEffect(e)) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("term", e.name());
                row.putAll(eValues(e, sd));
                eValues.add(row);
            }
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("sensitivity", sensitivity);
        out.put("e_values", eValues);
        return out;
    }

    /**
     * @param e an estimate
     * @return whether it is an effect (a contrast of potential outcomes or the synergy), not a mean
     */
    public static boolean isEffect(Estimate e) {
        return e.term() instanceof Term.Effect || e.term() instanceof Term.Synergy;
    }

    /**
     * @param e an effect in the outcome's units
     * @param sd the outcome's standard deviation
     * @return {@code e_value} and {@code e_value_ci} (R {@code EValue::evalues.OLS})
     */
    public static Map<String, Object> eValues(Estimate e, double sd) {
        EValue v = EValue.ofDifference(e.estimate(), e.se(), sd);
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("e_value", v.point());
        row.put("e_value_ci", v.ci());
        return row;
    }

    /**
     * The sensitivity of one effect through the pooled outcome regression.
     *
     * @param analysis the analysis; its {@link LinearSensitivity#treatment()} names the effect's column
     * @param data the complete rows
     * @param outcomeModel the outcome model's formula
     * @param treatment the treatment variable
     * @param control the control level
     * @param synergy the synergy contrast (needed when the effect is the synergy), or null
     * @param effect the effect as the estimator reports it (an {@link #isEffect effect})
     * @return the statistics, keyed as {@code diagnostics.sensitivity}
     */
    public static Map<String, Object> of(LinearSensitivity analysis, Dataset data, String outcomeModel, String treatment,
            double control, Synergy synergy, Estimate effect) {
        return of(analysis, ModelFrame.of(Formula.parse(outcomeModel)).build(data), data, treatment, control, synergy, effect);
    }

    /** The same, with the outcome model's matrix already built. */
    private static Map<String, Object> of(LinearSensitivity analysis, ModelMatrix base, Dataset data, String treatment,
            double control, Synergy synergy, Estimate effect) {
        double[] levelOf = ModelFrame.numbers(data, treatment, new ArrayList<>());
        double[] t = new double[base.rowCount()];
        for (int i = 0; i < t.length; i++) {
            t[i] = levelOf[base.rows()[i]];
        }
        List<double[]> columns = new ArrayList<>(List.of(base.columns()));
        List<String> names = new ArrayList<>(base.names());
        if (effect.term() instanceof Term.Synergy) {
            columns.add(indicator(t, synergy.first(), synergy.combined()));
            names.add(treatment + ":" + level(synergy.first()) + "|" + level(synergy.combined()));
            columns.add(indicator(t, synergy.second(), synergy.combined()));
            names.add(treatment + ":" + level(synergy.second()) + "|" + level(synergy.combined()));
            columns.add(indicator(t, synergy.combined(), synergy.combined()));
            names.add(analysis.treatment());
        } else {
            double treated = ((Term.Effect) effect.term()).treated();
            for (double level : distinct(t)) {
                if (level != control) {
                    columns.add(indicator(t, level, level));
                    names.add(level == treated ? analysis.treatment() : treatment + ":" + level(level));
                }
            }
        }
        ModelMatrix regression = new ModelMatrix(base.formula(), base.response(), columns.toArray(double[][]::new), names,
                null, null, base.rows(), base.rowsDropped(), base.dropped(), base.warnings());
        Map<String, Object> sensitivity = new LinkedHashMap<>();
        sensitivity.put("regression", "pooled linear regression of the outcome on the outcome model's covariates and the"
                + " treatment indicators; estimate and se_classical are its coefficient, e_value and e_value_ci those of the"
                + " reported effect");
        sensitivity.putAll(analysis.of(regression, effect.estimate(), effect.se()));
        return sensitivity;
    }

    private static double[] indicator(double[] t, double a, double b) {
        double[] x = new double[t.length];
        for (int i = 0; i < t.length; i++) {
            x[i] = t[i] == a || t[i] == b ? 1 : 0;
        }
        return x;
    }

    /** The treatment's levels, ascending (a treatment has few: a linear search per row). */
    private static double[] distinct(double[] t) {
        double[] levels = new double[0];
        for (double v : t) {
            boolean seen = false;
            for (double l : levels) {
                seen |= l == v;
            }
            if (!seen) {
                levels = java.util.Arrays.copyOf(levels, levels.length + 1);
                levels[levels.length - 1] = v;
            }
        }
        java.util.Arrays.sort(levels);
        return levels;
    }

    private static String level(double v) {
        return org.synergia.data.NumericColumn.formatNumber(v);
    }
}
