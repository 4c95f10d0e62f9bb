package org.synergia.synthesis.meta;

import java.util.List;
import java.util.Map;
import org.synergia.stats.inference.AbstractEstimationResult;
import org.synergia.stats.inference.Estimate;

/**
 * An immutable meta-analysis result: terms {@code pooled} (the intercept) and one per moderator,
 * tau² with its Q-profile interval, I² (percent), H², the residual heterogeneity statistic Q with
 * its p-value, and (without moderators) the prediction interval. Diagnostics use the names of
 * the command-line contract: {@code tau2}, {@code I2}, {@code H2}, {@code Q}, {@code Q_p}.
 */
public final class MetaResult extends AbstractEstimationResult {

    private final double[] coefficients;
    private final double[][] covariance;
    private final double tau2;
    private final double[] tau2Interval;
    private final double critical;
    private final double i2;
    private final double h2;
    private final double q;
    private final int qDf;
    private final double qP;

    MetaResult(List<Estimate> estimates, int k, Map<String, Object> diagnostics, List<String> warnings,
            double[] coefficients, double[][] covariance, double tau2, double[] tau2Interval, double critical,
            double i2, double h2, double q, int qDf, double qP) {
        super("meta", estimates, k, diagnostics, warnings);
        this.coefficients = coefficients.clone();
        this.covariance = new double[covariance.length][];
        for (int a = 0; a < covariance.length; a++) {
            this.covariance[a] = covariance[a].clone();
        }
        this.tau2 = tau2;
        this.tau2Interval = tau2Interval.clone();
        this.critical = critical;
        this.i2 = i2;
        this.h2 = h2;
        this.q = q;
        this.qDf = qDf;
        this.qP = qP;
    }

    /** @return the pooled effect (the intercept) */
    public double estimate() {
        return coefficients[0];
    }

    /** @return the pooled effect's standard error */
    public double se() {
        return Math.sqrt(covariance[0][0]);
    }

    /** @return a copy of the coefficients, intercept first */
    public double[] coefficients() {
        return coefficients.clone();
    }

    /** @return the coefficients' standard errors */
    public double[] standardErrors() {
        double[] se = new double[coefficients.length];
        for (int a = 0; a < se.length; a++) {
            se[a] = Math.sqrt(covariance[a][a]);
        }
        return se;
    }

    /** @return the estimated between-study variance */
    public double tau2() {
        return tau2;
    }

    /** @return the Q-profile confidence interval of tau² {low, high} */
    public double[] tau2Interval() {
        return tau2Interval.clone();
    }

    /** @return I² in percent */
    public double i2() {
        return i2;
    }

    /** @return H² */
    public double h2() {
        return h2;
    }

    /** @return the (residual) heterogeneity statistic Q with fixed-effect weights */
    public double q() {
        return q;
    }

    /** @return Q's degrees of freedom, k - p */
    public int qDegreesOfFreedom() {
        return qDf;
    }

    /** @return Q's chi-square p-value */
    public double qPValue() {
        return qP;
    }

    /**
     * The predicted effect at given moderator values with its confidence and prediction
     * intervals (Riley, Higgins &amp; Deeks 2011): {@code x'b ± crit sqrt(x'Vx + tau²)}.
     *
     * @param moderatorValues one value per moderator (none for the pooled effect)
     * @return {prediction, ci_low, ci_high, pi_low, pi_high}
     */
    public double[] predict(double... moderatorValues) {
        if (moderatorValues.length != coefficients.length - 1) {
            throw new IllegalArgumentException("expected " + (coefficients.length - 1) + " moderator values");
        }
        double[] x = new double[coefficients.length];
        x[0] = 1;
        System.arraycopy(moderatorValues, 0, x, 1, moderatorValues.length);
        double pred = 0;
        double var = 0;
        for (int a = 0; a < x.length; a++) {
            pred += x[a] * coefficients[a];
            for (int c = 0; c < x.length; c++) {
                var += x[a] * covariance[a][c] * x[c];
            }
        }
        double ci = critical * Math.sqrt(var);
        double pi = critical * Math.sqrt(var + tau2);
        return new double[] {pred, pred - ci, pred + ci, pred - pi, pred + pi};
    }
}
