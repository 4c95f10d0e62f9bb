package org.synergia.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.synergia.measures.power.ArmLayout;
import org.synergia.measures.power.Contrast;
import org.synergia.measures.power.PowerDesign;
import picocli.CommandLine;

class PowerCommandTest {

    private static CommandRun run(String... args) {
        return CommandRun.of(new CommandLine(new PowerCommand()), args);
    }

    @Test
    void factorialClusterDesignPrintsEveryContrastAsJson() throws Exception {
        CommandRun r = run("--clusters", "80", "--cluster-size", "12", "--arms", "4", "--icc", "0.1", "--attrition", "0.1",
                "--effect", "0.3", "--format", "json");
        assertEquals(0, r.status(), r.err());
        JsonNode doc = new ObjectMapper().readTree(r.out());
        assertEquals(4, doc.get("contrasts").size());
        JsonNode synergy = doc.get("contrasts").get(3);
        assertEquals("synergy", synergy.get("contrast").asText());
        double expected = PowerDesign.clustered(80, 12).withArms(ArmLayout.FACTORIAL).withIcc(0.1).withAttrition(0.1)
                .mde(Contrast.SYNERGY);
        assertEquals(expected, synergy.get("mde").asDouble(), 1e-12);
        assertTrue(synergy.get("required_clusters").asInt() > 80);
    }

    @Test
    void badArmsIsAUsageError() {
        assertEquals(2, run("--n", "100", "--arms", "3").status());
    }
}
