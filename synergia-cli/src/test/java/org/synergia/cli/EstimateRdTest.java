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
import picocli.CommandLine;

/** {@code synergia estimate rd}, end to end on the Senate data. */
class EstimateRdTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static CommandRun run(String... args) {
        return CommandRun.of(new CommandLine(new EstimateCommand()), args);
    }

    private static String referenceFile(String name) {
        return TestFiles.reference(name).toString();
    }

    @Test
    void defaultRdMatchesRdrobustAndFollowsTheContract() throws IOException {
        // R rdrobust 4.0.0: rdrobust(vote, margin), reference_values.json senate_rd/default
        JsonNode ref = JSON.readTree(Path.of(referenceFile("reference_values.json")).toFile()).at("/senate_rd/default");
        CommandRun r = run("rd", "--data", referenceFile("rdrobust_senate.csv"), "--outcome", "vote", "--running",
                "margin", "--cutoff", "0", "--format", "json", "--quiet");
        assertEquals(0, r.status(), r.err());
        JsonNode doc = JSON.readTree(r.out());
        assertEquals("rd", doc.get("method").asText());
        JsonNode est = doc.get("estimates");
        assertEquals("conventional", est.get(0).get("term").asText());
        assertEquals("bias-corrected", est.get(1).get("term").asText());
        assertEquals("robust", est.get(2).get("term").asText());
        double coef = ref.get("coef_conventional").asDouble();
        assertEquals(coef, est.get(0).get("estimate").asDouble(), 1e-6 * coef);
        double se = ref.get("se_robust").asDouble();
        assertEquals(se, est.get(2).get("se").asDouble(), 1e-6 * se);
        double lo = ref.get("ci_robust").get(0).asDouble();
        assertEquals(lo, est.get(2).get("ci_low").asDouble(), 1e-6 * lo);
        JsonNode d = doc.get("diagnostics");
        double h = ref.get("h").get(0).asDouble();
        assertEquals(h, d.get("h_left").asDouble(), 1e-6 * h);
        assertEquals(h, d.get("h_right").asDouble(), 1e-6 * h);
        assertEquals(ref.get("n_eff").get(0).asInt(), d.get("n_eff_left").asInt());
        assertEquals(ref.get("n_eff").get(1).asInt(), d.get("n_eff_right").asInt());
        assertEquals(1297, doc.get("n").asInt());
        assertEquals(93, doc.at("/data/rows_dropped").asInt());
    }

    @Test
    void fuzzyWithGivenBandwidthAndHc1Runs() throws IOException {
        CommandRun r = run("rd", "--data", referenceFile("rd_fuzzy_dev.csv"), "--outcome", "y", "--running", "score",
                "--fuzzy", "take", "--h", "15,18", "--b", "25", "--vce", "hc1", "--kernel", "epanechnikov",
                "--covariates", "z", "--format", "json");
        assertEquals(0, r.status(), r.err());
        JsonNode d = JSON.readTree(r.out()).get("diagnostics");
        assertEquals(15, d.get("h_left").asDouble());
        assertEquals(18, d.get("h_right").asDouble());
        assertEquals(25, d.get("b_right").asDouble());
    }

    @Test
    void writesTheBinnedPlot(@TempDir Path dir) throws IOException {
        Path svg = dir.resolve("senate.svg");
        CommandRun r = run("rd", "--data", referenceFile("rdrobust_senate.csv"), "--outcome", "vote", "--running", "margin",
                "--h", "15", "--plot", svg.toString(), "--plot-binning", "qs", "--plot-bins", "8", "--format",
                "json", "--quiet");
        assertEquals(0, r.status(), r.err());
        String text = Files.readString(svg);
        assertTrue(text.startsWith("<svg") && text.contains(">margin</text>") && text.contains(">vote</text>"), text);
        assertEquals(16, text.split("<circle", -1).length - 1);
        JSON.readTree(r.out()); // stdout stays one JSON document
    }

    @Test
    void cutoffOutsideTheRangeIsRefusedWithCounts() {
        CommandRun r = run("rd", "--data", referenceFile("rdrobust_senate.csv"), "--outcome", "vote", "--running",
                "margin", "--cutoff", "150");
        assertEquals(1, r.status());
        assertTrue(r.err().contains("outside the range") && r.err().contains("1297 units left"), r.err());
    }

    @Test
    void fewClustersWarnOnStderr() {
        CommandRun r = run("rd", "--data", referenceFile("rd_fuzzy_dev.csv"), "--outcome", "y", "--running", "score",
                "--cluster", "take", "--vce", "hc0", "--h", "20");
        assertEquals(0, r.status(), r.err());
        assertTrue(r.err().contains("only 2 clusters"), r.err());
    }

    @Test
    void discreteRunningVariableWithABandwidthCheckMatchesRdrobust() throws IOException {
        // R rdrobust 4.0.0: rdrobust(d$y, d$x, bwselect = "msetwo", bwcheck = 30),
        // reference_values_rd_fidelity.json d_msetwo_bwcheck30
        JsonNode ref = JSON.readTree(Path.of(referenceFile("reference_values_rd_fidelity.json")).toFile())
                .get("d_msetwo_bwcheck30");
        CommandRun r = run("rd", "--data", referenceFile("rd_discrete_dev.csv"), "--outcome", "y", "--running", "x",
                "--bwselect", "msetwo", "--bwcheck", "30", "--format", "json");
        assertEquals(0, r.status(), r.err());
        assertTrue(r.err().contains("mass points"), r.err());
        JsonNode doc = JSON.readTree(r.out());
        JsonNode d = doc.get("diagnostics");
        for (int s = 0; s < 2; s++) {
            String side = s == 0 ? "left" : "right";
            double h = ref.get("h").get(s).asDouble();
            assertEquals(h, d.get("h_" + side).asDouble(), 1e-6 * h);
            double b = ref.get("b").get(s).asDouble();
            assertEquals(b, d.get("b_" + side).asDouble(), 1e-6 * b);
            assertEquals(ref.get("M").get(s).asInt(), d.get("n_unique_" + side).asInt());
        }
        double est = ref.get("coef").get(2).asDouble();
        assertEquals(est, doc.get("estimates").get(2).get("estimate").asDouble(), 1e-6 * Math.abs(est));
        assertEquals("adjust", d.get("masspoints").asText());
        assertEquals(30, d.get("bwcheck").asInt());
    }

    @Test
    void clusteredHc3IsRdrobustsCr3() throws IOException {
        // R rdrobust 4.0.0: rdrobust(cl$y, cl$x, cluster = cl$village, vce = "hc3", bwselect = "certwo"),
        // reference_values_rd_fidelity.json cl_hc3_certwo
        JsonNode ref = JSON.readTree(Path.of(referenceFile("reference_values_rd_fidelity.json")).toFile())
                .get("cl_hc3_certwo");
        CommandRun r = run("rd", "--data", referenceFile("rd_cluster_dev.csv"), "--outcome", "y", "--running", "x",
                "--cluster", "village", "--vce", "hc3", "--bwselect", "certwo", "--masspoints", "off", "--format", "json");
        assertEquals(0, r.status(), r.err());
        assertTrue(r.err().contains("cluster-robust CR3"), r.err());
        JsonNode doc = JSON.readTree(r.out());
        JsonNode d = doc.get("diagnostics");
        double h = ref.get("h").get(1).asDouble();
        assertEquals(h, d.get("h_right").asDouble(), 1e-6 * h);
        double se = ref.get("se").get(2).asDouble();
        assertEquals(se, doc.get("estimates").get(2).get("se").asDouble(), 1e-6 * se);
        assertEquals("cr3", d.get("vce_type").asText());
        assertEquals("hc3-cluster", d.get("vce").asText());
        assertEquals(ref.get("n_clust").get(0).asInt(), d.get("clusters_left").asInt());
        assertEquals(ref.get("n_clust").get(1).asInt(), d.get("clusters_right").asInt());
        assertEquals("off", d.get("masspoints").asText());
    }

    @Test
    void aBandwidthCheckBelowOneIsRefused() {
        CommandRun r = run("rd", "--data", referenceFile("rd_discrete_dev.csv"), "--outcome", "y", "--running", "x",
                "--bwcheck", "0");
        assertEquals(1, r.status());
        assertTrue(r.err().contains("the bandwidth check --bwcheck 0 must be a whole number of at least 1"), r.err());
    }

    /** A refusal in the language of SYNERGIA_LANG (here its Java property), naming the flag as typed. */
    @Test
    void refusalsInTheUsersLanguage() {
        String[] args = {"estimate", "rd", "--data", referenceFile("rdrobust_senate.csv"), "--outcome", "vote", "--running",
                "margin", "--p", "12"};
        assertEquals("synergia: polynomial order --p 12 is not supported; use 0 to 8\n", CommandRun.ofEntryPoint(args).err());
        System.setProperty("synergia.lang", "es");
        try {
            assertEquals("synergia: el orden polinómico --p 12 no es válido; use de 0 a 8\n", CommandRun.ofEntryPoint(args).err());
        } finally {
            System.clearProperty("synergia.lang");
        }
    }
}
