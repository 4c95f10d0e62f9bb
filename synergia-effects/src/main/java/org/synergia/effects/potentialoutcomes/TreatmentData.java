package org.synergia.effects.potentialoutcomes;

import java.util.Arrays;
import java.util.Objects;

/**
 * The arrays a potential-outcome estimator works on, one entry per observation. Design matrices
 * are given by columns, as everywhere in Synergia ({@code x[j][i]} is regressor {@code j} of
 * observation {@code i}), and used as given: include the intercept column yourself, or build the
 * data with {@link #withCommonCovariates}, which adds it.
 *
 * @param outcome the outcome
 * @param treatment the treatment level of each observation (its stored value)
 * @param outcomeDesign the outcome model's design matrix (ignored by IPW)
 * @param outcomeNames names of the outcome design's columns, for messages
 * @param treatmentDesign the treatment model's design matrix (ignored by RA)
 * @param treatmentNames names of the treatment design's columns, for messages
 * @param weights sampling weights, or {@code null} for equal weights
 * @param clusters cluster codes for cluster-robust SEs, or {@code null} for independent observations
 */
public record TreatmentData(double[] outcome, double[] treatment, double[][] outcomeDesign, String[] outcomeNames,
        double[][] treatmentDesign, String[] treatmentNames, double[] weights, int[] clusters) {

    /** Checks that the arrays are present. */
    public TreatmentData {
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(treatment, "treatment");
        Objects.requireNonNull(outcomeDesign, "outcomeDesign");
        Objects.requireNonNull(treatmentDesign, "treatmentDesign");
        Objects.requireNonNull(outcomeNames, "outcomeNames");
        Objects.requireNonNull(treatmentNames, "treatmentNames");
    }

    /**
     * Data whose outcome and treatment models share the covariates {@code x} (without intercept);
     * an intercept column named {@code (Intercept)} is put first in both designs.
     *
     * @param outcome the outcome
     * @param treatment the treatment levels
     * @param covariates covariates by column ({@code covariates[j][i]}), without intercept
     * @param names the covariates' names
     * @return the data, unweighted and unclustered
     */
    public static TreatmentData withCommonCovariates(double[] outcome, double[] treatment, double[][] covariates,
            String... names) {
        double[][] design = new double[covariates.length + 1][];
        design[0] = new double[outcome.length];
        Arrays.fill(design[0], 1);
        System.arraycopy(covariates, 0, design, 1, covariates.length);
        String[] all = new String[names.length + 1];
        all[0] = "(Intercept)";
        System.arraycopy(names, 0, all, 1, names.length);
        return new TreatmentData(outcome, treatment, design, all, design, all, null, null);
    }

    /**
     * @param sampling sampling weights (non-negative, not all zero)
     * @return a copy with these weights
     */
    public TreatmentData withWeights(double[] sampling) {
        return new TreatmentData(outcome, treatment, outcomeDesign, outcomeNames, treatmentDesign, treatmentNames,
                sampling, clusters);
    }

    /**
     * @param codes a cluster code per observation
     * @return a copy whose SEs are cluster-robust over these clusters
     */
    public TreatmentData withClusters(int[] codes) {
        return new TreatmentData(outcome, treatment, outcomeDesign, outcomeNames, treatmentDesign, treatmentNames,
                weights, codes);
    }

    /** @return the number of observations */
    public int size() {
        return outcome.length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TreatmentData d && Arrays.equals(outcome, d.outcome) && Arrays.equals(treatment, d.treatment)
                && Arrays.deepEquals(outcomeDesign, d.outcomeDesign) && Arrays.equals(outcomeNames, d.outcomeNames)
                && Arrays.deepEquals(treatmentDesign, d.treatmentDesign)
                && Arrays.equals(treatmentNames, d.treatmentNames) && Arrays.equals(weights, d.weights)
                && Arrays.equals(clusters, d.clusters);
    }

    @Override
    public int hashCode() {
        return Objects.hash(Arrays.hashCode(outcome), Arrays.hashCode(treatment), Arrays.hashCode(weights));
    }

    @Override
    public String toString() {
        return "TreatmentData[n=" + outcome.length + ", outcome model " + Arrays.toString(outcomeNames)
                + ", treatment model " + Arrays.toString(treatmentNames) + (weights == null ? "" : ", weighted")
                + (clusters == null ? "" : ", clustered") + "]";
    }
}
