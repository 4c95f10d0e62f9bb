package org.synergia.effects.estimators;

import java.util.Collection;
import java.util.List;
import org.synergia.data.CompleteCases;
import org.synergia.data.Dataset;
import org.synergia.data.InputException;
import org.synergia.data.OptionName;
import org.synergia.effects.dose.DoseResult;
import org.synergia.effects.dose.DoseSample;
import org.synergia.effects.dose.ExposureRegression;
import org.synergia.effects.dose.GpsDoseResponse;
import org.synergia.stats.estimator.Estimator;
import org.synergia.stats.estimator.EstimatorOption;
import org.synergia.stats.estimator.EstimatorOptions;
import org.synergia.stats.estimator.Regressors;
import org.synergia.stats.estimator.NumberList;
import org.synergia.stats.inference.EstimationResult;
import org.synergia.stats.inference.AnnotatedResult;

/**
 * {@code dose}: treatment intensity over {@link ExposureRegression} (the effect per unit of
 * exposure, linear or by bins, with controls; by subgroup with {@code by}) and
 * {@link GpsDoseResponse} (the generalised-propensity-score dose-response curve of Hirano &amp;
 * Imbens 2004 with bootstrap bands seeded by the run's seed). The result is a {@link DoseResult}
 * under the covariates' warnings ({@link #dose(EstimationResult)}).
 */
public final class DoseEstimator implements Estimator {

    private static final List<EstimatorOption> OPTIONS = List.of(
            EstimatorOption.variable("outcome", "Y", "the outcome variable").asRequired(),
            EstimatorOption.variable("dose", "T", "the treatment intensity (e.g. months of exposure)").asRequired(),
            EstimatorOption.formula(Covariates.OPTION, "\"x1 + x2\"", "controls (and the GPS model's covariates)"),
            EstimatorOption.choice("method", "M", "linear, bins or gps (default: ${DEFAULT-VALUE})", "linear", "bins", "gps")
                    .withDefault("linear"),
            EstimatorOption.text("bins", "C1,C2,...", "cut points of the dose bins (method bins)"),
            EstimatorOption.text("grid", "T1,T2,...", "doses at which to estimate the curve (method gps; default 10 points"
                    + " from the 5th to the 95th percentile)"),
            EstimatorOption.integer("bootstrap", "B", "bootstrap replications of the gps bands (default: ${DEFAULT-VALUE})")
                    .withDefault("200"),
            EstimatorOption.variable("by", "G", "subgroup variable for heterogeneity (e.g. female_head)")
                    .withAlias(EstimatorOption.SUBGROUP),
            EstimatorOption.weights(),
            EstimatorOption.cluster());

    /** The registry entry. */
    public DoseEstimator() {
    }

    @Override
    public String name() {
        return "dose";
    }

    @Override
    public String description() {
        return "Treatment intensity: exposure-time regression (linear or bins) with controls, or the generalised"
                + " propensity score dose-response curve (Hirano & Imbens 2004) with bootstrap bands; --by for subgroups.";
    }

    @Override
    public List<EstimatorOption> options() {
        return OPTIONS;
    }

    @Override
    public Collection<String> variables(EstimatorOptions options) {
        return options.variablesOf("outcome", "dose", "by", Covariates.OPTION, EstimatorOption.WEIGHTS, EstimatorOption.CLUSTER);
    }

    @Override
    public EstimationResult fit(CompleteCases rows, EstimatorOptions options) {
        Dataset data = rows.dataset();
        String method = options.required("method");
        if (options.given("bins") && !method.equals("bins") || options.given("grid") && !method.equals("gps")) {
            throw new InputException(EstimatorProblem.DOSE_METHOD_OPTIONS, OptionName.of("bins"), OptionName.of("method"),
                    OptionName.of("grid"));
        }
        if (method.equals("bins") && !options.given("bins")) {
            throw new InputException(EstimatorProblem.DOSE_BINS_MISSING, OptionName.of("method"), OptionName.of("bins"));
        }
        String dose = options.required("dose");
        Regressors xs = Regressors.of(data, options, Covariates.OPTION);
        DoseSample s = DoseSample.of(values(data, options.required("outcome")), values(data, dose), dose);
        if (!xs.isEmpty()) {
            s = s.withCovariates(xs.names(), xs.columns());
        }
        if (options.text(EstimatorOption.WEIGHTS).isPresent()) {
            s = s.withWeights(values(data, options.required(EstimatorOption.WEIGHTS)));
        }
        if (options.text(EstimatorOption.CLUSTER).isPresent()) {
            s = s.withClusters(values(data, options.required(EstimatorOption.CLUSTER)));
        }
        if (options.text("by").isPresent()) {
            s = s.withSubgroup(options.required("by"), values(data, options.required("by")));
        }
        DoseResult result = switch (method) {
            case "bins" -> ExposureRegression.withDefaults().withBins(NumberList.of(options, "bins")).fit(s);
            case "gps" -> {
                GpsDoseResponse g = GpsDoseResponse.withDefaults().withBootstrap(options.integer("bootstrap").orElseThrow())
                        .withSeed(options.seed());
                yield (options.given("grid") ? g.withGrid(NumberList.of(options, "grid")) : g).fit(s);
            }
            default -> ExposureRegression.withDefaults().fit(s);
        };
        return AnnotatedResult.of(result, xs.warnings());
    }

    /**
     * @param result what {@link #fit} returned
     * @return the dose result under the warnings
     */
    public static DoseResult dose(EstimationResult result) {
        return (DoseResult) AnnotatedResult.unwrap(result);
    }

    private static double[] values(Dataset data, String variable) {
        return data.numeric(variable).toDoubleArray();
    }
}
