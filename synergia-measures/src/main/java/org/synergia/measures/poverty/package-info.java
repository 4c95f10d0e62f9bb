/**
 * Poverty and inequality: {@link org.synergia.measures.poverty.PovertyMeasures} gives design-based
 * FGT(0, 1, 2) and Gini with Taylor-linearised SEs, overall or by group;
 * {@link org.synergia.measures.poverty.IncomeDistribution} gives the EU-SILC measures (quantiles,
 * Gini, at-risk-of-poverty rate, quantile shares, Theil) of a weighted distribution; and
 * {@link org.synergia.measures.poverty.TransferIncidence} the incidence of a transfer by quantile
 * group. {@link org.synergia.measures.poverty.FgtAccumulator},
 * {@link org.synergia.measures.poverty.GiniAccumulator} and
 * {@link org.synergia.measures.poverty.TheilAccumulator} are streaming sums that can be merged
 * across threads or partitions, which the microsimulation engines use.
 */
package org.synergia.measures.poverty;
