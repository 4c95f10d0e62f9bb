package org.synergia.effects.estimators;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.synergia.data.Column;
import org.synergia.data.CompleteCases;
import org.synergia.data.Dataset;
import org.synergia.data.InputException;
import org.synergia.data.NumericColumn;
import org.synergia.data.OptionName;
import org.synergia.effects.rd.DensityBandwidthRule;
import org.synergia.effects.rd.DensityBinomialTest;
import org.synergia.effects.rd.DensityModel;
import org.synergia.effects.rd.DensityVariance;
import org.synergia.effects.rd.Kernel;
import org.synergia.effects.rd.RdDensity;
import org.synergia.effects.rd.RdDensityPlot;
import org.synergia.effects.rd.RdDensityResult;
import org.synergia.effects.rd.RdProblem;
import org.synergia.stats.estimator.Estimation;
import org.synergia.stats.estimator.Estimator;
import org.synergia.stats.estimator.EstimatorOption;
import org.synergia.stats.estimator.EstimatorOptions;
import org.synergia.stats.estimator.NumberList;
import org.synergia.stats.inference.EstimationResult;

/**
 * {@code rddensity}: the manipulation test of a regression discontinuity design, a discontinuity in
 * the density of the running variable at the cutoff (Cattaneo, Jansson and Ma 2020; R
 * {@code rddensity} conventions) over {@link RdDensity}. Term {@code density-difference} (and
 * {@code density-difference:conventional} with {@code --all}); diagnostics {@code t_statistic},
 * {@code p_value}, {@code h_left}, {@code h_right}, {@code n_eff_left}, {@code n_eff_right} and more.
 * Its file {@code plot} is the density plot ({@link RdDensityPlot}).
 */
public final class RdDensityEstimator implements Estimator {

