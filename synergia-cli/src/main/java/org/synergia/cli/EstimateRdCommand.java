package org.synergia.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.synergia.data.Column;
import org.synergia.data.Dataset;
import org.synergia.data.InputException;
import org.synergia.data.NumericColumn;
import org.synergia.data.StringColumn;
import org.synergia.effects.rd.BandwidthSelector;
import org.synergia.effects.rd.Kernel;
import org.synergia.effects.rd.RdPlot;
import org.synergia.effects.rd.RdPlotData;
import org.synergia.effects.rd.RdRobust;
import org.synergia.effects.rd.RdSample;
import org.synergia.effects.rd.RdVariance;
import org.synergia.stats.inference.Clusters;
import org.synergia.stats.inference.EstimationResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code synergia estimate rd}: local polynomial regression discontinuity with robust
 * bias-corrected inference (rdrobust conventions). Terms {@code conventional},
 * {@code bias-corrected}, {@code robust}; diagnostics {@code h_left}, {@code h_right},
 * {@code b_left}, {@code b_right}, {@code n_eff_left}, {@code n_eff_right}.
 */
@Command(name = "rd", mixinStandardHelpOptions = true,
        description = "Regression discontinuity, sharp or fuzzy (rdrobust conventions: conventional, bias-corrected"
                + " and robust rows).")
public final class EstimateRdCommand extends EstimateMethodCommand {

    /** Kernels as the command line spells them. */
    enum KernelName { triangular, epanechnikov, uniform }

    /** Bandwidth selectors as the command line spells them. */
    enum Selector { mserd, msetwo, cerrd, certwo }

    /** Variance estimators as the command line spells them. */
    enum Vce { nn, hc0, hc1, hc2, hc3 }

    @Option(names = "--outcome", required = true, paramLabel = "Y", description = "the outcome")
    private String outcome;

    @Option(names = "--running", required = true, paramLabel = "X", description = "the running variable (score)")
    private String running;

    @Option(names = "--cutoff", paramLabel = "C", defaultValue = "0",
            description = "the cutoff; units with X >= C are on the treated side (default: ${DEFAULT-VALUE})")
    private double cutoff;

    @Option(names = "--fuzzy", paramLabel = "D", description = "the treatment received (fuzzy design)")
    private String fuzzy;

    @Option(names = "--kernel", paramLabel = "K", defaultValue = "triangular",
            description = "triangular, epanechnikov or uniform (default: ${DEFAULT-VALUE})")
    private KernelName kernel;

    @Option(names = "--p", paramLabel = "P", defaultValue = "1",
            description = "order of the local polynomial (default: ${DEFAULT-VALUE})")
    private int p;

    @Option(names = "--q", paramLabel = "Q", description = "order of the bias-correction polynomial (default: p + 1)")
    private Integer q;

    @Option(names = "--bwselect", paramLabel = "S", defaultValue = "mserd",
            description = "mserd, msetwo, cerrd or certwo (default: ${DEFAULT-VALUE})")
    private Selector bwselect;

    @Option(names = "--h", paramLabel = "H", split = ",",
            description = "main bandwidth, or LEFT,RIGHT (default: data-driven by --bwselect)")
    private double[] h;

    @Option(names = "--b", paramLabel = "B", split = ",",
            description = "bias bandwidth, or LEFT,RIGHT (default: --h when it is given)")
    private double[] b;

    @Option(names = "--vce", paramLabel = "V", defaultValue = "nn",
            description = "nn (3 nearest neighbours), hc0, hc1, hc2 or hc3 (default: ${DEFAULT-VALUE})")
    private Vce vce;

    @Option(names = "--covariates", paramLabel = "\"x1 + x2\"", description = "covariates for efficiency")
    private String covariates;

    @Option(names = "--level", paramLabel = "L", defaultValue = "0.95",
            description = "confidence level (default: ${DEFAULT-VALUE})")
    private double level;

    @Option(names = "--plot", paramLabel = "FILE.svg",
            description = "also write a binned RD plot (bin means and global polynomial fits) as SVG")
    private Path plot;

    @Option(names = "--plot-binning", paramLabel = "B", defaultValue = "es",
            description = "plot bins: es (evenly spaced) or qs (quantile spaced) (default: ${DEFAULT-VALUE})")
    private PlotBinning plotBinning;

