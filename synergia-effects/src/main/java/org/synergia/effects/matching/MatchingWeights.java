package org.synergia.effects.matching;

/**
 * Per-row weights implied by a matching estimate, with the inverse-probability weights of the
 * same propensity score for comparison, each with the formula used (exportable beside the
 * data, so that users can reproduce the estimate).
 *
 * <p>Matching weights: with {@code k_r = sum_i 1{r in J(i)} / #J(i)} the number of times row r
 * is used as a match (ties split equally), a row gets
 * <ul>
 * <li>ATT: {@code 1} if it is a matched treated row, {@code k_r} if it is a control row,
 *     0 otherwise; the estimate is the treated mean of Y minus the {@code k}-weighted control
 *     mean of Y;</li>
 * <li>ATE: {@code 1{r kept} + k_r}; the estimate is the difference of the weighted arm means.</li>
 * </ul>
 * IPW weights (Horvitz-Thompson form, before normalisation): ATT treated {@code 1}, controls
 * {@code p/(1-p)}; ATE treated {@code 1/p}, controls {@code 1/(1-p)}.
 *
 * @param matching the matching weight of every row
 * @param ipw the inverse-probability weight of every row (empty when no score is available)
 * @param matchingFormula the formula of the matching weights, in words
 * @param ipwFormula the formula of the IPW weights, in words
 */
public record MatchingWeights(double[] matching, double[] ipw, String matchingFormula, String ipwFormula) {

    /** Formula text of the ATT matching weights. */
    static final String ATT_MATCHING = "treated: 1 if matched else 0; control: k = sum over treated i of "
            + "1{control in J(i)}/#J(i) (times used as a match, ties split equally); "
            + "ATT = mean(Y | treated, w) - weighted mean(Y | control, w)";
    /** Formula text of the ATE matching weights. */
    static final String ATE_MATCHING = "w = 1{unit kept} + k, k = sum over units i of the other arm of "
            + "1{unit in J(i)}/#J(i); ATE = weighted mean(Y | treated, w) - weighted mean(Y | control, w)";
    /** Formula text of the ATT IPW weights. */
    static final String ATT_IPW = "treated: 1; control: p/(1-p), p the estimated propensity score";
    /** Formula text of the ATE IPW weights. */
    static final String ATE_IPW = "treated: 1/p; control: 1/(1-p), p the estimated propensity score";
}
