package org.synergia.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.synergia.testdata.TestFiles;
import picocli.CommandLine;

/** {@code estimate did|saturation|dose} through the command line, JSON per the contract. */
class DesignCommandsTest {

    @TempDir
    Path dir;

    private static CommandRun run(String... args) {
        return CommandRun.of(new CommandLine(new EstimateCommand()), args);
    }

    private static Path referenceFile(String file) {
        return TestFiles.reference(file);
    }

    @Test
    void didPrintsTheAttOfDrdid() throws IOException {
        CommandRun r = run("did", "--data", referenceFile("did_panel_dev.csv").toString(), "--outcome", "y", "--time", "period",
                "--group", "treated", "--id", "id", "--covariates", "x1 + x2 + x3", "--method", "ipw", "--format", "json");
        assertEquals(0, r.status(), r.err());
        JsonNode doc = new ObjectMapper().readTree(r.out());
        JsonNode att = doc.get("estimates").get(0);
        assertEquals("ATT", att.get("term").asText());
        // R DRDID 1.2.3 ipwdid(normalized = FALSE), reference_values_designs.json -> panel_did.ipw_unnormalized
        assertEquals(1.5161962110379, att.get("estimate").asDouble(), 1e-6 * 1.52);
        assertEquals(0.0462378390488195, att.get("se").asDouble(), 1e-4 * 0.046);
        assertEquals(5000, doc.get("data").get("rows_used").asInt());
    }

    @Test
    void didWithCohortsPrintsGroupTimeEffects() throws IOException {
        StringBuilder b = new StringBuilder("id,year,first,y\n");
        SplittableRandom rng = new SplittableRandom(2);
        for (int u = 0; u < 300; u++) {
            int first = u % 3 == 0 ? 0 : u % 3 == 1 ? 2 : 3;
            for (int t = 1; t <= 3; t++) {
                double y = u % 7 + 0.1 * t + (first > 0 && t >= first ? 1 : 0) + rng.nextGaussian();
                b.append(u).append(',').append(t).append(',').append(first).append(',').append(y).append('\n');
            }
        }
        Path csv = dir.resolve("staggered.csv");
        Files.writeString(csv, b);
        CommandRun r = run("did", "--data", csv.toString(), "--outcome", "y", "--time", "year", "--cohort", "first", "--id", "id",
                "--method", "reg", "--format", "json");
        assertEquals(0, r.status(), r.err());
        JsonNode doc = new ObjectMapper().readTree(r.out());
        assertEquals("ATT(2,2)", doc.get("estimates").get(0).get("term").asText());
        assertEquals(900, doc.get("data").get("rows_used").asInt());
    }

    @Test
    void staggeredDidTakesDidsOptionsAndWritesTheEventPlot() throws IOException {
        Path svg = dir.resolve("event.svg");
        CommandRun r = run("did", "--data", referenceFile("staggered_did_panel.csv").toString(), "--outcome", "y", "--time",
                "year", "--cohort", "cohort", "--id", "id", "--covariates", "x1 + x2", "--method", "reg", "--control-group",
                "notyet", "--anticipation", "1", "--base-period", "universal", "--bootstrap", "200", "--seed", "5",
                "--event-plot", svg.toString(), "--format", "json");
        assertEquals(0, r.status(), r.err());
        JsonNode doc = new ObjectMapper().readTree(r.out());
        JsonNode d = doc.get("diagnostics");
        assertEquals("notyet", d.get("control_group").asText());
        assertEquals(1, d.get("anticipation").asInt());
        assertEquals("universal", d.get("base_period").asText());
        assertEquals(200, d.get("bootstrap_draws").asInt());
        assertTrue(d.get("critical_value_event").asDouble() >= 1.96);
        assertTrue(d.has("pretrend_wald") && d.has("pretrend_df") && d.has("pretrend_p_value"));
        assertTrue(d.get("uniform_band").isArray());
        // the universal base period's reference cell: 0 with no standard error
        JsonNode reference = null;
        for (JsonNode e : doc.get("estimates")) {
            if (e.get("term").asText().equals("ATT(2012,2010)")) {
                reference = e;
            }
        }
        assertEquals(0.0, reference.get("estimate").asDouble(), 0.0);
        assertTrue(reference.get("se").isNull());
        String plot = Files.readString(svg);
        assertTrue(plot.startsWith("<svg") && plot.contains("Event study: y"), plot);
    }

    @Test
    void theStaggeredOptionsAreRefusedWithTwoPeriods() {
        CommandRun r = run("did", "--data", referenceFile("did_panel_dev.csv").toString(), "--outcome", "y", "--time", "period",
                "--group", "treated", "--id", "id", "--control-group", "notyet");
        assertEquals(1, r.status());
        assertTrue(r.err().contains("--control-group applies to staggered adoption (--cohort G), not to the two-period"
                + " design (--group D)"), r.err());
    }