    @Option(names = "--plot-bins", paramLabel = "N", defaultValue = "20",
            description = "plot bins on each side of the cutoff (default: ${DEFAULT-VALUE})")
    private int plotBins;

    /** Plot bin layouts as the command line spells them. */
    enum PlotBinning { es, qs }

    @Mixin
    private WeightsOption weights;

    @Mixin
    private ClusterOption cluster;

    @Override
    protected EstimationResult estimate(Dataset dataset) {
        RdSample sample = RdSample.of(dataset.numeric(outcome).toDoubleArray(),
                dataset.numeric(running).toDoubleArray());
        if (fuzzy != null) {
            sample = sample.withTreatment(dataset.numeric(fuzzy).toDoubleArray());
        }
        if (covariates != null && !covariates.isBlank()) {
            List<String> names = Arrays.stream(covariates.split("\\+")).map(String::trim).toList();
            double[][] columns = new double[names.size()][];
            for (int j = 0; j < columns.length; j++) {
                if (names.get(j).isEmpty()) {
                    throw new InputException("--covariates '" + covariates + "' has an empty term: write it as"
                            + " \"x1 + x2\"");
                }
                columns[j] = dataset.numeric(names.get(j)).toDoubleArray();
            }
            sample = sample.withCovariates(names, columns);
        }
        if (weights.variable().isPresent()) {
            sample = sample.withWeights(dataset.numeric(weights.variable().get()).toDoubleArray());
        }
        if (cluster.variable().isPresent()) {
            sample = sample.withClusters(clusterCodes(dataset, cluster.variable().get()));
        }
        RdRobust rd = RdRobust.withDefaults()
                .withKernel(Kernel.valueOf(kernel.name().toUpperCase(Locale.ROOT)))
                .withOrder(p)
                .withBandwidthSelector(BandwidthSelector.valueOf(bwselect.name().toUpperCase(Locale.ROOT)))
                .withVariance(RdVariance.valueOf(vce.name().toUpperCase(Locale.ROOT)))
                .withLevel(level);
        if (q != null) {
            rd = rd.withBiasOrder(q);
        }
        if (h != null) {
            double[] hh = pair("--h", h);
            rd = rd.withBandwidths(hh[0], hh[1]);
        }
        if (b != null) {
            double[] bb = pair("--b", b);
            rd = rd.withBiasBandwidths(bb[0], bb[1]);
        }
        EstimationResult result = rd.fit(sample, cutoff);
        if (plot != null) {
            writePlot(dataset);
        }
        return result;
    }

    private void writePlot(Dataset dataset) {
        RdPlotData data = RdPlot.withDefaults()
                .withBinning(plotBinning == PlotBinning.qs ? RdPlot.Binning.QUANTILE_SPACED
                        : RdPlot.Binning.EVENLY_SPACED)
                .withBins(plotBins, plotBins)
                .compute(dataset.numeric(outcome).toDoubleArray(), dataset.numeric(running).toDoubleArray(), cutoff);
        String svg = data.toSvg(axisLabel(dataset, outcome), axisLabel(dataset, running), "");
        try {
            Files.writeString(plot, svg);
        } catch (IOException e) {
            throw new InputException("cannot write the plot to " + plot + ": " + e.getMessage()
                    + "; choose a writable path for --plot", e);
        }
    }

    private static String axisLabel(Dataset dataset, String variable) {
        String label = dataset.column(variable).label();
        return label == null || label.isBlank() ? variable : label + " (" + variable + ")";
    }

    private static double[] pair(String option, double[] v) {
        if (v.length == 1) {
            return new double[] {v[0], v[0]};
        }
        if (v.length == 2) {
            return v;
        }
        throw new InputException(option + " takes one bandwidth or two (LEFT,RIGHT), not " + v.length);
    }

    private static int[] clusterCodes(Dataset dataset, String variable) {
        Column column = dataset.column(variable);
        if (column instanceof NumericColumn numeric) {
            return Clusters.of(numeric.toDoubleArray(), variable).codes();
        }
        StringColumn text = (StringColumn) column;
        String[] ids = new String[text.size()];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = text.value(i);
        }
        return Clusters.of(ids, variable).codes();
    }
}
