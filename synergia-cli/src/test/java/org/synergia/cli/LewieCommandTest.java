package org.synergia.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class LewieCommandTest {

    private static CommandRun run(String... args) {
        return CommandRun.of(new CommandLine(new SynergiaCli()), args);
    }

    @Test
    void jsonDocumentWithMonteCarloIntervalsAndProgressOnStderr() throws Exception {
        CommandRun r = run("lewie", "--example", "--transfer", "eligible_treated=1000000", "--draws", "4", "--threads", "1",
                "--format", "json");
        assertEquals(0, r.status(), r.err());
        JsonNode doc = new ObjectMapper().readTree(r.out());
        assertEquals("lewie", doc.get("command").asText());
        JsonNode first = doc.get("estimates").get(0);
        assertEquals("income_multiplier", first.get("term").asText());
        double m = first.get("estimate").asDouble();
        assertTrue(m > 1 && m < 5, "multiplier " + m);
        assertTrue(first.get("ci_low").asDouble() <= first.get("ci_high").asDouble());
        assertEquals(4, doc.get("monte_carlo").get("draws").asInt());
        assertTrue(doc.get("diagnostics").get("sam_income_multiplier").asDouble() > 1);
        assertTrue(r.err().contains("4/4 Monte Carlo draws"), r.err());
    }

    @Test
    void textWithShockAndConstrainedLabour() {
        CommandRun r = run("lewie", "--example", "--shock", "vegetables:eligible_treated=0.3", "--transfer",
                "eligible_treated=500000", "--programme-cost", "100000", "--labour", "constrained", "--draws", "0");
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().contains("income_multiplier") && r.out().contains("labour constrained"), r.out());
    }

    @Test
    void badUsageIsStatusTwo() {
        assertEquals(2, run("lewie", "--example").status());
        assertEquals(2, run("lewie", "--example", "--transfer", "eligible_treated=10", "--labour", "tight").status());
        assertEquals(2, run("lewie", "--transfer", "eligible_treated=10").status());
    }
}
