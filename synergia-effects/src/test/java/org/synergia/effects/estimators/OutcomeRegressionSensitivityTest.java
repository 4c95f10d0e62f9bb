package org.synergia.effects.estimators;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.synergia.data.Dataset;
import org.synergia.data.InputException;
import org.synergia.data.MissingPolicy;
import org.synergia.data.NumericColumn;
import org.synergia.data.io.DatasetReaders;
import org.synergia.stats.estimator.Estimation;
import org.synergia.stats.estimator.Estimator;
import org.synergia.stats.estimator.EstimatorOptions;
import org.synergia.stats.inference.EstimationResult;
import org.synergia.testdata.TestFiles;

/**
 * {@code --sensitivity} of {@code ra}, {@code aipw} and {@code ipwra} through the pooled outcome regression,
 * against R sensemakr 0.1.6 and EValue 4.1.4 on {@code datasets/cattaneo2.dta} of synergia-testdata (script and
 * values: {@code reference/sensitivity_teffects_cattaneo2.R} and {@code .json}): a binary treatment with the
 * E-values of the ATE (checked on RA, whose ATE equals Stata's {@code teffects ra}), a three-level treatment and a
 * synergy. Relative tolerance 1e-9: both sides solve the same least squares problem.
 */
class OutcomeRegressionSensitivityTest {

    private static final String COVARIATES = "prenatal1 + mmarried + mage + fbaby";
    private static final double TOL = 1e-9;
    private static Dataset data;
    private static JsonNode ref;

    @BeforeAll
    static void load() throws IOException {
        Dataset raw = DatasetReaders.read(TestFiles.dataset("cattaneo2.dta"));
        double[] smoke = raw.numeric("msmoke").toDoubleArray();
        double[] mbsmoke = raw.numeric("mbsmoke").toDoubleArray();
        double[] fbaby = raw.numeric("fbaby").toDoubleArray();
        double[] arm = new double[smoke.length];
        double[] arm4 = new double[smoke.length];
        for (int i = 0; i < arm.length; i++) {
            arm[i] = Math.min(smoke[i], 2);
            arm4[i] = mbsmoke[i] + 2 * fbaby[i];
        }
        data = raw.withColumn(NumericColumn.of("arm", arm)).withColumn(NumericColumn.of("arm4", arm4));
        try (InputStream in = OutcomeRegressionSensitivityTest.class.getResourceAsStream(
                "/reference/sensitivity_teffects_cattaneo2.json")) {
            ref = new ObjectMapper().readTree(in);
        }
    }

    private static EstimationResult fit(Estimator estimator, Map<String, String> options) {
        return Estimation.of(data, EstimatorOptions.of(estimator, options), MissingPolicy.DROP).result();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> sensitivity(EstimationResult r) {
        return (Map<String, Object>) r.diagnostics().get("sensitivity");
    }

    private static void compare(JsonNode expected, Map<String, Object> s) {
        assertEquals(expected.get("dof").asLong(), s.get("dof"));
        for (String key : List.of("estimate", "se_classical", "t_classical", "r2yd_x", "rv_q", "rv_qa")) {
            double e = expected.get(key).asDouble();
            assertEquals(e, ((Number) s.get(key)).doubleValue(), TOL * Math.max(1, Math.abs(e)), key);
        }
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> bounds = (List<Map<String, Object>>) s.get("bounds");
        assertEquals(expected.get("bounds").size(), bounds.size());
        for (int i = 0; i < bounds.size(); i++) {
            JsonNode b = expected.get("bounds").get(i);
            for (String key : List.of("r2dz_x", "r2yz_dx", "adjusted_estimate", "adjusted_se", "adjusted_t", "adjusted_ci_low",
                    "adjusted_ci_high")) {
                double e = b.get(key).asDouble();
                assertEquals(e, ((Number) bounds.get(i).get(key)).doubleValue(), TOL * Math.max(1, Math.abs(e)), "kd " + (i + 1) + " " + key);
            }
        }
    }

    private static Map<String, String> options(String... pairs) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put(pairs[i], pairs[i + 1]);
        }
        return m;
    }

    @Test
    void binaryTreatmentMatchesSensemakrAndTheEValueOfTheAte() {
        EstimationResult r = fit(new RaEstimator(), options("outcome-model", "bweight ~ " + COVARIATES, "treatment", "mbsmoke",
                "sensitivity", "ATE", "benchmark", "mmarried"));
        Map<String, Object> s = sensitivity(r);
        compare(ref.get("binary"), s);
        assertEquals(ref.at("/binary/e_value").asDouble(), (Double) s.get("e_value"), 1e-6, "E-value (Stata's ATE to 14 digits)");
        assertEquals(ref.at("/binary/e_value_ci").asDouble(), (Double) s.get("e_value_ci"), 1e-6);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> eValues = (List<Map<String, Object>>) r.diagnostics().get("e_values");
        assertEquals("ATE", eValues.get(0).get("term"));
        assertEquals(s.get("e_value"), eValues.get(0).get("e_value"));
        // the regression is the same whichever estimator reports the effect
        EstimationResult ipwra = fit(new IpwraEstimator(), options("outcome-model", "bweight ~ " + COVARIATES,
                "treatment-model", "mbsmoke ~ mmarried + mage + fbaby + medu", "sensitivity", "ATE", "benchmark", "mmarried"));
        compare(ref.get("binary"), sensitivity(ipwra));
    }

    @Test
    void aLevelOfAThreeLevelTreatmentAndASynergyMatchSensemakr() {
        compare(ref.get("multi"), sensitivity(fit(new AipwEstimator(), options("outcome-model", "bweight ~ " + COVARIATES,
                "treatment-model", "arm ~ mage + mmarried", "sensitivity", "ATE:2vs0", "benchmark", "mage"))));
        compare(ref.get("synergy"), sensitivity(fit(new RaEstimator(), options("outcome-model",
                "bweight ~ prenatal1 + mmarried + mage", "treatment", "arm4", "synergy", "3=1+2", "sensitivity", "synergy",
                "benchmark", "mmarried"))));
    }

    @Test
    void refusalsNameTheOption() {
        InputException term = assertThrows(InputException.class, () -> fit(new RaEstimator(), options("outcome-model",
                "bweight ~ mage", "treatment", "mbsmoke", "sensitivity", "ATT")));
        assertTrue(term.getMessage().contains("--sensitivity") && term.getMessage().contains("ATE"), term.getMessage());
        InputException logit = assertThrows(InputException.class, () -> fit(new RaEstimator(), options("outcome-model",
                "lbweight ~ mage", "treatment", "mbsmoke", "outcome-family", "logit", "sensitivity", "ATE")));
        assertTrue(logit.getMessage().contains("--sensitivity"), logit.getMessage());
        InputException alone = assertThrows(InputException.class, () -> fit(new RaEstimator(), options("outcome-model",
                "bweight ~ mage", "treatment", "mbsmoke", "benchmark", "mage")));
        assertTrue(alone.getMessage().contains("--sensitivity"), alone.getMessage());
    }
}
