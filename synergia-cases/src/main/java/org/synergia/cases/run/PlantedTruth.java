package org.synergia.cases.run;

import java.util.Set;
import java.util.function.IntPredicate;
import org.synergia.cases.simulate.SimulatedSurvey;
import org.synergia.cases.spec.AnalysisSpec;
import org.synergia.stats.inference.Term;

/**
 * The effect planted in a simulated survey for an estimated term, found from the term's fields
 * (arms, saturation, subgroup), never from its printed name; a term within a subgroup is averaged
 * over that subgroup's households. Terms that estimate no planted quantity (a potential-outcome
 * mean, whose level varies with the sample drawn; cells and bins of designs the simulator does not
 * plant) have none: NaN.
 */
final class PlantedTruth {

    private final SimulatedSurvey survey;

    PlantedTruth(SimulatedSurvey survey) {
        this.survey = survey;
    }

    /**
     * @param a the analysis (its synergy groups and control)
     * @param outcome the outcome
     * @param term the term as stored, with its arms
     * @param sampleGroups the groups of the estimation sample: the population of an ATE
     * @param attGroup the treated group whose households an ATT-estimand synergy refers to
     * @return the planted value, NaN when the term estimates nothing planted
     */
    double of(AnalysisSpec a, String outcome, Term term, Set<Integer> sampleGroups, int attGroup) {
        return of(a, outcome, term, sampleGroups, attGroup, i -> true);
    }

    /** The planted value over the households {@code within} admits (all, or a subgroup's). */
    private double of(AnalysisSpec a, String outcome, Term term, Set<Integer> sampleGroups, int attGroup, IntPredicate within) {
        if (term instanceof Term.Within w) {
            double[] level = survey.data().numeric(w.subgroup().variable()).toDoubleArray();
            double l = w.subgroup().level();
            return of(a, outcome, w.term(), sampleGroups, attGroup, i -> within.test(i) && level[i] == l);
        }
        if (term instanceof Term.WithinDifference d) {
            return of(a, outcome, d.of(), sampleGroups, attGroup, within) - of(a, outcome, d.minus(), sampleGroups, attGroup, within);
        }
        if (term instanceof Term.Effect e) {
            int treated = (int) e.treated();
            boolean att = e.measure() == Term.Measure.ATT;
            return survey.contrast(outcome, treated, (int) e.control(),
                    i -> within.test(i) && (att ? survey.arm(i) == treated : sampleGroups.contains(survey.arm(i))));
        }
        if (term instanceof Term.Synergy) {
            AnalysisSpec.Synergy s = a.synergy().orElseThrow();
            boolean att = a.estimand() == AnalysisSpec.Estimand.ATT;
            return survey.synergy(outcome, s.both(), s.a(), s.b(), a.control(),
                    i -> within.test(i) && (att ? survey.arm(i) == attGroup : sampleGroups.contains(survey.arm(i))));
        }
        if (term instanceof Term.Discontinuity) {
            return survey.discontinuity(outcome);
        }
        if (term instanceof Term.Saturation s) {
            boolean assigned = s.exposure() == Term.Exposure.ITT;
            if (s.slope()) {
                return survey.saturationSlope(outcome, assigned);
            }
            return assigned ? survey.directEffect(outcome, s.saturation()) : survey.spillover(outcome, s.saturation());
        }
        if (term instanceof Term.Dose d && d.isSlope()) {
            return doseSlope(outcome, d);
        }
        if (term instanceof Term.DoseDifference d && d.of().isSlope() && d.minus().isSlope()) {
            return doseSlope(outcome, d.of()) - doseSlope(outcome, d.minus());
        }
        return Double.NaN;
    }

    private double doseSlope(String outcome, Term.Dose d) {
        return survey.doseSlope(outcome, d.subgroup() == null ? -1 : (int) d.subgroup().level());
    }
}
