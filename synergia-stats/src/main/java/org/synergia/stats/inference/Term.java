package org.synergia.stats.inference;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.synergia.data.NumericColumn;

/**
 * What an estimate estimates, as a value: its kind and the fields that say which arms, levels,
 * saturation, subgroup, dose or period it is about. Estimators make terms; the results store, the
 * synthesis, the reports and the API read their fields. {@link #toString()} is the term's name in
 * the command-line contract ({@code ATE:1vs0}, {@code ITT[0.3333]}, {@code ATT(2004,2006)}, ...),
 * used only where text leaves the program (JSON, CSV, tables); {@link #key()} is a lossless text
 * form for storage, read back by {@link #ofKey(String)}.
 */
public sealed interface Term {

    /** @return a lossless text form of the term (its kind and every field), for a store's column */
    String key();

    /**
     * @param name a coefficient's, statistic's or quantity's name
     * @return a term known by its name only (GLM coefficients, survey statistics, pooled effects, ...)
     */
    static Term named(String name) {
        return new Named(name);
    }

    /**
     * A term known by its name only: a model coefficient, a survey statistic, a pooled effect.
     *
     * @param name the name, as printed
     */
    record Named(String name) implements Term {
        @Override
        public String toString() {
            return name;
        }

        @Override
        public String key() {
            return Keys.join("named", name);
        }
    }

    /** The average treatment effect in the whole population, or on the treated. */
    enum Measure { ATE, ATT }

    /**
     * A treatment effect: the contrast of one arm with the control arm.
     *
     * @param measure ATE or ATT
     * @param treated the arm's level (NaN when the estimator compares treated with untreated units only)
     * @param control the control arm's level (NaN as {@code treated})
     * @param levelsShown whether the name shows the levels ({@code ATE:1vs0}) or not ({@code ATE}), as
     *        estimators name a binary comparison
     */
    record Effect(Measure measure, double treated, double control, boolean levelsShown) implements Term {

        /**
         * @param measure ATE or ATT
         * @return the effect of a binary treatment, levels unknown to the estimator
         */
        public static Effect binary(Measure measure) {
            return new Effect(measure, Double.NaN, Double.NaN, false);
        }

        /**
         * @param treated the arm's level
         * @param control the control arm's level
         * @return this effect of those arms, named with them
         */
        public Effect between(double treated, double control) {
            return new Effect(measure, treated, control, true);
        }

        /** @return whether the arms are known */
        public boolean hasArms() {
            return !Double.isNaN(treated) && !Double.isNaN(control);
        }

        @Override
        public String toString() {
            return levelsShown ? measure + ":" + Keys.number(treated) + "vs" + Keys.number(control) : measure.name();
        }

        @Override
        public String key() {
            return Keys.join("effect", measure.name(), Double.toString(treated), Double.toString(control),
                    Boolean.toString(levelsShown));
        }
    }

    /**
     * The mean outcome had everyone received one arm (a potential-outcome mean).
     *
     * @param level the arm's level
     */
    record PoMean(double level) implements Term {
        @Override
        public String toString() {
            return "POmean:" + Keys.number(level);
        }

        @Override
        public String key() {
            return Keys.join("pomean", Double.toString(level));
        }
    }

    /** The synergy: the combination's effect beyond the sum of each component's effect alone. */
    record Synergy() implements Term {
        @Override
        public String toString() {
            return "synergy";
        }

        @Override
        public String key() {
            return "synergy";
        }
    }

    /** The three rows of a regression-discontinuity estimate. */
    enum RdRow {
        /** the conventional local-polynomial estimate and SE */
        CONVENTIONAL("conventional"),
        /** the bias-corrected estimate with the conventional SE */
        BIAS_CORRECTED("bias-corrected"),
        /** the bias-corrected estimate with the robust SE */
        ROBUST("robust");

        private final String spelling;

        RdRow(String spelling) {
            this.spelling = spelling;
        }
    }

    /**
     * The jump at the cutoff of a regression discontinuity.
     *
     * @param row which estimate and SE
     */
    record Discontinuity(RdRow row) implements Term {
        @Override
        public String toString() {
            return row.spelling;
        }

