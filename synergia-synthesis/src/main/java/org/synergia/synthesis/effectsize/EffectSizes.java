package org.synergia.synthesis.effectsize;

import org.hipparchus.special.Gamma;
import org.synergia.data.InputException;

/**
 * Standardising effects so that cases measured with different instruments can be pooled: the
 * standardised mean difference on the control group's SD with Hedges' small-sample correction
 * (Glass 1976; Hedges 1981), the log ratio of means (Hedges, Gurevitch &amp; Curtis 1999), and the
 * standardisation of an estimated impact. Conventions and variances as R {@code metafor}'s
 * {@code escalc} measures {@code SMD1}, {@code SMD1H} and {@code ROM}.
 */
public final class EffectSizes {

    private EffectSizes() {
    }

    /** Which sampling variance the control-SD standardised difference uses. */
    public enum ArmVariances {
        /** Arms share one variance: {@code 1/n_T + 1/n_C + d²/(2 n_C)} (metafor {@code SMD1}). */
        EQUAL,
        /** Arms' variances differ: {@code (s_T/s_C)²/n_T + 1/n_C + d²/(2 n_C)} (metafor {@code SMD1H}). */
        UNEQUAL
    }

    /**
     * The exact Hedges (1981, eq. 6e) correction {@code J(m) = Γ(m/2) / (sqrt(m/2) Γ((m-1)/2))}.
     *
     * @param df the degrees of freedom of the standardising SD, more than 1
     * @return the correction factor, in (0, 1)
     */
    public static double hedgesCorrection(double df) {
        if (!(df > 1)) {
            throw new InputException("Hedges' correction needs more than 1 degree of freedom, got " + df);
        }
        return Math.exp(Gamma.logGamma(df / 2) - 0.5 * Math.log(df / 2) - Gamma.logGamma((df - 1) / 2));
    }

    /**
     * The standardised mean difference on the control SD, {@code d = J(n_C - 1) (m_T - m_C)/s_C}.
     *
     * @param meanTreated treated mean
     * @param sdTreated treated SD
     * @param nTreated treated sample size
     * @param meanControl control mean
     * @param sdControl control SD, positive
     * @param nControl control sample size, at least 3
     * @param arms which variance formula to use
     * @return the effect size and its variance
     */
    public static EffectSize controlStandardised(double meanTreated, double sdTreated, int nTreated,
            double meanControl, double sdControl, int nControl, ArmVariances arms) {
        if (!(sdControl > 0) || nControl < 3 || nTreated < 1) {
            throw new InputException("a control-standardised difference needs a positive control SD and at least 3 control"
                    + " and 1 treated observations (got SD " + sdControl + ", n " + nControl + " and " + nTreated + ")");
        }
        double d = hedgesCorrection(nControl - 1) * (meanTreated - meanControl) / sdControl;
        double ratio = arms == ArmVariances.EQUAL ? 1 : (sdTreated / sdControl) * (sdTreated / sdControl);
        return new EffectSize(d, ratio / nTreated + 1.0 / nControl + d * d / (2.0 * nControl));
    }

    /**
     * The log ratio of means {@code ln(m_T/m_C)} with variance
     * {@code s_T²/(n_T m_T²) + s_C²/(n_C m_C²)} (delta method).
     *
     * @param meanTreated treated mean, positive
     * @param sdTreated treated SD
     * @param nTreated treated sample size
     * @param meanControl control mean, positive
     * @param sdControl control SD
     * @param nControl control sample size
     * @return the effect size and its variance
     */
    public static EffectSize logRatioOfMeans(double meanTreated, double sdTreated, int nTreated, double meanControl,
            double sdControl, int nControl) {
        if (!(meanTreated > 0 && meanControl > 0)) {
            throw new InputException("a log ratio of means needs positive means, got " + meanTreated + " and "
                    + meanControl + ": use a standardised mean difference instead");
        }
        return new EffectSize(Math.log(meanTreated / meanControl),
                sdTreated * sdTreated / (nTreated * meanTreated * meanTreated)
                        + sdControl * sdControl / (nControl * meanControl * meanControl));
    }

    /**
     * Standardises an estimated impact (from any estimator, e.g. a regression-adjusted ATE) by the
     * control group's SD, treating that SD as known: {@code (b / s_C, se² / s_C²)}.
     *
     * @param impact the estimated effect in outcome units
     * @param se its standard error
     * @param sdControl the control group's outcome SD, positive
     * @return the standardised effect and its variance
     */
    public static EffectSize standardiseImpact(double impact, double se, double sdControl) {
        if (!(sdControl > 0) || !(se > 0)) {
            throw new InputException("standardising an impact needs a positive control SD and SE (got " + sdControl
                    + " and " + se + ")");
        }
        return new EffectSize(impact / sdControl, se * se / (sdControl * sdControl));
    }
}
