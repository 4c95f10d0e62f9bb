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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.synergia.testdata.TestFiles;
import picocli.CommandLine;

/**
 * The one missing-value rule on the command line: every {@code estimate} method leaves out the rows
 * with a missing value in a variable it uses, reports them in {@code rows_dropped} and a one-line
 * warning, and refuses them under {@code --missing refuse}.
 *
 * <p>Reference values: R 4.2.2, haven 2.5.1, survey 4.1.1; {@code weighted.mean} of the non-missing
 * rows as R haven reads the files (user-missing codes and extended missing values as NA), and
 * {@code svymean(~income, svydesign(ids = ~1, weights = ~weight), na.rm = TRUE)} on the rows with a
 * weight for the SE; printed by synergia-testdata's {@code reference/missing/make_missing.R} into
 * {@code make_missing.out}.
 */
class MissingValuesCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Relative tolerance: R prints 15 significant digits. */
    private static final double TOL = 1e-9;

    @TempDir
    Path dir;

    private static String file(String name) {
        return TestFiles.reference("missing/" + name).toString();
    }

    @ParameterizedTest
    @ValueSource(strings = {"survey_missing.sav", "survey_missing_114.dta", "survey_missing_117.dta"})
    void weightedMeanIsTheMeanOfTheNonMissingRowsWithTheDropReported(String name) throws IOException {
        CommandRun r = CommandRun.ofEntryPoint("estimate", "mean", "--data", file(name), "--variable", "income",
                "--weights", "weight", "--format", "json");
        assertEquals(0, r.status(), r.err());
        JsonNode doc = JSON.readTree(r.out());
        JsonNode e = doc.at("/estimates/0");
        assertEquals(684.395768025078, e.get("estimate").asDouble(), TOL * 684.395768025078);
        assertEquals(53.09318583182, e.get("se").asDouble(), TOL * 53.09318583182);
        assertEquals(34, doc.get("n").asInt());
        assertEquals(34, doc.at("/data/rows_used").asInt());
        assertEquals(6, doc.at("/data/rows_dropped").asInt());
        String warning = "6 rows left out for missing values (income: 5, weight: 2; a row can miss several)";
        assertEquals(warning, doc.at("/warnings/0").asText());
        assertEquals("synergia: warning: " + warning + "\n", r.err());
    }

    @Test
    void spssRangeOfUserMissingValuesAndOneCode() throws IOException {
        CommandRun r = CommandRun.ofEntryPoint("estimate", "mean", "--data", file("survey_missing.sav"), "--variable",
                "age", "--weights", "weight", "--format", "json");
        assertEquals(0, r.status(), r.err());
        JsonNode doc = JSON.readTree(r.out());
        assertEquals(41.003003003003, doc.at("/estimates/0/estimate").asDouble(), TOL * 41.003003003003);
        assertEquals(2.4933759784969, doc.at("/estimates/0/se").asDouble(), TOL * 2.4933759784969);
        assertEquals(3, doc.at("/data/rows_dropped").asInt());
        assertEquals("3 rows left out for missing values (weight: 2, age: 1)", doc.at("/warnings/0").asText());
    }

    /**
     * The design-based methods keep the whole design, the complete rows a domain: R survey's
     * {@code svymean(~api00, dstrat, na.rm = TRUE)}, {@code svytotal(~enroll, ...)} and FGT0 at 650
     * as the domain mean of {@code api00 < 650} (make_missing.out).
     */
    @Test
    void designBasedMethodsTreatTheCompleteRowsAsADomain() throws IOException {
        String api = file("apistrat_missing.csv");
        JsonNode mean = json(List.of("mean", "--variable", "api00", "--weights", "pw", "--strata", "stype", "--fpc",
                "fpc"), Path.of(api));
        assertEquals(668.600929543748, mean.at("/estimates/0/estimate").asDouble(), TOL * 668.600929543748);
        assertEquals(10.2721100467797, mean.at("/estimates/0/se").asDouble(), TOL * 10.2721100467797);
        assertEquals(1.20897248198165, mean.at("/diagnostics/deff").asDouble(), TOL);
        assertEquals(200, mean.at("/diagnostics/psu").asInt());
        assertEquals(28, mean.at("/data/rows_dropped").asInt());
        assertEquals("28 rows left out for missing values (api00: 28)", mean.at("/warnings/0").asText());
        JsonNode total = json(List.of("total", "--variable", "enroll", "--weights", "pw", "--strata", "stype", "--fpc",
                "fpc"), Path.of(api));
        assertEquals(3362272.36097145, total.at("/estimates/0/estimate").asDouble(), TOL * 3362272.36097145);
        assertEquals(132602.296135722, total.at("/estimates/0/se").asDouble(), TOL * 132602.296135722);
        JsonNode poverty = json(List.of("poverty", "--variable", "api00", "--line", "650", "--weights", "pw", "--strata",
                "stype", "--fpc", "fpc"), Path.of(api));
        assertEquals(0.430587856656839, poverty.at("/estimates/0/estimate").asDouble(), TOL * 0.430587856656839);
        assertEquals(0.0403929081925211, poverty.at("/estimates/0/se").asDouble(), TOL * 0.0403929081925211);
        assertEquals(172, poverty.get("n").asInt());
    }

    @Test
    void glmAndMeanFollowTheSameRule() throws IOException {
        // before, glm dropped these rows while mean refused the file
        CommandRun glm = CommandRun.ofEntryPoint("estimate", "glm", "--data", file("survey_missing_117.dta"), "--model",
                "income ~ 1", "--weights", "weight", "--format", "json");
        CommandRun mean = CommandRun.ofEntryPoint("estimate", "mean", "--data", file("survey_missing_117.dta"),
                "--variable", "income", "--weights", "weight", "--format", "json");
        assertEquals(0, glm.status(), glm.err());
        JsonNode g = JSON.readTree(glm.out());
        JsonNode m = JSON.readTree(mean.out());
        assertEquals(m.at("/data/rows_dropped"), g.at("/data/rows_dropped"));
        assertEquals(m.at("/warnings/0"), g.at("/warnings/0"));
        assertEquals(1, g.get("warnings").size());
        assertEquals(m.at("/estimates/0/estimate").asDouble(), g.at("/estimates/0/estimate").asDouble(), 1e-9);
    }

    @ParameterizedTest
    @ValueSource(strings = {"survey_missing.sav", "survey_missing_114.dta"})
    void refuseMakesAnyMissingValueAnErrorOfOneLine(String name) {
        CommandRun r = CommandRun.ofEntryPoint("estimate", "mean", "--data", file(name), "--variable", "income",
                "--weights", "weight", "--missing", "refuse");
        assertEquals(1, r.status());
        String kind = name.endsWith(".sav") ? " (user-missing code -9)" : " (.a)";
        assertEquals("synergia: " + name + ": variable 'income' is missing at row 3" + kind + " and 4 more rows (other"
                + " variables: 2 more missing values); --missing refuse allows no missing value: fill them in, or use"
                + " --missing drop to leave those rows out\n", r.err());
        assertTrue(r.out().isEmpty());
    }

    /** lalonde.csv with re78 blanked in rows 1-10 and age in rows 10-12: 12 rows to leave out. */
    private Path[] lalonde() throws IOException {
        List<String> lines = Files.readAllLines(TestFiles.reference("lalonde.csv"));
        String[] header = lines.get(0).replace("\"", "").split(",");
        int re78 = List.of(header).indexOf("re78");
        int age = List.of(header).indexOf("age");
        List<String> withMissing = new ArrayList<>(List.of(lines.get(0)));
        List<String> without = new ArrayList<>(List.of(lines.get(0)));
        for (int r = 1; r < lines.size(); r++) {
            String[] f = lines.get(r).split(",", -1);
            if (r <= 10) {
                f[re78] = "NA";
            }
            if (r >= 10 && r <= 12) {
                f[age] = "";
            }
            withMissing.add(String.join(",", f));
            if (r > 12) {
                without.add(lines.get(r));
            }
        }
        Path a = dir.resolve("lalonde_missing.csv");
        Path b = dir.resolve("lalonde_complete.csv");
        Files.write(a, withMissing);
        Files.write(b, without);
        return new Path[] {a, b};
    }

    @Test
    void everyModelMethodLeavesOutTheSameRowsAsDeletingThem() throws IOException {
        Path[] f = lalonde();
        String x = "age + educ + black + hispan + married + nodegree + re74 + re75";
        List<List<String>> methods = List.of(
                List.of("glm", "--model", "re78 ~ treat + " + x),
                List.of("ra", "--outcome-model", "re78 ~ " + x, "--treatment", "treat"),
                List.of("ipw", "--treatment-model", "treat ~ " + x, "--outcome", "re78"),
                List.of("aipw", "--outcome-model", "re78 ~ " + x, "--treatment-model", "treat ~ " + x),
                List.of("ipwra", "--outcome-model", "re78 ~ " + x, "--treatment-model", "treat ~ " + x),
                List.of("psmatch", "--treatment-model", "treat ~ " + x, "--outcome", "re78"),
                List.of("nnmatch", "--outcome", "re78", "--treatment", "treat", "--covariates", x),
                List.of("mean", "--variable", "re78", "--by", "age"));
        String warning = "12 rows left out for missing values (re78: 10, age: 3; a row can miss several)";
        for (List<String> m : methods) {
            JsonNode missing = json(m, f[0]);
            JsonNode complete = json(m, f[1]);
            assertEquals(12, missing.at("/data/rows_dropped").asInt(), m.get(0));
            assertEquals(warning, missing.at("/warnings/0").asText(), m.get(0));
            assertEquals(complete.get("n"), missing.get("n"), m.get(0));
            if (!m.get(0).equals("mean")) {
                // the same rows, the same estimates and standard errors
                assertEquals(complete.get("estimates"), missing.get("estimates"), m.get(0));
            }
        }
    }

    private JsonNode json(List<String> method, Path data) throws IOException {
        List<String> args = new ArrayList<>(List.of("estimate"));
        args.addAll(method);
        args.addAll(List.of("--data", data.toString(), "--format", "json"));
        CommandRun r = CommandRun.ofEntryPoint(args.toArray(String[]::new));
        assertEquals(0, r.status(), method + ": " + r.err());
        return JSON.readTree(r.out());
    }

    @Test
    void rdDiscontinuityAndMetaFollowTheRuleAndRefuse() throws IOException {
        String senate = TestFiles.reference("rdrobust_senate.csv").toString();
        CommandRun rd = CommandRun.ofEntryPoint("estimate", "rd", "--data", senate, "--outcome", "vote", "--running",
                "margin", "--format", "json");
        assertEquals("93 rows left out for missing values (vote: 93)", JSON.readTree(rd.out()).at("/warnings/0").asText());
        CommandRun refused = CommandRun.ofEntryPoint("estimate", "rd", "--data", senate, "--outcome", "vote", "--running",
                "margin", "--missing", "refuse");
        assertEquals(1, refused.status());
        assertTrue(refused.err().startsWith("synergia: rdrobust_senate.csv: variable 'vote' is missing at row "),
                refused.err());
        assertEquals(1, refused.err().lines().count(), refused.err());
        List<String> bcg = Files.readAllLines(TestFiles.reference("dat_bcg.csv"));
        String[] header = bcg.get(0).replace("\"", "").split(",");
        int yi = List.of(header).indexOf("yi");
        String[] row = bcg.get(2).split(",", -1);
        row[yi] = "NA";
        bcg.set(2, String.join(",", row));
        Path meta = dir.resolve("bcg.csv");
        Files.write(meta, bcg);
        CommandRun m = CommandRun.ofEntryPoint("estimate", "meta", "--data", meta.toString(), "--effect", "yi",
                "--variance", "vi", "--format", "json");
        assertEquals(0, m.status(), m.err());
        JsonNode doc = JSON.readTree(m.out());
        assertEquals(12, doc.get("n").asInt());
        assertEquals(1, doc.at("/data/rows_dropped").asInt());
        assertEquals("1 row left out for missing values (yi: 1)", doc.at("/warnings/0").asText());
    }

    @Test
    void everyEstimateMethodTakesMissing() {
        CommandLine estimate = new CommandLine(new EstimateCommand());
        List<String> methods = new ArrayList<>(estimate.getSubcommands().keySet());
        assertEquals(16, methods.size(), methods.toString());
        for (String name : methods) {
            CommandLine.Model.OptionSpec o = estimate.getSubcommands().get(name).getCommandSpec().findOption("--missing");
            assertTrue(o != null, name + " has no --missing");
            assertEquals("drop", o.defaultValue(), name);
            Object command = estimate.getSubcommands().get(name).getCommandSpec().userObject();
            assertTrue(command instanceof EstimatorCommand, name);
        }
    }
}
