package org.synergia.effects.potentialoutcomes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.synergia.data.Dataset;
import org.synergia.data.NumericColumn;
import org.synergia.data.io.DatasetReaders;
import org.synergia.testdata.TestFiles;

/**
 * Covariate balance after IPW ({@code withBalance}) on {@code datasets/cattaneo2.dta} of synergia-testdata:
 * <ul>
 * <li>against Stata's {@code tebalance summarize} log published on Statalist
 *     ({@code reference/tebalance_cattaneo2_stata.json}, with its source and commands): standardised
 *     differences and variance ratios to the 7 digits Stata prints (5e-7 absolute), weighted numbers of
 *     observations to the 0.05 of its one decimal;</li>
 * <li>against base R following the same formulas ({@code reference/tebalance_cattaneo2.R}, its output
 *     {@code tebalance_cattaneo2.json}), for every covariate, the ATT, KS statistics, effective sample sizes
 *     a three-arm treatment (multinomial logit, R {@code nnet::multinom}) and sampling weights (raw columns weighted by
 *     them, adjusted ones by their product with the IPW weights, the treatment model a weighted logit): 1e-6
 *     absolute, the distance of two independent logit fits converged to about 1e-9.</li>
 * </ul>
 */
class BalanceReferenceTest {

    private static final String TREATMENT = "mbsmoke ~ foreign + alcohol + mage + medu + fage + fedu";

    private static Dataset data;
    private static JsonNode stata;
    private static JsonNode r;

    @BeforeAll
    static void load() throws IOException {
        data = DatasetReaders.read(TestFiles.dataset("cattaneo2.dta"));
        stata = new ObjectMapper().readTree(TestData.resource("tebalance_cattaneo2_stata.json").toFile());
        r = new ObjectMapper().readTree(TestData.resource("tebalance_cattaneo2.json").toFile());
    }

