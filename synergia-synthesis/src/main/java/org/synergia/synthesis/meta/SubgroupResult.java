package org.synergia.synthesis.meta;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Subgroup meta-analysis: one result per subgroup and the test of subgroup differences.
 *
 * @param subgroups each subgroup's result, in order of first appearance
 * @param qBetween the between-subgroup heterogeneity statistic
 * @param df its degrees of freedom (subgroups - 1)
 * @param pValue its chi-square p-value
 */
public record SubgroupResult(Map<String, MetaResult> subgroups, double qBetween, int df, double pValue) {

    /** Keeps the subgroups' order and makes the map unmodifiable. */
    public SubgroupResult {
        subgroups = Collections.unmodifiableMap(new LinkedHashMap<>(subgroups));
    }
}
