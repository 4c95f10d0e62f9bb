package org.synergia.effects.matching;

/**
 * Regression bias adjustment of matching estimators (Abadie and Imbens 2011, eq. 3): the
 * imputed outcome of unit i from its matches j becomes
 * {@code (1/#J) sum_j (Y_j + mu_w(X_i) - mu_w(X_j))}, where {@code mu_w} is the arm-w regression
 * of Y on the matching covariates. Holds the fitted {@code mu_1} and {@code mu_0} of every row.
 */
final class BiasAdjustment {

    private final double[] mu1;
    private final double[] mu0;

    /**
     * @param mu1 the treated-arm regression's prediction for every row
     * @param mu0 the control-arm regression's prediction for every row
     */
    BiasAdjustment(double[] mu1, double[] mu0) {
        this.mu1 = mu1;
        this.mu0 = mu0;
    }

    /**
     * @param set the matches
     * @param k a matched focal unit of {@code set}
     * @param imputeTreated whether the matches impute Y(1) (else Y(0))
     * @return {@code mu_w(X_i) - (1/#J) sum_j mu_w(X_j)}
     */
    double correction(MatchSet set, int k, boolean imputeTreated) {
        return correctionMean(set, k, imputeTreated);
    }

    /**
     * @param focalRow the focal unit's row
     * @param matchRow one of its matches
     * @param imputeTreated whether the match imputes Y(1) (else Y(0))
     * @return {@code mu_w(X_i) - mu_w(X_j)} for that one pair
     */
    double pairCorrection(int focalRow, int matchRow, boolean imputeTreated) {
        double[] mu = imputeTreated ? mu1 : mu0;
        return mu[focalRow] - mu[matchRow];
    }

    private double correctionMean(MatchSet set, int k, boolean imputeTreated) {
        double[] mu = imputeTreated ? mu1 : mu0;
        return mu[set.focalRow(k)] - set.meanOverMatches(k, mu);
    }
}
