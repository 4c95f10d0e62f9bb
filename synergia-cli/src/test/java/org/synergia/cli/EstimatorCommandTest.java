package org.synergia.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.synergia.data.CompleteCases;
import org.synergia.stats.estimator.Estimator;
import org.synergia.stats.estimator.EstimatorOption;
import org.synergia.stats.estimator.EstimatorOptions;
import org.synergia.stats.inference.Estimate;
import org.synergia.stats.inference.EstimationResult;
import picocli.CommandLine;

class EstimatorCommandTest {

    /** A minimal estimator for the test: the mean of one variable, without weights or clusters. */
    static final class TestMean implements Estimator {
        @Override
        public String name() {
            return "testmean";
        }

        @Override
        public String description() {
            return "the mean, for the test";
        }

        @Override
        public List<EstimatorOption> options() {
            return List.of(EstimatorOption.variable("variable", "Y", "the variable").asRequired());
        }

        @Override
        public Collection<String> variables(EstimatorOptions options) {
            return options.variablesOf("variable");
        }

        @Override
        public EstimationResult fit(CompleteCases rows, EstimatorOptions options) {
            String variable = options.required("variable");
            double[] y = rows.dataset().numeric(variable).toDoubleArray();
            double mean = java.util.Arrays.stream(y).average().orElse(Double.NaN);
            return new ResultPrinterTest.Result("testmean", List.of(Estimate.wald("mean:" + variable, mean, 0.5, 0.95)),
                    y.length, Map.of(), List.of("the mean's SE is fixed for the test"));
        }
    }

    @TempDir
    Path dir;

    private CommandRun run(String... args) {
        return CommandRun.of(new CommandLine(new EstimateCommand()).addSubcommand(EstimatorCommand.of(new TestMean())), args);
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
        assertTrue(r.err().startsWith("synergia: warning: "), r.err());
        assertTrue(r.err().endsWith("synergia: warning: the mean's SE is fixed for the test\n"), r.err());
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
