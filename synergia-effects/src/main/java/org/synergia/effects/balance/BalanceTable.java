package org.synergia.effects.balance;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Covariate balance before and after an adjustment (matching or weighting), with the effective
 * sample sizes of both arms. Built by {@link #of}; immutable.
 *
 * @param rows one row per covariate, in the order given
 * @param sdDenominator which standard deviation standardises the mean differences
 * @param essTreatedBefore treated effective sample size before (the count)
 * @param essControlBefore control effective sample size before (the count)
 * @param essTreatedAfter treated effective sample size after, {@code (sum w)^2 / sum w^2}
 * @param essControlAfter control effective sample size after
 */
public record BalanceTable(List<BalanceRow> rows, SdDenominator sdDenominator, double essTreatedBefore,
        double essControlBefore, double essTreatedAfter, double essControlAfter) {

    /** Which unadjusted standard deviation divides the mean differences (cobalt's {@code s.d.denom}). */
    public enum SdDenominator {
        /** The treated group's, the convention for the ATT. */
        TREATED,
        /** {@code sqrt((s_t^2 + s_c^2) / 2)}, the convention for the ATE. */
        POOLED
    }

    /** Copies the rows. */
    public BalanceTable {
        rows = List.copyOf(rows);
    }

    /**
     * Computes the table over the columns that vary, leaving out constant ones (an intercept).
     *
     * @param names names of the columns
     * @param columns values, one array per column, each of length n
     * @param treated the arm of every row
     * @param after the adjustment's weight of every row (0 leaves a row out)
     * @param denominator the standard deviation for standardising
     * @return the table, or null when no column varies
     */
    public static BalanceTable ofVarying(List<String> names, double[][] columns, boolean[] treated, double[] after,
            SdDenominator denominator) {
        List<String> kept = new java.util.ArrayList<>();
        List<double[]> values = new java.util.ArrayList<>();
        for (int j = 0; j < columns.length; j++) {
            if (BalanceStatistics.varies(columns[j])) {
                kept.add(names.get(j));
                values.add(columns[j]);
            }
        }
        return kept.isEmpty() ? null : of(kept, values.toArray(new double[0][]), treated, after, denominator);
    }

    /**
     * Computes the table.
     *
     * @param names covariate names
     * @param columns covariate values, one array per covariate, each of length n
     * @param treated the arm of every row
     * @param after the adjustment's weight of every row (0 leaves a row out)
     * @param denominator the standard deviation for standardising
     * @return the table
     */
    public static BalanceTable of(List<String> names, double[][] columns, boolean[] treated, double[] after,
            SdDenominator denominator) {
        int n = treated.length;
        double[] unit = new double[n];
        java.util.Arrays.fill(unit, 1.0);
        BalanceRow[] rows = new BalanceRow[columns.length];
        BalanceStatistics.EcdfSteps steps = BalanceStatistics.EcdfSteps.of(treated, null, after);
        java.util.stream.IntStream.range(0, columns.length).parallel()
                .forEach(j -> rows[j] = row(names.get(j), columns[j], treated, unit, after, denominator, steps));
        return new BalanceTable(List.of(rows), denominator,
                BalanceStatistics.effectiveSampleSize(unit, treated, true),
                BalanceStatistics.effectiveSampleSize(unit, treated, false),
                BalanceStatistics.effectiveSampleSize(after, treated, true),
                BalanceStatistics.effectiveSampleSize(after, treated, false));
    }

    private static BalanceRow row(String name, double[] x, boolean[] treated, double[] unit, double[] after,
            SdDenominator denominator, BalanceStatistics.EcdfSteps steps) {
        boolean binary = BalanceStatistics.isBinary(x);
        // {treated mean, control mean, treated variance, control variance}
        double[][] both = BalanceStatistics.unitAndWeightedMoments(x, after, treated, binary);
        double[] b = both[0];
        double[] a = both[1];
        double sd = denominator == SdDenominator.TREATED ? Math.sqrt(b[2]) : Math.sqrt((b[2] + b[3]) / 2);
        double scale = binary || sd == 0 ? 1 : sd;
        double vrb = !binary && b[3] > 0 ? b[2] / b[3] : 0;
        double vra = !binary && a[3] > 0 ? a[2] / a[3] : 0;
        double[] e = BalanceStatistics.ecdfDifferences(x, steps);
        return new BalanceRow(name, binary, b[0], b[1], a[0], a[1], (b[0] - b[1]) / scale,
                (a[0] - a[1]) / scale, vrb, vra, e[0], e[2], e[1], e[3]);
    }

    /** @return the table as nested maps and lists, ready for a JSON writer (snake_case keys) */
    public Map<String, Object> toMap() {
        List<Map<String, Object>> list = new ArrayList<>();
        for (BalanceRow r : rows) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("covariate", r.covariate());
            m.put("type", r.binary() ? "binary" : "continuous");
            m.put("mean_treated_before", r.meanTreatedBefore());
            m.put("mean_control_before", r.meanControlBefore());
            m.put("mean_treated_after", r.meanTreatedAfter());
            m.put("mean_control_after", r.meanControlAfter());
            m.put("smd_before", r.smdBefore());
            m.put("smd_after", r.smdAfter());
            if (!r.binary()) {
                m.put("variance_ratio_before", r.varianceRatioBefore());
                m.put("variance_ratio_after", r.varianceRatioAfter());
            }
            m.put("ecdf_mean_before", r.ecdfMeanBefore());
            m.put("ecdf_mean_after", r.ecdfMeanAfter());
            m.put("ecdf_max_before", r.ecdfMaxBefore());
            m.put("ecdf_max_after", r.ecdfMaxAfter());
            m.put("ks_before", r.ksBefore());
            m.put("ks_after", r.ksAfter());
            list.add(m);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("sd_denominator", sdDenominator.name().toLowerCase(java.util.Locale.ROOT));
        out.put("mean_difference", "standardised for continuous covariates, raw for binary ones (as cobalt)");
        out.put("covariates", list);
        out.put("ess_treated_before", essTreatedBefore);
        out.put("ess_control_before", essControlBefore);
        out.put("ess_treated_after", essTreatedAfter);
        out.put("ess_control_after", essControlAfter);
        return out;
    }
}
