package org.synergia.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import org.synergia.measures.power.ArmLayout;
import org.synergia.measures.power.Contrast;
import org.synergia.measures.power.PowerDesign;
import picocli.CommandLine;

class PowerCommandTest {

    private static String[] run(String... args) {
        CommandLine cli = new CommandLine(new PowerCommand());
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int status = cli.execute(args);
        return new String[] {Integer.toString(status), out.toString(), err.toString()};
    }

    @Test
    void factorialClusterDesignPrintsEveryContrastAsJson() throws Exception {
        String[] r = run("--clusters", "80", "--cluster-size", "12", "--arms", "4", "--icc", "0.1", "--attrition", "0.1",
                "--effect", "0.3", "--format", "json");
        assertEquals("0", r[0], r[2]);
        JsonNode doc = new ObjectMapper().readTree(r[1]);
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
        assertEquals("2", run("--n", "100", "--arms", "3")[0]);
    }
}
