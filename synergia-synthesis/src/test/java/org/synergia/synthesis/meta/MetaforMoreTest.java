package org.synergia.synthesis.meta;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.synergia.synthesis.effectsize.EffectSize;
import org.synergia.synthesis.effectsize.EffectSizes;

/**
 * ML, PM, tau² Q-profile interval, prediction interval, Knapp–Hartung meta-regression and escalc
 * effect sizes against R 4.2.2 metafor 3.8-1, computed by src/test/resources/reference/metafor_more.R
 * into metafor_more.csv (BCG data from dat_bcg.csv of synergia-testdata).
 */
class MetaforMoreTest {

    private static final double TOL = 1e-6;
    private static final Map<String, Double> REF = new HashMap<>();
    private static double[] yi;
    private static double[] vi;
    private static double[] ablat;

    @BeforeAll
    static void read() throws IOException, URISyntaxException {
        for (String line : Files.readAllLines(Path.of(MetaforMoreTest.class.getResource("/reference/metafor_more.csv").toURI()))
                .subList(1, 38)) {
            String[] f = line.split(",");
            REF.put(f[0], Double.parseDouble(f[1]));
        }
        BcgData bcg = BcgData.read();
        yi = bcg.yi();
        vi = bcg.vi();
        ablat = bcg.ablat();
    }

    private static void near(String name, double actual) {
        double expected = REF.get(name);
        assertEquals(expected, actual, TOL * Math.abs(expected), name);
    }

    @Test
    void maximumLikelihoodAndPauleMandel() {
        for (Tau2Estimator m : new Tau2Estimator[] {Tau2Estimator.ML, Tau2Estimator.PM}) {
            MetaResult r = MetaAnalysis.withDefaults().withMethod(m).fit(yi, vi);
            near(m + ".estimate", r.estimate());
            near(m + ".se", r.se());
            near(m + ".tau2", r.tau2());
            near(m + ".I2", r.i2());
            near(m + ".H2", r.h2());
        }
    }

    @Test
    void tau2IntervalPredictionIntervalAndQPValue() {
        MetaResult r = MetaAnalysis.withDefaults().fit(yi, vi);
        near("REML.tau2.ci.lb", r.tau2Interval()[0]);
        near("REML.tau2.ci.ub", r.tau2Interval()[1]);
        near("REML.pi.lb", r.predict()[3]);
        near("REML.pi.ub", r.predict()[4]);
        near("REML.Q_p", r.qPValue());
    }

    @Test
    void metaRegressionModeratorTests() {
        MetaResult k = MetaAnalysis.withDefaults().withTest(MetaTest.KNAPP_HARTUNG)
                .fit(yi, vi, new double[][] {ablat}, new String[] {"ablat"});
        near("REML_knha_ablat.intrcpt", k.coefficients()[0]);
        near("REML_knha_ablat.ablat", k.coefficients()[1]);
        near("REML_knha_ablat.se.intrcpt", k.standardErrors()[0]);
        near("REML_knha_ablat.se.ablat", k.standardErrors()[1]);
        near("REML_knha_ablat.QM", (Double) k.diagnostics().get("QM"));
        near("REML_knha_ablat.QMp", (Double) k.diagnostics().get("QM_p"));
        MetaResult z = MetaAnalysis.withDefaults().fit(yi, vi, new double[][] {ablat}, new String[] {"ablat"});
        near("REML_ablat.QM", (Double) z.diagnostics().get("QM"));
        near("REML_ablat.QMp", (Double) z.diagnostics().get("QM_p"));
        near("REML_ablat.QE", z.q());
        near("REML_ablat.I2", z.i2());
    }

    @Test
    void subgroupsByLatitudeAndTheirDifference() {
        String[] group = new String[yi.length];
        for (int i = 0; i < yi.length; i++) {
            group[i] = ablat[i] >= 35 ? "far" : "near";
        }
        SubgroupResult s = MetaAnalysis.withDefaults().subgroups(yi, vi, group);
        near("sub.far.estimate", s.subgroups().get("far").estimate());
        near("sub.far.tau2", s.subgroups().get("far").tau2());
        near("sub.near.estimate", s.subgroups().get("near").estimate());
        near("sub.near.tau2", s.subgroups().get("near").tau2());
        near("sub.Q_between", s.qBetween());
        near("sub.Q_between_p", s.pValue());
        assertEquals(1, s.df());
    }

    @Test
    void effectSizesMatchEscalc() {
        EffectSize smd1 = EffectSizes.controlStandardised(12, 5, 40, 10, 4, 30, EffectSizes.ArmVariances.EQUAL);
        near("SMD1.yi", smd1.estimate());
        near("SMD1.vi", smd1.variance());
        EffectSize smd1h = EffectSizes.controlStandardised(12, 5, 40, 10, 4, 30, EffectSizes.ArmVariances.UNEQUAL);
        near("SMD1H.yi", smd1h.estimate());
        near("SMD1H.vi", smd1h.variance());
        EffectSize rom = EffectSizes.logRatioOfMeans(12, 5, 40, 10, 4, 30);
        near("ROM.yi", rom.estimate());
        near("ROM.vi", rom.variance());
    }
}
