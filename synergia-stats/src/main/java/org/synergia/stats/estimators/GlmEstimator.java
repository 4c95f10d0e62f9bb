package org.synergia.stats.estimators;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.synergia.data.CompleteCases;
import org.synergia.data.InputException;
import org.synergia.data.OptionName;
import org.synergia.stats.estimator.Estimator;
import org.synergia.stats.estimator.EstimatorOption;
import org.synergia.stats.estimator.EstimatorOptions;
import org.synergia.stats.formula.Formula;
import org.synergia.stats.formula.ModelFrame;
import org.synergia.stats.formula.ModelMatrix;
import org.synergia.stats.glm.Family;
import org.synergia.stats.glm.Glm;
import org.synergia.stats.glm.GlmFit;
import org.synergia.stats.glm.Link;
import org.synergia.stats.inference.EstimationResult;
import org.synergia.stats.inference.VarianceType;
import org.synergia.stats.sensitivity.LinearSensitivity;
import org.synergia.stats.sensitivity.SensitivityProblem;

/**
 * {@code glm}: a generalised linear model from an R-style formula over {@link Glm}, with terms named
 * as written ({@code (Intercept)}, {@code mage}, {@code I(mage^2)}, {@code factor(region)2}).
 */
public final class GlmEstimator implements Estimator {

    private static final List<EstimatorOption> OPTIONS = Stream.concat(Stream.of(
            EstimatorOption.formula("model", "F", "the model formula, e.g. \"bweight ~ mage + I(mage^2) + factor(msmoke)\"")
                    .asRequired(),
            EstimatorOption.choice("family", "FAMILY", "gaussian, binomial or poisson (default: ${DEFAULT-VALUE})",
                    "gaussian", "binomial", "poisson").withDefault("gaussian"),
            EstimatorOption.choice("link", "LINK", "identity, logit, probit or log (default: the family's canonical link)",
                    "identity", "logit", "probit", "log"),
            EstimatorOption.choice("vce", "VCE", "robust, oim or cluster (default: ${DEFAULT-VALUE}); small-sample factors as"
                    + " Stata: N/(N-K) and CR1 for gaussian, N/(N-1) and G/(G-1) otherwise", "robust", "oim", "cluster")
                    .withDefault("robust"),
            EstimatorOption.weights(),
            EstimatorOption.cluster()), SensitivityOptions.OPTIONS.stream()).toList();

    /** The registry entry. */
    public GlmEstimator() {
    }

    @Override
    public String name() {
        return "glm";
    }

    @Override
    public String description() {
        return "Generalised linear model (OLS/WLS, logit, probit, Poisson) from an R-style formula.";
    }

    @Override
    public List<EstimatorOption> options() {
        return OPTIONS;
    }

    @Override
    public Collection<String> variables(EstimatorOptions options) {
        return options.variablesOf("model", EstimatorOption.WEIGHTS, EstimatorOption.CLUSTER);
    }

    /** @throws InputException when {@code vce cluster} and {@code cluster} do not come together */
    @Override
    public EstimationResult fit(CompleteCases rows, EstimatorOptions options) {
        VarianceType type = VarianceType.valueOf(options.required("vce").toUpperCase(Locale.ROOT));
        Optional<String> cluster = options.text(EstimatorOption.CLUSTER);
        if (type == VarianceType.CLUSTER && cluster.isEmpty()) {
            throw new InputException(EstimatorProblem.VCE_CLUSTER_WITHOUT_CLUSTER, OptionName.of("vce"),
                    OptionName.of(EstimatorOption.CLUSTER));
        }
        if (type != VarianceType.CLUSTER && cluster.isPresent()) {
            throw new InputException(EstimatorProblem.CLUSTER_WITHOUT_VCE_CLUSTER, OptionName.of(EstimatorOption.CLUSTER),
                    cluster.get(), OptionName.of("vce"));
        }
        ModelMatrix m = ModelFrame.of(Formula.parse(options.required("model")))
                .withWeights(options.text(EstimatorOption.WEIGHTS).orElse(null)).withCluster(cluster.orElse(null))
                .build(rows.dataset());
        Glm glm = Glm.withDefaults().withFamily(Family.valueOf(options.required("family").toUpperCase(Locale.ROOT)))
                .withVariance(type).withThreads(options.threads());
        if (options.text("link").isPresent()) {
            glm = glm.withLink(Link.valueOf(options.text("link").get().toUpperCase(Locale.ROOT)));
        }
        Optional<LinearSensitivity> sensitivity = sensitivity(options);
        GlmFit fit = glm.fit(m);
        if (sensitivity.isEmpty()) {
            return fit;
        }
        Map<String, Object> diagnostics = new LinkedHashMap<>(fit.diagnostics());
        diagnostics.put("sensitivity", sensitivity.get().of(m, fit));
        return EstimationResult.of(fit.method(), fit.estimates(), fit.n(), diagnostics, fit.warnings());
    }

    /** The sensitivity analysis the options ask for, checked against the model's family. */
    private static Optional<LinearSensitivity> sensitivity(EstimatorOptions options) {
        Optional<LinearSensitivity> asked = SensitivityOptions.read(options);
        String family = options.required("family");
        String link = options.text("link").orElse("identity");
        if (asked.isPresent() && (!family.equals("gaussian") || !link.equals("identity"))) {
            throw new InputException(SensitivityProblem.NOT_LINEAR, OptionName.of("sensitivity"), family + " with " + link);
        }
        return asked;
    }
}
