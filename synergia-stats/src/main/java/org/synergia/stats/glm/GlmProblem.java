package org.synergia.stats.glm;

import org.synergia.data.Reason;

/** Why a generalised-linear-model input is refused; texts in {@code org/synergia/stats/glm/problems*.properties}. */
public enum GlmProblem implements Reason {
    /** {0} the cluster option. */
    CLUSTER_VARIANCE_NEEDS_CLUSTERS,
    /** {0} the variance option. */
    SAMPLING_WEIGHTS_NEED_ROBUST_VARIANCE;

    @Override
    public String bundle() {
        return "org.synergia.stats.glm.problems";
    }
}