    @Test
    void didRefusesThreePeriods() throws IOException {
        Path csv = dir.resolve("three.csv");
        Files.writeString(csv, "y,t,d\n1,0,0\n2,1,1\n3,2,0\n");
        CommandRun r = run("did", "--data", csv.toString(), "--outcome", "y", "--time", "t", "--group", "d");
        assertTrue(r.status() != 0);
    }

    private Path saturationCsv() throws IOException {
        SplittableRandom rng = new SplittableRandom(4);
        StringBuilder b = new StringBuilder("y,treat,village,sat,age\n");
        double[] sats = {0, 0.3, 0.6};
        for (int v = 0; v < 30; v++) {
            double s = sats[v % 3];
            for (int k = 0; k < 10; k++) {
                int t = k < Math.round(s * 10) ? 1 : 0;
                double y = 1 + (t == 1 ? 1 : s > 0 ? 0.3 : 0) + rng.nextGaussian();
                b.append(y).append(',').append(t).append(',').append(v).append(',').append(s).append(',')
                        .append(20 + rng.nextInt(40)).append('\n');
            }
        }
        Path csv = dir.resolve("sat.csv");
        Files.writeString(csv, b);
        return csv;
    }

    @Test
    void saturationPrintsIttSpilloverAndRandomisationPValues() throws IOException {
        CommandRun r = run("saturation", "--data", saturationCsv().toString(), "--outcome", "y", "--treatment", "treat",
                "--cluster", "village", "--saturation", "sat", "--covariates", "age + I(age^2)", "--permutations", "99",
                "--format", "json");
        assertEquals(0, r.status(), r.err());
        JsonNode doc = new ObjectMapper().readTree(r.out());
        assertEquals("saturation", doc.get("method").asText());
        assertEquals("ITT", doc.get("estimates").get(0).get("term").asText());
        assertEquals("spillover", doc.get("estimates").get(1).get("term").asText());
        assertTrue(doc.get("diagnostics").get("ri_p_value:ITT").asDouble() > 0);
        assertEquals(30, doc.get("diagnostics").get("clusters").asInt());
    }

    @Test
    void saturationWithTheWildBootstrapKeepsItsRowsAndBootstrapsEveryTerm() throws IOException {
        Path csv = saturationCsv();
        CommandRun plain = run("saturation", "--data", csv.toString(), "--outcome", "y", "--treatment", "treat", "--cluster",
                "village", "--saturation", "sat", "--permutations", "0", "--format", "json");
        CommandRun r = run("saturation", "--data", csv.toString(), "--outcome", "y", "--treatment", "treat", "--cluster",
                "village", "--saturation", "sat", "--permutations", "0", "--wild-bootstrap", "999", "--seed", "3", "--format", "json");
        assertEquals(0, r.status(), r.err());
        ObjectMapper json = new ObjectMapper();
        JsonNode doc = json.readTree(r.out());
        assertEquals(json.readTree(plain.out()).get("estimates"), doc.get("estimates"));
        JsonNode wb = doc.at("/diagnostics/wild_bootstrap");
        assertEquals(999, wb.get("draws").asInt());
        assertEquals(3, wb.get("seed").asLong());
        for (int k = 0; k < doc.get("estimates").size(); k++) {
            assertEquals(doc.get("estimates").get(k).get("term"), wb.get("terms").get(k).get("term"));
        }
    }

    @Test
    void doseRunsTheThreeForms() throws IOException {
        SplittableRandom rng = new SplittableRandom(6);
        StringBuilder b = new StringBuilder("y,months,x,female\n");
        for (int i = 0; i < 400; i++) {
            double x = rng.nextGaussian();
            double m = 12 + 3 * x + 3 * rng.nextGaussian();
            b.append(0.1 * m + x + rng.nextGaussian()).append(',').append(m).append(',').append(x).append(',')
                    .append(i % 2).append('\n');
        }
        b.append("NA,3,0,1\n");
        Path csv = dir.resolve("dose.csv");
        Files.writeString(csv, b);
        CommandRun lin = run("dose", "--data", csv.toString(), "--outcome", "y", "--dose", "months", "--covariates", "x",
                "--by", "female", "--format", "json");
        assertEquals(0, lin.status(), lin.err());
        JsonNode doc = new ObjectMapper().readTree(lin.out());
        assertEquals("months|female=0", doc.get("estimates").get(0).get("term").asText());
        assertEquals(1, doc.get("data").get("rows_dropped").asInt());
        CommandRun bins = run("dose", "--data", csv.toString(), "--outcome", "y", "--dose", "months", "--method", "bins",
                "--bins", "10,14", "--format", "json");
        assertEquals(0, bins.status(), bins.err());
        CommandRun gps = run("dose", "--data", csv.toString(), "--outcome", "y", "--dose", "months", "--covariates", "x",
                "--method", "gps", "--grid", "8,12,16", "--bootstrap", "20", "--format", "json");
        assertEquals(0, gps.status(), gps.err());
        JsonNode g = new ObjectMapper().readTree(gps.out());
        assertEquals("mu(8)", g.get("estimates").get(0).get("term").asText());
        assertEquals("effect(16)", g.get("estimates").get(4).get("term").asText());
    }
}
