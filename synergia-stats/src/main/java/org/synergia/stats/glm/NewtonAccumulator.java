package org.synergia.stats.glm;

/**
 * Sums over observations of a GLM's log-likelihood, score {@code Σ u_i x_i} and information
 * {@code Σ h_i x_i x_iᵀ} (lower triangle). Accumulators over disjoint row ranges are
 * {@linkplain #combine combined}, so rows can be split over threads or machines.
 */
final class NewtonAccumulator {

    final int p;
    double logLikelihood;
    final double[] score;
    /** Row-major {@code p × p}; only the lower triangle ({@code k ≤ j}) is filled. */
    final double[] information;

    NewtonAccumulator(int p) {
        this.p = p;
        this.score = new double[p];
        this.information = new double[p * p];
    }

    /**
     * Adds another accumulator's sums to this one.
     *
     * @param other sums over other rows
     */
    void combine(NewtonAccumulator other) {
        logLikelihood += other.logLikelihood;
        for (int j = 0; j < p; j++) {
            score[j] += other.score[j];
        }
        for (int j = 0; j < p * p; j++) {
            information[j] += other.information[j];
        }
    }

    /** @return the information as a full symmetric matrix */
    double[][] informationMatrix() {
        double[][] m = new double[p][p];
        for (int j = 0; j < p; j++) {
            for (int k = 0; k <= j; k++) {
                m[j][k] = information[j * p + k];
                m[k][j] = information[j * p + k];
            }
        }
        return m;
    }
}
