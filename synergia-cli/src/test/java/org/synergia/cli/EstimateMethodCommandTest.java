package org.synergia.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.synergia.data.Dataset;
import org.synergia.data.NumericColumn;
import org.synergia.stats.inference.Estimate;
import org.synergia.stats.inference.EstimationResult;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

class EstimateMethodCommandTest {

    /** A minimal method for the test: the mean of one variable, dropping missing values. */
    @Command(name = "testmean")
    static final class TestMean extends EstimateMethodCommand {
        @Option(names = "--variable", required = true)
        String variable;
        @Mixin
        RefusedOptions.Weights noWeights;
        @Mixin
        RefusedOptions.Cluster noCluster;

        @Override
        protected EstimationResult estimate(Dataset dataset) {
            NumericColumn y = dataset.numeric(variable);
            double sum = 0;
            int n = 0;
            for (int i = 0; i < y.size(); i++) {
                if (!y.isMissing(i)) {
                    sum += y.value(i);
                    n++;
                }
            }
            double mean = sum / n;
            double se = 0.5;
            int used = n;
            return new ResultPrinterTest.Result("testmean", List.of(Estimate.wald("mean:" + variable, mean, se, 0.95)),
                    used, Map.of(), List.of("one row had a missing " + variable));
        }
    }

    @TempDir
    Path dir;

    private CommandRun run(String... args) {
        return CommandRun.of(new CommandLine(new EstimateCommand()).addSubcommand(new TestMean()), args);
    }

    @Test
    void readsTheDataAndPrintsOneJsonDocument() throws IOException {
        Path csv = dir.resolve("y.csv");
        Files.writeString(csv, "y\n1\n2\nNA\n3\n");
        CommandRun r = run("testmean", "--data", csv.toString(), "--variable", "y", "--format", "json");
        assertEquals(0, r.status(), r.err());
        JsonNode doc = new ObjectMapper().readTree(r.out());
        assertEquals(2.0, doc.get("estimates").get(0).get("estimate").asDouble(), 1e-15);
        assertEquals("y.csv", doc.get("data").get("file").asText());
        assertEquals(1, doc.get("data").get("rows_dropped").asInt());
        assertEquals(64, doc.get("data").get("sha256").asText().length());
        assertEquals("synergia: warning: one row had a missing y\n", r.err());
        assertTrue(run("testmean", "--data", csv.toString(), "--variable", "y", "--quiet").err().isEmpty());
    }

    @Test
    void refusesWeightsAndClusterClearly() throws IOException {
        Path csv = dir.resolve("y.csv");
        Files.writeString(csv, "y,w\n1,1\n");
        CommandRun r = run("testmean", "--data", csv.toString(), "--variable", "y", "--weights", "w");
        assertEquals(2, r.status());
        assertTrue(r.err().contains("estimate testmean does not support --weights (sampling weights)"), r.err());
        CommandRun c = run("testmean", "--data", csv.toString(), "--variable", "y", "--cluster", "w");
        assertEquals(2, c.status());
        assertTrue(c.err().contains("does not support --cluster"), c.err());
    }
}
