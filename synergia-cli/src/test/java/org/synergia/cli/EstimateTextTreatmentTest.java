package org.synergia.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A treatment written as text ("no"/"yes", as survey exports write it) is taken as its levels in sorted order, with a
 * note saying so: every estimator gives exactly what it gives on the 0/1 coding of the same column.
 */
class EstimateTextTreatmentTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;
    private static Path data;

    @BeforeAll
    static void write() throws IOException {
        SplittableRandom r = new SplittableRandom(7);
        List<String> lines = new ArrayList<>(List.of("y,x,took,took01"));
        for (int i = 0; i < 400; i++) {
            double x = r.nextGaussian();
            int t = r.nextDouble() < 1 / (1 + Math.exp(-x)) ? 1 : 0;
            double y = 1 + 0.5 * x + t + r.nextGaussian();
            lines.add(y + "," + x + "," + (t == 1 ? "yes" : "no") + "," + t);
        }
        data = dir.resolve("text_treatment.csv");
        Files.write(data, lines);
    }

    private static CommandRun run(String command, String treatment) {
        String[] args = command.replace("T", treatment).split("\\|");
        List<String> all = new ArrayList<>(List.of("estimate"));
        all.addAll(List.of(args));
        all.addAll(List.of("--data", data.toString(), "--format", "json"));
        return CommandRun.ofEntryPoint(all.toArray(String[]::new));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', value = {
        "ra|--outcome-model|y ~ x|--treatment|T",
        "ra|--outcome-model|y ~ x|--treatment|factor(T)",
        "ipw|--treatment-model|T ~ x|--outcome|y",
        "ipwra|--treatment-model|T ~ x|--outcome-model|y ~ x",
        "psmatch|--treatment-model|T ~ x|--outcome|y",
        "nnmatch|--covariates|x|--treatment|T|--outcome|y",
        "glm|--model|T ~ x|--family|binomial"})
    void textLevelsAreTheirSortedCodes(String command) throws IOException {
        CommandRun text = run(command, "took");
        CommandRun codes = run(command, "took01");
        assertEquals(0, text.status(), text.err());
        JsonNode a = JSON.readTree(text.out());
        JsonNode b = JSON.readTree(codes.out());
        assertEquals(b.get("estimates"), a.get("estimates"));
        assertTrue(text.err().contains("'took' holds text: its levels are coded in sorted order, 0 = no, 1 = yes"),
                text.err());
    }
}
