package org.synergia.effects.rd;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.hipparchus.special.Erf;
import org.synergia.data.InputException;
import org.synergia.data.NumericColumn;
import org.synergia.data.OptionName;
import org.synergia.effects.rd.RdDensityResult.DensityTest;

/**
 * The manipulation test of a regression discontinuity design: is the density of the running
 * variable continuous at the cutoff? Local polynomial density estimators on each side (Cattaneo,
 * Jansson and Ma 2020, "Simple local polynomial density estimators", JASA 115: 1449–1455), with
 * the conventions of R {@code rddensity} 3.0 (Cattaneo, Jansson and Ma 2018, "Manipulation testing
 * based on density discontinuity", Stata Journal 18: 234–261): a regression of the empirical
 * distribution function on a polynomial of order p in the distance to the cutoff, the density being
 * its first-order coefficient; the test uses the order q = p + 1 fit (robust bias correction) with
 * data-driven bandwidths ({@link DensityBandwidthSelection}) and the jackknife or plug-in variance
 * ({@link DensityFit}). Sorting once, then passes over the units within the bandwidths: O(n log n).
 *
 * <pre>{@code
 * RdDensityResult r = RdDensity.withDefaults().fit(score, 0.0);   // p = 2, triangular, comb, jackknife
 * r.biasCorrected().t(); r.biasCorrected().pValue(); r.hLeft(); r.nEffRight();
 * RdDensity.withDefaults().withModel(DensityModel.RESTRICTED).withVariance(DensityVariance.PLUGIN)
 *         .withBandwidth(0.5).fit(score, 0.0);
 * }</pre>
 */
public final class RdDensity {

    private int p = 2;
    private int q = -1;
    private Kernel kernel = Kernel.TRIANGULAR;
    private DensityModel model = DensityModel.UNRESTRICTED;
    private DensityBandwidthRule rule = DensityBandwidthRule.COMB;
    private DensityVariance variance = DensityVariance.JACKKNIFE;
    private double hLeft = Double.NaN;
    private double hRight = Double.NaN;
    private boolean massPoints = true;
    private boolean regularize = true;
    private int nLocalMin = -1;
    private int nUniqueMin = -1;
    private boolean conventional;
    private double level = 0.95;
    private DensityBinomialTest binomial = DensityBinomialTest.withDefaults();

    private RdDensity() {
    }

    private RdDensity copy() {
        RdDensity c = new RdDensity();
        c.p = p;
        c.q = q;
        c.kernel = kernel;
        c.model = model;
        c.rule = rule;
        c.variance = variance;
        c.hLeft = hLeft;
        c.hRight = hRight;
        c.massPoints = massPoints;
        c.regularize = regularize;
        c.nLocalMin = nLocalMin;
        c.nUniqueMin = nUniqueMin;
        c.conventional = conventional;
        c.level = level;
        c.binomial = binomial;
        return c;
    }

    /**
     * @return rddensity's defaults: p = 2, q = 3, triangular kernel, unrestricted model, {@code comb}
     *     bandwidths (regularised with 20 + p + 1 units and distinct values), jackknife variance, mass
     *     points adjusted, binomial tests, 95% intervals
     */
    public static RdDensity withDefaults() {
        return new RdDensity();
    }

    /**
     * @param order the order p of the local polynomial (1 to 7; q stays p + 1 unless set)
     * @return a copy with it
     */
    public RdDensity withOrder(int order) {
        if (order < 1 || order > 7) {
            throw new InputException(RdProblem.DENSITY_ORDER, OptionName.of("p"), order);
        }
        RdDensity c = copy();
        c.p = order;
        return c;
    }

    /**
     * @param order the order q of the bias-corrected fit, from p to 10
     * @return a copy with it
     */
    public RdDensity withBiasOrder(int order) {
        if (order < 1 || order > 10) {
            throw new InputException(RdProblem.DENSITY_BIAS_ORDER, OptionName.of("q"), order, OptionName.of("p"), p);
        }
        RdDensity c = copy();
        c.q = order;
        return c;
    }

    /** @return a copy with the kernel */
    public RdDensity withKernel(Kernel k) {
        RdDensity c = copy();
        c.kernel = k;
        return c;
    }

    /** @return a copy with the density model (rddensity's {@code fitselect}) */
    public RdDensity withModel(DensityModel m) {
        RdDensity c = copy();
        c.model = m;
        return c;
    }

    /** @return a copy with the bandwidth rule (rddensity's {@code bwselect}) */
    public RdDensity withBandwidthRule(DensityBandwidthRule r) {
        RdDensity c = copy();
        c.rule = r;
        return c;
    }

    /** @return a copy with the variance estimator (rddensity's {@code vce}) */
    public RdDensity withVariance(DensityVariance v) {
        RdDensity c = copy();
        c.variance = v;
        return c;
    }

    /**
     * @param h the bandwidth on both sides
     * @return a copy with it (no bandwidth selection)
     */
    public RdDensity withBandwidth(double h) {
        return withBandwidths(h, h);
    }

