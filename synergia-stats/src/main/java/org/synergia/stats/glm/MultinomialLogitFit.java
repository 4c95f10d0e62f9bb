package org.synergia.stats.glm;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.synergia.stats.inference.Clusters;
import org.synergia.stats.inference.Estimate;
import org.synergia.stats.inference.EstimatingFunctions;
import org.synergia.stats.inference.EstimationResult;
import org.synergia.stats.inference.SandwichVariance;
import org.synergia.stats.inference.SmallSampleCorrection;
import org.synergia.stats.inference.VarianceType;

/**
 * A fitted multinomial logit. Parameters are ordered by non-base level (in code order), then
 * regressor, and named {@code level:regressor}. Immutable; keeps references to the data it was
 * fitted on, which must not be modified.
 */
public final class MultinomialLogitFit implements EstimationResult {

    private final MultinomialLogit settings;
    private final double[][] x;
    private final List<String> names;
    private final List<String> levels;
    private final List<String> terms;
    private final int[] y;
    private final double[] w;
    private final double[] theta;
    private final double[] prob; // column-major n x (K-1), non-base levels
    private final double[][] information;
    private final double logLikelihood;
    private final int iterations;
    private final Clusters clusters;
    private final double[][] variance;

    MultinomialLogitFit(MultinomialLogit settings, double[][] x, List<String> names, List<String> levels, List<String> terms,
            int[] y, double[] w, Clusters clusters, double[] theta, double[] prob, double[][] information,
            double logLikelihood, int iterations) {
        this.settings = settings;
        this.x = x;
        this.names = names;
        this.levels = levels;
        this.terms = terms;
        this.y = y;
        this.w = w;
        this.clusters = clusters;
        this.theta = theta;
        this.prob = prob;
        this.information = information;
        this.logLikelihood = logLikelihood;
        this.iterations = iterations;
        VarianceType type = settings.varianceType();
        this.variance = variance(type, settings.correctionFor(type), clusters);
    }

    @Override
    public String method() {
        return "mlogit";
    }

    @Override
    public List<Estimate> estimates() {
        return ModelVariance.waldRows(terms, theta, variance, settings.level());
    }

    @Override
    public int n() {
        if (w == null || settings.weightKind() == WeightKind.SAMPLING) {
            return y.length;
        }
        double s = 0;
        for (double v : w) {
            s += v;
        }
        return (int) Math.round(s);
    }

    @Override
    public Map<String, Object> diagnostics() {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("base", levels.get(settings.base()));
        d.put("vce", settings.varianceType().name().toLowerCase(Locale.ROOT));
        d.put("log_likelihood", logLikelihood);
        if (clusters != null && settings.varianceType() == VarianceType.CLUSTER) {
            d.put("clusters", clusters.count());
        }
        d.put("iterations", iterations);
        d.put("converged", true);
        return d;
    }

    @Override
    public List<String> warnings() {
        return List.of();
    }

    /** @return the parameter names {@code level:regressor} */
    public List<String> terms() {
        return terms;
    }

    /** @return the outcome levels, by code */
    public List<String> levels() {
        return levels;
    }

    /** @return a copy of the coefficients, ordered by non-base level then regressor */
    public double[] coefficients() {
        return theta.clone();
    }

    /** @return the standard errors of the reported variance */
    public double[] standardErrors() {
        return SandwichVariance.standardErrors(variance);
    }

    /** @return the maximised log-likelihood */
    public double logLikelihood() {
        return logLikelihood;
    }

    /** @return the number of Newton iterations */
    public int iterations() {
        return iterations;
    }

    /**
     * @param i a row
     * @param code an outcome code
     * @return the fitted probability {@code π̂_i,code}
     */
    public double probability(int i, int code) {
        int n = y.length;
        if (code == settings.base()) {
            double s = 1;
            for (int m = 0; m < levels.size() - 1; m++) {
                s -= prob[m * n + i];
            }
            return s;
        }
        int m = code < settings.base() ? code : code - 1;
        return prob[m * n + i];
    }

    /** @return a copy of the information matrix {@code -∂²ℓ/∂θ∂θᵀ} at the estimate */
    public double[][] information() {
        return ModelVariance.copy(information);
    }

    /**
     * The score contributions {@code ψ_i = w_i (1[y_i = m] - π̂_im) x_i}, stacked by non-base level
     * (with frequency weights: without {@code w_i}, carried as frequencies).
     *
     * @return the contributions ({@code n × (K-1)p})
     */
    public EstimatingFunctions estimatingFunctions() {
        int n = y.length;
        int p = x.length;
        int m = levels.size() - 1;
        boolean frequency = w != null && settings.weightKind() == WeightKind.FREQUENCY;
        double[] psi = new double[n * m * p];
        for (int a = 0; a < m; a++) {
            int code = a < settings.base() ? a : a + 1;
            for (int j = 0; j < p; j++) {
                int col = (a * p + j) * n;
                double[] xj = x[j];
                for (int i = 0; i < n; i++) {
                    double wt = w == null || frequency ? 1.0 : w[i];
                    psi[col + i] = wt * ((y[i] == code ? 1 : 0) - prob[a * n + i]) * xj[i];
                }
            }
        }
        EstimatingFunctions e = EstimatingFunctions.of(psi, n, m * p);
        return frequency ? e.withFrequencies(w) : e;
    }

    /** @return a copy of the reported variance */
    public double[][] variance() {
        return ModelVariance.copy(variance);
    }

    /**
     * Another variance of the coefficients.
     *
     * @param type OIM, ROBUST or CLUSTER
     * @param correction the small-sample factor (ignored for OIM)
     * @param clusterIds clusters for CLUSTER
     * @return the variance matrix
     */
    public double[][] variance(VarianceType type, SmallSampleCorrection correction, Clusters clusterIds) {
        return ModelVariance.of(type, correction, clusterIds, this::estimatingFunctions, information, terms,
                w != null && settings.weightKind() == WeightKind.SAMPLING, 1.0);
    }
}
