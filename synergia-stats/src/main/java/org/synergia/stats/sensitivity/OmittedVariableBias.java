package org.synergia.stats.sensitivity;

import org.hipparchus.distribution.continuous.TDistribution;

/**
 * The omitted-variable-bias algebra of Cinelli and Hazlett (2020, "Making sense of sensitivity:
 * extending omitted variable bias", JRSS B 82(1)) for the coefficient of a treatment in a linear
 * regression with {@code dof} residual degrees of freedom, in terms of partial R² values.
 */
public final class OmittedVariableBias {

    private OmittedVariableBias() {}

    /**
     * @param t a coefficient's t-statistic
     * @param dof residual degrees of freedom
     * @return the partial R² of its regressor with the outcome, t² / (t² + dof)
     */
    public static double partialR2(double t, double dof) {
        return t * t / (t * t + dof);
    }

    /**
     * The robustness value: the partial R² that a confounder would need with both treatment and
     * outcome to reduce the estimate by {@code 100 q} percent ({@code alpha} NaN), or to make it no
     * longer significant at level {@code alpha} after that reduction.
     *
     * @param t the treatment coefficient's t-statistic
     * @param dof residual degrees of freedom
     * @param q the share of the estimate to explain away (1: all of it)
     * @param alpha the significance level, or NaN for the point-estimate robustness value RV_q
     * @return RV_q or RV_{q,alpha}, in [0, 1]
     */
    public static double robustnessValue(double t, double dof, double q, double alpha) {
        double fq = q * Math.abs(t) / Math.sqrt(dof);
        double fCrit = Double.isNaN(alpha) ? 0 : Math.abs(new TDistribution(dof - 1).inverseCumulativeProbability(alpha / 2))
                / Math.sqrt(dof - 1);
        double f = fq - fCrit;
        if (f <= 0) {
            return 0;
        }
        if (fCrit > 0 && fq > 1 / fCrit) {
            // the bound on the confounder's R² with the outcome does not bind: the extreme robustness value
            return (fq * fq - fCrit * fCrit) / (1 + fq * fq);
        }
        return 2 / (1 + Math.sqrt(1 + 4 / (f * f)));
    }

    /**
     * The strength of a confounder {@code kd} times as strongly related to the treatment and
     * {@code ky} times to the outcome as a benchmark covariate (the paper's section 6.1, footnote 10).
     *
     * @param r2dx the benchmark's partial R² with the treatment, given the other covariates
     * @param r2yx the benchmark's partial R² with the outcome, given the treatment and the other covariates
     * @param kd the multiple of the benchmark's association with the treatment
     * @param ky the multiple of its association with the outcome
     * @return the confounder's partial R² with the treatment ({@code [0]}) and with the outcome ({@code [1]},
     *     at most 1), or null when {@code kd} is too large for the benchmark (an R² of 1 or more)
     */
    public static double[] benchmarkBound(double r2dx, double r2yx, double kd, double ky) {
        double r2dz = kd * r2dx / (1 - r2dx);
        double r2zx = kd * r2dx * r2dx / ((1 - kd * r2dx) * (1 - r2dx));
        if (!(r2dz < 1) || !(r2zx < 1)) {
            return null;
        }
        double r = (Math.sqrt(ky) + Math.sqrt(r2zx)) / Math.sqrt(1 - r2zx);
        return new double[] {r2dz, Math.min(1, r * r * r2yx / (1 - r2yx))};
    }

    /**
     * @param estimate the treatment coefficient
     * @param se its (classical) standard error
     * @param dof residual degrees of freedom
     * @param r2yz the confounder's partial R² with the outcome
     * @param r2dz its partial R² with the treatment
     * @return the estimate with the largest bias such a confounder can cause removed, towards zero
     */
    public static double adjustedEstimate(double estimate, double se, double dof, double r2yz, double r2dz) {
        double bias = se * Math.sqrt(dof) * Math.sqrt(r2yz * r2dz / (1 - r2dz));
        return Math.signum(estimate) * (Math.abs(estimate) - bias);
    }

    /**
     * @param se the (classical) standard error
     * @param dof residual degrees of freedom
     * @param r2yz the confounder's partial R² with the outcome
     * @param r2dz its partial R² with the treatment
     * @return the standard error the regression with the confounder would have
     */
    public static double adjustedSe(double se, double dof, double r2yz, double r2dz) {
        return se * Math.sqrt((1 - r2yz) / (1 - r2dz)) * Math.sqrt(dof / (dof - 1));
    }
}
