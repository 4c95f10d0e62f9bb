package org.synergia.effects.balance;

import java.util.List;

/**
 * Balance of one arm against its control: the covariates, and the numbers of observations and
 * effective sample sizes of both sides, raw and adjusted.
 *
 * @param contrast the contrast as the command line spells it ({@code 1vs0})
 * @param covariates one row per covariate, in the model's order
 * @param rawTreated observations in the arm
 * @param rawControl observations in the control
 * @param adjustedTreated the arm's sum of adjusted weights (Stata's weighted "Treated obs")
 * @param adjustedControl the control's sum of adjusted weights
 * @param essTreated the arm's effective sample size under the adjusted weights, {@code (sum w)^2 / sum w^2}
 * @param essControl the control's effective sample size under the adjusted weights
 */
public record ContrastBalance(String contrast, List<CovariateBalance> covariates, int rawTreated, int rawControl,
        double adjustedTreated, double adjustedControl, double essTreated, double essControl) {

    /** Copies the rows. */
    public ContrastBalance {
        covariates = List.copyOf(covariates);
    }
}
