package org.synergia.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.synergia.testdata.TestFiles;

/**
 * {@code estimate glm --vce cr2} and {@code --wild-bootstrap} end to end on {@code cr2_unbalanced.csv} (9 villages) of synergia-testdata. CR2 reference: R clubSandwich 0.5.8
 * ({@code cr2_clubsandwich.R}).
 */
class EstimateFewClustersCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static String data() {
        return TestFiles.reference("cr2_unbalanced.csv").toString();
    }

    @Test
    void cr2RowsAndDegreesOfFreedomInTheJsonDocument() throws IOException {
        CommandRun r = CommandRun.ofEntryPoint("estimate", "glm", "--data", data(), "--model", "y ~ x + treat + z", "--vce", "cr2",
                "--cluster", "village", "--format", "json");
        assertEquals(0, r.status(), r.err());
        JsonNode doc = JSON.readTree(r.out());
        JsonNode ref = TestFiles.referenceJson("cr2_clubsandwich.json").get("unbalanced");
        for (int j = 0; j < 4; j++) {
            JsonNode e = doc.get("estimates").get(j);
            assertEquals(ref.get("se").get(j).asDouble(), e.get("se").asDouble(), 1e-6 * ref.get("se").get(j).asDouble());
            assertEquals(ref.get("df").get(j).asDouble(), doc.at("/diagnostics/cr2_df").get(e.get("term").asText()).asDouble(),
                    1e-6 * ref.get("df").get(j).asDouble());
        }
        assertEquals("cr2", doc.at("/diagnostics/vce").asText());
    }

    @Test
    void wildBootstrapDiagnosticIsSeededByTheRunsSeed() throws IOException {
        String[] args = {"estimate", "glm", "--data", data(), "--model", "y ~ x + treat + z", "--vce", "cluster", "--cluster",
            "village", "--wild-bootstrap", "999", "--wild-weights", "webb", "--seed", "5", "--format", "json"};
        CommandRun r = CommandRun.ofEntryPoint(args);
        assertEquals(0, r.status(), r.err());
        JsonNode wb = JSON.readTree(r.out()).at("/diagnostics/wild_bootstrap");
        assertEquals(999, wb.get("draws").asInt());
        assertEquals("webb", wb.get("weights").asText());
        assertEquals(5, wb.get("seed").asLong());
        assertEquals(false, wb.get("enumerated").asBoolean());
        assertEquals("treat", wb.get("terms").get(2).get("term").asText());
        for (JsonNode t : wb.get("terms")) {
            assertTrue(t.get("p_value").asDouble() >= 0 && t.get("p_value").asDouble() <= 1);
            assertTrue(t.get("ci_low").asDouble() < t.get("ci_high").asDouble());
        }
        assertEquals(r.out(), CommandRun.ofEntryPoint(args).out());
        CommandRun text = CommandRun.ofEntryPoint("estimate", "glm", "--data", data(), "--model", "y ~ x + treat + z", "--vce",
                "cluster", "--cluster", "village", "--wild-bootstrap", "999");
        assertEquals(0, text.status(), text.err());
        assertTrue(text.out().contains("wild cluster bootstrap-t (null imposed, boottest's WCR; 512 rademacher sign vectors, all"
                + " enumerated; symmetric p-value, 95% interval by test inversion):"), text.out());
        assertTrue(text.err().contains("used all 512 Rademacher sign vectors"), text.err());
    }

    @Test
    void wildBootstrapWithoutClustersIsRefused() {
        CommandRun refused = CommandRun.ofEntryPoint("estimate", "glm", "--data", data(), "--model", "y ~ x", "--wild-bootstrap",
                "999");
        assertEquals(1, refused.status());
        assertEquals("synergia: --wild-bootstrap resamples whole clusters: add --cluster C with --vce cluster (or --vce cr2)",
                refused.err().strip());
    }
}
