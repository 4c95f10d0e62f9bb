package org.synergia.synthesis.estimators;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import org.synergia.data.CompleteCases;
import org.synergia.data.Dataset;
import org.synergia.stats.estimator.Estimator;
import org.synergia.stats.estimator.EstimatorOption;
import org.synergia.stats.estimator.EstimatorOptions;
import org.synergia.stats.estimator.Regressors;
import org.synergia.stats.inference.AnnotatedResult;
import org.synergia.stats.inference.EstimationResult;
import org.synergia.synthesis.meta.MetaAnalysis;
import org.synergia.synthesis.meta.MetaTest;
import org.synergia.synthesis.meta.Tau2Estimator;

/**
 * {@code meta}: meta-analysis or meta-regression of one effect per row over {@link MetaAnalysis}
 * (terms {@code pooled} and one per moderator; diagnostics tau2, I2, H2, Q, Q_p). The precision is
 * given as exactly one of {@code variance} and {@code se}.
 */
public final class MetaEstimator implements Estimator {

    private static final List<EstimatorOption> OPTIONS = List.of(
            EstimatorOption.variable("effect", "Y", "the effect sizes").asRequired(),
            EstimatorOption.variable("variance", "V", "the sampling variances"),
            EstimatorOption.variable("se", "S", "the standard errors"),
            EstimatorOption.choice("method", "M", "tau2 estimator: reml, dl, pm, ml or fe (default: ${DEFAULT-VALUE})",
                    "reml", "dl", "pm", "ml", "fe").withDefault("reml"),
            EstimatorOption.choice("test", "T", "z or knha (Knapp-Hartung) (default: ${DEFAULT-VALUE})", "z", "knha")
                    .withDefault("z"),
            EstimatorOption.formula("moderators", "\"x1 + x2\"", "meta-regression moderators, the right-hand side of a formula"
                    + " as for glm: factor(design), log(weeks + 1), I(year - 2000), x1:x2"));

    /** The registry entry. */
    public MetaEstimator() {
    }

    @Override
    public String name() {
        return "meta";
    }

    @Override
    public String description() {
        return "Fixed- or random-effects meta-analysis and meta-regression (metafor conventions).";
    }

    @Override
    public List<EstimatorOption> options() {
        return OPTIONS;
    }

    @Override
    public List<List<String>> exactlyOneOf() {
        return List.of(List.of("variance", "se"));
    }

    @Override
    public Collection<String> variables(EstimatorOptions options) {
        return options.variablesOf("effect", "variance", "se", "moderators");
    }

    @Override
    public EstimationResult fit(CompleteCases rows, EstimatorOptions options) {
        Dataset dataset = rows.dataset();
        double[] y = dataset.numeric(options.required("effect")).toDoubleArray();
        double[] v;
        if (options.text("variance").isPresent()) {
            v = dataset.numeric(options.text("variance").get()).toDoubleArray();
        } else {
            v = dataset.numeric(options.required("se")).toDoubleArray();
            for (int i = 0; i < v.length; i++) {
                v[i] = v[i] * v[i];
            }
        }
        Regressors moderators = Regressors.of(dataset, options, "moderators");
        MetaAnalysis analysis = MetaAnalysis.withDefaults()
                .withMethod(Tau2Estimator.valueOf(options.required("method").toUpperCase(Locale.ROOT)))
                .withTest(options.required("test").equals("knha") ? MetaTest.KNAPP_HARTUNG : MetaTest.Z);
        EstimationResult result = analysis.fit(y, v, moderators.columns(), moderators.names().toArray(String[]::new));
        return AnnotatedResult.of(result, moderators.warnings());
    }
}
