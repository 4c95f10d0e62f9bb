package org.synergia.effects.rd;

/**
 * How the conditional variance of the residuals is estimated in the sandwich formulas
 * (Calonico, Cattaneo and Titiunik 2014, section 5; Calonico, Cattaneo and Farrell 2020). With
 * clusters, as in rdrobust 4.0, {@code NN}, {@code HC0} and {@code HC1} give the cluster-robust CR1
 * variance (plug-in residuals summed within clusters, times {@code (n-1)/(n-k) G/(G-1)}), {@code HC2}
 * gives CR2 and {@code HC3} CR3 (residuals adjusted by each cluster's block of the hat matrix, no
 * factor), in the estimates and in the bandwidth selection alike.
 */
public enum RdVariance {
    /** Nearest-neighbour residuals (Abadie and Imbens 2006 style matching on the running variable). */
    NN,
    /** Plug-in residuals from the local polynomial fit. */
    HC0,
    /** Plug-in residuals times {@code sqrt(n / (n - k))}. */
    HC1,
    /** Plug-in residuals divided by {@code sqrt(1 - h_ii)}. */
    HC2,
    /** Plug-in residuals divided by {@code 1 - h_ii}. */
    HC3
}
