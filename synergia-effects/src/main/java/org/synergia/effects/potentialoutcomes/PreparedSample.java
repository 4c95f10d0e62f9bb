package org.synergia.effects.potentialoutcomes;

import java.util.Arrays;
import java.util.Locale;
import org.synergia.data.InputException;
import org.synergia.data.NumericColumn;

/**
 * A validated sample: observations with positive weight, treatment recoded to arm indices with
 * the control level as arm 0 and the other levels after it in ascending order.
 */
final class PreparedSample {

    /** More distinct treatment values than this means the treatment is not categorical. */
    private static final int MAX_LEVELS = 50;

    final int n;
    final double[] y;
    final int[] arm;
    /** treatment level of each arm, control first */
    final double[] levels;
    final double[][] xo;
    final double[][] xt;
    final String[] outcomeNames;
    final String[] treatmentNames;
    final double[] w;
    final int[] cluster;
    /** arm index of the treated level (ATT), or -1 */
    final int treatedArm;
    /** rows of the caller's data that are in this sample */
    final int[] rows;

    private PreparedSample(int n, double[] y, int[] arm, double[] levels, double[][] xo, double[][] xt,
            String[] outcomeNames, String[] treatmentNames, double[] w, int[] cluster, int treatedArm, int[] rows) {
        this.n = n;
        this.y = y;
        this.arm = arm;
        this.levels = levels;
        this.xo = xo;
        this.xt = xt;
        this.outcomeNames = outcomeNames;
        this.treatmentNames = treatmentNames;
        this.w = w;
        this.cluster = cluster;
        this.treatedArm = treatedArm;
        this.rows = rows;
    }

    /** @return the number of arms */
    int arms() {
        return levels.length;
    }

    /**
     * Validates the caller's data and codes the arms.
     *
     * @param d the data
     * @param s the settings (control, treated level, synergy)
     * @param needsOutcomeModel whether the outcome design is used
     * @param needsTreatmentModel whether the treatment design is used
     */
    static PreparedSample of(TreatmentData d, Settings s, boolean needsOutcomeModel, boolean needsTreatmentModel) {
        int size = d.size();
        requireLength("treatment", d.treatment().length, size);
        if (needsOutcomeModel) {
            requireColumns("outcome model", d.outcomeDesign(), d.outcomeNames(), size);
            requireFinite(d.outcomeDesign(), d.outcomeNames(), "outcome model");
        }
        if (needsTreatmentModel) {
            requireColumns("treatment model", d.treatmentDesign(), d.treatmentNames(), size);
            requireFinite(d.treatmentDesign(), d.treatmentNames(), "treatment model");
        }
        requireFinite("outcome", d.outcome());
        requireFinite("treatment", d.treatment());
        double[] weights = d.weights();
        if (weights != null) {
            requireLength("weights", weights.length, size);
            checkWeights(weights);
        }
        if (d.clusters() != null) {
            requireLength("clusters", d.clusters().length, size);
        }
        int[] rows = new int[size];
        int n = 0;
        for (int i = 0; i < size; i++) {
            if (weights == null || weights[i] > 0) {
                rows[n++] = i;
            }
        }
        rows = Arrays.copyOf(rows, n);
        return select(d, s, rows, needsOutcomeModel, needsTreatmentModel);
    }

    /** The sample restricted to the given rows of the caller's data (used after trimming). */
    PreparedSample restrictTo(TreatmentData d, Settings s, boolean[] keep, boolean outcome, boolean treatment) {
        int[] kept = new int[n];
        int m = 0;
        for (int i = 0; i < n; i++) {
            if (keep[i]) {
                kept[m++] = rows[i];
            }
        }
        return select(d, s, Arrays.copyOf(kept, m), outcome, treatment);
    }

    private static PreparedSample select(TreatmentData d, Settings s, int[] rows, boolean needsOutcomeModel,
            boolean needsTreatmentModel) {
        int n = rows.length;
        double[] levelsAsc = distinctLevels(d.treatment(), rows);
        if (levelsAsc.length < 2) {
            throw new InputException("the treatment has " + levelsAsc.length + " level"
                    + (levelsAsc.length == 1 ? " (" + level(levelsAsc[0]) + ")" : "") + " among the " + n
                    + " observations used; a treatment effect needs at least two levels");
        }
        double control = s.control() == null ? levelsAsc[0] : s.control();
        requireLevel(levelsAsc, control, "control level");
        double[] levels = new double[levelsAsc.length];
        levels[0] = control;
        int j = 1;
        for (double v : levelsAsc) {
            if (v != control) {
                levels[j++] = v;
            }
        }
        Synergy syn = s.synergy();
        if (syn != null) {
            if (levels.length != 4) {
                throw new InputException("synergy needs a treatment with exactly four levels (control, A, B, A+B); it has "
                        + levels.length + ": " + describe(levelsAsc));
            }
            requireLevel(levelsAsc, syn.combined(), "synergy's combined level");
            requireLevel(levelsAsc, syn.first(), "synergy's first level");
            requireLevel(levelsAsc, syn.second(), "synergy's second level");
            if (syn.combined() == control || syn.first() == control || syn.second() == control
                    || syn.combined() == syn.first() || syn.combined() == syn.second() || syn.first() == syn.second()) {
                throw new InputException("synergy " + level(syn.combined()) + "=" + level(syn.first()) + "+"
                        + level(syn.second()) + " must name three distinct levels other than the control "
                        + level(control));
            }
        }
        int treatedArm = -1;
        if (s.estimand() == Estimand.ATT) {
            double treated = s.treatedLevel() != null ? s.treatedLevel()
                    : syn != null ? syn.combined() : levelsAsc[levelsAsc.length - 1] == control
                            ? levelsAsc[levelsAsc.length - 2] : levelsAsc[levelsAsc.length - 1];
            requireLevel(levelsAsc, treated, "treated level");
            if (treated == control) {
                throw new InputException("the treated level for ATT equals the control level " + level(control)
                        + "; choose another treated level");
            }
            treatedArm = indexOf(levels, treated);
        }
        double[] y = new double[n];
        int[] arm = new int[n];
        double[][] xo = needsOutcomeModel ? columns(d.outcomeDesign(), rows) : null;
        double[][] xt = needsTreatmentModel ? columns(d.treatmentDesign(), rows) : null;
        double[] w = new double[n];
        int[] cluster = d.clusters() == null ? null : new int[n];
        for (int r = 0; r < n; r++) {
            int i = rows[r];
            y[r] = d.outcome()[i];
            arm[r] = indexOf(levels, d.treatment()[i]);
            w[r] = d.weights() == null ? 1 : d.weights()[i];
            if (cluster != null) {
                cluster[r] = d.clusters()[i];
            }
        }
        return new PreparedSample(n, y, arm, levels, xo, xt, d.outcomeNames(), d.treatmentNames(), w, cluster,
                treatedArm, rows);
    }