        @Override
        public String key() {
            return Keys.join("rd", row.name());
        }
    }

    /**
     * A group-time average treatment effect of a staggered adoption design.
     *
     * @param cohort the period the group was first treated
     * @param period the period
     */
    record Cell(double cohort, double period) implements Term {
        @Override
        public String toString() {
            return "ATT(" + Keys.number(cohort) + "," + Keys.number(period) + ")";
        }

        @Override
        public String key() {
            return Keys.join("cell", Double.toString(cohort), Double.toString(period));
        }
    }

    /**
     * The average effect a given number of periods after adoption.
     *
     * @param eventTime periods since first treatment (negative before)
     */
    record EventTime(double eventTime) implements Term {
        @Override
        public String toString() {
            return "ATT:e=" + Keys.number(eventTime);
        }

        @Override
        public String key() {
            return Keys.join("event", Double.toString(eventTime));
        }
    }

    /**
     * The average of a staggered-adoption cohort's post-treatment group-time effects (R {@code did}'s
     * {@code aggte(type = "group")} by group).
     *
     * @param cohort the period the cohort was first treated
     */
    record CohortAverage(double cohort) implements Term {
        @Override
        public String toString() {
            return "ATT:g=" + Keys.number(cohort);
        }

        @Override
        public String key() {
            return Keys.join("cohortavg", Double.toString(cohort));
        }
    }

    /**
     * The average effect in one calendar period over the cohorts treated by then (R {@code did}'s
     * {@code aggte(type = "calendar")} by period).
     *
     * @param period the period
     */
    record PeriodAverage(double period) implements Term {
        @Override
        public String toString() {
            return "ATT:t=" + Keys.number(period);
        }

        @Override
        public String key() {
            return Keys.join("periodavg", Double.toString(period));
        }
    }

    /** How a staggered design's overall summary averages its group-time effects. */
    enum Aggregation {
        /** the mean of the event-time effects at e ≥ 0 */
        DYNAMIC,
        /** the cohort averages weighted by the cohorts' shares */
        GROUP,
        /** the mean of the calendar-period effects */
        CALENDAR
    }

    /**
     * The overall summary of one of R {@code did}'s aggregations other than the simple one (which is
     * {@code ATT}): {@code ATT:dynamic}, {@code ATT:group}, {@code ATT:calendar}.
     *
     * @param aggregation which average
     */
    record OverallAverage(Aggregation aggregation) implements Term {
        @Override
        public String toString() {
            return "ATT:" + aggregation.name().toLowerCase(Locale.ROOT);
        }

        @Override
        public String key() {
            return Keys.join("overallavg", aggregation.name());
        }
    }

    /** Who a saturation-design contrast is about. */
    enum Exposure {
        /** households assigned to the component (intention to treat) */
        ITT,
        /** households not assigned, in clusters where others were (spillover) */
        SPILLOVER
    }

    /**
     * A contrast of a randomised saturation design against the pure control clusters.
     *
     * @param exposure the assigned or the non-assigned households
     * @param saturation the clusters' saturation (NaN: pooled over saturations)
     * @param slope whether this is the change per unit of saturation rather than a contrast
     */
    record Saturation(Exposure exposure, double saturation, boolean slope) implements Term {

        /** @return whether the contrast is at one saturation */
        public boolean atOneSaturation() {
            return !slope && !Double.isNaN(saturation);
        }

        /** @return the saturation as term names print it (see {@link #text(double)}) */
        public String saturationText() {
            return text(saturation);
        }

        /**
         * @param saturation a saturation
         * @return it as term names print it: rounded half up to four decimals, trailing zeros dropped
         */
        public static String text(double saturation) {
            return new BigDecimal(saturation).setScale(4, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
        }

        @Override
        public String toString() {
            String base = exposure == Exposure.ITT ? "ITT" : "spillover";
            if (slope) {
                return base + ":slope";
            }
            return Double.isNaN(saturation) ? base : base + "[" + saturationText() + "]";
        }

        @Override
        public String key() {
            return Keys.join("saturation", exposure.name(), Double.toString(saturation), Boolean.toString(slope));
        }
    }

