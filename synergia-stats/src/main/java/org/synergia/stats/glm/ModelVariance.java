package org.synergia.stats.glm;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.synergia.data.InputException;
import org.synergia.data.OptionName;
import org.synergia.stats.inference.Clusters;
import org.synergia.stats.inference.Estimate;
import org.synergia.stats.inference.EstimatingFunctions;
import org.synergia.stats.inference.SandwichVariance;
import org.synergia.stats.inference.SmallSampleCorrection;
import org.synergia.stats.inference.VarianceType;

/** The variance of a likelihood fit's coefficients, by {@link VarianceType}, and the rows and copies a fit reports from it. */
final class ModelVariance {

    private ModelVariance() {
    }

    /**
     * @param type OIM, ROBUST or CLUSTER
     * @param correction small-sample factor for ROBUST and CLUSTER
     * @param clusters clusters for CLUSTER
     * @param psi the fit's estimating functions (computed only when needed)
     * @param information the information matrix
     * @param names parameter names, for messages
     * @param samplingWeights true when the fit used sampling weights (OIM is then refused)
     * @param dispersion the factor of the model-based variance (gaussian σ̂², else 1)
     * @return the variance matrix
     */
    static double[][] of(VarianceType type, SmallSampleCorrection correction, Clusters clusters,
            Supplier<EstimatingFunctions> psi, double[][] information, List<String> names, boolean samplingWeights,
            double dispersion) {
        check(type, samplingWeights, clusters);
        return switch (type) {
            case OIM -> {
                double[][] v = SandwichVariance.modelBased(information, names);
                for (double[] row : v) {
                    for (int k = 0; k < row.length; k++) {
                        row[k] *= dispersion;
                    }
                }
                yield v;
            }
            case ROBUST -> SandwichVariance.robust(psi.get(), information, correction);
            case CLUSTER -> SandwichVariance.clusterRobust(psi.get(), information, clusters, correction);
        };
    }

    /**
     * Checks that a variance type can be computed: the cluster-robust one needs clusters, sampling
     * weights need a robust or cluster-robust one.
     *
     * @param type OIM, ROBUST or CLUSTER
     * @param samplingWeights true when the fit uses sampling weights
     * @param clusters the clusters, or null
     * @throws InputException when it cannot
     */
    static void check(VarianceType type, boolean samplingWeights, Clusters clusters) {
        if (type == VarianceType.CLUSTER && clusters == null) {
            throw new InputException(GlmProblem.CLUSTER_VARIANCE_NEEDS_CLUSTERS, OptionName.of("cluster"));
        }
        if (type == VarianceType.OIM && samplingWeights) {
            throw new InputException(GlmProblem.SAMPLING_WEIGHTS_NEED_ROBUST_VARIANCE, OptionName.of("vce"));
        }
    }

    /**
     * @param names the parameters' names
     * @param coefficients the estimates
     * @param variance their variance matrix
     * @param level the confidence level
     * @return one Wald row per parameter
     */
    static List<Estimate> waldRows(List<String> names, double[] coefficients, double[][] variance, double level) {
        List<Estimate> out = new ArrayList<>(coefficients.length);
        for (int j = 0; j < coefficients.length; j++) {
            out.add(Estimate.wald(names.get(j), coefficients[j], Math.sqrt(variance[j][j]), level));
        }
        return out;
    }

    /** @return a deep copy of a matrix held by a fit (information or variance) */
    static double[][] copy(double[][] m) {
        double[][] c = new double[m.length][];
        for (int j = 0; j < c.length; j++) {
            c[j] = m[j].clone();
        }
        return c;
    }
}
