package org.synergia.effects.estimators;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.synergia.data.Dataset;
import org.synergia.data.InputException;
import org.synergia.data.MissingPolicy;
import org.synergia.data.io.DatasetReaders;
import org.synergia.effects.matching.MatchedPairs;
import org.synergia.effects.matching.MatchingResult;
import org.synergia.stats.estimator.Estimation;
import org.synergia.stats.estimator.EstimatorOptions;
import org.synergia.testdata.TestFiles;

/**
 * {@code psmatch --replace false --match-order data|largest|smallest} against R MatchIt 4.5.1
 * ({@code matchit(method = "nearest", replace = FALSE, m.order = ...)}) on lalonde.csv of synergia-testdata
 * ({@code reference/match_order_lalonde.R} and its {@code .json}): every treated unit's matched control (read
 * through its outcome, exactly) and the ATT (1e-9 relative).
 */
class MatchOrderReferenceTest {

    private static Dataset lalonde;
    private static JsonNode ref;

    @BeforeAll
    static void load() throws IOException {
        lalonde = DatasetReaders.read(TestFiles.reference("lalonde.csv"));
        try (InputStream in = MatchOrderReferenceTest.class.getResourceAsStream("/reference/match_order_lalonde.json")) {
            ref = new ObjectMapper().readTree(in);
        }
    }

    private static MatchingResult fit(Map<String, String> extra) {
        Map<String, String> options = new java.util.LinkedHashMap<>(Map.of("treatment-model",
                "treat ~ age + educ + black + hispan + married + nodegree + re74 + re75", "outcome", "re78", "replace", "false"));
        options.putAll(extra);
        return PsmatchEstimator.matching(Estimation.of(lalonde, EstimatorOptions.of(new PsmatchEstimator(), options),
                MissingPolicy.DROP).result());
    }

    @ParameterizedTest
    @ValueSource(strings = {"data", "largest", "smallest"})
    void everyTreatedUnitGetsMatchItsControl(String order) {
        MatchingResult r = fit(Map.of("match-order", order));
        JsonNode expected = ref.get(order);
        double[] y = lalonde.numeric("re78").toDoubleArray();
        MatchedPairs pairs = r.pairs().orElseThrow();
        assertEquals(expected.get("treated").size(), pairs.size());
        Map<Integer, Double> byTreated = new java.util.HashMap<>();
        for (int i = 0; i < pairs.size(); i++) {
            byTreated.put(pairs.treatedRows()[i], pairs.controlOutcomes()[i]);
        }
        double[] control = new double[pairs.size()];
        double[] expectedControl = new double[pairs.size()];
        for (int i = 0; i < pairs.size(); i++) {
            int treatedRow = expected.get("treated").get(i).asInt() - 1;
            assertTrue(byTreated.containsKey(treatedRow), order + ": treated row " + treatedRow + " is matched");
            expectedControl[i] = y[expected.get("control").get(i).asInt() - 1];
            control[i] = byTreated.get(treatedRow);
        }
        assertArrayEquals(expectedControl, control, 0, order + ": the matched controls' outcomes");
        double att = expected.get("att").asDouble();
        assertEquals(att, r.effect().estimate(), 1e-9 * Math.abs(att), order + " ATT");
    }

    @Test
    void theOrderNeedsMatchingWithoutReplacement() {
        InputException e = assertThrows(InputException.class, () -> fit(Map.of("replace", "true", "match-order", "largest")));
        assertTrue(e.getMessage().contains("--match-order") && e.getMessage().contains("--replace"), e.getMessage());
    }
}
