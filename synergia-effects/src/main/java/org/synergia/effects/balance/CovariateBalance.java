package org.synergia.effects.balance;

/**
 * Balance of one covariate between an arm and its control, raw and after the estimator's
 * adjustment, in the conventions of Stata's {@code tebalance summarize} (see {@link BalanceSummary}),
 * with the Kolmogorov-Smirnov statistics as R {@code cobalt} reports them.
 *
 * @param variable the covariate (a column of the treatment model's design)
 * @param meanTreatedRaw the arm's mean
 * @param meanControlRaw the control's mean
 * @param meanTreatedAdjusted the arm's weighted mean
 * @param meanControlAdjusted the control's weighted mean
 * @param smdRaw standardised difference of the means
 * @param smdAdjusted standardised difference of the weighted means, by the weighted variances
 * @param vrRaw variance ratio, arm over control (NaN when the control does not vary)
 * @param vrAdjusted weighted variance ratio
 * @param ksRaw largest difference of the two empirical distribution functions
 * @param ksAdjusted the same for the weighted distribution functions
 */
public record CovariateBalance(String variable, double meanTreatedRaw, double meanControlRaw, double meanTreatedAdjusted,
        double meanControlAdjusted, double smdRaw, double smdAdjusted, double vrRaw, double vrAdjusted, double ksRaw,
        double ksAdjusted) {

    /** An adjusted standardised difference beyond this, in absolute value, is flagged (Austin 2009). */
    public static final double SMD_THRESHOLD = 0.1;
    /** An adjusted variance ratio below this is flagged (Rubin 2001). */
    public static final double VR_LOW = 0.5;
    /** An adjusted variance ratio above this is flagged (Rubin 2001). */
    public static final double VR_HIGH = 2;

    /** @return whether the adjusted standardised difference exceeds {@link #SMD_THRESHOLD} in absolute value */
    public boolean smdFlagged() {
        return Math.abs(smdAdjusted) > SMD_THRESHOLD;
    }

    /** @return whether the adjusted variance ratio lies outside [{@link #VR_LOW}, {@link #VR_HIGH}] */
    public boolean vrFlagged() {
        return Double.isFinite(vrAdjusted) && (vrAdjusted < VR_LOW || vrAdjusted > VR_HIGH);
    }
}
