package org.synergia.synthesis.crosscase;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.synergia.cases.spec.AnalysisSpec;
import org.synergia.cases.spec.AnalysisSpec.Comparison;
import org.synergia.cases.spec.CaseSpec;
import org.synergia.cases.spec.CaseSpec.ProgrammeType;
import org.synergia.cases.store.EstimateRecord;
import org.synergia.stats.inference.Term;

/**
 * Says what a case's estimate compares in the terms of the cross-case synthesis, from the
 * programmes its groups receive: a contrast {@code t vs c} against a group with no programme is
 * social protection alone, productive support alone, or the combination; against a group with
 * social protection only, when the treated group adds productive support, it is productive
 * support added to social protection; the synergy term is the synergy. Analyses whose terms are
 * not group contrasts declare their comparison in the specification ({@code synthesis:}); for a
 * regression discontinuity the robust row is used.
 */
final class ComparisonClassifier {

    private ComparisonClassifier() {}

    static Optional<Comparison> classify(CaseSpec spec, AnalysisSpec analysis, EstimateRecord e) {
        Term term = e.term();
        if (term instanceof Term.Synergy) {
            return Optional.of(Comparison.SYNERGY);
        }
        if (analysis.synthesis().isPresent()) {
            return isMainRow(analysis, term) ? analysis.synthesis() : Optional.empty();
        }
        if (!(term instanceof Term.Effect effect) || !effect.hasArms()) {
            return Optional.empty();
        }
        int treatedGroup = (int) effect.treated();
        int controlGroup = (int) effect.control();
        Set<ProgrammeType> treated = types(spec, treatedGroup);
        Set<ProgrammeType> control = types(spec, controlGroup);
        List<String> treatedIds = programmes(spec, treatedGroup);
        List<String> controlIds = programmes(spec, controlGroup);
        if (controlIds.isEmpty()) {
            if (treated.contains(ProgrammeType.COMBINED)
                    || treated.contains(ProgrammeType.SOCIAL_PROTECTION) && treated.contains(ProgrammeType.PRODUCTIVE)) {
                return Optional.of(Comparison.COMBINED);
            }
            if (treated.equals(Set.of(ProgrammeType.SOCIAL_PROTECTION))) {
                return Optional.of(Comparison.SOCIAL_PROTECTION);
            }
            if (treated.equals(Set.of(ProgrammeType.PRODUCTIVE))) {
                return Optional.of(Comparison.PRODUCTIVE);
            }
            return Optional.empty();
        }
        if (control.equals(Set.of(ProgrammeType.SOCIAL_PROTECTION)) && treatedIds.containsAll(controlIds)) {
            Set<ProgrammeType> added = new HashSet<>();
            for (String p : treatedIds) {
                if (!controlIds.contains(p)) {
                    added.add(type(spec, p));
                }
            }
            if (!added.isEmpty() && !added.contains(ProgrammeType.SOCIAL_PROTECTION)) {
                return Optional.of(Comparison.PRODUCTIVE_ADDED);
            }
        }
        return Optional.empty();
    }

    /** The row an analysis that declares its comparison contributes: the robust RD row, the pooled effect. */
    private static boolean isMainRow(AnalysisSpec analysis, Term term) {
        if (analysis.estimator().equals("rd")) {
            return term instanceof Term.Discontinuity d && d.row() == Term.RdRow.ROBUST;
        }
        if (term instanceof Term.Saturation s) {
            return s.exposure() == Term.Exposure.ITT && !s.slope() && Double.isNaN(s.saturation());
        }
        return term instanceof Term.Effect effect && !effect.levelsShown();
    }

    private static List<String> programmes(CaseSpec spec, int code) {
        return spec.group(code).map(CaseSpec.Group::programmes).orElse(List.of());
    }

    private static Set<ProgrammeType> types(CaseSpec spec, int code) {
        Set<ProgrammeType> out = new HashSet<>();
        for (String p : programmes(spec, code)) {
            out.add(type(spec, p));
        }
        return out;
    }

    private static ProgrammeType type(CaseSpec spec, String programme) {
        return spec.programmes().stream().filter(p -> p.id().equals(programme)).findFirst().orElseThrow().type();
    }
}
