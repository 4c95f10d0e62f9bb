package org.synergia.effects.matching;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.synergia.effects.potentialoutcomes.Estimand;
import org.synergia.testdata.TestFiles;

/**
 * Propensity-score matching on lalonde.csv against R {@code Matching::Match}, on the probability
 * from R's fitted logit (so that the check is of matching and variance, not of the logit).
 */
class PsMatchReferenceTest {

    private static final double EST_TOL = 1e-6;
    private static final double SE_TOL = 1e-4;

    static Stream<Arguments> references() throws IOException {
        JsonNode shared = new ObjectMapper().readTree(
                TestFiles.reference("reference_values.json").toFile())
                .get("lalonde");
        JsonNode local;
        try (InputStream in = PsMatchReferenceTest.class.getResourceAsStream("/reference/matching_lalonde.json")) {
            local = new ObjectMapper().readTree(in);
        }
        // R Matching's default distance.tolerance = 1e-5
        PsMatch ai = PsMatch.withDefaults().withTies(new Ties(Ties.Convention.MATCHING, 1e-5)).withStandardError(PsMatch.StandardError.AI2006);
        PsMatch robust = PsMatch.withDefaults().withTies(new Ties(Ties.Convention.MATCHING, 1e-5))
                .withStandardError(PsMatch.StandardError.AI2006_ROBUST);
        return Stream.of(
                // R 4.2.2 Matching 4.10.8 Match(Y=re78, Tr=treat, X=pscore, estimand="ATT", M=1), Var.calc=0
                Arguments.of("psm_att_m1", ai, shared.get("psm_att_m1"), "se_ai"),
                // same, estimand="ATE"
                Arguments.of("psm_ate_m1", ai.withEstimand(Estimand.ATE), shared.get("psm_ate_m1"), "se_ai"),
                // same, M=3
                Arguments.of("psm_att_m3", ai.withNeighbors(3), shared.get("psm_att_m3"), "se_ai"),
                // same, caliper=0.1 (2 treated dropped)
                Arguments.of("psm_att_caliper", ai.withCaliper(0.1, null), shared.get("psm_att_caliper"), "se_ai"),
                // R 4.2.2 Matching 4.10.8 Match(..., estimand="ATE", M=3), Var.calc=0 (matching_lalonde.R)
                Arguments.of("ate_m3", ai.withEstimand(Estimand.ATE).withNeighbors(3), local.get("ate_m3"), "se"),
                // Match(..., estimand="ATE", M=1, caliper=0.1)
                Arguments.of("ate_caliper", ai.withEstimand(Estimand.ATE).withCaliper(0.1, null), local.get("ate_caliper"),
                        "se"),
                // Match(..., X=linear predictor, estimand="ATT", M=1)
                Arguments.of("att_linear", ai.withScore(PsMatch.Score.LINEAR), local.get("att_linear"), "se"),
                // Match(..., estimand="ATT", M=1, Var.calc=2)
                Arguments.of("att_m1_var2", robust, local.get("att_m1_var2"), "se"),
                // Match(..., estimand="ATE", M=1, Var.calc=2)
                Arguments.of("ate_m1_var2", robust.withEstimand(Estimand.ATE), local.get("ate_m1_var2"), "se"),
                // Match(..., estimand="ATT", M=3, Var.calc=3)
                Arguments.of("att_m3_var3", robust.withNeighbors(3).withVarianceNeighbors(3), local.get("att_m3_var3"),
                        "se"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("references")
    void matchesRMatching(String name, PsMatch settings, JsonNode ref, String seKey) {
        Lalonde l = Lalonde.load();
        MatchingResult r = settings.fitOnScore(l.re78, l.treated, l.rScore(), List.of(Lalonde.COVARIATES),
                l.covariates);
        double est = ref.get("estimate").asDouble();
        assertEquals(est, r.effect().estimate(), Math.abs(est) * EST_TOL, name + " estimate");
        if (seKey != null) {
            double se = ref.get(seKey).asDouble();
            assertEquals(se, r.effect().se(), se * SE_TOL, name + " se");
        }
        if (ref.has("n_dropped") && ref.get("n_dropped").asInt() > 0) {
            assertEquals(ref.get("n_dropped").asInt(), r.diagnostics().get("n_dropped_caliper"));
            assertTrue(r.warnings().stream().anyMatch(w -> w.contains("caliper")), "a warning names the dropped units");
        }
    }
}
