package org.synergia.effects.balance;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * Covariate balance of every arm against the control after a weighting or matching estimator, as
 * Stata's {@code tebalance summarize} computes it ([TE] manual, Methods and formulas), for each
 * contrast on the rows of its two arms:
 * <ul>
 * <li>raw: means and variances with the sampling weights (none: the usual {@code n - 1} variance);</li>
 * <li>adjusted: the sampling weights times the estimator's weights, rescaled to sum to the number of
 *     observations when those are inverse-probability weights (Stata's normalisation; matching
 *     weights are frequencies and are used as they are);</li>
 * <li>with weights {@code w}, the mean {@code sum w x / sum w} and the frequency-weight variance
 *     {@code sum w (x - m)^2 / (sum w - 1)} ({@link BalanceStatistics#frequencyMoments});</li>
 * <li>standardised difference {@code (m_t - m_c) / sqrt((v_t + v_c) / 2)} and variance ratio
 *     {@code v_t / v_c}, binary covariates treated like the others;</li>
 * <li>Kolmogorov-Smirnov statistics: the largest difference of the weighted empirical distribution
 *     functions, as R {@code cobalt} reports them ({@link BalanceStatistics#ecdfDifferences}).</li>
 * </ul>
 *
 * @param contrasts one entry per arm other than the control, in arm order
 */
public record BalanceSummary(List<ContrastBalance> contrasts) {

    /** Copies the list. */
    public BalanceSummary {
        contrasts = List.copyOf(contrasts);
    }

    /**
     * Computes the summary over the columns that vary (an intercept is left out).
     *
     * @param names names of the columns
     * @param columns the values, one array per column, each with one entry per row
     * @param arm the arm of every row, 0 for the control
     * @param armNames each arm's treatment level as the command line spells it, control first
     * @param sampling the sampling weight of every row (all 1 without sampling weights)
     * @param adjustment the estimator's weight of every row
     * @param normalise whether {@code sampling * adjustment} is rescaled to sum to the number of rows
     *     (inverse-probability weights) or used as it is (matching frequency weights)
     * @return the summary
     */
    public static BalanceSummary of(List<String> names, double[][] columns, int[] arm, List<String> armNames,
            double[] sampling, double[] adjustment, boolean normalise) {
        int n = arm.length;
        double[] raw = scaled(sampling, null, true);
        double[] adjusted = scaled(sampling, adjustment, normalise);
        List<Integer> varying = IntStream.range(0, columns.length).filter(j -> BalanceStatistics.varies(columns[j])).boxed().toList();
        List<ContrastBalance> out = new ArrayList<>();
        for (int a = 1; a < armNames.size(); a++) {
            int arm1 = a;
            int[] rows = IntStream.range(0, n).filter(i -> arm[i] == arm1 || arm[i] == 0).toArray();
            boolean[] treated = new boolean[rows.length];
            double[] rawSub = new double[rows.length];
            double[] adjustedSub = new double[rows.length];
            int rawTreated = 0;
            for (int r = 0; r < rows.length; r++) {
                treated[r] = arm[rows[r]] == arm1;
                rawTreated += treated[r] ? 1 : 0;
                rawSub[r] = raw[rows[r]];
                adjustedSub[r] = adjusted[rows[r]];
            }
            CovariateBalance[] rowsOut = new CovariateBalance[varying.size()];
            boolean unit = Arrays.stream(rawSub).allMatch(v -> v == 1);
            BalanceStatistics.EcdfSteps steps = BalanceStatistics.EcdfSteps.of(treated, unit ? null : rawSub, adjustedSub);
            IntStream.range(0, varying.size()).parallel().forEach(j -> rowsOut[j] = covariate(names.get(varying.get(j)),
                    subset(columns[varying.get(j)], rows), treated, unit ? null : rawSub, adjustedSub, steps));
            double sumTreated = 0;
            double sumControl = 0;
            for (int r = 0; r < rows.length; r++) {
                if (treated[r]) {
                    sumTreated += adjustedSub[r];
                } else {
                    sumControl += adjustedSub[r];
                }
            }
            out.add(new ContrastBalance(armNames.get(a) + "vs" + armNames.get(0), List.of(rowsOut), rawTreated,
                    rows.length - rawTreated, sumTreated, sumControl,
                    BalanceStatistics.effectiveSampleSize(adjustedSub, treated, true),
                    BalanceStatistics.effectiveSampleSize(adjustedSub, treated, false)));
        }
        return new BalanceSummary(out);
    }

    /** One covariate's balance; {@code raw} null for unit raw weights (no sampling weights). */
    private static CovariateBalance covariate(String name, double[] x, boolean[] treated, double[] raw, double[] adjusted,
            BalanceStatistics.EcdfSteps steps) {
        double[] r;
        double[] a;
        if (raw == null) {
            double[][] both = BalanceStatistics.unitAndWeightedFrequencyMoments(x, adjusted, treated);
            r = both[0];
            a = both[1];
        } else {
            r = BalanceStatistics.frequencyMoments(x, raw, treated);
            a = BalanceStatistics.frequencyMoments(x, adjusted, treated);
        }
        double[] ks = BalanceStatistics.ecdfDifferences(x, steps);
        return new CovariateBalance(name, r[0], r[1], a[0], a[1], standardised(r), standardised(a), ratio(r), ratio(a),
                ks[1], ks[3]);
    }

    /** {@code (m_t - m_c) / sqrt((v_t + v_c) / 2)} of {@code {m_t, m_c, v_t, v_c}}; NaN when neither side varies. */
    private static double standardised(double[] m) {
        double pooled = (m[2] + m[3]) / 2;
        return pooled > 0 ? (m[0] - m[1]) / Math.sqrt(pooled) : Double.NaN;
    }

    private static double ratio(double[] m) {
        return m[3] > 0 ? m[2] / m[3] : Double.NaN;
    }

    /** {@code a * b} (b null: a alone), rescaled to sum to its length when asked. */
    private static double[] scaled(double[] a, double[] b, boolean normalise) {
        double[] w = new double[a.length];
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            w[i] = b == null ? a[i] : a[i] * b[i];
            sum += w[i];
        }
        if (normalise && sum > 0) {
            double scale = a.length / sum;
            for (int i = 0; i < w.length; i++) {
                w[i] *= scale;
            }
        }
        return w;
    }

    private static double[] subset(double[] x, int[] rows) {
        if (rows.length == x.length) {
            return x;
        }
        double[] out = new double[rows.length];
        for (int r = 0; r < rows.length; r++) {
            out[r] = x[rows[r]];
        }
        return out;
    }

    /**
     * @return the covariate rows of every contrast, as the JSON document's {@code diagnostics.balance}: a list of
     *     {@code {contrast, variable, smd_raw, smd_adjusted, vr_raw, vr_adjusted, ks_raw, ks_adjusted}} with the
     *     four means and the threshold flags
     */
    public List<Map<String, Object>> rows() {
        List<Map<String, Object>> list = new ArrayList<>();
        for (ContrastBalance c : contrasts) {
            for (CovariateBalance b : c.covariates()) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("contrast", c.contrast());
                m.put("variable", b.variable());
                m.put("smd_raw", b.smdRaw());
                m.put("smd_adjusted", b.smdAdjusted());
                m.put("vr_raw", b.vrRaw());
                m.put("vr_adjusted", b.vrAdjusted());
                m.put("ks_raw", b.ksRaw());
                m.put("ks_adjusted", b.ksAdjusted());
                m.put("mean_treated_raw", b.meanTreatedRaw());
                m.put("mean_control_raw", b.meanControlRaw());
                m.put("mean_treated_adjusted", b.meanTreatedAdjusted());
                m.put("mean_control_adjusted", b.meanControlAdjusted());
                m.put("smd_flag", b.smdFlagged());
                m.put("vr_flag", b.vrFlagged());
                list.add(m);
            }
        }
        return list;
    }

    /**
     * @return the numbers of observations, as the JSON document's {@code diagnostics.balance_n}:
     *     {@code {raw: {treated, control}, adjusted: {treated, control}, ess: {treated, control}}}, keyed by
     *     contrast when there are several
     */
    public Map<String, Object> counts() {
        if (contrasts.size() == 1) {
            return counts(contrasts.get(0));
        }
        Map<String, Object> out = new LinkedHashMap<>();
        contrasts.forEach(c -> out.put(c.contrast(), counts(c)));
        return out;
    }

    private static Map<String, Object> counts(ContrastBalance c) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("raw", pair(c.rawTreated(), c.rawControl()));
        out.put("adjusted", pair(c.adjustedTreated(), c.adjustedControl()));
        out.put("ess", pair(c.essTreated(), c.essControl()));
        return out;
    }

    private static Map<String, Object> pair(Object treated, Object control) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("treated", treated);
        m.put("control", control);
        return m;
    }
}