    /**
     * @param left the bandwidth left of the cutoff
     * @param right the bandwidth right of it
     * @return a copy with them (no bandwidth selection)
     */
    public RdDensity withBandwidths(double left, double right) {
        for (double h : new double[] {left, right}) {
            if (!(h > 0) || Double.isInfinite(h)) {
                throw new InputException(RdProblem.BANDWIDTH_NOT_POSITIVE, OptionName.of("h"), String.valueOf(h));
            }
        }
        RdDensity c = copy();
        c.hLeft = left;
        c.hRight = right;
        return c;
    }

    /**
     * @param adjust whether repeated values (mass points) share the distribution function and the
     *     jackknife of their value (rddensity's {@code massPoints}, on by default)
     * @return a copy with it
     */
    public RdDensity withMassPoints(boolean adjust) {
        RdDensity c = copy();
        c.massPoints = adjust;
        return c;
    }

    /**
     * @param on whether selected bandwidths are kept within the data's range and wide enough to hold
     *     the minimum numbers of units and distinct values (rddensity's {@code regularize})
     * @return a copy with it
     */
    public RdDensity withRegularization(boolean on) {
        RdDensity c = copy();
        c.regularize = on;
        return c;
    }

    /**
     * @param units the units a selected bandwidth holds at least on each side ({@code nLocalMin};
     *     default 20 + p + 1; 0 turns the check off)
     * @return a copy with it
     */
    public RdDensity withMinimumUnits(int units) {
        if (units < 0) {
            throw new InputException(RdProblem.DENSITY_MINIMUM_COUNT, OptionName.of("nlocalmin"), units);
        }
        RdDensity c = copy();
        c.nLocalMin = units;
        return c;
    }

    /**
     * @param values the distinct values a selected bandwidth holds at least on each side
     *     ({@code nUniqueMin}; default 20 + p + 1; 0 turns the check off)
     * @return a copy with it
     */
    public RdDensity withMinimumDistinct(int values) {
        if (values < 0) {
            throw new InputException(RdProblem.DENSITY_MINIMUM_COUNT, OptionName.of("nuniquemin"), values);
        }
        RdDensity c = copy();
        c.nUniqueMin = values;
        return c;
    }

    /**
     * @param all whether to report the conventional (order-p) test too (rddensity's {@code all})
     * @return a copy with it
     */
    public RdDensity withConventional(boolean all) {
        RdDensity c = copy();
        c.conventional = all;
        return c;
    }

    /**
     * @param confidence the level of the estimate rows' intervals, between 0 and 1
     * @return a copy with it
     */
    public RdDensity withLevel(double confidence) {
        if (!(confidence > 0 && confidence < 1)) {
            throw new InputException(RdProblem.LEVEL_RANGE, OptionName.of("level"), confidence);
        }
        RdDensity c = copy();
        c.level = confidence;
        return c;
    }

    /**
     * @param test the binomial tests' settings, or null for none (rddensity's {@code bino = FALSE})
     * @return a copy with them
     */
    public RdDensity withBinomialTest(DensityBinomialTest test) {
        RdDensity c = copy();
        c.binomial = test;
        return c;
    }

    /** @return the confidence level */
    public double level() {
        return level;
    }

    /**
     * The test on a running variable called {@code x} in messages.
     *
     * @param running the running variable (non-finite values are left out with a warning)
     * @param cutoff the cutoff
     * @return the result
     */
    public RdDensityResult fit(double[] running, double cutoff) {
        return fit("x", running, cutoff);
    }

