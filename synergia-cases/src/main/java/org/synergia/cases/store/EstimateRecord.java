package org.synergia.cases.store;

import org.synergia.stats.inference.Term;

/**
 * One stored estimate of a case's analysis plan.
 *
 * @param caseId the case identifier
 * @param analysisId the analysis in the plan
 * @param estimator the estimator's command-line name
 * @param outcome the outcome variable
 * @param domain the outcome domain ({@code food-security}, ...)
 * @param term what is estimated; {@link #termName()} is its name in the command-line contract ({@code ATE:1vs0},
 *        {@code synergy}, ...)
 * @param label the term in words, for readers
 * @param estimate the point estimate
 * @param se its standard error
 * @param ciLow lower end of the 95% confidence interval
 * @param ciHigh upper end of the 95% confidence interval
 * @param pValue the two-sided p-value
 * @param qValue the p-value adjusted for multiple testing within the outcome domain (NaN when not adjusted)
 * @param n observations used
 * @param truth the effect planted in simulated data (NaN for real data or when no truth applies)
 * @param scale the outcome's standard deviation in the comparison group, for standardised effect sizes (NaN when unknown)
 */
public record EstimateRecord(String caseId, String analysisId, String estimator, String outcome, String domain, Term term,
        String label, double estimate, double se, double ciLow, double ciHigh, double pValue, double qValue, int n,
        double truth, double scale) {

    /** @return the term's name, as the command-line contract spells it */
    public String termName() {
        return term.toString();
    }

    /** @return true when a planted truth is known */
    public boolean hasTruth() {
        return !Double.isNaN(truth);
    }

    /** @return true when the confidence interval contains the planted truth */
    public boolean covers() {
        return hasTruth() && ciLow <= truth && truth <= ciHigh;
    }

    /**
     * @param q the adjusted p-value
     * @return this estimate with that adjusted p-value
     */
    public EstimateRecord withQValue(double q) {
        return new EstimateRecord(caseId, analysisId, estimator, outcome, domain, term, label, estimate, se, ciLow, ciHigh,
                pValue, q, n, truth, scale);
    }
}
