package org.synergia.stats.sensitivity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.synergia.data.Dataset;
import org.synergia.data.InputException;
import org.synergia.data.MissingPolicy;
import org.synergia.data.io.DatasetReaders;
import org.synergia.stats.estimator.Estimation;
import org.synergia.stats.estimator.EstimatorOptions;
import org.synergia.stats.estimators.GlmEstimator;

/**
 * The sensitivity analysis of {@code glm --sensitivity} against R sensemakr 0.1.6 and EValue 4.1.4
 * on the Darfur data of Cinelli & Hazlett (2020): reference values and data made by
 * {@code src/test/resources/reference/sensitivity_darfur.R}. The paper reports RV_q = 13.9%,
 * RV_{q,0.05} = 7.6% and a partial R² of 2.2% for this model.
 */
class LinearSensitivityTest {

    private static final String MODEL = "peacefactor ~ directlyharmed + age + farmer_dar + herder_dar + pastvoted"
            + " + hhsize_darfur + female + factor(village)";
    private static final double TOL = 1e-9;
    private static Dataset darfur;
    private static JsonNode ref;

    @BeforeAll
    static void load() throws IOException, URISyntaxException {
        darfur = DatasetReaders.read(Path.of(LinearSensitivityTest.class.getResource("/reference/darfur.csv").toURI()));
        try (InputStream in = LinearSensitivityTest.class.getResourceAsStream("/reference/sensitivity_darfur.json")) {
            ref = new ObjectMapper().readTree(in);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> sensitivity(Map<String, String> extra) {
        Map<String, String> options = new java.util.LinkedHashMap<>(Map.of("model", MODEL, "vce", "oim",
                "sensitivity", "directlyharmed"));
        options.putAll(extra);
        var r = Estimation.of(darfur, EstimatorOptions.of(new GlmEstimator(), options), MissingPolicy.DROP).result();
        return (Map<String, Object>) r.diagnostics().get("sensitivity");
    }

    private static void close(JsonNode expected, Object actual, String what) {
        double e = expected.asDouble();
        assertEquals(e, (Double) actual, TOL * Math.max(1, Math.abs(e)), what);
    }

    @Test
    void robustnessValuesBoundsAndEValuesMatchSensemakrAndEValue() {
        Map<String, Object> s = sensitivity(Map.of("benchmark", "female"));
        assertEquals(ref.get("dof").asLong(), s.get("dof"));
        close(ref.get("estimate"), s.get("estimate"), "estimate");
        close(ref.get("se"), s.get("se_classical"), "classical SE");
        close(ref.get("r2yd_x"), s.get("r2yd_x"), "partial R2 of the treatment");
        close(ref.get("rv_q"), s.get("rv_q"), "RV_q");
        close(ref.get("rv_qa"), s.get("rv_qa"), "RV_q,alpha");
        close(ref.get("e_value"), s.get("e_value"), "E-value");
        close(ref.get("e_value_ci"), s.get("e_value_ci"), "E-value of the CI");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> bounds = (List<Map<String, Object>>) s.get("bounds");
        assertEquals(3, bounds.size());
        for (int i = 0; i < 3; i++) {
            JsonNode b = ref.get("bounds").get(i);
            Map<String, Object> row = bounds.get(i);
            assertEquals(b.get("kd").asDouble(), row.get("kd"));
            for (String key : List.of("r2dz_x", "r2yz_dx", "adjusted_estimate", "adjusted_se", "adjusted_t", "adjusted_ci_low",
                    "adjusted_ci_high")) {
                close(b.get(key), row.get(key), "kd " + (i + 1) + " " + key);
            }
        }
    }

    @Test
    void aShareOfTheEstimate() {
        Map<String, Object> s = sensitivity(Map.of("q", "0.5"));
        close(ref.get("rv_q_half"), s.get("rv_q"), "RV_0.5");
        close(ref.get("rv_qa_half"), s.get("rv_qa"), "RV_0.5,0.05");
        assertEquals(List.of(), s.get("bounds"), "no benchmark, no bounds");
    }

    @Test
    void theExtremeRobustnessValueWhenTheOutcomeBoundDoesNotBind() {
        // t large relative to dof: f_q > 1 / f_crit, the bound on the confounder's R² with the outcome does not bind
        double t = 40;
        double dof = 20;
        double fq = t / Math.sqrt(dof);
        double fCrit = 2.0930240544083096 / Math.sqrt(dof - 1); // R: qt(0.975, 19)
        assertTrue(fq > 1 / fCrit);
        assertEquals((fq * fq - fCrit * fCrit) / (1 + fq * fq), OmittedVariableBias.robustnessValue(t, dof, 1, 0.05), 1e-12);
        assertEquals(0, OmittedVariableBias.robustnessValue(0.5, dof, 1, 0.05), "not significant: 0");
    }

    @Test
    void refusalsNameTheOption() {
        InputException notATerm = assertThrows(InputException.class, () -> sensitivity(Map.of("sensitivity", "harmed")));
        assertTrue(notATerm.getMessage().startsWith("--sensitivity 'harmed' is not a term of the model; its terms are (Intercept),"
                + " directlyharmed, age"), notATerm.getMessage());
        InputException self = assertThrows(InputException.class, () -> sensitivity(Map.of("benchmark", "directlyharmed")));
        assertEquals("--benchmark 'directlyharmed' is the treatment term itself: benchmark it against another covariate",
                self.getMessage());
        InputException tooStrong = assertThrows(InputException.class, () -> sensitivity(Map.of("benchmark", "female", "kd", "400")));
        assertEquals("a confounder 400.0 times as strongly related to the treatment as 'female' would explain all of the treatment"
                + " (R² of 1 or more): lower --kd", tooStrong.getMessage());
        assertEquals("un confusor 400.0 veces más relacionado con el tratamiento que 'female' explicaría todo el tratamiento"
                + " (R² de 1 o más): reduzca options.kd", tooStrong.message(Locale.forLanguageTag("es"), n -> "options." + n));
        InputException logit = assertThrows(InputException.class, () -> Estimation.of(darfur, EstimatorOptions.of(new GlmEstimator(),
                Map.of("model", "directlyharmed ~ age + female", "family", "binomial", "sensitivity", "age")), MissingPolicy.DROP));
        assertEquals("--sensitivity needs a linear regression (family gaussian with the identity link), not binomial with logit",
                logit.getMessage());
        InputException alone = assertThrows(InputException.class, () -> Estimation.of(darfur, EstimatorOptions.of(new GlmEstimator(),
                Map.of("model", MODEL, "benchmark", "female")), MissingPolicy.DROP));
        assertEquals("--benchmark goes with --sensitivity TERM, the treatment term whose sensitivity is wanted", alone.getMessage());
    }
}
