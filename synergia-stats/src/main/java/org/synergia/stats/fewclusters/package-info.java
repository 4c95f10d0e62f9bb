/**
 * Inference for least-squares fits with few clusters (say 5 to 50 villages), where the CR1 cluster-robust
 * standard error with normal or {@code t(G-1)} critical values over-rejects: the data in cluster sums
 * ({@link org.synergia.stats.fewclusters.ClusteredRegression}), the wild cluster bootstrap-t with the null
 * imposed and its confidence intervals by test inversion, computed as boottest does
 * ({@link org.synergia.stats.fewclusters.WildClusterBootstrap}, {@link org.synergia.stats.fewclusters.WildWeights},
 * {@link org.synergia.stats.fewclusters.WildBootstrapResult}), and the bias-reduced variance CR2 with
 * Bell–McCaffrey / Satterthwaite degrees of freedom ({@link org.synergia.stats.fewclusters.Cr2}).
 */
package org.synergia.stats.fewclusters;
