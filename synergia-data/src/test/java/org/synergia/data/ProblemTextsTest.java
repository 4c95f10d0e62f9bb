package org.synergia.data;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Every reason of the module's refusals has its text in English, Spanish and French, with the same parameters. */
class ProblemTextsTest {

    @Test
    void everyReasonHasItsTexts() {
        assertEquals(List.of(), ReasonTexts.problems(DataProblem.class));
    }
}
