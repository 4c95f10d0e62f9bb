package org.synergia.cases.store;

/**
 * One statistic of a simulation model run for a case (the LEWIE local economy model, the national
 * poverty microsimulation): its value at the point estimates and the summary of its Monte Carlo
 * draws over uncertain parameters.
 *
 * @param caseId the case
 * @param model the model ({@code lewie}, {@code microsim})
 * @param scenario the scenario ({@code transfer}, {@code both-joint-targeting}, ...)
 * @param statistic the statistic ({@code income_multiplier}, {@code FGT0}, {@code incidence[3]}, ...)
 * @param estimate its value at the point estimates of the parameters
 * @param mean the mean over the draws (NaN without draws)
 * @param sd the standard deviation over the draws
 * @param p5 the 5th percentile of the draws
 * @param p95 the 95th percentile of the draws
 */
public record ModelResultRecord(String caseId, String model, String scenario, String statistic, double estimate, double mean,
        double sd, double p5, double p95) {}
