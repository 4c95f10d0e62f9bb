package org.synergia.effects.matching;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.synergia.effects.potentialoutcomes.Estimand;

/**
 * R {@code Matching}'s caliper with several neighbours ({@link PsMatch.CaliperRule#ALL}, the default with the AI2006
 * variances) on lalonde.csv, against {@code reference/matching_caliper_rules.json} (made by
 * {@code matching_caliper_rules.R}: R 4.2.2, Matching 4.10.8, on R's fitted score): units without all their M
 * matches inside the caliper dropped, the caliper in the SD with divisor N, the robust variance's same-arm
 * neighbours inside it. Estimates at 1e-6 and SEs at 1e-4 relative, the dropped count exactly.
 */
class CaliperRuleReferenceTest {

    private static final double EST_TOL = 1e-6;
    private static final double SE_TOL = 1e-4;
    private static JsonNode ref;

    @BeforeAll
    static void load() throws IOException {
        try (InputStream in = CaliperRuleReferenceTest.class.getResourceAsStream("/reference/matching_caliper_rules.json")) {
            ref = new ObjectMapper().readTree(in);
        }
    }

    static Stream<Arguments> references() throws IOException {
        load();
        // R's ties: distance.tolerance = 1e-5
        PsMatch iid = PsMatch.withDefaults().withTies(new Ties(Ties.Convention.MATCHING, 1e-5))
                .withStandardError(PsMatch.StandardError.AI2006);
        PsMatch robust = iid.withStandardError(PsMatch.StandardError.AI2006_ROBUST);
        return Stream.of(
                // Match(..., estimand = "ATT", M = 3, caliper = 0.05)
                Arguments.of("att_m3_caliper", iid.withNeighbors(3).withCaliper(0.05, null)),
                // Match(..., estimand = "ATT", M = 3, caliper = 0.05, Var.calc = 2)
                Arguments.of("att_m3_caliper_var2", robust.withNeighbors(3).withVarianceNeighbors(2).withCaliper(0.05, null)),
                // Match(..., estimand = "ATE", M = 2, caliper = 0.1)
                Arguments.of("ate_m2_caliper", iid.withEstimand(Estimand.ATE).withNeighbors(2).withCaliper(0.1, null)),
                // Match(..., estimand = "ATE", M = 2, caliper = 0.1, Var.calc = 3)
                Arguments.of("ate_m2_caliper_var3", robust.withEstimand(Estimand.ATE).withNeighbors(2)
                        .withVarianceNeighbors(3).withCaliper(0.1, PsMatch.CaliperRule.ALL)),
                // Match(..., estimand = "ATT", M = 1, caliper = edge): edge just below the largest nearest distance in
                // SDs with divisor N, so that unit is dropped
                Arguments.of("att_m1_edge", iid.withCaliper(ref.get("edge_caliper").asDouble(), null)));
    }

    private static MatchingResult fit(PsMatch settings) {
        Lalonde l = Lalonde.load();
        return settings.fitOnScore(l.re78, l.treated, l.rScore(), List.of(Lalonde.COVARIATES), l.covariates);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("references")
    void matchesRMatching(String name, PsMatch settings) {
        JsonNode expected = ref.get(name);
        MatchingResult r = fit(settings);
        double est = expected.get("estimate").asDouble();
        assertEquals(est, r.effect().estimate(), Math.abs(est) * EST_TOL, name + " estimate");
        double se = expected.get("se").asDouble();
        assertEquals(se, r.effect().se(), se * SE_TOL, name + " se");
        assertEquals(expected.get("n_dropped").asInt(), r.diagnostics().get("n_dropped_caliper"), name + " dropped");
        assertEquals("all", r.diagnostics().get("caliper_rule"));
    }

    @Test
    void theOtherRuleKeepsUnitsWithSomeMatchesInsideAndMeasuresTheSdWithDivisorNMinusOne() {
        PsMatch iid = PsMatch.withDefaults().withTies(new Ties(Ties.Convention.MATCHING, 1e-5))
                .withStandardError(PsMatch.StandardError.AI2006);
        MatchingResult edge = fit(iid.withCaliper(ref.get("edge_caliper").asDouble(), PsMatch.CaliperRule.ANY));
        assertEquals(0, edge.diagnostics().get("n_dropped_caliper"), "the SD with divisor N - 1 is wider: nobody dropped");
        MatchingResult any = fit(iid.withNeighbors(3).withCaliper(0.05, PsMatch.CaliperRule.ANY));
        assertEquals("any", any.diagnostics().get("caliper_rule"));
        int dropped = (int) any.diagnostics().get("n_dropped_caliper");
        assertNotEquals(ref.get("att_m3_caliper").get("n_dropped").asInt(), dropped, "fewer dropped when one match suffices");
        // ai2016 (Stata's variance) defaults to the rule that keeps units with some matches inside, the AI2006 ones to R's
        PsMatch.Caliper unset = new PsMatch.Caliper(0.05, null);
        assertEquals(PsMatch.CaliperRule.ANY, unset.ruleFor(PsMatch.StandardError.AI2016));
        assertEquals(PsMatch.CaliperRule.ALL, unset.ruleFor(PsMatch.StandardError.AI2006_ROBUST));
    }
}
