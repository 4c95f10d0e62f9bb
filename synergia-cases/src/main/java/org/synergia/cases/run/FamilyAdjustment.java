package org.synergia.cases.run;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.synergia.cases.spec.CaseSpec.MultipleTesting;
import org.synergia.cases.store.EstimateRecord;
import org.synergia.measures.multiplicity.PValueAdjustment;
import org.synergia.stats.inference.Term;

/**
 * Adjusts p-values for multiple testing within families: the estimates of one term (say the
 * effect of one arm, or the synergy) across the outcomes of one domain in one analysis. This is
 * how the studies group hypotheses (Anderson 2008, section 3.2). In a subgroup analysis a family
 * spans the subgroups too: the term in every subgroup across the domain's outcomes, and apart from
 * it, the term's differences between subgroups.
 */
final class FamilyAdjustment {

    private FamilyAdjustment() {}

    /**
     * @param estimates a case's estimates
     * @param method the adjustment
     * @return the estimates with their adjusted p-values (q-values)
     */
    static List<EstimateRecord> adjust(List<EstimateRecord> estimates, MultipleTesting method) {
        if (method == MultipleTesting.NONE) {
            return estimates;
        }
        PValueAdjustment adjustment = switch (method) {
            case HOLM -> PValueAdjustment.HOLM;
            case BH -> PValueAdjustment.BENJAMINI_HOCHBERG;
            default -> PValueAdjustment.SHARPENED_Q;
        };
        Map<String, List<Integer>> families = new LinkedHashMap<>();
        for (int i = 0; i < estimates.size(); i++) {
            EstimateRecord e = estimates.get(i);
            if (Double.isFinite(e.pValue()) && !(e.term() instanceof Term.PoMean)) {
                families.computeIfAbsent(e.analysisId() + "|" + e.domain() + "|" + family(e.term()), k -> new ArrayList<>()).add(i);
            }
        }
        List<EstimateRecord> out = new ArrayList<>(estimates);
        for (List<Integer> family : families.values()) {
            double[] p = family.stream().mapToDouble(i -> estimates.get(i).pValue()).toArray();
            double[] q = adjustment.adjust(p);
            for (int k = 0; k < family.size(); k++) {
                out.set(family.get(k), estimates.get(family.get(k)).withQValue(q[k]));
            }
        }
        return out;
    }

    /** The family a term belongs to: itself, or for a term within a subgroup (or a difference between two) the term. */
    private static String family(Term term) {
        if (term instanceof Term.Within w) {
            return "within " + w.term();
        }
        if (term instanceof Term.WithinDifference d) {
            return "difference " + d.of().term();
        }
        return term.toString();
    }
}
