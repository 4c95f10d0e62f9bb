package org.synergia.effects.matching;

import org.synergia.effects.potentialoutcomes.Estimand;

/**
 * A matched sample and the matching estimate it gives (Abadie and Imbens 2006, eq. 2-4):
 * for each kept focal unit the imputed potential outcomes, and for every data row how much it
 * is used as a match. Immutable after construction; package-private arrays are never exposed.
 */
final class MatchedSample {

    final Estimand estimand;
    final boolean[] treated;
    final double[] y;
    /** Matches of treated units among controls (ATT and ATE). */
    final MatchSet treatedMatches;
    /** Matches of controls among treated units (ATE only, else null). */
    final MatchSet controlMatches;
    /** Focal rows that found a match (they enter the average). */
    final boolean[] kept;
    /** Imputed (or observed) Y(1) and Y(0) of kept rows; zero elsewhere. */
    final double[] y1;
    final double[] y0;
    /** {@code sum_k w_kr}: how much row r is used as a match ({@code K_M(r)/M}). */
    final double[] used;
    /** {@code sum_k w_kr^2}. */
    final double[] usedSquared;
    final int nKept;
    final double tau;
    /** The bias adjustment applied to the imputations, or null. */
    final BiasAdjustment adjustment;

    /**
     * @param estimand ATT (treated matched to controls) or ATE (both directions)
     * @param treated the arm of every row
     * @param y the outcome
     * @param treatedMatches matches of the treated rows among the controls
     * @param controlMatches matches of the control rows among the treated (ATE), or null
     * @param adjustment bias adjustment {@code mu_w(X_i) - mu_w(X_j)} source, or null for none
     */
    MatchedSample(Estimand estimand, boolean[] treated, double[] y, MatchSet treatedMatches,
            MatchSet controlMatches, BiasAdjustment adjustment) {
        int n = y.length;
        this.estimand = estimand;
        this.treated = treated;
        this.y = y;
        this.treatedMatches = treatedMatches;
        this.controlMatches = controlMatches;
        this.adjustment = adjustment;
        this.kept = new boolean[n];
        this.y1 = new double[n];
        this.y0 = new double[n];
        this.used = new double[n];
        this.usedSquared = new double[n];
        impute(treatedMatches, false, adjustment);
        treatedMatches.addUsage(used, usedSquared);
        if (controlMatches != null) {
            impute(controlMatches, true, adjustment);
            controlMatches.addUsage(used, usedSquared);
        }
        int c = 0;
        double s = 0;
        for (int r = 0; r < n; r++) {
            if (kept[r]) {
                c++;
                s += y1[r] - y0[r];
            }
        }
        this.nKept = c;
        this.tau = c == 0 ? 0 : s / c;
    }

    private void impute(MatchSet set, boolean imputeTreated, BiasAdjustment adjustment) {
        for (int k = 0; k < set.focalCount(); k++) {
            if (!set.isMatched(k)) {
                continue;
            }
            int r = set.focalRow(k);
            kept[r] = true;
            double imputed = set.meanOverMatches(k, y);
            if (adjustment != null) {
                imputed += adjustment.correction(set, k, imputeTreated);
            }
            if (imputeTreated) {
                y1[r] = imputed;
                y0[r] = y[r];
            } else {
                y1[r] = y[r];
                y0[r] = imputed;
            }
        }
    }

    /** @return the number of kept treated rows */
    int keptTreated() {
        int c = 0;
        for (int r = 0; r < kept.length; r++) {
            if (kept[r] && treated[r]) {
                c++;
            }
        }
        return c;
    }
}
