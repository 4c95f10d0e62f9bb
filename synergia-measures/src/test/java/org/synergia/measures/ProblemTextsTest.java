package org.synergia.measures;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.synergia.data.ReasonTexts;
import org.synergia.measures.poverty.PovertyProblem;
import org.synergia.measures.survey.SurveyProblem;

/** Every reason of the module's refusals has its text in English, Spanish and French, with the same parameters. */
class ProblemTextsTest {

    @Test
    void everyReasonHasItsTexts() {
        assertEquals(List.of(), ReasonTexts.problems(PovertyProblem.class));
        assertEquals(List.of(), ReasonTexts.problems(SurveyProblem.class));
    }
}
