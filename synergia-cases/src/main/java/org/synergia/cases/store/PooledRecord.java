package org.synergia.cases.store;

/**
 * A cross-case pooled effect: standardised effects of one kind of comparison on one outcome
 * domain, pooled over the cases of a region (or all cases) by random-effects meta-analysis.
 *
 * @param domain the outcome domain
 * @param comparison {@code social-protection}, {@code productive}, {@code combined}, {@code productive-added} or {@code synergy}
 * @param region {@code all}, {@code latin-america} or {@code africa}
 * @param studies how many cases are pooled
 * @param estimate the pooled standardised effect (in SDs of the comparison group; positive = better off)
 * @param se its standard error
 * @param ciLow lower end of its 95% confidence interval
 * @param ciHigh upper end
 * @param piLow lower end of the 95% prediction interval (NaN with fewer than three cases)
 * @param piHigh upper end
 * @param pValue the p-value of no effect
 * @param tau2 the between-case variance
 * @param i2 I² in percent
 * @param method how it was pooled ({@code REML, Knapp-Hartung}; {@code single case} when there is one)
 */
public record PooledRecord(String domain, String comparison, String region, int studies, double estimate, double se,
        double ciLow, double ciHigh, double piLow, double piHigh, double pValue, double tau2, double i2, String method) {}
