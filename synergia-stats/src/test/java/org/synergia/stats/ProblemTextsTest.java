package org.synergia.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.synergia.data.ReasonTexts;
import org.synergia.stats.estimator.OptionProblem;
import org.synergia.stats.estimators.EstimatorProblem;
import org.synergia.stats.fewclusters.FewClustersProblem;
import org.synergia.stats.glm.GlmProblem;
import org.synergia.stats.sensitivity.SensitivityProblem;

/** Every reason of the module's refusals has its text in English, Spanish and French, with the same parameters. */
class ProblemTextsTest {

    @Test
    void everyReasonHasItsTexts() {
        assertEquals(List.of(), ReasonTexts.problems(GlmProblem.class));
        assertEquals(List.of(), ReasonTexts.problems(EstimatorProblem.class));
        assertEquals(List.of(), ReasonTexts.problems(OptionProblem.class));
        assertEquals(List.of(), ReasonTexts.problems(SensitivityProblem.class));
        assertEquals(List.of(), ReasonTexts.problems(FewClustersProblem.class));
    }
}
