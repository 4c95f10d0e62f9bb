package org.synergia.stats.inference;

import java.util.Optional;

/**
 * An estimation result whose estimates are asymptotically linear: to first order, each estimate minus
 * its target is the sum over units of the estimate's influence function. Its robust variance is the sum
 * of the squared influence values (with clusters, of the squared cluster sums), and two estimates have
 * the covariance of the sums of their products, so estimates fitted on different units that share
 * clusters can be compared with their joint variance.
 */
public interface Linearised {

    /** @return the rows of the data given to the estimator that it used, in the order of {@link #influence(Term)} */
    int[] influenceRows();

    /**
     * @param term a term of the result
     * @return the term's influence function over {@link #influenceRows()}, empty when the result has no such term
     */
    Optional<double[]> influence(Term term);
}