    /**
     * A level of a subgroup variable, for estimates made within a subgroup.
     *
     * @param variable the subgroup variable
     * @param level its level
     */
    record Subgroup(String variable, double level) {
        @Override
        public String toString() {
            return "|" + variable + "=" + Keys.number(level);
        }
    }

    /**
     * A term estimated within a subgroup (the estimator fitted on the subgroup's units alone).
     *
     * @param term the term
     * @param subgroup the subgroup
     */
    record Within(Term term, Subgroup subgroup) implements Term {
        @Override
        public String toString() {
            return term.toString() + subgroup;
        }

        @Override
        public String key() {
            return Keys.join("within", term.key(), subgroup.variable(), Double.toString(subgroup.level()));
        }
    }

    /**
     * The difference of a term between two subgroups.
     *
     * @param of the term in one subgroup
     * @param minus the same term in the reference subgroup
     */
    record WithinDifference(Within of, Within minus) implements Term {
        @Override
        public String toString() {
            return of + " - " + minus;
        }

        @Override
        public String key() {
            return Keys.join("withindiff", of.key(), minus.key());
        }
    }

    /**
     * The effect per unit of a continuous treatment (a slope), or of being in a dose bin against the
     * lowest bin.
     *
     * @param dose the dose variable
     * @param lower the bin's lower bound (NaN for a slope; -Infinity for an open bin)
     * @param upper the bin's upper bound (NaN for a slope; Infinity for an open bin)
     * @param subgroup the subgroup, or null for all units
     */
    record Dose(String dose, double lower, double upper, Subgroup subgroup) implements Term {

        /**
         * @param dose the dose variable
         * @param subgroup the subgroup, or null
         * @return the slope in the dose
         */
        public static Dose slope(String dose, Subgroup subgroup) {
            return new Dose(dose, Double.NaN, Double.NaN, subgroup);
        }

        /** @return whether this is a slope (not a bin) */
        public boolean isSlope() {
            return Double.isNaN(lower) && Double.isNaN(upper);
        }

        @Override
        public String toString() {
            String name = isSlope() ? dose : dose + "[" + Keys.bound(lower) + "," + Keys.bound(upper) + ")";
            return subgroup == null ? name : name + subgroup;
        }

        @Override
        public String key() {
            return Keys.join("dose", dose, Double.toString(lower), Double.toString(upper),
                    subgroup == null ? "" : subgroup.variable(), subgroup == null ? "" : Double.toString(subgroup.level()));
        }
    }

    /**
     * The difference between the dose slopes of two subgroups.
     *
     * @param of the slope in one subgroup
     * @param minus the slope in the reference subgroup
     */
    record DoseDifference(Dose of, Dose minus) implements Term {
        @Override
        public String toString() {
            return of + " - " + minus;
        }

        @Override
        public String key() {
            return Keys.join("dosediff", of.key(), minus.key());
        }
    }

    /**
     * A point of a dose-response curve: the average potential outcome at a dose, or its difference
     * from the curve at the lowest dose of the grid.
     *
     * @param effect whether this is the difference ({@code effect(t)}) rather than the level ({@code mu(t)})
     * @param dose the dose
     * @param subgroup the subgroup, or null for all units
     */
    record DosePoint(boolean effect, double dose, Subgroup subgroup) implements Term {
        @Override
        public String toString() {
            String name = (effect ? "effect(" : "mu(") + Keys.number(dose) + ")";
            return subgroup == null ? name : name + subgroup;
        }

        @Override
        public String key() {
            return Keys.join("dosepoint", Boolean.toString(effect), Double.toString(dose),
                    subgroup == null ? "" : subgroup.variable(), subgroup == null ? "" : Double.toString(subgroup.level()));
        }
    }

