package org.synergia.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.synergia.testdata.TestFiles;
import picocli.CommandLine;

/** {@code synergia estimate rddensity}, end to end on the simulated running variables of synergia-testdata. */
class EstimateRdDensityTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static CommandRun run(String... args) {
        return CommandRun.of(new CommandLine(new EstimateCommand()), args);
    }

    private static String file(String name) {
        return TestFiles.reference(name).toString();
    }

    private static JsonNode reference(String name) throws IOException {
        return JSON.readTree(Path.of(file("reference_values_rddensity.json")).toFile()).get("tests").get(name);
    }

    private static void close(double expected, JsonNode actual, double tol, String what) {
        assertEquals(expected, actual.asDouble(), tol * Math.abs(expected), what);
    }

    @Test
    void bunchingIsRejectedAsRddensityRejectsIt() throws IOException {
        // R rddensity 3.0: rddensity(b), reference_values_rddensity.json tests/b_default
        JsonNode ref = reference("b_default");
        CommandRun r = run("rddensity", "--data", file("rddensity_bunching_dev.csv"), "--running", "x", "--cutoff", "0",
                "--format", "json", "--quiet");
        assertEquals(0, r.status(), r.err());
        JsonNode doc = JSON.readTree(r.out());
        assertEquals("rddensity", doc.get("method").asText());
        assertEquals(2500, doc.get("n").asInt());
        JsonNode est = doc.get("estimates");
        assertEquals(1, est.size());
        assertEquals("density-difference", est.get(0).get("term").asText());
        close(ref.get("hat").get(2).asDouble(), est.get(0).get("estimate"), 1e-6, "difference");
        close(ref.get("sd").get(2).asDouble(), est.get(0).get("se"), 1e-4, "se");
        close(ref.get("test").get(1).asDouble(), est.get(0).get("p_value"), 1e-6, "p");
        JsonNode d = doc.get("diagnostics");
        close(ref.get("test").get(0).asDouble(), d.get("t_statistic"), 1e-6, "t");
        close(ref.get("test").get(1).asDouble(), d.get("p_value"), 1e-6, "p");
        assertTrue(d.get("p_value").asDouble() < 0.001, "manipulation is detected");
        close(ref.get("h").get(0).asDouble(), d.get("h_left"), 1e-6, "h_left");
        close(ref.get("h").get(1).asDouble(), d.get("h_right"), 1e-6, "h_right");
        assertEquals(ref.get("N").get(3).asInt(), d.get("n_eff_left").asInt());
        assertEquals(ref.get("N").get(4).asInt(), d.get("n_eff_right").asInt());
        close(ref.get("hat").get(0).asDouble(), d.get("density_left"), 1e-6, "density left");
        close(ref.get("sd").get(1).asDouble(), d.get("se_right"), 1e-4, "se right");
        assertEquals("comb", d.get("bwselect").asText());
        assertEquals(10, d.get("binomial_tests").size());
        close(ref.get("bino").get("pval").get(0).asDouble(), d.get("binomial_tests").get(0).get("p_value"), 1e-6, "binomial");
    }

    @Test
    void aSmoothDensityIsNotRejected() throws IOException {
        CommandRun r = run("rddensity", "--data", file("rddensity_smooth_dev.csv"), "--running", "x", "--format", "json");
        assertEquals(0, r.status(), r.err());
        JsonNode d = JSON.readTree(r.out()).get("diagnostics");
        assertTrue(d.get("p_value").asDouble() > 0.05, d.toString());
        for (String key : new String[] {"t_statistic", "p_value", "h_left", "h_right", "n_eff_left", "n_eff_right", "n_left",
            "n_right", "density_left", "density_right", "se_left", "se_right", "se_difference"}) {
            assertTrue(d.has(key), key);
        }
    }

    @Test
    void theTextOutputPrintsTheBinomialTestsAsATable() {
        CommandRun r = run("rddensity", "--data", file("rddensity_smooth_dev.csv"), "--running", "x", "--quiet");
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().contains("density-difference") && r.out().contains("t_statistic"), r.out());
        assertTrue(r.out().contains("binomial tests (units below and at or above the cutoff"), r.out());
        assertFalse(r.out().contains("window_left"), r.out());
    }

    @Test
    void optionsReachTheTest() throws IOException {
        // R rddensity 3.0: rddensity(s, fitselect = "restricted", h = 0.7, vce = "plugin"), tests/s_restricted_h_plugin
        JsonNode ref = reference("s_restricted_h_plugin");
        CommandRun r = run("rddensity", "--data", file("rddensity_smooth_dev.csv"), "--running", "x", "--fitselect",
                "restricted", "--h", "0.7", "--vce", "plugin", "--format", "json");
        assertEquals(0, r.status(), r.err());
        JsonNode d = JSON.readTree(r.out()).get("diagnostics");
        close(ref.get("test").get(0).asDouble(), d.get("t_statistic"), 1e-6, "t");
        assertEquals("manual", d.get("bwselect").asText());
        assertEquals("plugin", d.get("vce").asText());
        // R rddensity 3.0: rddensity(t, all = TRUE), tests/t_all, on data with mass points
        JsonNode all = reference("t_all");
        CommandRun t = run("rddensity", "--data", file("rddensity_ties_dev.csv"), "--running", "x", "--all", "--format",
                "json");
        assertEquals(0, t.status(), t.err());
        assertTrue(t.err().contains("repeated values"), t.err());
        JsonNode doc = JSON.readTree(t.out());
        assertEquals("density-difference:conventional", doc.at("/estimates/1/term").asText());
        close(all.get("hat_p").get(2).asDouble(), doc.at("/estimates/1/estimate"), 1e-6, "conventional difference");
        close(all.get("test_p").get(1).asDouble(), doc.at("/diagnostics/p_value_conventional"), 1e-6, "conventional p");
        // R rddensity 3.0: rddensity(c40, c = 40, bwselect = "each", p = 3), tests/c_each_p3
        JsonNode each = reference("c_each_p3");
        CommandRun c = run("rddensity", "--data", file("rddensity_shifted_dev.csv"), "--running", "x", "--cutoff", "40",
                "--bwselect", "each", "--p", "3", "--kernel", "triangular", "--bino", "false", "--format", "json");
        assertEquals(0, c.status(), c.err());
        JsonNode dc = JSON.readTree(c.out()).get("diagnostics");
        close(each.get("h").get(1).asDouble(), dc.get("h_right"), 1e-6, "h_right");
        close(each.get("test").get(1).asDouble(), dc.get("p_value"), 1e-6, "p");
        assertFalse(dc.has("binomial_tests"));
    }

    @Test
    void writesTheDensityPlot(@TempDir Path dir) throws IOException {
        Path svg = dir.resolve("density.svg");
        CommandRun r = run("rddensity", "--data", file("rddensity_bunching_dev.csv"), "--running", "x", "--plot",
                svg.toString(), "--plot-n", "15,12", "--plot-grid", "qs", "--format", "json", "--quiet");
        assertEquals(0, r.status(), r.err());
        String text = Files.readString(svg);
        assertTrue(text.startsWith("<svg") && text.contains(">x</text>") && text.contains(">Density</text>"), text);
        assertEquals(2, text.split("<polygon", -1).length - 1);
        JSON.readTree(r.out()); // stdout stays one JSON document
        CommandRun bad = run("rddensity", "--data", file("rddensity_bunching_dev.csv"), "--running", "x", "--plot",
                dir.resolve("bad.svg").toString(), "--plot-range", "0.5,2");
        assertEquals(1, bad.status());
        assertTrue(bad.err().contains("--plot-range 0.5,2 must hold the cutoff 0"), bad.err());
    }

    @Test
    void badInputIsRefusedInOneLine(@TempDir Path dir) throws IOException {
        String smooth = file("rddensity_smooth_dev.csv");
        CommandRun outside = CommandRun.ofEntryPoint("estimate", "rddensity", "--data", smooth, "--running", "x", "--cutoff",
                "9");
        assertEquals(1, outside.status());
        assertTrue(outside.err().contains("the cutoff --cutoff 9 is not inside the range")
                && outside.err().contains("running variable 'x'") && outside.err().contains("2500 values below it"),
                outside.err());
        assertEquals(1, outside.err().strip().lines().count(), outside.err());
        CommandRun order = run("rddensity", "--data", smooth, "--running", "x", "--p", "9");
        assertEquals(1, order.status());
        assertTrue(order.err().contains("polynomial order --p 9 is not supported by the density test; use 1 to 7"),
                order.err());
        CommandRun each = run("rddensity", "--data", smooth, "--running", "x", "--fitselect", "restricted", "--bwselect",
                "each");
        assertTrue(each.err().contains("--bwselect each chooses a bandwidth for each side"), each.err());
        CommandRun sides = run("rddensity", "--data", smooth, "--running", "x", "--fitselect", "restricted", "--h", "1,2");
        assertTrue(sides.err().contains("needs the same bandwidth on both sides; give --h as one number"), sides.err());
        CommandRun negative = run("rddensity", "--data", smooth, "--running", "x", "--h", "-1");
        assertTrue(negative.err().contains("bandwidth --h -1.0 must be a positive number"), negative.err());
        Path few = dir.resolve("few.csv");
        StringBuilder s = new StringBuilder("x,label\n");
        for (int i = 0; i < 200; i++) {
            s.append(i < 4 ? -1 - i : i).append(",a").append(i).append('\n');
        }
        Files.writeString(few, s.toString());
        CommandRun tooFew = run("rddensity", "--data", few.toString(), "--running", "x");
        assertEquals(1, tooFew.status());
        assertTrue(tooFew.err().contains("the running variable 'x' has only 4 distinct values below the cutoff --cutoff 0"
                + " (4 observations)"), tooFew.err());
        CommandRun text = run("rddensity", "--data", few.toString(), "--running", "label");
        assertEquals(1, text.status());
        assertTrue(text.err().contains("variable 'label'") && text.err().contains("needs a numeric running variable"),
                text.err());
    }

    /** A refusal in the language of SYNERGIA_LANG (here its Java property). */
    @Test
    void refusalsInTheUsersLanguage() {
        String[] args = {"estimate", "rddensity", "--data", file("rddensity_smooth_dev.csv"), "--running", "x", "--p", "9"};
        System.setProperty("synergia.lang", "fr");
        try {
            assertEquals("synergia: l’ordre polynomial --p 9 n’est pas pris en charge par le test de densité ; utilisez 1"
                    + " à 7 (l’intervalle de rddensity)\n", CommandRun.ofEntryPoint(args).err());
        } finally {
            System.clearProperty("synergia.lang");
        }
    }

    @Test
    void helpListsTheOptions() {
        CommandRun r = run("rddensity", "--help");
        assertEquals(0, r.status(), r.err());
        for (String option : new String[] {"--running", "--cutoff", "--p", "--q", "--kernel", "--fitselect", "--bwselect",
            "--vce", "--h", "--all", "--masspoints", "--plot"}) {
            assertTrue(r.out().contains(option), option);
        }
    }
}
