package org.synergia.effects.matching;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.synergia.data.Dataset;
import org.synergia.data.io.DatasetReaders;
import org.synergia.effects.potentialoutcomes.Estimand;
import org.synergia.testdata.TestFiles;

/**
 * Against Stata 18 {@code teffects psmatch} and {@code teffects nnmatch} on
 * {@code datasets/cattaneo2.dta} of synergia-testdata ({@code reference/cattaneo2_teffects_stata18.json}, printed
 * to 7 significant digits, so compared at 1e-6 relative): one neighbour, ties kept (Stata reports up
 * to 16 matches), Mahalanobis distance for nnmatch with AI robust SEs from 2 within-arm neighbours.
 *
 * <p>The psmatch point estimates match; its AI2016 standard errors do not yet (Synergia 28.92 and
 * 30.27 against Stata's 25.89 and 30.55, see docs/methods/matching.md), so they are not asserted.
 */
class CattaneoMatchingStataTest {

    private static final List<String> COVARIATES = List.of("mmarried", "mage", "fage", "medu", "prenatal1");
    private static JsonNode ref;
    private static double[] y;
    private static boolean[] treated;
    private static double[][] covariates;

    @BeforeAll
    static void load() throws IOException {
        ref = new ObjectMapper().readTree(CattaneoMatchingStataTest.class
                .getResource("/reference/cattaneo2_teffects_stata18.json"));
        Dataset d = DatasetReaders.read(TestFiles.dataset("cattaneo2.dta"));
        y = d.numeric("bweight").toDoubleArray();
        double[] t = d.numeric("mbsmoke").toDoubleArray();
        treated = new boolean[t.length];
        for (int i = 0; i < t.length; i++) {
            treated[i] = t[i] == 1;
        }
        covariates = COVARIATES.stream().map(v -> d.numeric(v).toDoubleArray()).toArray(double[][]::new);
    }

    private static void near(JsonNode expected, String field, double actual, String what) {
        double e = expected.get(field).asDouble();
        assertEquals(e, actual, 1e-6 * Math.abs(e), what);
    }

    @Test
    void psmatchMatchesStata() {
        double[][] columns = new double[covariates.length + 1][];
        columns[0] = new double[y.length];
        Arrays.fill(columns[0], 1);
        System.arraycopy(covariates, 0, columns, 1, covariates.length);
        List<String> names = new ArrayList<>(List.of("(Intercept)"));
        names.addAll(COVARIATES);
        MatchingResult ate = PsMatch.withDefaults().withEstimand(Estimand.ATE).fit(y, treated, columns, names);
        near(ref.get("psmatch").get("ATE"), "estimate", ate.effect().estimate(), "psmatch ATE");
        near(ref.get("psmatch").get("ATE"), "se", ate.effect().se(), "psmatch ATE se");
        MatchingResult att = PsMatch.withDefaults().withEstimand(Estimand.ATT).fit(y, treated, columns, names);
        near(ref.get("psmatch").get("ATET"), "estimate", att.effect().estimate(), "psmatch ATET");
        near(ref.get("psmatch").get("ATET"), "se", att.effect().se(), "psmatch ATET se");
    }

    @Test
    void nnmatchMatchesStata() {
        MatchingResult r = NnMatch.withDefaults().withEstimand(Estimand.ATE).fit(y, treated, covariates, COVARIATES);
        near(ref.get("nnmatch").get("ATE"), "estimate", r.effect().estimate(), "nnmatch ATE");
        near(ref.get("nnmatch").get("ATE"), "se", r.effect().se(), "nnmatch ATE se");
    }
}
