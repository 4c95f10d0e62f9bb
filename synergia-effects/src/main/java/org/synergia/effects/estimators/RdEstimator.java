package org.synergia.effects.estimators;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.synergia.data.Column;
import org.synergia.data.CompleteCases;
import org.synergia.data.Dataset;
import org.synergia.data.NumericColumn;
import org.synergia.data.StringColumn;
import org.synergia.effects.rd.BandwidthSelector;
import org.synergia.effects.rd.Kernel;
import org.synergia.effects.rd.MassPoints;
import org.synergia.effects.rd.RdPlot;
import org.synergia.effects.rd.RdRobust;
import org.synergia.effects.rd.RdSample;
import org.synergia.effects.rd.RdVariance;
import org.synergia.stats.estimator.Estimation;
import org.synergia.stats.estimator.Estimator;
import org.synergia.stats.estimator.EstimatorOption;
import org.synergia.stats.estimator.EstimatorOptions;
import org.synergia.stats.estimator.Regressors;
import org.synergia.stats.estimator.NumberList;
import org.synergia.stats.inference.Clusters;
import org.synergia.stats.inference.EstimationResult;
import org.synergia.stats.inference.AnnotatedResult;

/**
 * {@code rd}: local polynomial regression discontinuity, sharp or fuzzy, with robust bias-corrected
 * inference (rdrobust conventions) over {@link RdRobust}. Terms {@code conventional},
 * {@code bias-corrected}, {@code robust}; diagnostics {@code h_left}, {@code h_right},
 * {@code b_left}, {@code b_right}, {@code n_eff_left}, {@code n_eff_right}. Its file {@code plot} is
 * the binned RD plot ({@link RdPlot}).
 */
public final class RdEstimator implements Estimator {

    private static final List<EstimatorOption> OPTIONS = List.of(
            EstimatorOption.variable("outcome", "Y", "the outcome").asRequired(),
            EstimatorOption.variable("running", "X", "the running variable (score)").asRequired(),
            EstimatorOption.number("cutoff", "C", "the cutoff; units with X >= C are on the treated side (default:"
                    + " ${DEFAULT-VALUE})").withDefault("0"),
            EstimatorOption.variable("fuzzy", "D", "the treatment received (fuzzy design)"),
            EstimatorOption.choice("kernel", "K", "triangular, epanechnikov or uniform (default: ${DEFAULT-VALUE})",
                    "triangular", "epanechnikov", "uniform").withDefault("triangular"),
            EstimatorOption.integer("p", "P", "order of the local polynomial (default: ${DEFAULT-VALUE})").withDefault("1"),
            EstimatorOption.integer("q", "Q", "order of the bias-correction polynomial (default: p + 1)"),
            EstimatorOption.choice("bwselect", "S", "mserd, msetwo, cerrd or certwo (default: ${DEFAULT-VALUE})",
                    "mserd", "msetwo", "cerrd", "certwo").withDefault("mserd"),
            EstimatorOption.text("h", "H", "main bandwidth, or LEFT,RIGHT (default: data-driven by --bwselect)"),
            EstimatorOption.text("b", "B", "bias bandwidth, or LEFT,RIGHT (default: --h when it is given)"),
            EstimatorOption.choice("vce", "V", "nn (3 nearest neighbours), hc0, hc1, hc2 or hc3; with --cluster nn, hc0"
                    + " and hc1 are CR1, hc2 CR2, hc3 CR3 (default: ${DEFAULT-VALUE})",
                    "nn", "hc0", "hc1", "hc2", "hc3").withDefault("nn"),
            EstimatorOption.choice("masspoints", "M", "mass points in the running variable: adjust (pilot bandwidths"
                    + " keep 10 distinct values a side when found), check (only warn) or off (default: ${DEFAULT-VALUE})",
                    "adjust", "check", "off").withDefault("adjust"),
            EstimatorOption.integer("bwcheck", "N", "distinct running values each side keeps within the pilot"
                    + " bandwidths of the selection (default: 10 under --masspoints adjust when mass points are found)"),
            EstimatorOption.formula(Covariates.OPTION, "\"x1 + x2\"", "covariates for efficiency"),
            EstimatorOption.number("level", "L", "confidence level (default: ${DEFAULT-VALUE})").withDefault("0.95"),
            EstimatorOption.file("plot", "FILE.svg",
                    "also write a binned RD plot (bin means and global polynomial fits) as SVG"),
            EstimatorOption.choice("plot-binning", "B", "plot bins: es (evenly spaced) or qs (quantile spaced) (default:"
                    + " ${DEFAULT-VALUE})", "es", "qs").withDefault("es"),
            EstimatorOption.integer("plot-bins", "N", "plot bins on each side of the cutoff (default: ${DEFAULT-VALUE})")
                    .withDefault("20"),
            SubgroupEffects.option(),
            EstimatorOption.weights(),
            EstimatorOption.cluster());

    /** The registry entry. */
    public RdEstimator() {
    }

