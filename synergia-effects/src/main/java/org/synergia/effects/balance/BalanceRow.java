package org.synergia.effects.balance;

/**
 * Balance of one covariate before (unit weights) and after (the adjustment's weights), as
 * R {@code cobalt} reports it: the mean difference is standardised by the unadjusted sample's
 * standard deviation for continuous covariates and left raw (a difference in proportions) for
 * binary ones; the variance ratio (treated over control) is reported for continuous covariates
 * only (zero for binary ones); the eCDF max is the Kolmogorov-Smirnov statistic.
 *
 * @param covariate the covariate's name
 * @param binary whether the covariate takes only the values 0 and 1
 * @param meanTreatedBefore treated mean before adjustment
 * @param meanControlBefore control mean before adjustment
 * @param meanTreatedAfter treated weighted mean after adjustment
 * @param meanControlAfter control weighted mean after adjustment
 * @param smdBefore (standardised) mean difference before
 * @param smdAfter (standardised) mean difference after
 * @param varianceRatioBefore treated-over-control variance ratio before (0 for binary)
 * @param varianceRatioAfter treated-over-control variance ratio after (0 for binary)
 * @param ecdfMeanBefore mean eCDF difference before
 * @param ecdfMeanAfter mean eCDF difference after
 * @param ecdfMaxBefore largest eCDF difference (KS statistic) before
 * @param ecdfMaxAfter largest eCDF difference (KS statistic) after
 */
public record BalanceRow(String covariate, boolean binary, double meanTreatedBefore, double meanControlBefore,
        double meanTreatedAfter, double meanControlAfter, double smdBefore, double smdAfter,
        double varianceRatioBefore, double varianceRatioAfter, double ecdfMeanBefore, double ecdfMeanAfter,
        double ecdfMaxBefore, double ecdfMaxAfter) {

    /** @return the Kolmogorov-Smirnov statistic after adjustment (the eCDF max) */
    public double ksAfter() {
        return ecdfMaxAfter;
    }

    /** @return the Kolmogorov-Smirnov statistic before adjustment (the eCDF max) */
    public double ksBefore() {
        return ecdfMaxBefore;
    }
}
