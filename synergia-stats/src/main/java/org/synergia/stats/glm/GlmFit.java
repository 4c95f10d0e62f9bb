package org.synergia.stats.glm;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.hipparchus.special.Gamma;
import org.synergia.stats.inference.Clusters;
import org.synergia.stats.inference.Estimate;
import org.synergia.stats.inference.EstimatingFunctions;
import org.synergia.stats.inference.EstimationResult;
import org.synergia.stats.inference.SandwichVariance;
import org.synergia.stats.inference.SmallSampleCorrection;
import org.synergia.stats.inference.VarianceType;

/**
 * A fitted generalised linear model: coefficients, log-likelihood, deviance, linear predictors
 * and fitted means, the per-observation score contributions and the information matrix (for
 * stacking into a larger M-estimator), and variances. Immutable; it keeps references to the
 * design, outcome and weights it was fitted on, which must not be modified.
 */
public final class GlmFit implements EstimationResult {

    private final Glm settings;
    private final GlmKernel kernel;
    private final double[][] x;
    private final List<String> names;
    private final double[] y;
    private final double[] w;
    private final Clusters clusters;
    private final double[] beta;
    private final double[] eta;
    private final double[][] information;
    private final int iterations;
    private final double logLikelihood;
    private final double deviance;
    private final double observations;
    private final double[][] variance;
    private final List<String> warnings;

    GlmFit(Glm settings, GlmKernel kernel, double[][] x, List<String> names, double[] y, double[] w,
            Clusters clusters, double[] beta, double[] eta, double[][] information, int iterations, List<String> warnings) {
        this.warnings = List.copyOf(warnings);
        this.settings = settings;
        this.kernel = kernel;
        this.x = x;
        this.names = names;
        this.y = y;
        this.w = w;
        this.clusters = clusters;
        this.beta = beta;
        this.eta = eta;
        this.information = information;
        this.iterations = iterations;
        boolean frequency = w != null && settings.weightKind() == WeightKind.FREQUENCY;
        double nObs = y.length;
        if (frequency) {
            nObs = 0;
            for (double v : w) {
                nObs += v;
            }
        }
        this.observations = nObs;
        double dev = 0;
        double ll = 0;
        for (int i = 0; i < y.length; i++) {
            double mu = kernel.mean(eta[i]);
            dev += weight(i) * kernel.unitDeviance(y[i], mu);
            ll += weight(i) * switch (kernel.family()) {
                case GAUSSIAN -> 0.0;
                case BINOMIAL -> (y[i] != 0 ? y[i] * Math.log(mu) : 0) + (y[i] != 1 ? (1 - y[i]) * Math.log1p(-mu) : 0);
                case POISSON -> y[i] * eta[i] - mu - Gamma.logGamma(y[i] + 1);
            };
        }
        this.deviance = dev;
        this.logLikelihood = kernel.family() == Family.GAUSSIAN ? gaussianLogLikelihood(dev) : ll;
        VarianceType type = settings.varianceType();
        this.variance = variance(type, type == VarianceType.OIM ? null : settings.correctionFor(type), clusters);
    }

    /** R's {@code logLik.glm} for the gaussian family: σ² by ML (RSS/N), prior weights entering as {@code Σ log w / 2}. */
    private double gaussianLogLikelihood(double dev) {
        double ll = -0.5 * observations * (Math.log(2 * Math.PI * dev / observations) + 1);
        if (w != null && settings.weightKind() == WeightKind.SAMPLING) {
            for (double v : w) {
                ll += 0.5 * Math.log(v);
            }
        }
        return ll;
    }

    private double weight(int i) {
        return w == null ? 1.0 : w[i];
    }

    @Override
    public String method() {
        return "glm";
    }

    @Override
    public List<Estimate> estimates() {
        return ModelVariance.waldRows(names, beta, variance, settings.level());
    }

    /** @return the number of rows used (the sum of frequency weights when there are any) */
    @Override
    public int n() {
        return (int) Math.round(observations);
    }

    @Override
    public Map<String, Object> diagnostics() {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("family", kernel.family().name().toLowerCase(Locale.ROOT));
        d.put("link", linkName());
        d.put("vce", settings.varianceType().name().toLowerCase(Locale.ROOT));
        d.put("log_likelihood", logLikelihood);
        d.put("deviance", deviance);
        if (kernel.family() == Family.GAUSSIAN) {
            d.put("dispersion", dispersion());
        }
        if (clusters != null && settings.varianceType() == VarianceType.CLUSTER) {
            d.put("clusters", clusters.count());
        }
        d.put("iterations", iterations);
        d.put("converged", true);
        return d;
    }

