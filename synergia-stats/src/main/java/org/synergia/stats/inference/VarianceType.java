package org.synergia.stats.inference;

/** The variance estimator reported with a fit (the command line's {@code --vce}). */
public enum VarianceType {
    /** Model-based: the inverse of the information matrix (for gaussian, times the dispersion). */
    OIM,
    /** Heteroskedasticity-robust sandwich ({@link SandwichVariance#robust}). */
    ROBUST,
    /** Cluster-robust sandwich ({@link SandwichVariance#clusterRobust}). */
    CLUSTER
}