    /**
     * @param name the running variable's name, for messages
     * @param running its values (non-finite ones are left out with a warning)
     * @param cutoff the cutoff; units with values at or above it are on the right
     * @return the result
     * @throws InputException on unusable data or settings, naming the variable or option and the fix
     */
    public RdDensityResult fit(String name, double[] running, double cutoff) {
        int qq = q < 0 ? p + 1 : q;
        if (qq < p) {
            throw new InputException(RdProblem.DENSITY_BIAS_ORDER, OptionName.of("q"), qq, OptionName.of("p"), p);
        }
        boolean select = Double.isNaN(hLeft);
        if (model == DensityModel.RESTRICTED && rule == DensityBandwidthRule.EACH) {
            throw new InputException(RdProblem.DENSITY_RESTRICTED_EACH, OptionName.of("bwselect"),
                    OptionName.of("fitselect"));
        }
        if (model == DensityModel.RESTRICTED && !select && hLeft != hRight) {
            throw new InputException(RdProblem.DENSITY_RESTRICTED_BANDWIDTHS, OptionName.of("fitselect"),
                    OptionName.of("h"));
        }
        List<String> warnings = new ArrayList<>();
        double[] sorted = DensitySample.sortedFinite(running);
        if (sorted.length < running.length) {
            warnings.add((running.length - sorted.length) + " missing values of the running variable '" + name
                    + "' left out");
        }
        int m = sorted.length;
        if (!Double.isFinite(cutoff) || m < 2 || !(cutoff > sorted[0] && cutoff < sorted[m - 1])) {
            int below = 0;
            int above = 0;
            for (double v : sorted) {
                below += v < cutoff ? 1 : 0;
                above += v > cutoff ? 1 : 0;
            }
            throw new InputException(RdProblem.DENSITY_CUTOFF_OUTSIDE, name, OptionName.of("cutoff"), cutoff,
                    m == 0 ? Double.NaN : sorted[0], m == 0 ? Double.NaN : sorted[m - 1], below, above);
        }
        DensitySample d = DensitySample.of(sorted, cutoff, massPoints);
        int needed = select ? p + 4 : qq + 2;
        int[] counts = {d.nLeft, d.nRight()};
        int[] distinct = {d.uniqueLeft, d.unique.length - d.uniqueLeft};
        for (int s = 0; s < 2; s++) {
            if (distinct[s] < needed) {
                throw new InputException(RdProblem.DENSITY_TOO_FEW, name, s, OptionName.of("cutoff"), cutoff, counts[s],
                        distinct[s], needed, OptionName.of("p"), p);
            }
        }
        int localMin = nLocalMin < 0 ? 20 + p + 1 : nLocalMin;
        int uniqueMin = nUniqueMin < 0 ? 20 + p + 1 : nUniqueMin;
        double hl = hLeft;
        double hr = hRight;
        DensityBandwidths table = null;
        if (select) {
            table = DensityBandwidthSelection.select(d, p, kernel, model, variance, regularize, localMin, uniqueMin);
            double[] h = chosen(table);
            hl = h[0];
            hr = h[1];
            if (!(hl > 0 && hr > 0) || Double.isInfinite(hl) || Double.isInfinite(hr)) {
                throw new InputException(RdProblem.DENSITY_SELECTION_FAILED, OptionName.of("h"),
                        OptionName.of("regularize"));
            }
        }
        DensityFit main = new DensityFit(d, hl, hr, qq, 1, kernel, model, variance);
        DensityTest test = test(main);
        if (!(test.seDifference() > 0)) {
            throw new InputException(RdProblem.DENSITY_VARIANCE_UNDEFINED, OptionName.of("vce"),
                    variance.name().toLowerCase(Locale.ROOT), OptionName.of("h"));
        }
        DensityTest conv = conventional ? test(new DensityFit(d, hl, hr, p, 1, kernel, model, variance)) : null;
        List<DensityBinomialTest.Window> windows = binomial == null ? List.of() : binomial.run(d, hl, hr);
        warn(d, hl, hr, main, warnings);
        RdDensityResult.Settings settings = new RdDensityResult.Settings(p, qq, kernel, model, select ? rule : null,
                variance, massPoints, d.massPoints, regularize, localMin, uniqueMin);
        return new RdDensityResult(test, conv, hl, hr, table, d.n, d.nLeft, d.nRight(), main.nEffLeft, main.nEffRight,
                cutoff, settings, windows, level, warnings);
    }

    /** rddensity's choice among the selected bandwidths. */
    private double[] chosen(DensityBandwidths t) {
        double l = t.left().h();
        double r = t.right().h();
        double diff = t.difference().h();
        double sum = t.sum().h();
        return switch (rule) {
            case EACH -> new double[] {l, r};
            case DIFF -> new double[] {diff, diff};
            case SUM -> new double[] {sum, sum};
            case COMB -> model == DensityModel.RESTRICTED ? new double[] {Math.min(diff, sum), Math.min(diff, sum)}
                    : new double[] {median(l, diff, sum), median(r, diff, sum)};
        };
    }

    private static double median(double a, double b, double c) {
        return Math.max(Math.min(a, b), Math.min(Math.max(a, b), c));
    }

    private static DensityTest test(DensityFit f) {
        double seDiff = Math.sqrt(f.variance[2]);
        double t = (f.densityRight - f.densityLeft) / seDiff;
        double pValue = Erf.erfc(Math.abs(t) / Math.sqrt(2));
        return new DensityTest(f.densityLeft, f.densityRight, Math.sqrt(f.variance[0]), Math.sqrt(f.variance[1]), seDiff,
                t, pValue);
    }

    private void warn(DensitySample d, double hl, double hr, DensityFit main, List<String> warnings) {
        if (d.massPoints) {
            warnings.add("the running variable has repeated values (" + d.unique.length + " distinct among " + d.n
                    + "): the distribution function and the jackknife treat each value's units together, as"
                    + " rddensity's massPoints does");
        }
        if (hl > -d.x[0]) {
            warnings.add("the bandwidth left of the cutoff (" + NumericColumn.formatNumber(hl)
                    + ") is wider than the data there (" + NumericColumn.formatNumber(-d.x[0]) + ")");
        }
        if (hr > d.x[d.n - 1]) {
            warnings.add("the bandwidth right of the cutoff (" + NumericColumn.formatNumber(hr)
                    + ") is wider than the data there (" + NumericColumn.formatNumber(d.x[d.n - 1]) + ")");
        }
        if (main.nEffLeft < 20 || main.nEffRight < 20) {
            warnings.add("only " + main.nEffLeft + " units left and " + main.nEffRight + " right of the cutoff lie within"
                    + " the bandwidths; the bandwidths may be too small");
        }
    }
}
