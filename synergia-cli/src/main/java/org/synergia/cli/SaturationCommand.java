package org.synergia.cli;

import java.util.ArrayList;
import java.util.List;
import org.synergia.data.Dataset;
import org.synergia.effects.saturation.SaturationEffects;
import org.synergia.effects.saturation.SaturationSample;
import org.synergia.stats.inference.EstimationResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code synergia estimate saturation}: randomised saturation designs (ITT and spillover effects). */
@Command(name = "saturation", mixinStandardHelpOptions = true,
        description = "Randomised saturation design (Baird, Bohren, McIntosh & Ozler 2018): intention-to-treat on the treated"
                + " and spillover on the untreated in treated clusters against pure control clusters, pooled, by"
                + " saturation and linear in saturation; cluster-robust SEs and randomisation-inference p-values.")
public final class SaturationCommand extends EstimateMethodCommand {

    @Option(names = "--outcome", required = true, paramLabel = "Y", description = "the outcome variable")
    private String outcome;

    @Option(names = "--treatment", required = true, paramLabel = "T", description = "individual assignment, 1 or 0")
    private String treatment;

    @Option(names = "--cluster", required = true, paramLabel = "C",
            description = "the cluster randomised to a saturation (also the cluster of the SEs)")
    private String cluster;

    @Option(names = "--saturation", required = true, paramLabel = "S",
            description = "the cluster's assigned share treated, 0 for pure control clusters")
    private String saturation;

    @Option(names = "--covariates", paramLabel = "\"x1 + x2\"", description = "controls added linearly")
    private String covariates;

    @Option(names = "--permutations", paramLabel = "B", defaultValue = "999",
            description = "re-randomisations for randomisation inference, 0 for none (default: ${DEFAULT-VALUE})")
    private int permutations;

    @Mixin
    private WeightsOption weights;

    @Override
    protected EstimationResult estimate(Dataset data) {
        NumericVariables.Covariates xs = NumericVariables.covariates(data, covariates, this);
        List<String> names = new ArrayList<>(List.of(outcome, treatment, cluster, saturation));
        weights.variable().ifPresent(names::add);
        NumericVariables v = NumericVariables.completeCases(data, names, xs);
        SaturationSample s = SaturationSample.of(v.get(outcome), v.get(treatment), v.get(cluster), v.get(saturation),
                saturation);
        if (!xs.names().isEmpty()) {
            s = s.withCovariates(xs.names(), v.get(xs.names()));
        }
        if (weights.variable().isPresent()) {
            s = s.withWeights(v.get(weights.variable().get()));
        }
        return SaturationEffects.withDefaults().withPermutations(permutations).withSeed(global.seed()).fit(s);
    }
}
