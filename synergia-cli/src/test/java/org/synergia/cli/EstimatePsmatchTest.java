package org.synergia.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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

    @Test
    void sensitivityGivesTheRosenbaumKeysAndATable() throws IOException {
        String data = TestFiles.dataset("cattaneo2.dta").toString();
        String model = "mbsmoke ~ mmarried + mage + fage + medu + prenatal1";
        CommandRun r = run("estimate", "psmatch", "--data", data, "--treatment-model", model, "--outcome", "bweight",
                "--sensitivity", "--gamma", "1,1.5,2", "--format", "json");
        assertEquals(0, r.status(), r.err());
        JsonNode d = JSON.readTree(r.out()).get("diagnostics");
        // R 4.2.2 rbounds 2.2 psens(control, treated) on the exact nearest-neighbour pairs
        // (synergia-effects reference/rosenbaum_matching.json): Gamma* by uniroot, p upper at Gamma = 1.5 unrounded
        assertEquals(1.78378353395503, d.get("rosenbaum_gamma").asDouble(), 1e-8);
        assertEquals(3, d.get("rosenbaum_bounds").size());
        JsonNode b = d.get("rosenbaum_bounds").get(1);
        for (String key : List.of("gamma", "p_upper", "p_lower", "hl_lower", "hl_upper")) {
            assertTrue(b.has(key), key);
        }
        assertEquals(1.5, b.get("gamma").asDouble());
        assertEquals(9.56289120420672e-05, b.get("p_upper").asDouble(), 1e-10);
        assertEquals(-336.427083333333, b.get("hl_lower").asDouble(), 1e-9);
        assertEquals("less", d.get("rosenbaum_alternative").asText());
        assertEquals(0.05, d.get("rosenbaum_alpha").asDouble());
        assertEquals(864, d.get("rosenbaum_pairs").asInt());
        assertEquals(0, d.get("rosenbaum_zero_differences").asInt());
        CommandRun text = run("estimate", "psmatch", "--data", data, "--treatment-model", model, "--outcome", "bweight",
                "--sensitivity");
        assertEquals(0, text.status(), text.err());
        assertTrue(text.out().contains("Rosenbaum bounds (one-sided Wilcoxon signed-rank p-value, alternative less"), text.out());
        assertTrue(text.out().contains("  1.7500     0.0305    <0.0001     -383.0000     -46.33333"), text.out());
        assertTrue(text.out().contains("  rosenbaum_gamma      1.783784"), text.out());
    }

    @Test
    void badSensitivityInputIsOneLineNamingTheOption() {
        String[] base = {"estimate", "psmatch", "--data", lalonde(), "--treatment-model", MODEL, "--outcome", "re78"};
        List<List<String>> cases = List.of(
                List.of("--sensitivity", "--gamma", "0.5,1", "|--gamma takes values of Γ of 1 or more"),
                List.of("--sensitivity", "--gamma", "1,2,2", "|--gamma lists Γ in increasing order"),
                List.of("--sensitivity", "--gamma", ",", "|--gamma needs at least one value"),
                List.of("--sensitivity", "--gamma", "1,two", "|--gamma '1,two': 'two' is not a number"),
                List.of("--sensitivity", "--sensitivity-alpha", "0.7", "|--sensitivity-alpha is the level"),
                List.of("--gamma", "1,2", "|--gamma sets the Rosenbaum bounds, which are computed only with --sensitivity"),
                List.of("--sensitivity", "--estimand", "ate", "|use --estimand att"),
                List.of("--sensitivity", "--kernel", "gaussian", "--se", "bootstrap", "|drop --kernel"));
        for (List<String> c : cases) {
            List<String> args = new java.util.ArrayList<>(List.of(base));
            args.addAll(c.subList(0, c.size() - 1));
            CommandRun r = run(args.toArray(String[]::new));
            String expected = c.get(c.size() - 1).substring(1);
            assertEquals(1, r.status(), c + ": " + r.err());
            assertEquals(1, r.err().strip().lines().count(), r.err());
            assertTrue(r.err().startsWith("synergia: ") && r.err().contains(expected), c + ": " + r.err());
        }
    }
}