    private String linkName() {
        return switch (kernel) {
            case GAUSSIAN_IDENTITY -> "identity";
            case BINOMIAL_LOGIT -> "logit";
            case BINOMIAL_PROBIT -> "probit";
            case POISSON_LOG -> "log";
        };
    }

    @Override
    public List<String> warnings() {
        return warnings;
    }


    /** @return the regressors' names, in coefficient order */
    public List<String> names() {
        return names;
    }

    /** @return a copy of the coefficients {@code β̂} */
    public double[] coefficients() {
        return beta.clone();
    }

    /** @return the standard errors of the reported variance */
    public double[] standardErrors() {
        return SandwichVariance.standardErrors(variance);
    }

    /** @return the maximised log-likelihood (pseudo-log-likelihood with sampling weights) */
    public double logLikelihood() {
        return logLikelihood;
    }

    /** @return the deviance {@code Σ w_i d(y_i, μ̂_i)} (the weighted residual sum of squares for gaussian) */
    public double deviance() {
        return deviance;
    }

    /** @return the gaussian dispersion {@code σ̂² = Σ w r² / (N - K)}; 1 for binomial and Poisson */
    public double dispersion() {
        return kernel.family() == Family.GAUSSIAN ? deviance / (observations - beta.length) : 1.0;
    }

    /** @return the number of Newton iterations */
    public int iterations() {
        return iterations;
    }

    /** @return the number of rows */
    public int rows() {
        return y.length;
    }

    /**
     * @param i a row
     * @return its linear predictor {@code η̂_i = x_iᵀβ̂}
     */
    public double linearPredictor(int i) {
        return eta[i];
    }

    /**
     * @param i a row
     * @return its fitted mean {@code μ̂_i = g⁻¹(η̂_i)} (the probability for binomial)
     */
    public double fitted(int i) {
        return kernel.mean(eta[i]);
    }

    /** @return a copy of all linear predictors */
    public double[] linearPredictors() {
        return eta.clone();
    }

    /** @return all fitted means */
    public double[] fittedValues() {
        double[] mu = new double[eta.length];
        for (int i = 0; i < mu.length; i++) {
            mu[i] = kernel.mean(eta[i]);
        }
        return mu;
    }

    /**
     * The information matrix {@code I = -∂²ℓ/∂β∂βᵀ = Σ w_i h_i x_i x_iᵀ} at {@code β̂} (observed or
     * expected as set by {@link Glm#withInformation}); for gaussian it omits the dispersion. As the
     * derivative matrix of the {@linkplain #estimatingFunctions() estimating functions},
     * {@code A = -I}.
     *
     * @return a copy of {@code I}
     */
    public double[][] information() {
        return ModelVariance.copy(information);
    }

    /**
     * The per-observation score contributions {@code ψ_i = w_i u_i x_i} with
     * {@code u_i = ∂ℓ_i/∂η} (for gaussian {@code u_i = y_i - μ̂_i}); with frequency weights,
     * {@code ψ_i = u_i x_i} and the weights are carried as frequencies. They sum to zero at {@code β̂}.
     *
     * @return the contributions ({@code n × p})
     */
    public EstimatingFunctions estimatingFunctions() {
        int n = y.length;
        int p = beta.length;
        boolean frequency = w != null && settings.weightKind() == WeightKind.FREQUENCY;
        double[] u = new double[LikelihoodPass.BLOCK];
        double[] psi = new double[n * p];
        for (int from = 0; from < n; from += LikelihoodPass.BLOCK) {
            int len = Math.min(LikelihoodPass.BLOCK, n - from);
            double[] etaBlock = java.util.Arrays.copyOfRange(eta, from, from + len);
            kernel.evaluate(etaBlock, y, frequency ? null : w, from, len, u, null, true);
            for (int j = 0; j < p; j++) {
                double[] xj = x[j];
                int col = j * n + from;
                for (int t = 0; t < len; t++) {
                    psi[col + t] = u[t] * xj[from + t];
                }
            }
        }
        EstimatingFunctions e = EstimatingFunctions.of(psi, n, p);
        return frequency ? e.withFrequencies(w) : e;
    }

    /** @return a copy of the reported variance matrix of {@code β̂} */
    public double[][] variance() {
        return ModelVariance.copy(variance);
    }

    /**
     * Another variance of {@code β̂}.
     *
     * @param type OIM, ROBUST or CLUSTER
     * @param correction the small-sample factor for ROBUST or CLUSTER (ignored for OIM)
     * @param clusterIds the clusters for CLUSTER, else ignored (may be null)
     * @return the variance matrix
     */
    public double[][] variance(VarianceType type, SmallSampleCorrection correction, Clusters clusterIds) {
        return ModelVariance.of(type, correction, clusterIds, this::estimatingFunctions, information, names,
                w != null && settings.weightKind() == WeightKind.SAMPLING, dispersion());
    }
}
