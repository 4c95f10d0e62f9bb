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
import org.synergia.testdata.TestFiles;

/**
 * Against Stata 14 {@code teffects} on {@code datasets/cattaneo2.dta} of synergia-testdata (the values and the
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
        data = DatasetReaders.read(TestFiles.dataset("cattaneo2.dta"));
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

    /**
     * A second specification, Stata 18's printed output ({@code cattaneo2_teffects_stata18.json},
     * 7 significant digits, compared at 1e-6): probit treatment model without the squared age.
     */
    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("stata18")
    void matchesStata18Output(String method, String stataEstimand) throws IOException {
        String treatment = "mbsmoke ~ mmarried + mage + fbaby + medu";
        String outcome = "bweight ~ mmarried + mage + prenatal1 + fbaby";
        Estimand estimand = stataEstimand.equals("ATET") ? Estimand.ATT : Estimand.ATE;
        TreatmentEffectResult r = switch (method) {
            case "ipw_probit" -> Ipw.withDefaults().withLink(Link.PROBIT).withEstimand(estimand)
                    .fit(data, "bweight", treatment);
            case "aipw_probit" -> Aipw.withDefaults().withLink(Link.PROBIT).withEstimand(estimand)
                    .fit(data, outcome, treatment);
            case "ipwra_probit" -> Ipwra.withDefaults().withLink(Link.PROBIT).withEstimand(estimand)
                    .fit(data, outcome, treatment);
            default -> throw new IllegalArgumentException(method);
        };
        JsonNode expected = new ObjectMapper().readTree(TestData.resource("cattaneo2_teffects_stata18.json").toFile())
                .get(method).get(stataEstimand);
        String effect = estimand == Estimand.ATT ? "ATT" : "ATE";
        String what = method + " " + stataEstimand;
        for (String[] f : new String[][] {{"estimate", effect, "estimate"}, {"se", effect, "se"},
                {"pomean0", "POmean:0", "estimate"}, {"pomean0_se", "POmean:0", "se"}}) {
            double e = expected.get(f[0]).asDouble();
            double a = f[2].equals("se") ? r.estimate(f[1]).se() : r.estimate(f[1]).estimate();
            assertEquals(e, a, 1e-6 * Math.abs(e), what + " " + f[0]);
        }
    }

    static Stream<Arguments> stata18() {
        return Stream.of(Arguments.of("ipw_probit", "ATE"), Arguments.of("ipw_probit", "ATET"),
                Arguments.of("aipw_probit", "ATE"), Arguments.of("ipwra_probit", "ATE"),
                Arguments.of("ipwra_probit", "ATET"));
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
