package org.synergia.effects.potentialoutcomes;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.synergia.testdata.TestFiles;

/**
 * Against {@code synergia-testdata reference/lalonde_teffects.json}: statsmodels {@code TreatmentEffect}
 * (Stata teffects conventions), logit treatment model and linear outcome models on the eight
 * covariates, lalonde.csv.
 *
 * <p>RA and the IPWRA point estimates are compared at 1e-5 (estimates) and 1e-4 (SEs). The file's
 * IPW and AIPW numbers carry two artefacts of statsmodels 0.15, shown with statsmodels' own code by
 * {@code reference/lalonde_teffects_statsmodels.py}: its GMM moment conditions clip the score to
 * [0.01, 0.99] (lalonde has controls below 0.01) and it reports where a Nelder–Mead run stops, and
 * its moment Jacobian uses an absolute finite-difference step of 1e-4, far too large for the
 * coefficients of re74 and re75 (about 1e-5), which inflates the IPW ATE SE from 876.2 to 1005.2.
 * Those IPW and AIPW values are checked here against statsmodels' own moment conditions at the
 * exact root with a relative step (the script's {@code exact_root}), at the tolerances; the
 * script's {@code reported} values are checked to be the file's, so the two files are tied. That
 * these are Stata's conventions is shown on cattaneo2 in {@link CattaneoTeffectsStataTest}.
 */
class LalondeTeffectsTest {

    private static JsonNode ref;
    private static TreatmentData data;

    @BeforeAll
    static void load() throws IOException {
        ref = TestFiles.referenceJson("lalonde_teffects.json");
        data = TestData.lalonde();
    }

    private static void near(double expected, double actual, double rel, String what) {
        assertEquals(expected, actual, rel * Math.abs(expected), what);
    }

    @Test
    void regressionAdjustmentMatchesStatsmodels() {
        // statsmodels TreatmentEffect.ra(): ATE, POM0 and their HC0 stacked-GMM SEs
        TreatmentEffectResult ate = Ra.withDefaults().fit(data);
        JsonNode r = ref.get("ra").get("ATE");
        near(r.get("estimate").asDouble(), ate.estimate("ATE").estimate(), 1e-5, "RA ATE");
        near(r.get("se").asDouble(), ate.estimate("ATE").se(), 1e-4, "RA ATE se");
        near(r.get("pomean0").asDouble(), ate.estimate("POmean:0").estimate(), 1e-5, "RA POmean0");
        near(r.get("pomean0_se").asDouble(), ate.estimate("POmean:0").se(), 1e-4, "RA POmean0 se");
        // statsmodels TreatmentEffect.ra(effect_group=1): ATET
        TreatmentEffectResult att = Ra.withDefaults().withEstimand(Estimand.ATT).fit(data);
        JsonNode t = ref.get("ra").get("ATET");
        near(t.get("estimate").asDouble(), att.estimate("ATT").estimate(), 1e-5, "RA ATT");
        near(t.get("se").asDouble(), att.estimate("ATT").se(), 1e-4, "RA ATT se");
    }

    @Test
    void ipwraPointEstimatesMatchStatsmodels() {
        // statsmodels TreatmentEffect.ipw_ra(return_results=False), effect_group "all" and 1
        TreatmentEffectResult ate = Ipwra.withDefaults().fit(data);
        JsonNode r = ref.get("ipwra").get("ATE");
        near(r.get("estimate").asDouble(), ate.estimate("ATE").estimate(), 1e-5, "IPWRA ATE");
        near(r.get("pomean0").asDouble(), ate.estimate("POmean:0").estimate(), 1e-5, "IPWRA POmean0");
        TreatmentEffectResult att = Ipwra.withDefaults().withEstimand(Estimand.ATT).fit(data);
        near(ref.get("ipwra").get("ATET").get("estimate").asDouble(), att.estimate("ATT").estimate(), 1e-5, "IPWRA ATT");
    }

    @Test
    void ipwAndAipwMatchStatsmodelsMomentConditionsAtTheExactRoot() throws IOException {
        JsonNode exact = new ObjectMapper().readTree(TestData.resource("lalonde_teffects_statsmodels.json").toFile());
        // the script reproduces the reference file with statsmodels' own TreatmentEffect (to 1e-5: where
        // Nelder–Mead stops varies slightly between statsmodels versions; the artefacts are 3e-4 and 15%)
        for (String[] pair : new String[][] {{"ipw_ate", "ipw", "ATE"}, {"ipw_atet", "ipw", "ATET"}, {"aipw_ate", "aipw", "ATE"}}) {
            JsonNode reported = exact.get(pair[0]).get("reported");
            JsonNode file = ref.get(pair[1]).get(pair[2]);
            near(file.get("estimate").asDouble(), reported.get("estimate").asDouble(), 1e-5, pair[0] + " reported");
            near(file.get("se").asDouble(), reported.get("se").asDouble(), 1e-5, pair[0] + " reported se");
        }
        matches(exact.get("ipw_ate").get("exact_root"), Ipw.withDefaults().fit(data), "ATE", "IPW ATE");
        matches(exact.get("ipw_atet").get("exact_root"), Ipw.withDefaults().withEstimand(Estimand.ATT).fit(data), "ATT",
                "IPW ATT");
        matches(exact.get("aipw_ate").get("exact_root"), Aipw.withDefaults().fit(data), "ATE", "AIPW ATE");
    }

    private static void matches(JsonNode expected, TreatmentEffectResult r, String effect, String what) {
        near(expected.get("estimate").asDouble(), r.estimate(effect).estimate(), 1e-5, what);
        near(expected.get("se").asDouble(), r.estimate(effect).se(), 1e-4, what + " se");
        near(expected.get("pomean0").asDouble(), r.estimate("POmean:0").estimate(), 1e-5, what + " POmean0");
        near(expected.get("pomean0_se").asDouble(), r.estimate("POmean:0").se(), 1e-4, what + " POmean0 se");
    }
}
