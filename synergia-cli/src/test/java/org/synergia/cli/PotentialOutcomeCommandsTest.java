package org.synergia.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.synergia.testdata.TestFiles;
import picocli.CommandLine;

/** {@code estimate ra|ipw|aipw|ipwra} end to end: options, JSON document, term names, errors. */
class PotentialOutcomeCommandsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String COVARIATES = "age + educ + black + hispan + married + nodegree + re74 + re75";

    @TempDir
    Path dir;

    private static CommandRun run(String... args) {
        return CommandRun.of(new CommandLine(new EstimateCommand()), args);
    }

    private static String referenceFile(String name) {
        return TestFiles.reference(name).toString();
    }

    private static List<String> terms(JsonNode doc) {
        List<String> t = new ArrayList<>();
        doc.get("estimates").forEach(e -> t.add(e.get("term").asText()));
        return t;
    }

    @Test
    void ipwraAndRaOnLalondeMatchTheReference() throws IOException {
        // statsmodels TreatmentEffect (Stata teffects conventions), synergia-testdata reference/lalonde_teffects.json
        JsonNode ref = JSON.readTree(Path.of(referenceFile("lalonde_teffects.json")).toFile());
        CommandRun ipwra = run("ipwra", "--data", referenceFile("lalonde.csv"), "--outcome-model", "re78 ~ " + COVARIATES,
                "--treatment-model", "treat ~ " + COVARIATES, "--format", "json");
        assertEquals(0, ipwra.status(), ipwra.err());
        JsonNode doc = JSON.readTree(ipwra.out());
        assertEquals("ipwra", doc.get("method").asText());
        assertEquals(List.of("ATE", "POmean:0"), terms(doc));
        double expected = ref.at("/ipwra/ATE/estimate").asDouble();
        assertEquals(expected, doc.at("/estimates/0/estimate").asDouble(), 1e-5 * Math.abs(expected));
        assertEquals(614, doc.at("/data/rows_used").asInt());
        CommandRun ra = run("ra", "--data", referenceFile("lalonde.csv"), "--outcome-model", "re78 ~ " + COVARIATES,
                "--treatment", "treat", "--estimand", "att", "--format", "json");
        assertEquals(0, ra.status(), ra.err());
        JsonNode att = JSON.readTree(ra.out()).at("/estimates/0");
        assertEquals("ATT", att.get("term").asText());
        assertEquals(ref.at("/ra/ATET/se").asDouble(), att.get("se").asDouble(), 1e-4 * 809);
    }

    @Test
    void ipwWithProbitReportsPotentialOutcomeMeansAsText() {
        CommandRun ipw = run("ipw", "--data", referenceFile("lalonde.csv"), "--treatment-model", "treat ~ " + COVARIATES,
                "--outcome", "re78", "--link", "probit", "--estimand", "pomeans");
        assertEquals(0, ipw.status(), ipw.err());
        assertTrue(ipw.out().contains("POmean:0") && ipw.out().contains("POmean:1"), ipw.out());
    }

    @Test
    void weightsAndClustersArePassedOn() throws IOException {
        CommandRun r = run("aipw", "--data", referenceFile("lalonde.csv"), "--outcome-model", "re78 ~ age + re74",
                "--treatment-model", "treat ~ age + educ + re74", "--weights", "age", "--cluster", "educ", "--format", "json");
        assertEquals(0, r.status(), r.err());
        JsonNode d = JSON.readTree(r.out()).get("diagnostics");
        assertEquals("cluster", d.get("vce").asText());
        assertEquals(19, d.get("clusters").asInt()); // distinct values of educ in lalonde.csv
    }

    @Test
    void factorialDesignGivesArmContrastsAndTheSynergy() throws IOException {
        SplittableRandom rng = new SplittableRandom(11);
        StringBuilder csv = new StringBuilder("arm,x,y\n");
        double[] effect = {0, 1, 2, 4.5};
        for (int i = 0; i < 800; i++) {
            double x = rng.nextGaussian();
            int arm = rng.nextInt(4);
            csv.append(arm).append(',').append(x).append(',').append(1 + x + effect[arm] + rng.nextGaussian()).append('\n');
        }
        Path file = dir.resolve("factorial.csv");
        Files.writeString(file, csv);
        CommandRun r = run("ipwra", "--data", file.toString(), "--outcome-model", "y ~ x", "--treatment-model", "arm ~ x",
                "--synergy", "3=1+2", "--control", "0", "--format", "json");
        assertEquals(0, r.status(), r.err());
        JsonNode doc = JSON.readTree(r.out());
        assertEquals(List.of("ATE:1vs0", "ATE:2vs0", "ATE:3vs0", "POmean:0", "synergy"), terms(doc));
        JsonNode synergy = doc.at("/estimates/4");
        assertTrue(synergy.get("ci_low").asDouble() < 1.5 && 1.5 < synergy.get("ci_high").asDouble(), synergy.toString());
        assertEquals("mlogit", doc.at("/diagnostics/treatment_model").asText());
    }

    @Test
    void badUsageAndBadInputAreReported() {
        CommandRun usage = run("ipwra", "--data", referenceFile("lalonde.csv"), "--outcome-model", "re78 ~ age",
                "--treatment-model", "treat ~ age", "--estimand", "late");
        assertEquals(2, usage.status());
        assertTrue(usage.err().contains("--estimand"), usage.err());
        int status = SynergiaCli.execute("estimate", "ipwra", "--data", referenceFile("lalonde.csv"), "--outcome-model",
                "re78 ~ age", "--treatment-model", "treat ~ age", "--synergy", "3=1+2", "--quiet");
        assertEquals(1, status);
    }

    @Test
    void balanceGivesTheContractKeysAndATableAndRaItsImpliedWeightsBalance() throws IOException {
        String data = TestFiles.dataset("cattaneo2.dta").toString();
        String model = "mbsmoke ~ foreign + alcohol + mage + medu + fage + fedu";
        CommandRun json = run("ipwra", "--data", data, "--outcome-model", "bweight ~ mage + medu", "--treatment-model", model,
                "--balance", "--format", "json");
        assertEquals(0, json.status(), json.err());
        JsonNode d = JSON.readTree(json.out()).get("diagnostics");
        assertEquals(6, d.get("balance").size(), "one row per covariate of the treatment model");
        JsonNode mage = d.get("balance").get(2);
        for (String key : List.of("contrast", "variable", "smd_raw", "smd_adjusted", "vr_raw", "vr_adjusted", "ks_raw",
                "ks_adjusted")) {
            assertTrue(mage.has(key), key);
        }
        assertEquals("1vs0", mage.get("contrast").asText());
        // the IPW weights of the treatment model, whichever the estimator: Stata's log after teffects ipw
        assertEquals(-0.0893001, mage.get("smd_adjusted").asDouble(), 5e-7);
        assertEquals(864, d.at("/balance_n/raw/treated").asInt());
        assertEquals(2238.7, d.at("/balance_n/adjusted/treated").asDouble(), 0.05);
        CommandRun text = run("ipw", "--data", data, "--outcome", "bweight", "--treatment-model", model, "--balance");
        assertEquals(0, text.status(), text.err());
        assertTrue(text.out().contains("1vs0     medu        -0.5474   -0.1333 *     0.7316    0.4531 !"), text.out());
        // ra: balance under the implied weights of its linear outcome regressions; none for a nonlinear outcome model
        CommandRun ra = run("ra", "--data", data, "--outcome-model", "bweight ~ mage + medu", "--treatment", "mbsmoke",
                "--balance");
        assertEquals(0, ra.status(), ra.err());
        assertTrue(ra.out().contains("1vs0     medu"), ra.out());
        CommandRun poisson = CommandRun.ofEntryPoint("estimate", "ra", "--data", data, "--outcome-model", "bweight ~ mage",
                "--outcome-family", "poisson", "--treatment", "mbsmoke", "--balance");
        assertTrue(poisson.status() != 0);
        assertEquals(1, poisson.err().strip().lines().count(), poisson.err());
        assertTrue(poisson.err().contains("--balance") && poisson.err().contains("poisson"), poisson.err());
    }

    @Test
    void subgroupsPrintEachSubgroupsDiagnosticsAndKeepThemInTheJson() throws IOException {
        String data = TestFiles.dataset("cattaneo2.dta").toString();
        String[] args = {"ipwra", "--data", data, "--outcome-model", "bweight ~ mage + medu", "--treatment-model",
            "mbsmoke ~ mage + medu", "--by", "mmarried", "--balance"};
        CommandRun text = run(args);
        assertEquals(0, text.status(), text.err());
        assertTrue(text.out().contains("  subgroup mmarried = 0 (1394 observations):"), text.out());
        assertTrue(text.out().contains("  subgroup mmarried = 1 (3248 observations):"), text.out());
        assertEquals(2, text.out().split("covariate balance \\(Stata tebalance summarize", -1).length - 1, "a balance table per subgroup");
        String[] json = java.util.Arrays.copyOf(args, args.length + 2);
        json[args.length] = "--format";
        json[args.length + 1] = "json";
        JsonNode d = JSON.readTree(run(json).out()).get("diagnostics");
        assertEquals("mmarried", d.get("by").asText());
        assertEquals(2, d.at("/subgroups/1/diagnostics/balance").size(), "mage and medu in subgroup 1");
        assertEquals(3248, d.at("/subgroups/1/n").asInt());
    }

    @Test
    void trimmingReportsTheUnitsDroppedAndRefusesBoundsThatMakeNoSense() throws IOException {
        String data = TestFiles.dataset("cattaneo2.dta").toString();
        String model = "mbsmoke ~ foreign + alcohol + mage + medu + fage + fedu";
        CommandRun crump = run("ipw", "--data", data, "--outcome", "bweight", "--treatment-model", model, "--trim", "crump",
                "--format", "json");
        assertEquals(0, crump.status(), crump.err());
        JsonNode trim = JSON.readTree(crump.out()).at("/diagnostics/score_trim");
        assertEquals("crump", trim.get("rule").asText());
        assertEquals(281, trim.get("trimmed").asInt(), "R PSweight PStrim(optimal = TRUE) keeps 4361 of 4642");
        assertEquals(4361, JSON.readTree(crump.out()).get("n").asInt());
        CommandRun backwards = CommandRun.ofEntryPoint("estimate", "ipw", "--data", data, "--outcome", "bweight",
                "--treatment-model", model, "--trim-score", "0.9,0.1");
        assertTrue(backwards.status() != 0);
        assertEquals(1, backwards.err().strip().lines().count(), backwards.err());
        assertTrue(backwards.err().contains("--trim-score"), backwards.err());
    }
}
