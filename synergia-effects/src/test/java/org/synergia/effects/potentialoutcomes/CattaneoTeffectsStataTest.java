package org.synergia.effects.potentialoutcomes;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.synergia.data.Dataset;
import org.synergia.data.io.DatasetReaders;
import org.synergia.stats.glm.Link;

/**
 * Against Stata 14 {@code teffects} on {@code shared/datasets/cattaneo2.dta} (the values and the
 * Stata commands are in {@code reference/cattaneo2_teffects_stata.json}): RA, IPW, AIPW and IPWRA
 * with a probit treatment model including {@code c.mage##c.mage}, ATE and ATET, the effect and the
 * control potential-outcome mean with their SEs. Stata prints its results to 14 significant
 * digits; estimates are compared at 1e-7 relative and SEs at 1e-6 relative.
 */
class CattaneoTeffectsStataTest {

    private static final String OUTCOME = "bweight ~ prenatal1 + mmarried + mage + fbaby";
    private static final String TREATMENT = "mbsmoke ~ mmarried + mage + I(mage^2) + fbaby + medu";

    private static JsonNode ref;
    private static Dataset data;

    @BeforeAll
    static void load() throws IOException {
        ref = new ObjectMapper().readTree(TestData.resource("cattaneo2_teffects_stata.json").toFile());
        data = DatasetReaders.read(TestData.shared("datasets", "cattaneo2.dta"));
    }

    static Stream<Arguments> models() {
        return Stream.of(
                Arguments.of("ra", "ATE"), Arguments.of("ra", "ATET"),
                Arguments.of("ipw", "ATE"), Arguments.of("ipw", "ATET"),
                Arguments.of("aipw", "ATE"),
                Arguments.of("ipwra", "ATE"), Arguments.of("ipwra", "ATET"));
    }

    private static TreatmentEffectResult fit(String method, Estimand estimand) {
        return switch (method) {
            case "ra" -> Ra.withDefaults().withEstimand(estimand).fit(data, OUTCOME, "mbsmoke");
            case "ipw" -> Ipw.withDefaults().withLink(Link.PROBIT).withEstimand(estimand)
                    .fit(data, "bweight", TREATMENT);
            case "aipw" -> Aipw.withDefaults().withLink(Link.PROBIT).withEstimand(estimand)
                    .fit(data, OUTCOME, TREATMENT);
            case "ipwra" -> Ipwra.withDefaults().withLink(Link.PROBIT).withEstimand(estimand)
                    .fit(data, OUTCOME, TREATMENT);
            default -> throw new IllegalArgumentException(method);
        };
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("models")
    void matchesStata(String method, String stataEstimand) {
        boolean atet = stataEstimand.equals("ATET");
        TreatmentEffectResult r = fit(method, atet ? Estimand.ATT : Estimand.ATE);
        JsonNode expected = ref.get(method).get(stataEstimand);
        String effect = atet ? "ATT" : "ATE";
        String what = method + " " + stataEstimand;
        assertEquals(expected.get("estimate").asDouble(), r.estimate(effect).estimate(),
                1e-7 * Math.abs(expected.get("estimate").asDouble()), what);
        assertEquals(expected.get("se").asDouble(), r.estimate(effect).se(), 1e-6 * expected.get("se").asDouble(), what + " se");
        assertEquals(expected.get("pomean0").asDouble(), r.estimate("POmean:0").estimate(),
                1e-7 * expected.get("pomean0").asDouble(), what + " POmean0");
        assertEquals(expected.get("pomean0_se").asDouble(), r.estimate("POmean:0").se(),
                1e-6 * expected.get("pomean0_se").asDouble(), what + " POmean0 se");
    }
}
