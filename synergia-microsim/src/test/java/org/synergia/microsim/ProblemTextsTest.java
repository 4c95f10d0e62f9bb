package org.synergia.microsim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.synergia.data.InputException;
import org.synergia.data.ReasonTexts;

/** Every reason of the module's refusals has its text in English, Spanish and French, with the same parameters. */
class ProblemTextsTest {

    @Test
    void everyReasonHasItsTexts() {
        assertEquals(List.of(), ReasonTexts.problems(MicrosimProblem.class));
    }

    @Test
    void tooFewHouseholdsReadsInEachLanguage() {
        InputException e = assertThrows(InputException.class,
                () -> new PopulationSource.Synthetic(SyntheticPopulation.zambia(), 0, 42));
        assertEquals("synthetic population: --households 0 must be at least 1", e.getMessage());
        assertEquals("población sintética: options.households 0 debe ser al menos 1",
                e.message(Locale.forLanguageTag("es"), name -> "options." + name));
        assertEquals("population synthétique : options.households 0 doit être au moins 1",
                e.message(Locale.FRENCH, name -> "options." + name));
    }
}
