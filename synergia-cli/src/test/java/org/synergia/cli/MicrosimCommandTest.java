package org.synergia.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class MicrosimCommandTest {

    private static CommandRun run(String... args) {
        return CommandRun.of(new CommandLine(new SynergiaCli()), args);
    }

    @Test
    void jsonDocumentWithTheChosenScenariosLabelledSimulated() throws Exception {
        CommandRun r = run("microsim", "--synthetic", "zambia", "--households", "4000", "--draws", "5", "--threads", "1",
                "--scenario", "both,both-joint-targeting", "--format", "json");
        assertEquals(0, r.status(), r.err());
        JsonNode doc = new ObjectMapper().readTree(r.out());
        assertEquals("microsim", doc.get("command").asText());
        assertTrue(doc.get("simulated_data").asBoolean());
        assertEquals(2, doc.get("scenarios").size());
        JsonNode both = doc.get("scenarios").get(0);
        assertEquals("both", both.get("scenario").asText());
        assertTrue(both.get("statistics").get(0).get("estimate").asDouble() < doc.get("baseline").get("FGT0").asDouble());
    }

    @Test
    void unknownEngineAndScenarioAreRefusedWithAMessage() {
        CommandRun r = run("microsim", "--synthetic", "zambia", "--households", "100", "--engine", "spark");
        assertNotEquals(0, r.status());
        assertTrue(r.err().contains("--engine spark"), r.err());
        CommandRun s = run("microsim", "--synthetic", "zambia", "--households", "100", "--scenario", "nope");
        assertNotEquals(0, s.status());
        assertTrue(s.err().contains("--scenario"), s.err());
    }
}
