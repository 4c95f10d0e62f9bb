package org.synergia.synthesis.crosscase;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.synergia.cases.spec.AnalysisSpec;
import org.synergia.cases.spec.AnalysisSpec.Comparison;
import org.synergia.cases.spec.CaseSpec;
import org.synergia.cases.spec.CaseSpecReader;
import org.synergia.cases.store.EstimateRecord;
import org.synergia.stats.inference.Term;

/**
 * What an estimate compares, read from the groups' programmes in the bundled specifications:
 * Mali (control, cash only, cash with the productive "plus" component) and Peru (a regression
 * discontinuity and a saturation design that declare their comparison).
 */
class ComparisonClassifierTest {

    private static final CaseSpec MALI = CaseSpecReader.bundled("mali-cash-plus");
    private static final CaseSpec PERU = CaseSpecReader.bundled("peru-haku-winay");

    private static AnalysisSpec analysis(CaseSpec spec, String id) {
        return spec.plan().stream().filter(p -> p.id().equals(id)).findFirst().orElseThrow();
    }

    private static Optional<Comparison> classify(CaseSpec spec, String analysis, Term term) {
        return classify(spec, analysis(spec, analysis), term);
    }

    private static Optional<Comparison> classify(CaseSpec spec, AnalysisSpec a, Term term) {
        EstimateRecord e = new EstimateRecord(spec.id(), a.id(), "x", "income", "income", term, "", 1, 1, -1, 3, 0.3,
                Double.NaN, 100, Double.NaN, Double.NaN);
        return ComparisonClassifier.classify(spec, a, e);
    }

    private static Term ate(int treated, int control) {
        return Term.Effect.binary(Term.Measure.ATE).between(treated, control);
    }

    @Test
    void contrastsAgainstNoProgrammeAreClassifiedByWhatTheTreatedReceive() {
        assertEquals(Optional.of(Comparison.SOCIAL_PROTECTION), classify(MALI, "ipwra", ate(1, 0)));
        assertEquals(Optional.of(Comparison.COMBINED), classify(MALI, "ipwra", ate(2, 0)));
    }

    @Test
    void aProductiveComponentAddedToSocialProtectionIsItsOwnComparison() {
        assertEquals(Optional.of(Comparison.PRODUCTIVE_ADDED), classify(MALI, "ipwra-plus", ate(2, 1)));
        // the reverse contrast takes the component away: no synthesis comparison
        assertEquals(Optional.empty(), classify(MALI, "ipwra-plus", ate(1, 2)));
    }

    @Test
    void theSynergyTermIsTheSynergyAndMeansAreNoComparison() {
        assertEquals(Optional.of(Comparison.SYNERGY), classify(MALI, "ipwra", new Term.Synergy()));
        assertEquals(Optional.empty(), classify(MALI, "ipwra", new Term.PoMean(2)));
        assertEquals(Optional.empty(), classify(MALI, "ipwra", Term.Effect.binary(Term.Measure.ATE)));
    }

    @Test
    void aDeclaredComparisonTakesTheMainRowOnly() {
        assertEquals(Optional.of(Comparison.PRODUCTIVE_ADDED),
                classify(PERU, "rd-haku-winay", new Term.Discontinuity(Term.RdRow.ROBUST)));
        assertEquals(Optional.empty(), classify(PERU, "rd-haku-winay", new Term.Discontinuity(Term.RdRow.CONVENTIONAL)));
        assertEquals(Optional.empty(), classify(PERU, "rd-haku-winay", new Term.Discontinuity(Term.RdRow.BIAS_CORRECTED)));
    }

    @Test
    void aSaturationDesignWithoutADeclaredComparisonIsNotPooled() {
        // Peru's coaching analysis declares no synthesis comparison: its contrasts are not group contrasts
        for (Term t : new Term[] {new Term.Saturation(Term.Exposure.ITT, Double.NaN, false),
            new Term.Saturation(Term.Exposure.ITT, 1.0 / 3, false), new Term.Saturation(Term.Exposure.SPILLOVER, Double.NaN, true)}) {
            assertEquals(Optional.empty(), classify(PERU, "coaching", t), t.toString());
        }
    }

    @Test
    void aSaturationDesignThatDeclaresItsComparisonContributesItsPooledIntentionToTreat() {
        AnalysisSpec c = analysis(PERU, "coaching");
        AnalysisSpec declared = new AnalysisSpec(c.id(), c.estimator(), c.title(), c.outcomes(), c.treatment(), c.covariates(),
                c.control(), c.arms(), c.estimand(), c.synergy(), c.cluster(), c.weights(), c.subgroup(), Optional.of(Comparison.PRODUCTIVE),
                c.options());
        assertEquals(Optional.of(Comparison.PRODUCTIVE),
                classify(PERU, declared, new Term.Saturation(Term.Exposure.ITT, Double.NaN, false)));
        assertEquals(Optional.empty(), classify(PERU, declared, new Term.Saturation(Term.Exposure.ITT, 1.0 / 3, false)));
        assertEquals(Optional.empty(), classify(PERU, declared, new Term.Saturation(Term.Exposure.ITT, Double.NaN, true)));
        assertEquals(Optional.empty(), classify(PERU, declared, new Term.Saturation(Term.Exposure.SPILLOVER, Double.NaN, false)));
    }
}
