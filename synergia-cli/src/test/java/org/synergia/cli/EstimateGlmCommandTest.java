package org.synergia.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.synergia.testdata.TestFiles;

/**
 * {@code estimate glm} end to end on cattaneo2.dta of synergia-testdata. Reference values: R 4.2.2 glm +
 * sandwich 3.0-2, from synergia-stats/src/test/resources/reference/glm_cattaneo2.R (its CSV output).
 */
class EstimateGlmCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static CommandRun run(String... args) {
        return CommandRun.ofEntryPoint(args);
    }

    private static String cattaneo() {
        return TestFiles.dataset("cattaneo2.dta").toString();
    }

    @Test
    void olsWithFactorsPrintsTermsAsWrittenAndStataHc1() throws IOException {
        CommandRun r = run("estimate", "glm", "--data", cattaneo(), "--model",
                "bweight ~ mage + I(mage^2) + factor(msmoke) + mbsmoke:mage + mmarried*fbaby + factor(prenatal):medu",
                "--format", "json");
        assertEquals(0, r.status(), r.err());
        JsonNode doc = JSON.readTree(r.out());
        assertEquals("estimate", doc.get("command").asText());
        assertEquals("glm", doc.get("method").asText());
        assertEquals(4642, doc.get("n").asInt());
        List<String> terms = new ArrayList<>();
        doc.get("estimates").forEach(e -> terms.add(e.get("term").asText()));
        assertEquals(List.of("(Intercept)", "mage", "I(mage^2)", "factor(msmoke)1", "factor(msmoke)2", "factor(msmoke)3",
                "mmarried", "fbaby", "mage:mbsmoke", "mmarried:fbaby", "factor(prenatal)0:medu", "factor(prenatal)1:medu",
                "factor(prenatal)2:medu", "factor(prenatal)3:medu"), terms);
        JsonNode mage = doc.get("estimates").get(1);
        // R: coef 14.526378097382914, vcovHC(type = "HC1") se 13.751676795894365
        assertEquals(14.526378097382914, mage.get("estimate").asDouble(), 1e-8 * 14.5);
        assertEquals(13.751676795894365, mage.get("se").asDouble(), 1e-6 * 13.75);
        JsonNode smoke = doc.get("estimates").get(3);
        assertEquals(187.67831827366456, smoke.get("estimate").asDouble(), 1e-8 * 187.7);
        assertEquals(110.73360371849245, smoke.get("se").asDouble(), 1e-6 * 110.7);
        assertTrue(smoke.get("ci_low").asDouble() < 187.6 && smoke.get("ci_high").asDouble() > 187.7);
        assertEquals(4642, doc.at("/data/rows_used").asInt());
        assertEquals(0, doc.at("/data/rows_dropped").asInt());
        assertEquals("gaussian", doc.at("/diagnostics/family").asText());
    }

    @Test
    void logitWithClusterRobustVariance() throws IOException {
        CommandRun r = run("estimate", "glm", "--data", cattaneo(), "--model",
                "mbsmoke ~ 0 + factor(prenatal) + mage + I(mage^2) + mmarried + fbaby + medu", "--family", "binomial",
                "--vce", "cluster", "--cluster", "birthmonth", "--format", "json");
        assertEquals(0, r.status(), r.err());
        JsonNode est = JSON.readTree(r.out()).get("estimates");
        // R: vcovCL(cluster = ~birthmonth, type = "HC0"), i.e. G/(G-1), Stata logit's vce(cluster)
        assertEquals("factor(prenatal)0", est.get(0).get("term").asText());
        assertEquals(-2.9678731787733921, est.get(0).get("estimate").asDouble(), 1e-8 * 2.97);
        assertEquals(1.1892101885329247, est.get(0).get("se").asDouble(), 1e-6 * 1.19);
        assertEquals("medu", est.get(8).get("term").asText());
        assertEquals(0.018568726976851226, est.get(8).get("se").asDouble(), 1e-6 * 0.0186);
        assertEquals(12, JSON.readTree(r.out()).at("/diagnostics/clusters").asInt());
    }

    @Test
    void badModelsGetOneLineErrors() {
        CommandRun r = run("estimate", "glm", "--data", cattaneo(), "--model", "bweight ~ magee + medu");
        assertEquals(1, r.status());
        assertTrue(r.err().contains("unknown variable 'magee'") && r.err().contains("formula 'bweight ~ magee + medu'"), r.err());
        r = run("estimate", "glm", "--data", cattaneo(), "--model", "bweight ~ mage", "--family", "binomial");
        assertEquals(1, r.status());
        assertTrue(r.err().contains("outcome 'bweight' is"), r.err());
        r = run("estimate", "glm", "--data", cattaneo(), "--model", "bweight ~ mage", "--vce", "cluster");
        assertEquals(1, r.status());
        assertTrue(r.err().contains("--cluster"), r.err());
        r = run("estimate", "glm", "--data", cattaneo(), "--model", "bweight ~ mage", "--family", "tweedie");
        assertEquals(2, r.status());
    }
}
