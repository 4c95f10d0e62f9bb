package org.synergia.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.synergia.data.Dataset;
import org.synergia.data.io.DatasetReaders;
import org.synergia.effects.matching.MatchingResult;
import org.synergia.effects.matching.NnMatch;
import org.synergia.effects.potentialoutcomes.Estimand;
import org.synergia.testdata.TestFiles;

/**
 * {@code estimate nnmatch} end to end, against the reference values that {@code NnMatch}'s own
 * tests use (files of synergia-effects' test resources, read from there): Stata 18 {@code teffects
 * nnmatch} on cattaneo2.dta and R {@code Matching::Match} on lalonde.csv.
 */
class EstimateNnmatchTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CATTANEO_X = "mmarried + mage + fage + medu + prenatal1";
    private static final String LALONDE_X = "age + educ + re74 + re75";

    private static CommandRun run(String... args) {
        List<String> all = new ArrayList<>(List.of("estimate", "nnmatch"));
        all.addAll(Arrays.asList(args));
        return CommandRun.ofEntryPoint(all.toArray(String[]::new));
    }

    private static String cattaneo() {
        return TestFiles.dataset("cattaneo2.dta").toString();
    }

    private static String lalonde() {
        return TestFiles.reference("lalonde.csv").toString();
    }

    /** A reference file of synergia-effects' tests (the tests run in this module's folder). */
    private static JsonNode effectsReference(String name) throws IOException {
        Path file = Path.of("..", "synergia-effects", "src", "test", "resources", "reference", name);
        assertTrue(Files.isRegularFile(file), file.toAbsolutePath() + " not found: run the tests from the synergia-cli module");
        return JSON.readTree(file.toFile());
    }

    private static JsonNode json(CommandRun r) throws IOException {
        assertEquals(0, r.status(), r.err());
        return JSON.readTree(r.out());
    }

    @Test
    void reproducesStataTeffectsNnmatch() throws IOException {
        // Stata 18 teffects nnmatch (bweight mmarried mage fage medu prenatal1) (mbsmoke): ATE, Mahalanobis, 1 neighbour,
        // vce(robust, nn(2)); cattaneo2_teffects_stata18.json "nnmatch", printed to 7 significant digits, so 1e-6 relative
        JsonNode stata = effectsReference("cattaneo2_teffects_stata18.json").at("/nnmatch/ATE");
        JsonNode doc = json(run("--data", cattaneo(), "--outcome", "bweight", "--treatment", "mbsmoke", "--covariates",
                CATTANEO_X, "--format", "json"));
        assertEquals("nnmatch", doc.get("method").asText());
        assertEquals(4642, doc.get("n").asInt());
        JsonNode ate = doc.get("estimates").get(0);
        assertEquals("ATE", ate.get("term").asText());
        double estimate = stata.get("estimate").asDouble();
        double se = stata.get("se").asDouble();
        assertEquals(estimate, ate.get("estimate").asDouble(), Math.abs(estimate) * 1e-6);
        assertEquals(se, ate.get("se").asDouble(), se * 1e-6);
        JsonNode d = doc.get("diagnostics");
        assertEquals("mahalanobis", d.get("metric").asText());
        assertEquals("ai2006-robust", d.get("se").asText());
        assertEquals(864, d.get("n_treated").asInt());
        // without --balance, the matching result's own balance object (cobalt conventions) stays
        assertEquals(5, d.at("/balance/covariates").size(), d.get("balance").toString());
        assertTrue(d.get("balance").has("sd_denominator"));
    }

    /** R 4.2.2 Matching 4.10.8 Match(Y=re78, Tr=treat, X=cbind(age,educ,re74,re75), ...), matching_lalonde.json. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', value = {
        // Match(..., estimand="ATT", M=1, Weight=2): Mahalanobis, Var.calc=0
        "nn_maha_att; --estimand att --se ai2006",
        // Match(..., estimand="ATE", M=1, Weight=1): inverse variance
        "nn_ivar_ate; --metric ivariance --se ai2006",
        // Match(..., estimand="ATT", M=1, Weight=2, BiasAdjust=TRUE)
        "nn_maha_att_biasadj; --estimand att --se ai2006 --bias-adjust age+educ+re74+re75",
        // Match(..., estimand="ATT", M=1, Weight=2, Var.calc=2)
        "nn_maha_att_var2; --estimand att --variance-neighbors 2"})
    void reproducesRMatching(String reference, String options) throws IOException {
        JsonNode r = effectsReference("matching_lalonde.json").get(reference);
        List<String> args = new ArrayList<>(List.of("--data", lalonde(), "--outcome", "re78", "--treatment", "treat",
                "--covariates", LALONDE_X, "--format", "json"));
        args.addAll(Arrays.asList(options.split(" ")));
        JsonNode effect = json(run(args.toArray(String[]::new))).get("estimates").get(0);
        double estimate = r.get("estimate").asDouble();
        double se = r.get("se").asDouble();
        // the tolerances of NnMatchReferenceTest: R prints full precision, the SEs differ in the 5th digit at most
        assertEquals(estimate, effect.get("estimate").asDouble(), Math.abs(estimate) * 1e-6, reference);
        assertEquals(se, effect.get("se").asDouble(), se * 1e-4, reference);
    }

    @Test
    void balanceIsTebalanceSummarizeUnderTheMatchingWeights() throws IOException {
        JsonNode d = json(run("--data", cattaneo(), "--outcome", "bweight", "--treatment", "mbsmoke", "--covariates",
                CATTANEO_X, "--balance", "--format", "json")).get("diagnostics");
        JsonNode rows = d.get("balance");
        assertEquals(5, rows.size());
        JsonNode mage = rows.get(1);
        assertEquals("mage", mage.get("variable").asText());
        assertEquals("1vs0", mage.get("contrast").asText());
        // the raw columns do not depend on the estimator: Stata's tebalance summarize log on cattaneo2
        // (tebalance_cattaneo2_stata.json of synergia-effects, 7 digits)
        JsonNode stata = effectsReference("tebalance_cattaneo2_stata.json").get("rows").get(0);
        assertEquals("mage", stata.get("variable").asText());
        assertEquals(stata.get("smd_raw").asDouble(), mage.get("smd_raw").asDouble(), 5e-7);
        assertEquals(stata.get("vr_raw").asDouble(), mage.get("vr_raw").asDouble(), 5e-7);
        // the matched sample: every unit once plus the times it is used as a match, so each arm sums to
        // the 4,642 births for the ATE (the matched sample of 2N that tebalance summarize describes after
        // teffects nnmatch; a convention, not a value from a Stata log)
        assertEquals(864, d.at("/balance_n/raw/treated").asInt());
        assertEquals(3778, d.at("/balance_n/raw/control").asInt());
        assertEquals(4642, d.at("/balance_n/adjusted/treated").asDouble(), 1e-6);
        assertEquals(4642, d.at("/balance_n/adjusted/control").asDouble(), 1e-6);
        // the adjusted columns are the frequency-weighted moments under NnMatch's matching weights
        double[] w = matchingWeights();
        Dataset data = DatasetReaders.read(TestFiles.dataset("cattaneo2.dta"));
        double[] x = data.numeric("mage").toDoubleArray();
        double[] t = data.numeric("mbsmoke").toDoubleArray();
        double[][] m = new double[2][3];
        for (int i = 0; i < x.length; i++) {
            int a = (int) t[i];
            m[a][0] += w[i];
            m[a][1] += w[i] * x[i];
        }
        for (int i = 0; i < x.length; i++) {
            int a = (int) t[i];
            m[a][2] += w[i] * Math.pow(x[i] - m[a][1] / m[a][0], 2);
        }
        double v1 = m[1][2] / (m[1][0] - 1);
        double v0 = m[0][2] / (m[0][0] - 1);
        double smd = (m[1][1] / m[1][0] - m[0][1] / m[0][0]) / Math.sqrt((v1 + v0) / 2);
        assertEquals(smd, mage.get("smd_adjusted").asDouble(), 1e-12);
        assertEquals(v1 / v0, mage.get("vr_adjusted").asDouble(), 1e-12);
        assertTrue(Math.abs(mage.get("smd_adjusted").asDouble()) < Math.abs(mage.get("smd_raw").asDouble()));
        CommandRun text = run("--data", cattaneo(), "--outcome", "bweight", "--treatment", "mbsmoke", "--covariates",
                CATTANEO_X, "--balance");
        assertEquals(0, text.status(), text.err());
        assertTrue(text.out().contains("covariate balance (Stata tebalance summarize"), text.out());
    }

    private static double[] matchingWeights() {
        Dataset data = DatasetReaders.read(TestFiles.dataset("cattaneo2.dta"));
        double[] y = data.numeric("bweight").toDoubleArray();
        double[] t = data.numeric("mbsmoke").toDoubleArray();
        boolean[] treated = new boolean[t.length];
        for (int i = 0; i < t.length; i++) {
            treated[i] = t[i] == 1;
        }
        List<String> names = List.of("mmarried", "mage", "fage", "medu", "prenatal1");
        double[][] x = names.stream().map(v -> data.numeric(v).toDoubleArray()).toArray(double[][]::new);
        MatchingResult r = NnMatch.withDefaults().withEstimand(Estimand.ATE).fit(y, treated, x, names);
        return r.weights().matching();
    }

    @Test
    void badInputIsRefusedInOneLineNamingTheOption(@TempDir Path dir) throws IOException {
        String[] base = {"--data", lalonde(), "--outcome", "re78", "--treatment", "treat"};
        CommandRun unknown = run(concat(base, "--covariates", "age + agee"));
        refused(unknown, "unknown variable 'agee'");
        refused(run(concat(base, "--covariates", LALONDE_X, "--neighbors", "0")),
                "matching needs at least 1 neighbour, not 0: use --neighbors 1 or more");
        refused(run(concat(base, "--covariates", LALONDE_X, "--variance-neighbors", "0")), "use --variance-neighbors 1 or more");
        refused(run(concat(base, "--covariates", LALONDE_X, "--bias-adjust", "age + educ")),
                "--bias-adjust \"age + educ\": the bias adjustment regresses on the matching covariates only; give --bias-adjust"
                        + " the same variables as --covariates (age + educ + re74 + re75) or leave it out");
        // black and hispan never meet: their product is 0 and is dropped as collinear with the constant
        refused(run(concat(base, "--covariates", "black:hispan")), "--covariates \"black:hispan\" leaves no covariate that varies");
        refused(run(concat(base, "--covariates", LALONDE_X, "--control", "3")), "--control 3 is not a value of treat");
        refused(run(concat(base, "--covariates", LALONDE_X, "--neighbors", "500")), "lower --neighbors");
        // a treatment with three levels
        List<String> lines = Files.readAllLines(TestFiles.reference("lalonde.csv"));
        int column = Arrays.asList(lines.get(0).replace("\"", "").split(",")).indexOf("treat");
        List<String> three = new ArrayList<>(lines);
        String[] first = three.get(1).split(",", -1);
        first[column] = "2";
        three.set(1, String.join(",", first));
        Path file = dir.resolve("lalonde_three_arms.csv");
        Files.write(file, three);
        refused(run("--data", file.toString(), "--outcome", "re78", "--treatment", "treat", "--covariates", LALONDE_X),
                "nnmatch needs a treatment with two levels; treat has 3 (0, 1, 2) among 614 rows: recode it to two levels,"
                        + " or use psmatch, which compares each level with the control");
        // usage errors: exit status 2
        assertEquals(2, run(concat(base, "--covariates", LALONDE_X, "--metric", "mahal")).status());
        assertEquals(2, run(concat(base, "--covariates", LALONDE_X, "--weights", "age")).status());
        assertEquals(2, run(concat(base, "--covariates", LALONDE_X, "--caliper", "0.1")).status());
    }

    @Test
    void refusalsInTheUsersLanguage() {
        String[] args = {"--data", lalonde(), "--outcome", "re78", "--treatment", "treat", "--covariates", LALONDE_X,
                "--neighbors", "0"};
        System.setProperty("synergia.lang", "fr");
        try {
            assertEquals("synergia: l’appariement demande au moins 1 voisin, pas 0 : utilisez --neighbors 1 ou plus\n",
                    run(args).err());
        } finally {
            System.clearProperty("synergia.lang");
        }
    }

    private static void refused(CommandRun r, String expected) {
        assertEquals(1, r.status(), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(r.err().contains(expected), r.err());
    }

    private static String[] concat(String[] base, String... more) {
        List<String> all = new ArrayList<>(Arrays.asList(base));
        all.addAll(Arrays.asList(more));
        return all.toArray(String[]::new);
    }
}
