package org.synergia.stats.inference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import org.junit.jupiter.api.Test;

/**
 * Terms print the names of the command-line contract ({@code docs/interface.md}) and survive
 * storage through their keys with every field intact.
 */
class TermTest {

    private static final Term.Subgroup WOMEN = new Term.Subgroup("female_head", 1);

    /** One term of every kind, with the name the contract gives it. */
    private static final List<Object[]> SPELLINGS = List.of(
            new Object[] {Term.named("(Intercept)"), "(Intercept)"},
            new Object[] {Term.Effect.binary(Term.Measure.ATE), "ATE"},
            new Object[] {Term.Effect.binary(Term.Measure.ATT).between(1, 0), "ATT:1vs0"},
            new Object[] {new Term.Effect(Term.Measure.ATE, 3, 2, true), "ATE:3vs2"},
            new Object[] {new Term.PoMean(2), "POmean:2"},
            new Object[] {new Term.Synergy(), "synergy"},
            new Object[] {new Term.Discontinuity(Term.RdRow.BIAS_CORRECTED), "bias-corrected"},
            new Object[] {new Term.Cell(2004, 2006), "ATT(2004,2006)"},
            new Object[] {new Term.EventTime(-2), "ATT:e=-2"},
            new Object[] {new Term.CohortAverage(2012), "ATT:g=2012"},
            new Object[] {new Term.PeriodAverage(2013.5), "ATT:t=2013.5"},
            new Object[] {new Term.OverallAverage(Term.Aggregation.DYNAMIC), "ATT:dynamic"},
            new Object[] {new Term.OverallAverage(Term.Aggregation.GROUP), "ATT:group"},
            new Object[] {new Term.OverallAverage(Term.Aggregation.CALENDAR), "ATT:calendar"},
            new Object[] {new Term.Saturation(Term.Exposure.ITT, 1.0 / 3, false), "ITT[0.3333]"},
            new Object[] {new Term.Saturation(Term.Exposure.SPILLOVER, 2.0 / 3, false), "spillover[0.6667]"},
            new Object[] {new Term.Saturation(Term.Exposure.ITT, 0.5, false), "ITT[0.5]"},
            new Object[] {new Term.Saturation(Term.Exposure.SPILLOVER, Double.NaN, false), "spillover"},
            new Object[] {new Term.Saturation(Term.Exposure.SPILLOVER, Double.NaN, true), "spillover:slope"},
            new Object[] {Term.Dose.slope("exposure_years", null), "exposure_years"},
            new Object[] {Term.Dose.slope("exposure_years", WOMEN), "exposure_years|female_head=1"},
            new Object[] {new Term.Dose("transfer", 100, Double.POSITIVE_INFINITY, null), "transfer[100,Inf)"},
            new Object[] {new Term.DoseDifference(Term.Dose.slope("x", WOMEN), Term.Dose.slope("x", new Term.Subgroup("female_head", 0))),
                "x|female_head=1 - x|female_head=0"},
            new Object[] {new Term.DosePoint(true, 2.5, null), "effect(2.5)"},
            new Object[] {new Term.DosePoint(false, 4, WOMEN), "mu(4)|female_head=1"},
            new Object[] {new Term.Within(new Term.Effect(Term.Measure.ATE, 2, 0, true), WOMEN), "ATE:2vs0|female_head=1"},
            new Object[] {new Term.WithinDifference(new Term.Within(new Term.Synergy(), WOMEN),
                new Term.Within(new Term.Synergy(), new Term.Subgroup("female_head", 0))),
                "synergy|female_head=1 - synergy|female_head=0"});

    @Test
    void namesFollowTheContract() {
        for (Object[] s : SPELLINGS) {
            assertEquals(s[1], s[0].toString());
        }
    }

    @Test
    void keysGiveBackTheSameTerm() {
        for (Object[] s : SPELLINGS) {
            Term t = (Term) s[0];
            assertEquals(t, Term.ofKey(t.key()), t.key());
        }
    }

    @Test
    void aSaturationKeepsItsExactValueThroughStorage() {
        // the name rounds 1/3 to 0.3333; the stored key must not, or the planted truth at 1/3 is no longer found
        Term.Saturation third = (Term.Saturation) Term.ofKey(new Term.Saturation(Term.Exposure.ITT, 1.0 / 3, false).key());
        assertEquals(1.0 / 3, third.saturation(), 0.0);
        assertTrue(third.atOneSaturation());
        assertFalse(new Term.Saturation(Term.Exposure.ITT, 1.0 / 3, true).atOneSaturation());
    }

    @Property(tries = 200)
    void anyEffectSurvivesStorage(@ForAll @DoubleRange(min = -1e6, max = 1e6) double treated,
            @ForAll @DoubleRange(min = -1e6, max = 1e6) double control) {
        Term t = Term.Effect.binary(Term.Measure.ATT).between(treated, control);
        assertEquals(t, Term.ofKey(t.key()));
    }

    @Test
    void namesWithTheSeparatorsOfKeysStillRoundTrip() {
        Term odd = Term.named("a\u001fb");
        assertEquals(odd, Term.ofKey(odd.key()));
    }

    @Test
    void aTextThatIsNoKeyIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> Term.ofKey("ATE:1vs0"));
        assertThrows(IllegalArgumentException.class, () -> Term.ofKey("effect\u001fATE"));
    }
}