    @Override
    public String name() {
        return "rd";
    }

    @Override
    public String description() {
        return "Regression discontinuity, sharp or fuzzy (rdrobust conventions: conventional, bias-corrected and robust rows).";
    }

    @Override
    public List<EstimatorOption> options() {
        return OPTIONS;
    }

    @Override
    public Collection<String> variables(EstimatorOptions options) {
        return options.variablesOf("outcome", "running", "fuzzy", Covariates.OPTION, EstimatorOption.WEIGHTS,
                EstimatorOption.CLUSTER, "by");
    }

    @Override
    public EstimationResult fit(CompleteCases rows, EstimatorOptions options) {
        if (options.given("by")) {
            return SubgroupEffects.fit(this, rows, options, List.of("plot"), subgroup -> fitAll(subgroup, options));
        }
        return fitAll(rows.dataset(), options);
    }

    private EstimationResult fitAll(Dataset data, EstimatorOptions options) {
        RdSample sample = RdSample.of(data.numeric(options.required("outcome")).toDoubleArray(),
                data.numeric(options.required("running")).toDoubleArray());
        if (options.text("fuzzy").isPresent()) {
            sample = sample.withTreatment(data.numeric(options.required("fuzzy")).toDoubleArray());
        }
        Regressors covariates = Regressors.of(data, options, Covariates.OPTION);
        if (!covariates.isEmpty()) {
            sample = sample.withCovariates(covariates.names(), covariates.columns());
        }
        if (options.text(EstimatorOption.WEIGHTS).isPresent()) {
            sample = sample.withWeights(data.numeric(options.required(EstimatorOption.WEIGHTS)).toDoubleArray());
        }
        if (options.text(EstimatorOption.CLUSTER).isPresent()) {
            sample = sample.withClusters(clusterCodes(data, options.required(EstimatorOption.CLUSTER)));
        }
        RdRobust rd = RdRobust.withDefaults()
                .withKernel(Kernel.valueOf(options.required("kernel").toUpperCase(Locale.ROOT)))
                .withOrder(options.integer("p").orElseThrow())
                .withBandwidthSelector(BandwidthSelector.valueOf(options.required("bwselect").toUpperCase(Locale.ROOT)))
                .withVariance(RdVariance.valueOf(options.required("vce").toUpperCase(Locale.ROOT)))
                .withLevel(options.number("level").orElseThrow())
                .withMassPoints(massPoints(options.required("masspoints")));
        if (options.integer("bwcheck").isPresent()) {
            rd = rd.withBandwidthCheck(options.integer("bwcheck").get());
        }
        if (options.integer("q").isPresent()) {
            rd = rd.withBiasOrder(options.integer("q").get());
        }
        if (options.text("h").isPresent()) {
            double[] h = NumberList.pair(options, "h");
            rd = rd.withBandwidths(h[0], h[1]);
        }
        if (options.text("b").isPresent()) {
            double[] b = NumberList.pair(options, "b");
            rd = rd.withBiasBandwidths(b[0], b[1]);
        }
        return AnnotatedResult.of(rd.fit(sample, options.number("cutoff").orElseThrow()), covariates.warnings());
    }

    private static MassPoints massPoints(String choice) {
        return switch (choice) {
            case "check" -> MassPoints.CHECK;
            case "off" -> MassPoints.IGNORE;
            default -> MassPoints.ADJUST;
        };
    }

    @Override
    public Optional<String> output(String option, Estimation estimation) {
        if (!option.equals("plot")) {
            return Optional.empty();
        }
        EstimatorOptions o = estimation.options();
        Dataset data = estimation.rows().dataset();
        String outcome = o.required("outcome");
        String running = o.required("running");
        int bins = o.integer("plot-bins").orElseThrow();
        return Optional.of(RdPlot.withDefaults()
                .withBinning(o.required("plot-binning").equals("qs") ? RdPlot.Binning.QUANTILE_SPACED : RdPlot.Binning.EVENLY_SPACED)
                .withBins(bins, bins)
                .compute(data.numeric(outcome).toDoubleArray(), data.numeric(running).toDoubleArray(), o.number("cutoff").orElseThrow())
                .toSvg(axisLabel(data, outcome), axisLabel(data, running), ""));
    }

    private static String axisLabel(Dataset data, String variable) {
        String label = data.column(variable).label();
        return label == null || label.isBlank() ? variable : label + " (" + variable + ")";
    }

    private static int[] clusterCodes(Dataset data, String variable) {
        Column column = data.column(variable);
        if (column instanceof NumericColumn numeric) {
            return Clusters.of(numeric.toDoubleArray(), variable).codes();
        }
        StringColumn text = (StringColumn) column;
        List<String> ids = new ArrayList<>(text.size());
        for (int i = 0; i < text.size(); i++) {
            ids.add(text.value(i));
        }
        return Clusters.of(ids.toArray(String[]::new), variable).codes();
    }
}
