package org.synergia.stats.estimators;

import java.util.ArrayList;
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
import org.synergia.stats.fewclusters.ClusteredRegression;
import org.synergia.stats.fewclusters.Cr2;
import org.synergia.stats.fewclusters.FewClustersProblem;
import org.synergia.stats.fewclusters.WildBootstrapResult;
import org.synergia.stats.fewclusters.WildClusterBootstrap;
import org.synergia.stats.formula.Formula;
import org.synergia.stats.formula.ModelFrame;
import org.synergia.stats.formula.ModelMatrix;
import org.synergia.stats.glm.Family;
import org.synergia.stats.glm.Glm;
import org.synergia.stats.glm.GlmFit;
import org.synergia.stats.glm.Link;
import org.synergia.stats.inference.Estimate;
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
            EstimatorOption.choice("vce", "VCE", "robust, oim, cluster or cr2 (default: ${DEFAULT-VALUE}); small-sample factors"
                    + " as Stata: N/(N-K) and CR1 for gaussian, N/(N-1) and G/(G-1) otherwise; cr2 (linear models): Bell-McCaffrey"
                    + " CR2 with Satterthwaite degrees of freedom, as R clubSandwich", "robust", "oim", "cluster", "cr2")
                    .withDefault("robust"),
            EstimatorOption.weights(),
            EstimatorOption.cluster()), Stream.concat(FewClustersOptions.OPTIONS.stream(), SensitivityOptions.OPTIONS.stream()))
            .toList();

    /** The confidence level of the intervals. */
    private static final double LEVEL = 0.95;

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

    /**
     * @throws InputException when {@code vce cluster} (or {@code cr2}) and {@code cluster} do not come together, or
     *         when {@code cr2} or {@code wild-bootstrap} is asked for a model that is not linear or has no clusters
     */
    @Override
    public EstimationResult fit(CompleteCases rows, EstimatorOptions options) {
        boolean cr2 = options.required("vce").equals("cr2");
        VarianceType type = cr2 ? VarianceType.CLUSTER : VarianceType.valueOf(options.required("vce").toUpperCase(Locale.ROOT));
        Optional<String> cluster = options.text(EstimatorOption.CLUSTER);
        if (cr2 && cluster.isEmpty()) {
            throw new InputException(FewClustersProblem.CR2_NEEDS_CLUSTERS, OptionName.of("vce"), OptionName.of(EstimatorOption.CLUSTER));
        }
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
                .withVariance(type).withThreads(options.threads()).withLevel(LEVEL);
        if (options.text("link").isPresent()) {
            glm = glm.withLink(Link.valueOf(options.text("link").get().toUpperCase(Locale.ROOT)));
        }
        Optional<LinearSensitivity> sensitivity = sensitivity(options);
        Optional<WildClusterBootstrap> wild = FewClustersOptions.read(options, LEVEL);
        Optional<ClusteredRegression> few = fewClusters(options, m, cr2, wild.isPresent());
        GlmFit fit = glm.fit(m);
        if (sensitivity.isEmpty() && few.isEmpty()) {
            return fit;
        }
        Map<String, Object> diagnostics = new LinkedHashMap<>(fit.diagnostics());
        List<Estimate> estimates = fit.estimates();
        List<String> warnings = new ArrayList<>(fit.warnings());
        if (cr2) {
            Cr2 c = Cr2.of(few.orElseThrow());
            estimates = c.estimates(estimates.stream().map(Estimate::term).toList(), LEVEL);
            diagnostics.put("vce", "cr2");
            Map<String, Object> df = new LinkedHashMap<>();
            for (int j = 0; j < estimates.size(); j++) {
                df.put(estimates.get(j).name(), c.degreesOfFreedom()[j]);
            }
            diagnostics.put("cr2_df", df);
        }
        if (wild.isPresent()) {
            WildBootstrapResult r = wild.get().test(few.orElseThrow());
            diagnostics.put(WildBootstrapResult.KEY, r.toDiagnostic());
            r.enumerationWarning(wild.get().draws()).ifPresent(warnings::add);
        }
        if (sensitivity.isPresent()) {
            diagnostics.put("sensitivity", sensitivity.get().of(m, fit));
        }
        return EstimationResult.of(fit.method(), estimates, fit.n(), diagnostics, warnings);
    }

    /**
     * The model in cluster sums for {@code vce cr2} or {@code wild-bootstrap}, once checked to be linear and clustered.
     */
    private static Optional<ClusteredRegression> fewClusters(EstimatorOptions options, ModelMatrix m, boolean cr2, boolean wild) {
        if (!cr2 && !wild) {
            return Optional.empty();
        }
        Optional<String> other = notLinear(options);
        if (other.isPresent()) {
            throw new InputException(cr2 ? FewClustersProblem.CR2_NOT_LINEAR : FewClustersProblem.NOT_LINEAR,
                    OptionName.of(cr2 ? "vce" : FewClustersOptions.DRAWS), other.get(), OptionName.of("family"));
        }
        if (m.clusters() == null) {
            throw new InputException(FewClustersProblem.BOOTSTRAP_NEEDS_CLUSTERS, OptionName.of(FewClustersOptions.DRAWS),
                    OptionName.of(EstimatorOption.CLUSTER), OptionName.of("vce"));
        }
        return Optional.of(ClusteredRegression.of(m.columns(), m.names(), m.response(), m.weights(), m.clusters()));
    }

    /** The sensitivity analysis the options ask for, checked against the model's family. */
    private static Optional<LinearSensitivity> sensitivity(EstimatorOptions options) {
        Optional<LinearSensitivity> asked = SensitivityOptions.read(options);
        Optional<String> other = notLinear(options);
        if (asked.isPresent() && other.isPresent()) {
            throw new InputException(SensitivityProblem.NOT_LINEAR, OptionName.of("sensitivity"), other.get());
        }
        return asked;
    }

    /** @return "family with link" when the options' model is not a linear regression (gaussian, identity link), else empty */
    private static Optional<String> notLinear(EstimatorOptions options) {
        String family = options.required("family");
        String link = options.text("link").orElse(Family.valueOf(family.toUpperCase(Locale.ROOT)).canonicalLink().name()
                .toLowerCase(Locale.ROOT));
        return family.equals("gaussian") && link.equals("identity") ? Optional.empty() : Optional.of(family + " with " + link);
    }
}