    private static final List<EstimatorOption> OPTIONS = List.of(
            EstimatorOption.variable("running", "X", "the running variable (score)").asRequired(),
            EstimatorOption.number("cutoff", "C", "the cutoff; units with X >= C are on the right (default:"
                    + " ${DEFAULT-VALUE})").withDefault("0"),
            EstimatorOption.integer("p", "P", "order of the local polynomial density estimator, 1 to 7 (default:"
                    + " ${DEFAULT-VALUE})").withDefault("2"),
            EstimatorOption.integer("q", "Q", "order of the bias-corrected estimator the test uses (default: p + 1)"),
            EstimatorOption.choice("kernel", "K", "triangular, uniform or epanechnikov (default: ${DEFAULT-VALUE})",
                    "triangular", "uniform", "epanechnikov").withDefault("triangular"),
            EstimatorOption.choice("fitselect", "M", "unrestricted (separate fits on each side) or restricted (the"
                    + " distribution function and higher derivatives shared) (default: ${DEFAULT-VALUE})",
                    "unrestricted", "restricted").withDefault("unrestricted"),
            EstimatorOption.choice("bwselect", "S", "comb (median of each, diff and sum; restricted: min of diff and"
                    + " sum), each, diff or sum (default: ${DEFAULT-VALUE})", "comb", "each", "diff", "sum")
                    .withDefault("comb"),
            EstimatorOption.choice("vce", "V", "jackknife or plugin standard errors (default: ${DEFAULT-VALUE})",
                    "jackknife", "plugin").withDefault("jackknife"),
            EstimatorOption.text("h", "H", "bandwidth, or LEFT,RIGHT (default: data-driven by --bwselect)"),
            EstimatorOption.flag("all", "also report the conventional test (order p, without bias correction)"),
            EstimatorOption.choice("masspoints", "M", "repeated values of the running variable: adjust (share the"
                    + " distribution function and jackknife of their value) or off (default: ${DEFAULT-VALUE})",
                    "adjust", "off").withDefault("adjust"),
            EstimatorOption.bool("regularize", "B", "keep selected bandwidths within the data and wide enough to"
                    + " hold --nlocalmin units and --nuniquemin distinct values (default: ${DEFAULT-VALUE})")
                    .withDefault("true"),
            EstimatorOption.integer("nlocalmin", "N", "units a selected bandwidth holds at least on each side, 0"
                    + " for no check (default: 20 + p + 1)"),
            EstimatorOption.integer("nuniquemin", "N", "distinct values a selected bandwidth holds at least on each"
                    + " side, 0 for no check (default: 20 + p + 1)"),
            EstimatorOption.number("level", "L", "confidence level of the interval and the plot's bands (default:"
                    + " ${DEFAULT-VALUE})").withDefault("0.95"),
            EstimatorOption.bool("bino", "B", "also run exact binomial tests in windows around the cutoff (default:"
                    + " ${DEFAULT-VALUE})").withDefault("true"),
            EstimatorOption.text("bino-w", "W", "half-length of the first binomial window, or LEFT,RIGHT (default:"
                    + " reach --bino-n units on each side)"),
            EstimatorOption.integer("bino-n", "N", "units on each side the first binomial window holds at least"
                    + " (default: 20)"),
            EstimatorOption.text("bino-wstep", "W", "growth of the binomial windows' half-length, or LEFT,RIGHT"
                    + " (default: the first window's, or evenly up to the bandwidth)"),
            EstimatorOption.integer("bino-nstep", "N", "units each binomial window adds at least (instead of"
                    + " --bino-wstep)"),
            EstimatorOption.integer("bino-nw", "N", "number of binomial windows (default: ${DEFAULT-VALUE})")
                    .withDefault("10"),
            EstimatorOption.number("bino-p", "P", "share at or above the cutoff under the binomial null (default:"
                    + " ${DEFAULT-VALUE})").withDefault("0.5"),
            EstimatorOption.file("plot", "FILE.svg",
                    "also write the density plot (estimates and confidence bands on each side, histogram) as SVG"),
            EstimatorOption.text("plot-range", "LOW,HIGH", "the plot's range (default: the cutoff plus and minus"
                    + " three bandwidths, within the data)"),
            EstimatorOption.text("plot-n", "N", "grid points on each side of the cutoff, or LEFT,RIGHT (default:"
                    + " ${DEFAULT-VALUE})").withDefault("10"),
            EstimatorOption.choice("plot-grid", "G", "grid points es (evenly spaced) or qs (quantile spaced)"
                    + " (default: ${DEFAULT-VALUE})", "es", "qs").withDefault("es"));

    /** The registry entry. */
    public RdDensityEstimator() {
    }

    @Override
    public String name() {
        return "rddensity";
    }

    @Override
    public String description() {
        return "RD manipulation test: density discontinuity of the running variable at the cutoff (rddensity"
                + " conventions).";
    }

    @Override
    public List<EstimatorOption> options() {
        return OPTIONS;
    }

    @Override
    public Collection<String> variables(EstimatorOptions options) {
        return options.variablesOf("running");
    }

    @Override
    public EstimationResult fit(CompleteCases rows, EstimatorOptions options) {
        String running = options.required("running");
        return test(options).fit(running, values(rows.dataset(), running), options.number("cutoff").orElseThrow());
    }

    /** The test the options describe. */
    static RdDensity test(EstimatorOptions o) {
        RdDensity t = RdDensity.withDefaults()
                .withOrder(o.integer("p").orElseThrow())
                .withKernel(Kernel.valueOf(o.required("kernel").toUpperCase(Locale.ROOT)))
                .withModel(DensityModel.valueOf(o.required("fitselect").toUpperCase(Locale.ROOT)))
                .withBandwidthRule(DensityBandwidthRule.valueOf(o.required("bwselect").toUpperCase(Locale.ROOT)))
                .withVariance(DensityVariance.valueOf(o.required("vce").toUpperCase(Locale.ROOT)))
                .withConventional(o.bool("all"))
                .withMassPoints(o.required("masspoints").equals("adjust"))
                .withRegularization(o.bool("regularize"))
                .withLevel(o.number("level").orElseThrow());
        if (o.integer("q").isPresent()) {
            t = t.withBiasOrder(o.integer("q").get());
        }
        if (o.text("h").isPresent()) {
            double[] h = NumberList.pair(o, "h");
            t = t.withBandwidths(h[0], h[1]);
        }
        if (o.integer("nlocalmin").isPresent()) {
            t = t.withMinimumUnits(o.integer("nlocalmin").get());
        }
        if (o.integer("nuniquemin").isPresent()) {
            t = t.withMinimumDistinct(o.integer("nuniquemin").get());
        }
        return t.withBinomialTest(o.bool("bino") ? binomial(o) : null);
    }

