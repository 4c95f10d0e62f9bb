package org.synergia.synthesis.estimators;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.synergia.data.CompleteCases;
import org.synergia.data.Dataset;
import org.synergia.data.InputException;
import org.synergia.data.OptionName;
import org.synergia.stats.estimator.Estimator;
import org.synergia.stats.estimator.EstimatorOption;
import org.synergia.stats.estimator.EstimatorOptions;
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
            EstimatorOption.text("moderators", "\"x1 + x2\"", "meta-regression moderators"));

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
        Set<String> all = new LinkedHashSet<>(options.variablesOf("effect", "variance", "se"));
        all.addAll(Arrays.asList(moderators(options)));
        return new ArrayList<>(all);
    }

    /** The moderators as written, split at {@code +} (an empty term is refused by {@link #fit}). */
    private static String[] moderators(EstimatorOptions options) {
        Optional<String> m = options.text("moderators");
        return m.isEmpty() || m.get().isBlank() ? new String[0]
                : Arrays.stream(m.get().split("\\+")).map(String::trim).toArray(String[]::new);
    }

    /** @throws InputException for an empty moderator term */
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
        String[] names = moderators(options);
        double[][] x = new double[names.length][];
        for (int j = 0; j < names.length; j++) {
            if (names[j].isEmpty()) {
                throw new InputException(EstimatorProblem.EMPTY_MODERATOR_TERM, OptionName.of("moderators"),
                        options.required("moderators"));
            }
            x[j] = dataset.numeric(names[j]).toDoubleArray();
        }
        MetaAnalysis analysis = MetaAnalysis.withDefaults()
                .withMethod(Tau2Estimator.valueOf(options.required("method").toUpperCase(Locale.ROOT)))
                .withTest(options.required("test").equals("knha") ? MetaTest.KNAPP_HARTUNG : MetaTest.Z);
        return analysis.fit(y, v, x, names);
    }
}
