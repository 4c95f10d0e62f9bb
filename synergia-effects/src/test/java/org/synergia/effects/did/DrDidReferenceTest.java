package org.synergia.effects.did;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.synergia.stats.inference.Estimate;
import org.synergia.testdata.TestFiles;

/** Two-period DiD against R DRDID 1.2.3 on the reference data of synergia-testdata. */
class DrDidReferenceTest {

    private static final double ATT_TOLERANCE = 1e-6;
    private static final double SE_TOLERANCE = 1e-4;

    private static void check(JsonNode ref, Estimate e) {
        double att = ref.get("att").asDouble();
        double se = ref.get("se").asDouble();
        assertEquals(att, e.estimate(), ATT_TOLERANCE * Math.abs(att), "ATT");
        assertEquals(se, e.se(), SE_TOLERANCE * se, "SE");
    }

    // R 4.x DRDID 1.2.3 drdid(..., panel = FALSE, estMethod = "imp"/"trad"), ipwdid(normalized = TRUE),
    // ordid(), yname = "y", tname = "post", idname = "id", dname = "d", xformla = ~ x1 + x2 + x3 + x4,
    // on drdid_sim_rc.csv (reference_values.json -> sim_rc_did); relative tolerances 1e-6 (ATT), 1e-4 (SE)
    @ParameterizedTest
    @CsvSource({"dr-improved, drdid_improved", "dr-traditional, drdid_traditional",
        "ipw-std, ipw_normalized", "reg, outcome_regression"})
    void repeatedCrossSectionsMatchDrdid(String method, String key) {
        Map<String, double[]> c = TestFiles.numericColumns("drdid_sim_rc.csv");
        DidColumns cols = DidColumns.of("y", c.get("y"), "post", c.get("post"), "d", c.get("d"))
                .withCovariate("x1", c.get("x1")).withCovariate("x2", c.get("x2"))
                .withCovariate("x3", c.get("x3")).withCovariate("x4", c.get("x4"));
        DidResult r = DrDid.withDefaults().withMethod(DidMethod.parse(method)).fit(cols);
        check(TestFiles.referenceJson("reference_values.json").get("sim_rc_did").get(key), r.att());
        assertEquals(1000, r.n());
    }

    // R 4.x DRDID 1.2.3 drdid(panel = TRUE, estMethod = "imp"/"trad"), ipwdid(normalized = TRUE/FALSE), ordid(),
    // twfe_did_panel(), yname = "y", tname = "period", idname = "id", dname = "treated", xformla = ~ x1 + x2 + x3,
    // on did_panel_dev.csv (reference_values_designs.json -> panel_did); relative tolerances 1e-6 (ATT), 1e-4 (SE)
    @ParameterizedTest
    @CsvSource({"dr-improved, drdid_improved", "dr-traditional, drdid_traditional", "ipw-std, ipw_normalized",
        "ipw, ipw_unnormalized", "reg, outcome_regression", "twfe, twfe"})
    void panelMatchesDrdid(String method, String key) {
        Map<String, double[]> c = TestFiles.numericColumns("did_panel_dev.csv");
        DidColumns cols = DidColumns.of("y", c.get("y"), "period", c.get("period"), "treated", c.get("treated"))
                .withId("id", c.get("id"))
                .withCovariate("x1", c.get("x1")).withCovariate("x2", c.get("x2")).withCovariate("x3", c.get("x3"));
        DidResult r = DrDid.withDefaults().withMethod(DidMethod.parse(method)).fit(cols);
        check(TestFiles.referenceJson("reference_values_designs.json").get("panel_did").get(key), r.att());
        assertEquals(5000, r.n());
        assertEquals(2500, r.diagnostics().get("units"));
    }
}
