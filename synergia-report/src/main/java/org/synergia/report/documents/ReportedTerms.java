package org.synergia.report.documents;

import org.synergia.stats.inference.Term;

/** Which stored terms the reports show where, read from the terms' fields. */
final class ReportedTerms {

    private ReportedTerms() {}

    /** @return whether the term only accompanies an effect (a potential-outcome mean, a non-robust RD row), also within a subgroup */
    static boolean accompanying(Term term) {
        return term instanceof Term.Within w && accompanying(w.term())
                || term instanceof Term.PoMean
                || term instanceof Term.Discontinuity d && d.row() != Term.RdRow.ROBUST;
    }

    /** @return whether the term is one level of a breakdown (one saturation, one dose bin) rather than an overall effect */
    static boolean oneLevel(Term term) {
        return term instanceof Term.Saturation s && s.atOneSaturation() || term instanceof Term.Dose d && !d.isSlope();
    }
}
