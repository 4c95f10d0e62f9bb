package org.synergia.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.synergia.testdata.TestFiles;

/** {@code estimate psmatch} end to end on lalonde.csv of synergia-testdata. */
class EstimatePsmatchTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String MODEL = "treat ~ age + educ + black + hispan + married + nodegree + re74 + re75";

    private static CommandRun run(String... args) {
        return CommandRun.ofEntryPoint(args);
    }

    private static String lalonde() {
        return TestFiles.reference("lalonde.csv").toString();
    }

    @Test
    void reproducesRMatchingAndPrintsTheContract(@TempDir Path dir) throws IOException {
        // R 4.2.2 glm + Matching 4.10.8 Match(Y=re78, Tr=treat, X=fitted(glm), estimand="ATT", M=1), Var.calc=0,
        // distance.tolerance=1e-5 (synergia-testdata reference_values.json lalonde.psm_att_m1)
        Path weights = dir.resolve("w.csv");
        Path svg = dir.resolve("love.svg");
        CommandRun r = run("estimate", "psmatch", "--data", lalonde(), "--treatment-model", MODEL, "--outcome", "re78",
                "--se", "ai2006", "--tie-tolerance", "1e-5", "--save-weights", weights.toString(), "--love-plot",
                svg.toString(), "--format", "json");
        assertEquals(0, r.status(), r.err());
        JsonNode doc = JSON.readTree(r.out());
        assertEquals("psmatch", doc.get("method").asText());
        assertEquals(614, doc.get("n").asInt());
        JsonNode att = doc.get("estimates").get(0);
        assertEquals("ATT", att.get("term").asText());
        assertEquals(1933.39187577477, att.get("estimate").asDouble(), 1933.39187577477 * 1e-6);
        assertEquals(1090.60464379094, att.get("se").asDouble(), 1090.60464379094 * 1e-4);
        assertTrue(doc.get("diagnostics").get("balance").get("covariates").size() == 8);
        assertTrue(doc.get("diagnostics").get("matching_weights").asText().contains("#J(i)"));
        assertEquals(615, Files.readAllLines(weights).size());
        assertTrue(Files.readString(svg).startsWith("<svg"));
    }

    @Test
    void defaultIsAi2016AndAte() throws IOException {
        CommandRun r = run("estimate", "psmatch", "--data", lalonde(), "--treatment-model", MODEL, "--outcome", "re78",
                "--estimand", "ate", "--neighbors", "3", "--format", "json");
        assertEquals(0, r.status(), r.err());
        JsonNode doc = JSON.readTree(r.out());
        assertEquals("ATE", doc.get("estimates").get(0).get("term").asText());
        assertEquals("ai2016", doc.get("diagnostics").get("se").asText());
        assertTrue(doc.get("estimates").get(0).get("se").asDouble() > 0);
    }

    @Test
    void kernelMatchingWithSeededBootstrap() throws IOException {
        CommandRun a = run("estimate", "psmatch", "--data", lalonde(), "--treatment-model", MODEL, "--outcome", "re78",
                "--kernel", "epanechnikov", "--se", "bootstrap", "--bootstrap-reps", "20", "--seed", "5", "--format", "json");
        CommandRun b = run("estimate", "psmatch", "--data", lalonde(), "--treatment-model", MODEL, "--outcome", "re78",
                "--kernel", "epanechnikov", "--se", "bootstrap", "--bootstrap-reps", "20", "--seed", "5", "--format", "json");
        assertEquals(0, a.status(), a.err());
        assertEquals(JSON.readTree(a.out()).get("estimates"), JSON.readTree(b.out()).get("estimates"));
    }

    @Test
    void badInputIsRefusedClearly() {
        CommandRun boot = run("estimate", "psmatch", "--data", lalonde(), "--treatment-model", MODEL, "--outcome", "re78",
                "--se", "bootstrap");
        assertEquals(1, boot.status());
        assertTrue(boot.err().contains("Abadie and Imbens 2008"), boot.err());
        CommandRun caliper = run("estimate", "psmatch", "--data", lalonde(), "--treatment-model", MODEL, "--outcome", "re78",
                "--caliper", "0.0000001");
        // lalonde has treated units with an exact twin among the controls: they stay, the others are dropped
        assertEquals(0, caliper.status(), caliper.err());
        assertTrue(caliper.err().contains("of 185 treated units had no control within the caliper"), caliper.err());
        CommandRun weights = run("estimate", "psmatch", "--data", lalonde(), "--treatment-model", MODEL, "--outcome", "re78",
                "--weights", "age");
        assertEquals(2, weights.status());
        CommandRun oneLevel = run("estimate", "psmatch", "--data", lalonde(), "--treatment-model", "married ~ age", "--outcome",
                "re78", "--control", "3");
        assertEquals(1, oneLevel.status());
        assertTrue(oneLevel.err().contains("--control 3 is not a value of married"), oneLevel.err());
    }
}
