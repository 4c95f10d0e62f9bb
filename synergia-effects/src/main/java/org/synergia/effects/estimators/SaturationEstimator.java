package org.synergia.effects.estimators;

import java.util.Collection;
import java.util.List;
import java.util.stream.Stream;
import org.synergia.data.CompleteCases;
import org.synergia.data.Dataset;
import org.synergia.effects.saturation.SaturationEffects;
import org.synergia.effects.saturation.SaturationSample;
import org.synergia.stats.estimator.Estimator;
import org.synergia.stats.estimator.EstimatorOption;
import org.synergia.stats.estimator.EstimatorOptions;
import org.synergia.stats.estimator.Regressors;
import org.synergia.stats.estimators.FewClustersOptions;
import org.synergia.stats.inference.EstimationResult;
import org.synergia.stats.inference.AnnotatedResult;

/**
 * {@code saturation}: the randomised saturation design (Baird, Bohren, McIntosh &amp; Özler 2018)
 * over {@link SaturationEffects}: intention to treat and spillover, pooled, by saturation and
 * linear in saturation, with cluster-robust SEs and randomisation-inference p-values seeded by the
 * run's seed, and on request ({@code --wild-bootstrap B}) the wild cluster bootstrap of every term.
 */
public final class SaturationEstimator implements Estimator {

    private static final List<EstimatorOption> OPTIONS = Stream.concat(Stream.of(
            EstimatorOption.variable("outcome", "Y", "the outcome variable").asRequired(),
            EstimatorOption.variable("treatment", "T", "individual assignment, 1 or 0").asRequired(),
            EstimatorOption.variable(EstimatorOption.CLUSTER, "C",
                    "the cluster randomised to a saturation (also the cluster of the SEs)").asRequired(),
            EstimatorOption.variable("saturation", "S", "the cluster's assigned share treated, 0 for pure control clusters")
                    .asRequired(),
            EstimatorOption.formula(Covariates.OPTION, "\"x1 + x2\"", "controls added linearly"),
            EstimatorOption.integer("permutations", "B",
                    "re-randomisations for randomisation inference, 0 for none (default: ${DEFAULT-VALUE})").withDefault("999"),
            EstimatorOption.weights()), FewClustersOptions.OPTIONS.stream()).toList();

    /** The confidence level of the intervals ({@link SaturationEffects}'s default). */
    private static final double LEVEL = 0.95;

    /** The registry entry. */
    public SaturationEstimator() {
    }

    @Override
    public String name() {
        return "saturation";
    }

    @Override
    public String description() {
        return "Randomised saturation design (Baird, Bohren, McIntosh & Ozler 2018): intention-to-treat on the treated"
                + " and spillover on the untreated in treated clusters against pure control clusters, pooled, by"
                + " saturation and linear in saturation; cluster-robust SEs and randomisation-inference p-values.";
    }

    @Override
    public List<EstimatorOption> options() {
        return OPTIONS;
    }

    @Override
    public Collection<String> variables(EstimatorOptions options) {
        return options.variablesOf("outcome", "treatment", EstimatorOption.CLUSTER, "saturation", Covariates.OPTION,
                EstimatorOption.WEIGHTS);
    }

    @Override
    public EstimationResult fit(CompleteCases rows, EstimatorOptions options) {
        Dataset data = rows.dataset();
        String saturation = options.required("saturation");
        SaturationSample s = SaturationSample.of(values(data, options.required("outcome")),
                values(data, options.required("treatment")), values(data, options.required(EstimatorOption.CLUSTER)),
                values(data, saturation), saturation);
        Regressors xs = Regressors.of(data, options, Covariates.OPTION);
        if (!xs.isEmpty()) {
            s = s.withCovariates(xs.names(), xs.columns());
        }
        if (options.text(EstimatorOption.WEIGHTS).isPresent()) {
            s = s.withWeights(values(data, options.required(EstimatorOption.WEIGHTS)));
        }
        EstimationResult result = SaturationEffects.withDefaults().withPermutations(options.integer("permutations").orElseThrow())
                .withSeed(options.seed()).withWildBootstrap(FewClustersOptions.read(options, LEVEL).orElse(null)).fit(s);
        return AnnotatedResult.of(result, xs.warnings());
    }

    private static double[] values(Dataset data, String variable) {
        return data.numeric(variable).toDoubleArray();
    }
}
