package org.synergia.effects.potentialoutcomes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.synergia.data.Dataset;
import org.synergia.data.InputException;
import org.synergia.data.NumericColumn;
import org.synergia.data.io.DatasetReaders;
import org.synergia.testdata.TestFiles;

/**
 * Trimming of the estimated scores ({@link ScoreTrimming}) with IPW on {@code datasets/cattaneo2.dta} of
 * synergia-testdata, against {@code reference/trimming_cattaneo2.R} and its {@code .json}: Crump et al.'s optimal
 * {@code alpha} of R PSweight 1.1.2 {@code PStrim(optimal = TRUE)} (1e-4 relative: PSweight solves the fixed point
 * with {@code uniroot}'s default tolerance, Synergia exactly on the sample), the units kept (exact), and the IPW ATE
 * refitted on them (1e-7 relative, two logit fits).
 */
class ScoreTrimmingReferenceTest {

    private static final String TREATMENT = "mbsmoke ~ foreign + alcohol + mage + medu + fage + fedu";

    private static Dataset data;
    private static JsonNode ref;

    @BeforeAll
    static void load() throws IOException {
        data = DatasetReaders.read(TestFiles.dataset("cattaneo2.dta"));
        ref = new ObjectMapper().readTree(TestData.resource("trimming_cattaneo2.json").toFile());
    }

    @SuppressWarnings("unchecked")
    private static void check(ScoreTrimming trimming, JsonNode expected, double alphaTolerance) {
        TreatmentEffectResult r = Ipw.withDefaults().withTrimming(trimming).fit(data, "bweight", TREATMENT);
        Map<String, Object> trim = (Map<String, Object>) r.diagnostics().get("score_trim");
        int n = ref.get("n").asInt();
        assertEquals(n, trim.get("n_before"));
        assertEquals(n - expected.get("kept").asInt(), trim.get("trimmed"));
        assertEquals(expected.get("kept").asInt(), r.n());
        double low = expected.has("alpha") ? expected.get("alpha").asDouble() : expected.get("low").asDouble();
        assertEquals(low, (Double) trim.get("low"), alphaTolerance * low);
        double ate = expected.get("ate").asDouble();
        assertEquals(ate, r.estimate("ATE").estimate(), 1e-7 * Math.abs(ate));
        assertTrue(r.warnings().stream().anyMatch(w -> w.contains("trimmed as asked")), r.warnings().toString());
    }

    @Test
    void crumpsRuleMatchesPsweight() {
        check(ScoreTrimming.crump(), ref.get("crump"), 1e-4);
    }

    @Test
    void fixedBoundsKeepTheUnitsInside() {
        check(ScoreTrimming.bounds(0.1, 0.9), ref.get("bounds"), 0);
    }

    @Test
    void crumpsAlphaIsZeroWhenTheScoresStayAwayFromZeroAndOne() {
        double[] p = {0.4, 0.5, 0.6, 0.45, 0.55};
        double[] w = {1, 1, 1, 1, 1};
        assertEquals(0, ScoreTrimming.crumpAlpha(p, w));
    }

    @Test
    void refusalsNameTheOption() {
        InputException ra = assertThrows(InputException.class,
                () -> Ra.withDefaults().withTrimming(ScoreTrimming.crump()).fit(data, "bweight ~ mage", "mbsmoke"));
        assertTrue(ra.getMessage().contains("--trim"), ra.getMessage());
        double[] smoke = data.numeric("msmoke").toDoubleArray();
        double[] arm = new double[smoke.length];
        for (int i = 0; i < arm.length; i++) {
            arm[i] = Math.min(smoke[i], 2);
        }
        Dataset three = data.withColumn(NumericColumn.of("arm", arm));
        InputException multi = assertThrows(InputException.class, () -> Ipw.withDefaults().withTrimming(ScoreTrimming.crump())
                .fit(three, "bweight", "arm ~ mage + medu"));
        assertTrue(multi.getMessage().contains("--trim-score"), multi.getMessage());
    }
}
