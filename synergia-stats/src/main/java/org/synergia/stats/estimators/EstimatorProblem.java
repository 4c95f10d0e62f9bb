package org.synergia.stats.estimators;

import org.synergia.data.Reason;

/** Why the options of an estimator of this package are refused; texts in {@code org/synergia/stats/estimators/problems*.properties}. */
public enum EstimatorProblem implements Reason {
    /** {0} the variance option, {1} the cluster option. */
    VCE_CLUSTER_WITHOUT_CLUSTER,
    /** {0} the cluster option, {1} the cluster variable given, {2} the variance option. */
    CLUSTER_WITHOUT_VCE_CLUSTER;

    @Override
    public String bundle() {
        return "org.synergia.stats.estimators.problems";
    }
}