    /**
     * Reads back a term stored with {@link #key()}.
     *
     * @param key the stored form
     * @return the term
     * @throws IllegalArgumentException when the text is no term's key
     */
    static Term ofKey(String key) {
        try {
            return parseKey(Keys.split(key).toArray(String[]::new));
        } catch (IndexOutOfBoundsException | IllegalArgumentException | ClassCastException e) {
            throw new IllegalArgumentException("not a stored term: " + key, e);
        }
    }

    private static Term parseKey(String[] a) {
        switch (a[0]) {
            case "named":
                return new Named(a[1]);
            case "effect":
                return new Effect(Measure.valueOf(a[1]), Double.parseDouble(a[2]), Double.parseDouble(a[3]),
                        Boolean.parseBoolean(a[4]));
            case "pomean":
                return new PoMean(Double.parseDouble(a[1]));
            case "synergy":
                return new Synergy();
            case "rd":
                return new Discontinuity(RdRow.valueOf(a[1]));
            case "cell":
                return new Cell(Double.parseDouble(a[1]), Double.parseDouble(a[2]));
            case "event":
                return new EventTime(Double.parseDouble(a[1]));
            case "cohortavg":
                return new CohortAverage(Double.parseDouble(a[1]));
            case "periodavg":
                return new PeriodAverage(Double.parseDouble(a[1]));
            case "overallavg":
                return new OverallAverage(Aggregation.valueOf(a[1]));
            case "saturation":
                return new Saturation(Exposure.valueOf(a[1]), Double.parseDouble(a[2]), Boolean.parseBoolean(a[3]));
            case "dose":
                return new Dose(a[1], Double.parseDouble(a[2]), Double.parseDouble(a[3]), subgroup(a[4], a[5]));
            case "dosediff":
                return new DoseDifference((Dose) parseKey(Keys.split(a[1]).toArray(String[]::new)),
                        (Dose) parseKey(Keys.split(a[2]).toArray(String[]::new)));
            case "within":
                return new Within(parseKey(Keys.split(a[1]).toArray(String[]::new)), subgroup(a[2], a[3]));
            case "withindiff":
                return new WithinDifference((Within) parseKey(Keys.split(a[1]).toArray(String[]::new)),
                        (Within) parseKey(Keys.split(a[2]).toArray(String[]::new)));
            case "dosepoint":
                return new DosePoint(Boolean.parseBoolean(a[1]), Double.parseDouble(a[2]), subgroup(a[3], a[4]));
            default:
                throw new IllegalArgumentException(a[0]);
        }
    }

    private static Subgroup subgroup(String variable, String level) {
        return variable.isEmpty() ? null : new Subgroup(variable, Double.parseDouble(level));
    }

    /** The number formats of term names and the field separator of keys. */
    final class Keys {

        /** Separates the fields of a key; nested keys are bracketed by {@link #OPEN} and {@link #CLOSE}. */
        private static final char SEPARATOR = '\u001f';
        private static final char OPEN = '\u0002';
        private static final char CLOSE = '\u0003';

        private Keys() {
        }

        static String number(double v) {
            return NumericColumn.formatNumber(v);
        }

        static String bound(double v) {
            return v == Double.NEGATIVE_INFINITY ? "-Inf" : v == Double.POSITIVE_INFINITY ? "Inf" : number(v);
        }

        static String join(String... fields) {
            StringBuilder b = new StringBuilder();
            for (int i = 0; i < fields.length; i++) {
                if (i > 0) {
                    b.append(SEPARATOR);
                }
                boolean nested = fields[i].indexOf(SEPARATOR) >= 0;
                b.append(nested ? OPEN + fields[i] + CLOSE : fields[i]);
            }
            return b.toString();
        }

        static List<String> split(String key) {
            List<String> out = new ArrayList<>();
            StringBuilder field = new StringBuilder();
            int depth = 0;
            for (char c : key.toCharArray()) {
                if (c == OPEN && depth++ == 0 || c == CLOSE && --depth == 0) {
                    continue;
                }
                if (c == SEPARATOR && depth == 0) {
                    out.add(field.toString());
                    field.setLength(0);
                } else {
                    field.append(c);
                }
            }
            out.add(field.toString());
            return out;
        }
    }
}
