package org.synergia.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class MicrosimCommandTest {

    private static String[] run(String... args) {
        CommandLine cli = new CommandLine(new SynergiaCli());
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int status = cli.execute(args);
        return new String[] {Integer.toString(status), out.toString(), err.toString()};
    }

    @Test
    void jsonDocumentWithTheChosenScenariosLabelledSimulated() throws Exception {
        String[] r = run("microsim", "--synthetic", "zambia", "--households", "4000", "--draws", "5", "--threads", "1",
                "--scenario", "both,both-joint-targeting", "--format", "json");
        assertEquals("0", r[0], r[2]);
        JsonNode doc = new ObjectMapper().readTree(r[1]);
        assertEquals("microsim", doc.get("command").asText());
        assertTrue(doc.get("simulated_data").asBoolean());
        assertEquals(2, doc.get("scenarios").size());
        JsonNode both = doc.get("scenarios").get(0);
        assertEquals("both", both.get("scenario").asText());
        assertTrue(both.get("statistics").get(0).get("estimate").asDouble() < doc.get("baseline").get("FGT0").asDouble());
    }

    @Test
    void unknownEngineAndScenarioAreRefusedWithAMessage() {
        String[] r = run("microsim", "--synthetic", "zambia", "--households", "100", "--engine", "spark");
        assertNotEquals("0", r[0]);
        assertTrue(r[2].contains("--engine spark"), r[2]);
        String[] s = run("microsim", "--synthetic", "zambia", "--households", "100", "--scenario", "nope");
        assertNotEquals("0", s[0]);
        assertTrue(s[2].contains("--scenario"), s[2]);
    }
}
