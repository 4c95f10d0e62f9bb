package org.synergia.stats.fewclusters;

import org.synergia.data.Reason;

/** Why a request for few-cluster inference is refused; texts in {@code org/synergia/stats/fewclusters/problems*.properties}. */
public enum FewClustersProblem implements Reason {
    /** {0} the cluster option. */
    SINGLE_CLUSTER,
    /** {0} the bootstrap option, {1} the draws asked for, {2} the confidence level in percent, {3} the fewest draws allowed. */
    TOO_FEW_DRAWS,
    /** {0} the weights option, {1} the number of clusters, {2} the number of sign vectors, {3} the level in percent. */
    TOO_FEW_SIGN_VECTORS,
    /** {0} the bootstrap option, {1} the draws given. */
    NEGATIVE_DRAWS,
    /** {0} the bootstrap option, {1} the cluster option, {2} the variance option. */
    BOOTSTRAP_NEEDS_CLUSTERS,
    /** {0} the variance option, {1} the cluster option. */
    CR2_NEEDS_CLUSTERS,
    /** {0} the option asking for it, {1} the model's family and link, {2} the family option. */
    NOT_LINEAR,
    /** {0} the variance option, {1} the model's family and link, {2} the family option. */
    CR2_NOT_LINEAR,
    /** {0} the weights option, {1} the bootstrap option. */
    WEIGHTS_WITHOUT_BOOTSTRAP;

    @Override
    public String bundle() {
        return "org.synergia.stats.fewclusters.problems";
    }
}