    private static Map<String, Object> diagnostics(Estimand estimand) {
        return Ipw.withDefaults().withEstimand(estimand).withBalance(true).fit(data, "bweight", TREATMENT).diagnostics();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> row(Map<String, Object> diagnostics, String contrast, String variable) {
        return ((List<Map<String, Object>>) diagnostics.get("balance")).stream()
                .filter(m -> m.get("contrast").equals(contrast) && m.get("variable").equals(variable)).findFirst()
                .orElseThrow(() -> new AssertionError("no balance row " + contrast + " " + variable));
    }

    @SuppressWarnings("unchecked")
    private static double count(Map<String, Object> balanceN, String kind, String arm) {
        return ((Number) ((Map<String, Object>) balanceN.get(kind)).get(arm)).doubleValue();
    }

    private static double value(Map<String, Object> row, String key) {
        return ((Number) row.get(key)).doubleValue();
    }

    @Test
    @SuppressWarnings("unchecked")
    void ipwAteMatchesTheStataLog() {
        Map<String, Object> d = diagnostics(Estimand.ATE);
        for (JsonNode expected : stata.get("rows")) {
            Map<String, Object> row = row(d, "1vs0", expected.get("variable").asText());
            for (String key : List.of("smd_raw", "smd_adjusted", "vr_raw", "vr_adjusted")) {
                assertEquals(expected.get(key).asDouble(), value(row, key), 5e-7, expected.get("variable").asText() + " " + key);
            }
        }
        Map<String, Object> n = (Map<String, Object>) d.get("balance_n");
        assertEquals(864, count(n, "raw", "treated"));
        assertEquals(3778, count(n, "raw", "control"));
        assertEquals(stata.at("/n/weighted/treated").asDouble(), count(n, "adjusted", "treated"), 0.05);
        assertEquals(stata.at("/n/weighted/control").asDouble(), count(n, "adjusted", "control"), 0.05);
    }

    @Test
    @SuppressWarnings("unchecked")
    void ipwAteAndAttMatchTheFormulasInR() {
        Map<String, Object> support = (Map<String, Object>) diagnostics(Estimand.ATE).get("common_support");
        assertEquals(r.at("/common_support/low").asDouble(), (Double) support.get("low"), 1e-8);
        assertEquals(r.at("/common_support/high").asDouble(), (Double) support.get("high"), 1e-8);
        assertEquals(r.at("/common_support/outside").asInt(), support.get("outside"));
        List<Map<String, Object>> histogram = (List<Map<String, Object>>) diagnostics(Estimand.ATE).get("score_histogram");
        assertEquals(20, histogram.size());
        assertEquals(864, histogram.stream().mapToDouble(b -> (Double) b.get("treated_before")).sum(), 0);
        assertEquals(3778, histogram.stream().mapToDouble(b -> (Double) b.get("control_before")).sum(), 0);
        assertEquals(r.at("/common_support/low").asDouble(), Math.max((Double) histogram.get(0).get("low"),
                r.at("/common_support/low").asDouble()), 0, "the bins start at the lowest score");
        compare(diagnostics(Estimand.ATE), "1vs0", r.get("ate"));
        compare(diagnostics(Estimand.ATT), "1vs0", r.get("att"));
    }

    @Test
    void everyArmAgainstTheControlInAThreeArmDesign() {
        double[] smoke = data.numeric("msmoke").toDoubleArray();
        double[] arm = new double[smoke.length];
        for (int i = 0; i < arm.length; i++) {
            arm[i] = Math.min(smoke[i], 2);
        }
        Dataset three = data.withColumn(NumericColumn.of("arm", arm));
        Map<String, Object> d = Ipw.withDefaults().withBalance(true).fit(three, "bweight", "arm ~ mage + medu + mmarried")
                .diagnostics();
        compare(d, "1vs0", r.get("multi").get(0));
        compare(d, "2vs0", r.get("multi").get(1));
    }

    @SuppressWarnings("unchecked")
    private static void compare(Map<String, Object> d, String contrast, JsonNode expected) {
        for (JsonNode e : expected.get("rows")) {
            Map<String, Object> row = row(d, contrast, e.get("variable").asText());
            for (String key : List.of("smd_raw", "smd_adjusted", "vr_raw", "vr_adjusted", "ks_raw", "ks_adjusted")) {
                assertEquals(e.get(key).asDouble(), value(row, key), 1e-6, contrast + " " + e.get("variable").asText() + " " + key);
            }
        }
        Map<String, Object> all = (Map<String, Object>) d.get("balance_n");
        Map<String, Object> n = all.containsKey(contrast) ? (Map<String, Object>) all.get(contrast) : all;
        String[] arms = {"treated", "control"};
        for (int k = 0; k < 2; k++) {
            assertEquals(expected.get("raw").get(k).asDouble(), count(n, "raw", arms[k]), 0, contrast + " raw n");
            assertEquals(expected.get("adjusted").get(k).asDouble(), count(n, "adjusted", arms[k]), 1e-6 * 4642, contrast + " weighted n");
            assertEquals(expected.get("ess").get(k).asDouble(), count(n, "ess", arms[k]), 1e-6 * 4642, contrast + " ESS");
        }
    }

    @Test
    void flagsTheCovariatesBeyondTheThresholds() {
        Map<String, Object> medu = row(diagnostics(Estimand.ATE), "1vs0", "medu");
        assertTrue((Boolean) medu.get("smd_flag"), "|SMD| 0.133 > 0.1");
        assertTrue((Boolean) medu.get("vr_flag"), "variance ratio 0.453 < 0.5");
        Map<String, Object> alcohol = row(diagnostics(Estimand.ATE), "1vs0", "alcohol");
        assertEquals(false, alcohol.get("smd_flag"));
        assertEquals(false, alcohol.get("vr_flag"));
    }

    @Test
    void samplingWeightsWeightTheRawColumnsAndMultiplyTheAdjustedOnes() {
        double[] s = new double[data.rowCount()];
        for (int i = 0; i < s.length; i++) {
            s[i] = 1 + ((i + 1) % 3) / 2.0;
        }
        Dataset weighted = data.withColumn(NumericColumn.of("sw", s));
        Map<String, Object> d = Ipw.withDefaults().withWeights("sw").withBalance(true).fit(weighted, "bweight", TREATMENT)
                .diagnostics();
        compare(d, "1vs0", r.get("ate_sampling_weights"));
    }
}
