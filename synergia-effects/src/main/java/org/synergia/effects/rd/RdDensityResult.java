package org.synergia.effects.rd;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.synergia.stats.inference.Estimate;
import org.synergia.stats.inference.EstimationResult;
import org.synergia.stats.inference.Term;

/**
 * The result of the manipulation (density discontinuity) test of {@link RdDensity}: the densities of
 * the running variable just left and just right of the cutoff, their difference and the test of a
 * zero difference, from the order-q (bias-corrected) fits, and with {@code all} the same from the
 * order-p (conventional) fits.
 *
 * <p>Estimate rows: {@code density-difference} (right minus left density, bias-corrected, its SE by the
 * chosen variance, the interval at the level, the p-value of the test) and, with {@code all},
 * {@code density-difference:conventional}. Diagnostics: {@code t_statistic}, {@code p_value},
 * {@code h_left}, {@code h_right}, {@code n_eff_left}, {@code n_eff_right} first.
 *
 * @param biasCorrected the order-q estimates and test (rddensity's {@code hat}, {@code sd_*}, {@code test})
 * @param conventional the order-p ones ({@code hat_p}, ...), or null without {@code all}
 * @param hLeft the bandwidth left of the cutoff
 * @param hRight the bandwidth right of it
 * @param bandwidths the data-driven bandwidth table, or null when the bandwidths were given
 * @param n units
 * @param nLeft units left of the cutoff
 * @param nRight units at or right of it
 * @param nEffLeft units within {@code hLeft} left of the cutoff
 * @param nEffRight units within {@code hRight} at or right of it
 * @param cutoff the cutoff
 * @param settings how the test was computed
 * @param binomialTests the exact binomial tests in windows around the cutoff (empty when not run)
 * @param level the confidence level of the intervals
 * @param warnings warnings, one sentence each
 */
public record RdDensityResult(DensityTest biasCorrected, DensityTest conventional, double hLeft, double hRight,
        DensityBandwidths bandwidths, int n, int nLeft, int nRight, int nEffLeft, int nEffRight, double cutoff,
        Settings settings, List<DensityBinomialTest.Window> binomialTests, double level, List<String> warnings)
        implements EstimationResult {

    /** The name of the bias-corrected row. */
    public static final String TERM = "density-difference";
    /** The name of the conventional row. */
    public static final String TERM_CONVENTIONAL = "density-difference:conventional";

    /** Copies the lists so the result stays immutable. */
    public RdDensityResult {
        binomialTests = List.copyOf(binomialTests);
        warnings = List.copyOf(warnings);
    }

    /**
     * One set of estimates.
     *
     * @param densityLeft the density just left of the cutoff
     * @param densityRight the density just right of it
     * @param seLeft its standard error
     * @param seRight the right one's
     * @param seDifference the difference's
     * @param t the test statistic, difference over its standard error
     * @param pValue its two-sided normal p-value
     */
    public record DensityTest(double densityLeft, double densityRight, double seLeft, double seRight,
            double seDifference, double t, double pValue) {

        /** @return the right density minus the left one */
        public double difference() {
            return densityRight - densityLeft;
        }
    }

    /**
     * @param p the order of the conventional fits
     * @param q the order of the bias-corrected fits
     * @param kernel the kernel
     * @param model the density model
     * @param rule the bandwidth rule, or null when the bandwidths were given
     * @param variance the variance estimator
     * @param massPoints whether mass points are adjusted for when values repeat (the option)
     * @param massPointsFound whether values repeat and the estimates were adjusted
     * @param regularize whether bandwidths were regularised
     * @param nLocalMin the units each selected bandwidth holds at least on each side (0: no check)
     * @param nUniqueMin the distinct values it holds at least (0: no check)
     */
    public record Settings(int p, int q, Kernel kernel, DensityModel model, DensityBandwidthRule rule,
            DensityVariance variance, boolean massPoints, boolean massPointsFound, boolean regularize, int nLocalMin,
            int nUniqueMin) {
    }

    @Override
    public String method() {
        return "rddensity";
    }

    @Override
    public List<Estimate> estimates() {
        List<Estimate> rows = new ArrayList<>(2);
        rows.add(row(TERM, biasCorrected));
        if (conventional != null) {
            rows.add(row(TERM_CONVENTIONAL, conventional));
        }
        return rows;
    }

    private Estimate row(String name, DensityTest t) {
        return Estimate.wald(Term.named(name), t.difference(), t.seDifference(), level);
    }

    @Override
    public int n() {
        return n;
    }

    @Override
    public Map<String, Object> diagnostics() {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("t_statistic", biasCorrected.t());
        d.put("p_value", biasCorrected.pValue());
        d.put("h_left", hLeft);
        d.put("h_right", hRight);
        d.put("n_eff_left", nEffLeft);
        d.put("n_eff_right", nEffRight);
        d.put("n_left", nLeft);
        d.put("n_right", nRight);
        put(d, "", biasCorrected);
        if (conventional != null) {
            d.put("t_statistic_conventional", conventional.t());
            d.put("p_value_conventional", conventional.pValue());
            put(d, "_conventional", conventional);
        }
        d.put("cutoff", cutoff);
        d.put("p", settings.p());
        d.put("q", settings.q());
        d.put("kernel", lower(settings.kernel()));
        d.put("fitselect", lower(settings.model()));
        d.put("bwselect", settings.rule() == null ? "manual" : lower(settings.rule()));
        d.put("vce", lower(settings.variance()));
        d.put("masspoints", settings.massPoints() ? "adjust" : "off");
        d.put("masspoints_found", settings.massPointsFound());
        if (bandwidths != null) {
            d.put("h_each_left", bandwidths.left().h());
            d.put("h_each_right", bandwidths.right().h());
            d.put("h_diff", bandwidths.difference().h());
            d.put("h_sum", bandwidths.sum().h());
            d.put("regularize", settings.regularize());
            d.put("nlocalmin", settings.nLocalMin());
            d.put("nuniquemin", settings.nUniqueMin());
        }
        if (!binomialTests.isEmpty()) {
            List<Map<String, Object>> tests = new ArrayList<>();
            for (DensityBinomialTest.Window w : binomialTests) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("window_left", w.halfLengthLeft());
                m.put("window_right", w.halfLengthRight());
                m.put("n_left", w.nLeft());
                m.put("n_right", w.nRight());
                m.put("p_value", w.pValue());
                tests.add(m);
            }
            d.put("binomial_tests", tests);
        }
        return d;
    }

    private static void put(Map<String, Object> d, String suffix, DensityTest t) {
        d.put("density_left" + suffix, t.densityLeft());
        d.put("density_right" + suffix, t.densityRight());
        d.put("se_left" + suffix, t.seLeft());
        d.put("se_right" + suffix, t.seRight());
        d.put("difference" + suffix, t.difference());
        d.put("se_difference" + suffix, t.seDifference());
    }

    private static String lower(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT);
    }
}
