package org.synergia.synthesis.meta;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.synergia.testdata.TestFiles;

class MetaAnalysisTest {

    private static final double TOL = 1e-6;
    private static JsonNode ref;
    private static double[] yi;
    private static double[] vi;
    private static double[] ablat;

    @BeforeAll
    static void readBcg() throws IOException {
        ref = TestFiles.referenceJson("reference_values.json").get("bcg_meta");
        BcgData bcg = BcgData.read();
        yi = bcg.yi();
        vi = bcg.vi();
        ablat = bcg.ablat();
    }

    private static void assertRel(double expected, double actual) {
        assertEquals(expected, actual, TOL * Math.max(1, Math.abs(expected)));
    }

    private static void check(JsonNode r, MetaResult m) {
        assertRel(r.get("estimate").asDouble(), m.estimate());
        assertRel(r.get("se").asDouble(), m.se());
        assertRel(r.at("/ci/0").asDouble(), m.estimates().get(0).ciLow());
        assertRel(r.at("/ci/1").asDouble(), m.estimates().get(0).ciHigh());
        assertRel(r.get("tau2").asDouble(), m.tau2());
        assertRel(r.get("I2").asDouble(), m.i2());
        assertRel(r.get("H2").asDouble(), m.h2());
        assertRel(r.get("Q").asDouble(), m.q());
    }

    // R metafor 3.8-1: rma(yi, vi, data = dat.bcg, method = "REML" | "DL" | "FE"), test = "knha";
    // rma(yi, vi, mods = ~ ablat) (reference_values.json -> bcg_meta)
    @Test
    void remlMatchesMetafor() {
        check(ref.get("REML"), MetaAnalysis.withDefaults().fit(yi, vi));
    }

    @Test
    void derSimonianLairdMatchesMetafor() {
        check(ref.get("DL"), MetaAnalysis.withDefaults().withMethod(Tau2Estimator.DL).fit(yi, vi));
    }

    @Test
    void fixedEffectMatchesMetafor() {
        check(ref.get("FE"), MetaAnalysis.withDefaults().withMethod(Tau2Estimator.FE).fit(yi, vi));
    }

    @Test
    void knappHartungMatchesMetafor() {
        check(ref.get("REML_knha"), MetaAnalysis.withDefaults().withTest(MetaTest.KNAPP_HARTUNG).fit(yi, vi));
    }

    @Test
    void metaRegressionOnLatitudeMatchesMetafor() {
        JsonNode r = ref.get("metareg_ablat");
        MetaResult m = MetaAnalysis.withDefaults().fit(yi, vi, new double[][] {ablat}, new String[] {"ablat"});
        assertRel(r.at("/coef/intrcpt").asDouble(), m.coefficients()[0]);
        assertRel(r.at("/coef/ablat").asDouble(), m.coefficients()[1]);
        assertRel(r.at("/se/0").asDouble(), m.standardErrors()[0]);
        assertRel(r.at("/se/1").asDouble(), m.standardErrors()[1]);
        assertRel(r.get("tau2").asDouble(), m.tau2());
        assertEquals("ablat", m.estimates().get(1).name());
    }

    @Test
    void pauleMandelSetsGeneralisedQToItsDegreesOfFreedom() {
        MetaResult m = MetaAnalysis.withDefaults().withMethod(Tau2Estimator.PM).fit(yi, vi);
        assertEquals(yi.length - 1, new WeightedFit(yi, vi, intercept(yi.length), m.tau2()).q, 1e-9);
    }

    @Test
    void fewStudiesWithZTestsWarn() {
        double[] y = {0.1, 0.3, 0.2};
        double[] v = {0.01, 0.02, 0.015};
        assertFalse(MetaAnalysis.withDefaults().fit(y, v).warnings().isEmpty());
        assertTrue(MetaAnalysis.withDefaults().withTest(MetaTest.KNAPP_HARTUNG).fit(y, v).warnings().isEmpty());
    }

    @Test
    void qProfileIntervalBracketsTau2() {
        MetaResult m = MetaAnalysis.withDefaults().fit(yi, vi);
        double[] ci = m.tau2Interval();
        assertTrue(ci[0] < m.tau2() && m.tau2() < ci[1]);
        double[] pred = m.predict();
        assertTrue(pred[3] < pred[1] && pred[4] > pred[2]);
    }

    private static double[][] intercept(int k) {
        double[][] x = new double[k][1];
        for (double[] row : x) {
            row[0] = 1;
        }
        return x;
    }
}