    /** The distinct values among the rows, ascending (a treatment has few levels: O(N K)). */
    private static double[] distinctLevels(double[] t, int[] rows) {
        double[] found = new double[4];
        int count = 0;
        for (int i : rows) {
            double v = t[i];
            boolean seen = false;
            for (int j = 0; j < count && !seen; j++) {
                seen = found[j] == v;
            }
            if (!seen) {
                if (count == MAX_LEVELS) {
                    throw new InputException("the treatment has more than " + MAX_LEVELS
                            + " distinct values; RA, IPW, AIPW and IPWRA need a categorical treatment (recode it into levels)");
                }
                if (count == found.length) {
                    found = Arrays.copyOf(found, 2 * count);
                }
                found[count++] = v;
            }
        }
        double[] levels = Arrays.copyOf(found, count);
        Arrays.sort(levels);
        return levels;
    }

    /** The columns restricted to the rows; the columns themselves when every row is kept. */
    private static double[][] columns(double[][] x, int[] rows) {
        if (rows.length == x[0].length) {
            return x;
        }
        double[][] out = new double[x.length][rows.length];
        for (int j = 0; j < x.length; j++) {
            double[] src = x[j];
            double[] dst = out[j];
            for (int r = 0; r < rows.length; r++) {
                dst[r] = src[rows[r]];
            }
        }
        return out;
    }

    private static void requireColumns(String model, double[][] x, String[] names, int n) {
        if (x.length != names.length) {
            throw new IllegalArgumentException("the " + model + " has " + x.length + " columns but " + names.length
                    + " names");
        }
        if (x.length == 0) {
            throw new InputException("the " + model + " has no regressors; add an intercept or a covariate");
        }
        for (double[] column : x) {
            requireLength(model + " design", column.length, n);
        }
    }

    private static int indexOf(double[] levels, double v) {
        for (int j = 0; j < levels.length; j++) {
            if (levels[j] == v) {
                return j;
            }
        }
        return -1;
    }

    private static void requireLevel(double[] levelsAsc, double v, String what) {
        if (Arrays.binarySearch(levelsAsc, v) < 0) {
            throw new InputException("the " + what + " " + level(v) + " is not a treatment level with observations;"
                    + " the levels are " + describe(levelsAsc));
        }
    }

    private static String describe(double[] levelsAsc) {
        StringBuilder b = new StringBuilder();
        for (double v : levelsAsc) {
            b.append(b.length() == 0 ? "" : ", ").append(level(v));
        }
        return b.toString();
    }

    /** @return a treatment level as users wrote it: {@code 1}, not {@code 1.0} */
    static String level(double v) {
        return NumericColumn.formatNumber(v);
    }

    private static void requireLength(String what, int length, int n) {
        if (length != n) {
            throw new InputException("the " + what + " has " + length + " rows but the outcome has " + n
                    + "; give one value per observation");
        }
    }

    private static void requireFinite(String what, double[] v) {
        int bad = 0;
        int first = -1;
        for (int i = 0; i < v.length; i++) {
            if (!Double.isFinite(v[i])) {
                bad++;
                first = first < 0 ? i : first;
            }
        }
        if (bad > 0) {
            throw new InputException("the " + what + " is missing or not finite in " + bad + " observation"
                    + (bad == 1 ? "" : "s") + " (first at row " + (first + 1) + "); drop those rows first");
        }
    }

    private static void requireFinite(double[][] x, String[] names, String model) {
        for (int j = 0; j < x.length; j++) {
            int bad = 0;
            int first = -1;
            for (int i = 0; i < x[j].length; i++) {
                if (!Double.isFinite(x[j][i])) {
                    bad++;
                    first = first < 0 ? i : first;
                }
            }
            if (bad > 0) {
                throw new InputException("covariate " + names[j] + " of the " + model + " is missing or not finite in "
                        + bad + " observations (first at row " + (first + 1) + "); drop rows with missing covariates first");
            }
        }
    }

    private static void checkWeights(double[] w) {
        int negative = 0;
        int bad = 0;
        int positive = 0;
        for (double v : w) {
            if (!Double.isFinite(v)) {
                bad++;
            } else if (v < 0) {
                negative++;
            } else if (v > 0) {
                positive++;
            }
        }
        if (bad > 0) {
            throw new InputException("the weights are missing or not finite in " + bad
                    + " observations; give every observation a weight");
        }
        if (negative > 0) {
            throw new InputException("the weights are negative in " + negative
                    + " observations; sampling weights must be zero or positive");
        }
        if (positive == 0) {
            throw new InputException("every weight is zero; at least some observations need a positive sampling weight");
        }
    }
}
