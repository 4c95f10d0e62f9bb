package org.synergia.effects.potentialoutcomes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.synergia.data.Dataset;
import org.synergia.data.InputException;
import org.synergia.data.NumericColumn;
import org.synergia.data.io.DatasetReaders;
import org.synergia.testdata.TestFiles;

/**
 * {@code ra --balance}: the covariate balance under the implied weights of RA's separate linear outcome regressions,
 * against R {@code lmw} 0.0.2 (method MRI) on {@code datasets/cattaneo2.dta}, ATE, ATT and three treatment levels
 * ({@code reference/ra_implied_weights_cattaneo2.R}, its output {@code .json} beside it): the adjusted means (equal in
 * the two groups, the implied weights balancing the means exactly), variance ratios and KS statistics computed from
 * lmw's weights with BalanceSummary's formulas, to 1e-9 relative; the ATE and ATT equal lmw's regression estimate.
 */
class RaImpliedWeightsReferenceTest {

    private static final String OUTCOME = "bweight ~ mage + medu + fbaby";

    private static Dataset data;
    private static JsonNode ref;

    @BeforeAll
    static void load() throws IOException {
        Dataset d = DatasetReaders.read(TestFiles.dataset("cattaneo2.dta"));
        double[] msmoke = d.numeric("msmoke").toDoubleArray();
        for (int i = 0; i < msmoke.length; i++) {
            msmoke[i] = Math.min(msmoke[i], 2);
        }
        data = d.withColumn(NumericColumn.of("arm3", msmoke));
        ref = new ObjectMapper().readTree(TestData.resource("ra_implied_weights_cattaneo2.json").toFile());
    }

    @SuppressWarnings("unchecked")
    private static void matches(TreatmentEffectResult r, JsonNode expected) {
        List<Map<String, Object>> rows = (List<Map<String, Object>>) r.diagnostics().get("balance");
        assertEquals(expected.get("rows").size(), rows.size());
        for (JsonNode e : expected.get("rows")) {
            Map<String, Object> row = rows.stream().filter(m -> m.get("contrast").equals(e.get("contrast").asText())
                    && m.get("variable").equals(e.get("variable").asText())).findFirst().orElseThrow();
            String what = e.get("contrast").asText() + " " + e.get("variable").asText();
            for (String key : List.of("mean_treated_adjusted", "mean_control_adjusted", "smd_raw", "vr_raw", "vr_adjusted",
                    "ks_adjusted")) {
                double want = e.get(key).asDouble();
                assertEquals(want, ((Number) row.get(key)).doubleValue(), 1e-9 * Math.max(1, Math.abs(want)), what + " " + key);
            }
            assertEquals(0, ((Number) row.get("smd_adjusted")).doubleValue(), 1e-9, what + ": the means are balanced exactly");
        }
    }

    @Test
    void ateAndAttMatchLmw() {
        TreatmentEffectResult ate = Ra.withDefaults().withBalance(true).fit(data, OUTCOME, "mbsmoke");
        matches(ate, ref.get("ate"));
        assertEquals(ref.at("/ate/coefficients/1").asDouble(), ate.estimate("ATE").estimate(), 1e-8);
        assertEquals("implied weights of the outcome regressions (Chattopadhyay & Zubizarreta 2023)",
                ate.diagnostics().get("balance_weights"));
        TreatmentEffectResult att = Ra.withDefaults().withEstimand(Estimand.ATT).withBalance(true).fit(data, OUTCOME, "mbsmoke");
        matches(att, ref.get("att"));
        assertEquals(ref.at("/att/coefficients/1").asDouble(), att.estimate("ATT").estimate(), 1e-8);
    }

    @Test
    void eachLevelAgainstTheControlMatchesLmw() {
        matches(Ra.withDefaults().withBalance(true).fit(data, OUTCOME, "arm3"), ref.get("three_ate"));
    }

    @Test
    void aNonlinearOutcomeModelHasNoImpliedWeights() {
        InputException e = assertThrows(InputException.class, () -> Ra.withDefaults().withOutcomeModel(OutcomeModel.POISSON)
                .withBalance(true).fit(data, OUTCOME, "mbsmoke"));
        assertTrue(e.getMessage().contains("--balance") && e.getMessage().contains("poisson"), e.getMessage());
    }
}
