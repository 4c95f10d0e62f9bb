package org.synergia.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.synergia.testdata.TestFiles;
import picocli.CommandLine;

/** The design-based and meta-analysis {@code estimate} methods, end to end on the reference files of synergia-testdata. */
class MeasuresCommandsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static CommandRun run(String... args) {
        return CommandRun.of(new CommandLine(new EstimateCommand()), args);
    }

    private static String referenceFile(String name) {
        return TestFiles.reference(name).toString();
    }

    private static JsonNode reference(String key) throws IOException {
        return JSON.readTree(Path.of(referenceFile("reference_values.json")).toFile()).get(key);
    }

    @Test
    void meanAndTotalOnApistratMatchRSurvey() throws IOException {
        // R survey 4.1-1 svymean(~api00) / svytotal(~enroll), stratified by stype with pw and fpc
        JsonNode ref = reference("apistrat_survey");
        CommandRun mean = run("mean", "--data", referenceFile("apistrat.csv"), "--variable", "api00", "--weights", "pw",
                "--strata", "stype", "--fpc", "fpc", "--format", "json");
        assertEquals(0, mean.status(), mean.err());
        JsonNode m = JSON.readTree(mean.out()).get("estimates").get(0);
        assertEquals("mean:api00", m.get("term").asText());
        assertEquals(ref.at("/mean_api00/se").asDouble(), m.get("se").asDouble(), 1e-8 * 9.4);
        CommandRun total = run("total", "--data", referenceFile("apistrat.csv"), "--variable", "enroll", "--strata", "stype",
                "--fpc", "fpc", "--format", "json");
        assertEquals(0, total.status(), total.err());
        JsonNode t = JSON.readTree(total.out()).get("estimates").get(0);
        assertEquals("total:enroll", t.get("term").asText());
        assertEquals(ref.at("/total_enroll/estimate").asDouble(), t.get("estimate").asDouble(), 1e-6 * 3.7e6);
        CommandRun byType = run("mean", "--data", referenceFile("apistrat.csv"), "--variable", "api00", "--weights", "pw",
                "--strata", "stype", "--fpc", "fpc", "--by", "stype", "--format", "json");
        assertEquals(0, byType.status(), byType.err());
        assertEquals("mean:api00[E]", JSON.readTree(byType.out()).get("estimates").get(0).get("term").asText());
    }

    @Test
    void povertyByGroupNamesItsTerms() throws IOException {
        CommandRun r = run("poverty", "--data", referenceFile("eusilc.csv"), "--variable", "eq_income", "--line", "10000",
                "--weights", "weight", "--by", "sex", "--format", "json");
        assertEquals(0, r.status(), r.err());
        JsonNode est = JSON.readTree(r.out()).get("estimates");
        assertEquals("FGT0[female]", est.get(0).get("term").asText());
        assertEquals("Gini[male]", est.get(7).get("term").asText());
    }

    @Test
    void metaOnBcgMatchesMetafor() throws IOException {
        // R metafor 3.8-1 rma(yi, vi, method = "REML", test = "knha")
        JsonNode ref = reference("bcg_meta").get("REML_knha");
        CommandRun r = run("meta", "--data", referenceFile("dat_bcg.csv"), "--effect", "yi", "--variance", "vi", "--method", "reml",
                "--test", "knha", "--format", "json");
        assertEquals(0, r.status(), r.err());
        JsonNode doc = JSON.readTree(r.out());
        JsonNode pooled = doc.get("estimates").get(0);
        assertEquals("pooled", pooled.get("term").asText());
        assertEquals(ref.get("se").asDouble(), pooled.get("se").asDouble(), 1e-6);
        assertEquals(ref.get("I2").asDouble(), doc.get("diagnostics").get("I2").asDouble(), 1e-5);
        CommandRun withSe = run("meta", "--data", referenceFile("dat_bcg.csv"), "--effect", "yi", "--se", "vi", "--method", "dl",
                "--format", "json");
        assertEquals(0, withSe.status(), withSe.err());
        assertEquals("DL", JSON.readTree(withSe.out()).get("diagnostics").get("method").asText());
        CommandRun reg = run("meta", "--data", referenceFile("dat_bcg.csv"), "--effect", "yi", "--variance", "vi",
                "--moderators", "ablat", "--format", "json");
        assertEquals("ablat", JSON.readTree(reg.out()).get("estimates").get(1).get("term").asText());
        CommandRun refused = run("meta", "--data", referenceFile("dat_bcg.csv"), "--effect", "yi", "--variance", "vi", "--weights", "ablat");
        assertEquals(2, refused.status());
        assertTrue(refused.err().contains("does not support --weights"), refused.err());
    }
}
