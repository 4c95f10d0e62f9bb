package org.synergia.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.synergia.data.Dataset;
import org.synergia.data.InputException;
import org.synergia.effects.dose.DoseSample;
import org.synergia.effects.dose.ExposureRegression;
import org.synergia.effects.dose.GpsDoseResponse;
import org.synergia.stats.inference.EstimationResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code synergia estimate dose}: treatment intensity (exposure time) and dose response. */
@Command(name = "dose", mixinStandardHelpOptions = true,
        description = "Treatment intensity: exposure-time regression (linear or bins) with controls, or the generalised"
                + " propensity score dose-response curve (Hirano & Imbens 2004) with bootstrap bands; --by for subgroups.")
public final class DoseCommand extends EstimateMethodCommand {

    @Option(names = "--outcome", required = true, paramLabel = "Y", description = "the outcome variable")
    private String outcome;

    @Option(names = "--dose", required = true, paramLabel = "T", description = "the treatment intensity (e.g. months of exposure)")
    private String dose;

    @Option(names = "--covariates", paramLabel = "\"x1 + x2\"", description = "controls (and the GPS model's covariates)")
    private String covariates;

    @Option(names = "--method", paramLabel = "M", defaultValue = "linear",
            description = "linear, bins or gps (default: ${DEFAULT-VALUE})")
    private String method;

    @Option(names = "--bins", paramLabel = "C1,C2,...", description = "cut points of the dose bins (method bins)")
    private String bins;

    @Option(names = "--grid", paramLabel = "T1,T2,...",
            description = "doses at which to estimate the curve (method gps; default 10 points from the 5th to the 95th percentile)")
    private String grid;

    @Option(names = "--bootstrap", paramLabel = "B", defaultValue = "200",
            description = "bootstrap replications of the gps bands (default: ${DEFAULT-VALUE})")
    private int bootstrap;

    @Option(names = "--by", paramLabel = "G", description = "subgroup variable for heterogeneity (e.g. female_head)")
    private String by;

    @Mixin
    private WeightsOption weights;

    @Mixin
    private ClusterOption cluster;

    @Override
    protected EstimationResult estimate(Dataset data) {
        NumericVariables.Covariates xs = NumericVariables.covariates(data, covariates, this);
        List<String> names = new ArrayList<>(List.of(outcome, dose));
        names.add(by);
        weights.variable().ifPresent(names::add);
        cluster.variable().ifPresent(names::add);
        NumericVariables v = NumericVariables.completeCases(data, names, xs);
        DoseSample s = DoseSample.of(v.get(outcome), v.get(dose), dose);
        if (!xs.names().isEmpty()) {
            s = s.withCovariates(xs.names(), v.get(xs.names()));
        }
        if (weights.variable().isPresent()) {
            s = s.withWeights(v.get(weights.variable().get()));
        }
        if (cluster.variable().isPresent()) {
            s = s.withClusters(v.get(cluster.variable().get()));
        }
        if (by != null) {
            s = s.withSubgroup(by, v.get(by));
        }
        String m = method.toLowerCase(Locale.ROOT);
        if (bins != null && !m.equals("bins") || grid != null && !m.equals("gps")) {
            throw new InputException("--bins goes with --method bins and --grid with --method gps");
        }
        return switch (m) {
            case "linear" -> ExposureRegression.withDefaults().fit(s);
            case "bins" -> {
                if (bins == null) {
                    throw new InputException("--method bins needs --bins C1,C2,... (the cut points)");
                }
                yield ExposureRegression.withDefaults().withBins(NumericVariables.numbers("--bins", bins)).fit(s);
            }
            case "gps" -> {
                GpsDoseResponse g = GpsDoseResponse.withDefaults().withBootstrap(bootstrap).withSeed(global.seed());
                yield (grid == null ? g : g.withGrid(NumericVariables.numbers("--grid", grid))).fit(s);
            }
            default -> throw new InputException("unknown dose method '" + method + "': use linear, bins or gps");
        };
    }
}
