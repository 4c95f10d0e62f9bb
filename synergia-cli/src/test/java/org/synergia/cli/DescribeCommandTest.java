package org.synergia.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.synergia.testdata.TestFiles;
import picocli.CommandLine;

class DescribeCommandTest {

    private static String run(String... args) {
        CommandRun r = CommandRun.of(new CommandLine(new DescribeCommand()), args);
        assertEquals(0, r.status(), r.err());
        return r.out();
    }

    @Test
    void describesCattaneo2AsJson() throws Exception {
        Path file = TestFiles.dataset("cattaneo2.dta");
        JsonNode doc = new ObjectMapper().readTree(run("--data", file.toString(), "--format", "json"));
        assertEquals("describe", doc.get("command").asText());
        assertEquals(4642, doc.get("data").get("rows").asInt());
        assertEquals("118", doc.get("data").get("metadata").get("release").asText());
        JsonNode msmoke = doc.get("variables").get(14);
        assertEquals("msmoke", msmoke.get("name").asText());
        assertEquals("categorical", msmoke.get("type").asText());
        assertEquals("Cigarettes smoked during pregnancy", msmoke.get("label").asText());
        assertEquals("1\u20135 daily", msmoke.get("value_labels").get("labels").get(1).get("label").asText());
        assertEquals(0, msmoke.get("missing").asInt());
    }

    @Test
    void textShowsExtendedMissingCounts() throws Exception {
        Path fixture = Path.of(DescribeCommandTest.class.getResource("/describe/missing.csv").toURI());
        String text = run("--data", fixture.toString());
        assertTrue(text.startsWith("missing.csv: 4 observations, 2 variables (delimited text, UTF-8)"), text);
        assertTrue(text.contains("income    byte     integer     %8.0g      3 (.a:1, .d:1)"), text);
    }
}
