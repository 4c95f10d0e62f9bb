package org.synergia.synthesis.meta;

/** How the between-study variance tau² is estimated (metafor's {@code method}). */
public enum Tau2Estimator {
    /** Fixed (common) effect: tau² = 0. */
    FE,
    /** DerSimonian &amp; Laird (1986) method of moments, generalised to meta-regression (Raudenbush 2009, eq. 16.43). */
    DL,
    /** Restricted maximum likelihood (Viechtbauer 2005, eq. 12), Fisher scoring. */
    REML,
    /** Maximum likelihood (Viechtbauer 2005, eq. 10), Fisher scoring. */
    ML,
    /** Paule &amp; Mandel (1982): the generalised Q statistic equals its degrees of freedom. */
    PM
}
