package org.synergia.lewie.simulation;

/**
 * A Monte Carlo summary of one statistic over parameter draws.
 *
 * @param estimate the statistic at the point estimates of the parameters
 * @param mean the mean over draws
 * @param sd the standard deviation over draws (divisor n - 1)
 * @param p5 the 5th percentile over draws
 * @param p95 the 95th percentile over draws
 */
public record Summary(double estimate, double mean, double sd, double p5, double p95) {
}
