package org.synergia.effects.did;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.synergia.data.InputException;
import org.synergia.testdata.TestFiles;

/**
 * Covariate balance of the two-period DiD ({@link DrDid#withBalance}) on the panel {@code did_panel_dev.csv} of
 * synergia-testdata: under the logit score of the IPW estimators against base R following the tebalance formulas
 * ({@code reference/did_balance_panel.R} and its {@code .json}; 1e-7, two logit fits converged to about 1e-9); under
 * the calibrated score of {@code dr-improved}, whose first-order conditions balance the covariates' means exactly,
 * adjusted standardised differences of zero (1e-8).
 */
class DidBalanceTest {

    private static DidColumns columns() {
        Map<String, double[]> c = TestFiles.numericColumns("did_panel_dev.csv");
        return DidColumns.of("y", c.get("y"), "period", c.get("period"), "treated", c.get("treated")).withId("id", c.get("id"))
                .withCovariate("x1", c.get("x1")).withCovariate("x2", c.get("x2")).withCovariate("x3", c.get("x3"));
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> rows(DidMethod method) {
        return (List<Map<String, Object>>) DrDid.withDefaults().withMethod(method).withBalance(true).fit(columns()).diagnostics()
                .get("balance");
    }

    @Test
    void ipwWeightsMatchTheFormulasInR() throws IOException {
        JsonNode ref;
        try (InputStream in = DidBalanceTest.class.getResourceAsStream("/reference/did_balance_panel.json")) {
            ref = new ObjectMapper().readTree(in);
        }
        for (DidMethod method : List.of(DidMethod.IPW, DidMethod.IPW_STD, DidMethod.DR_TRADITIONAL)) {
            List<Map<String, Object>> rows = rows(method);
            assertEquals(3, rows.size());
            for (int j = 0; j < 3; j++) {
                JsonNode e = ref.get("rows").get(j);
                assertEquals(e.get("variable").asText(), rows.get(j).get("variable"));
                assertEquals("1vs0", rows.get(j).get("contrast"));
                for (String key : List.of("smd_raw", "smd_adjusted", "vr_raw", "vr_adjusted", "ks_raw", "ks_adjusted")) {
                    assertEquals(e.get(key).asDouble(), ((Number) rows.get(j).get(key)).doubleValue(), 1e-7, method + " " + key);
                }
            }
        }
    }

    @Test
    void calibratedScoreBalancesTheMeansExactly() {
        for (Map<String, Object> row : rows(DidMethod.DR_IMPROVED)) {
            assertEquals(0, ((Number) row.get("smd_adjusted")).doubleValue(), 1e-8, String.valueOf(row.get("variable")));
            assertTrue(Math.abs(((Number) row.get("smd_raw")).doubleValue()) > 0.05, "the raw groups differ");
        }
    }

    @Test
    void estimatorsWithoutAScoreRefuseBalanceNamingTheOption() {
        InputException e = assertThrows(InputException.class,
                () -> DrDid.withDefaults().withMethod(DidMethod.REG).withBalance(true).fit(columns()));
        assertTrue(e.getMessage().contains("--balance") && e.getMessage().contains("--method"), e.getMessage());
    }
}