    private static DensityBinomialTest binomial(EstimatorOptions o) {
        DensityBinomialTest b = DensityBinomialTest.withDefaults()
                .withWindows(o.integer("bino-nw").orElseThrow())
                .withProbability(o.number("bino-p").orElseThrow());
        if (o.text("bino-w").isPresent()) {
            double[] w = NumberList.pair(o, "bino-w");
            b = b.withWindow(w[0], w[1]);
        }
        if (o.integer("bino-n").isPresent()) {
            b = b.withCount(o.integer("bino-n").get());
        }
        if (o.text("bino-wstep").isPresent()) {
            double[] w = NumberList.pair(o, "bino-wstep");
            b = b.withWindowStep(w[0], w[1]);
        }
        if (o.integer("bino-nstep").isPresent()) {
            b = b.withCountStep(o.integer("bino-nstep").get());
        }
        return b;
    }

    /** The running variable's values, refusing text with a message that says what to do. */
    private static double[] values(Dataset data, String running) {
        Column c = data.column(running);
        if (!(c instanceof NumericColumn n)) {
            throw new InputException("variable '" + running + "' in " + data.name() + " holds text (" + c.storageName()
                    + "); the density test needs a numeric running variable: recode it to numbers");
        }
        return n.toDoubleArray();
    }

    @Override
    public Optional<String> output(String option, Estimation estimation) {
        if (!option.equals("plot")) {
            return Optional.empty();
        }
        EstimatorOptions o = estimation.options();
        String running = o.required("running");
        Dataset data = estimation.rows().dataset();
        RdDensityPlot plot = RdDensityPlot.withDefaults()
                .withLevel(o.number("level").orElseThrow())
                .withGrid(o.required("plot-grid").equals("qs") ? RdDensityPlot.Grid.QUANTILE_SPACED
                        : RdDensityPlot.Grid.EVENLY_SPACED);
        double[] n = NumberList.pair(o, "plot-n");
        for (double v : n) {
            if (v != Math.rint(v) || v < 2) {
                throw new InputException(RdProblem.PLOT_POINTS, OptionName.of("plot-n"), o.required("plot-n"));
            }
        }
        plot = plot.withPoints((int) n[0], (int) n[1]);
        if (o.text("plot-range").isPresent()) {
            double[] r = NumberList.of(o, "plot-range");
            if (r.length != 2) {
                throw new InputException(RdProblem.PLOT_RANGE, OptionName.of("plot-range"), o.required("plot-range"),
                        o.number("cutoff").orElseThrow());
            }
            plot = plot.withRange(r[0], r[1]);
        }
        RdDensityResult result = (RdDensityResult) estimation.result();
        String title = String.format(java.util.Locale.ROOT, "Manipulation test: density of %s at %s (p = %.3g)", running,
                org.synergia.data.NumericColumn.formatNumber(o.number("cutoff").orElseThrow()),
                (Double) result.diagnostics().get("p_value"));
        return Optional.of(plot.compute(values(data, running), result).toSvg(axisLabel(data, running), title));
    }

    private static String axisLabel(Dataset data, String variable) {
        String label = data.column(variable).label();
        return label == null || label.isBlank() ? variable : label + " (" + variable + ")";
    }
}
