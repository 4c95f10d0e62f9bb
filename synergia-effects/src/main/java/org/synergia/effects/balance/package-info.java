/**
 * Covariate balance and overlap diagnostics of an adjustment (matching or weighting), as R
 * {@code cobalt} defines them: {@link org.synergia.effects.balance.BalanceStatistics} computes
 * weighted means, standardised differences, variance ratios and eCDF statistics on primitive
 * arrays, {@link org.synergia.effects.balance.BalanceTable} holds them before and after adjustment
 * with effective sample sizes, {@link org.synergia.effects.balance.OverlapHistogram} is the data of
 * a common-support plot and {@link org.synergia.effects.balance.LovePlot} draws the love plot as
 * SVG. The matching estimators of {@code org.synergia.effects.matching} attach these to their
 * results; {@link org.synergia.effects.balance.RowOrder} is the stable radix sort they share.
 */
package org.synergia.effects.balance;
