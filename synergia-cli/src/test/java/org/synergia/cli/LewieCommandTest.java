package org.synergia.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class LewieCommandTest {

    private record Run(int status, String out, String err) {
    }

    private static Run run(String... args) {
        CommandLine cli = new CommandLine(new SynergiaCli());
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int status = cli.execute(args);
        return new Run(status, out.toString(), err.toString());
    }

    @Test
    void jsonDocumentWithMonteCarloIntervalsAndProgressOnStderr() throws Exception {
        Run r = run("lewie", "--example", "--transfer", "eligible_treated=1000000", "--draws", "4", "--threads", "1",
                "--format", "json");
        assertEquals(0, r.status, r.err);
        JsonNode doc = new ObjectMapper().readTree(r.out);
        assertEquals("lewie", doc.get("command").asText());
        JsonNode first = doc.get("estimates").get(0);
        assertEquals("income_multiplier", first.get("term").asText());
        double m = first.get("estimate").asDouble();
        assertTrue(m > 1 && m < 5, "multiplier " + m);
        assertTrue(first.get("ci_low").asDouble() <= first.get("ci_high").asDouble());
        assertEquals(4, doc.get("monte_carlo").get("draws").asInt());
        assertTrue(doc.get("diagnostics").get("sam_income_multiplier").asDouble() > 1);
        assertTrue(r.err.contains("4/4 Monte Carlo draws"), r.err);
    }

    @Test
    void textWithShockAndConstrainedLabour() {
        Run r = run("lewie", "--example", "--shock", "vegetables:eligible_treated=0.3", "--transfer",
                "eligible_treated=500000", "--programme-cost", "100000", "--labour", "constrained", "--draws", "0");
        assertEquals(0, r.status, r.err);
        assertTrue(r.out.contains("income_multiplier") && r.out.contains("labour constrained"), r.out);
    }

    @Test
    void badUsageIsStatusTwo() {
        assertEquals(2, run("lewie", "--example").status);
        assertEquals(2, run("lewie", "--example", "--transfer", "eligible_treated=10", "--labour", "tight").status);
        assertEquals(2, run("lewie", "--transfer", "eligible_treated=10").status);
    }
}
