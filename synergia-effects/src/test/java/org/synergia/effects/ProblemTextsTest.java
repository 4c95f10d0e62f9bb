package org.synergia.effects;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.synergia.data.InputException;
import org.synergia.data.OptionStyle;
import org.synergia.data.ReasonTexts;
import org.synergia.effects.did.DidProblem;
import org.synergia.effects.dose.DoseProblem;
import org.synergia.effects.estimators.EstimatorProblem;
import org.synergia.effects.matching.MatchingProblem;
import org.synergia.effects.potentialoutcomes.PotentialOutcomeProblem;
import org.synergia.effects.rd.RdProblem;
import org.synergia.effects.rd.RdRobust;

/** Every reason of the module's refusals has its text in English, Spanish and French, with the same parameters. */
class ProblemTextsTest {

    @Test
    void everyReasonHasItsTexts() {
        assertEquals(List.of(), ReasonTexts.problems(RdProblem.class));
        assertEquals(List.of(), ReasonTexts.problems(MatchingProblem.class));
        assertEquals(List.of(), ReasonTexts.problems(DidProblem.class));
        assertEquals(List.of(), ReasonTexts.problems(DoseProblem.class));
        assertEquals(List.of(), ReasonTexts.problems(PotentialOutcomeProblem.class));
        assertEquals(List.of(), ReasonTexts.problems(EstimatorProblem.class));
    }

    /** The same refusal, on the command line in English and in a case specification in Spanish and French. */
    @Test
    void aRefusalInEachLanguageAndFrontEnd() {
        InputException e = assertThrows(InputException.class, () -> RdRobust.withDefaults().withOrder(12));
        OptionStyle spec = name -> "options." + name;
        assertEquals("polynomial order --p 12 is not supported; use 0 to 8", e.getMessage());
        assertEquals("el orden polinómico options.p 12 no es válido; use de 0 a 8", e.message(Locale.forLanguageTag("es"), spec));
        assertEquals("l’ordre polynomial options.p 12 n’est pas pris en charge ; utilisez 0 à 8", e.message(Locale.FRENCH, spec));
    }
}
