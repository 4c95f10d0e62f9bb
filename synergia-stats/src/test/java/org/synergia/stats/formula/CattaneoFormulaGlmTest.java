package org.synergia.stats.formula;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.synergia.data.Dataset;
import org.synergia.data.io.DatasetReaders;
import org.synergia.stats.glm.Family;
import org.synergia.stats.glm.Glm;
import org.synergia.stats.glm.GlmFit;
import org.synergia.stats.glm.GlmReference;
import org.synergia.stats.glm.Information;
import org.synergia.stats.glm.Link;
import org.synergia.stats.inference.SmallSampleCorrection;
import org.synergia.stats.inference.VarianceType;
import org.synergia.testdata.TestFiles;

/**
 * Formulas with factors, interactions, {@code I()}, no intercept and a collinear column, on the
 * cattaneo2.dta of synergia-testdata, against R 4.2.2 {@code glm} + sandwich 3.0-2 (script
 * {@code reference/glm_cattaneo2.R}): term names exactly, estimates to 1e-8, standard errors to 1e-6.
 */
class CattaneoFormulaGlmTest {

    static final GlmReference REF = GlmReference.load("glm_cattaneo2.csv");
    static Dataset data;

    @BeforeAll
    static void read() {
        data = DatasetReaders.read(TestFiles.dataset("cattaneo2.dta"));
    }

    static Stream<Arguments> models() {
        Glm base = Glm.withDefaults().withThreads(1);
        return Stream.of(
                Arguments.of("ols", "bweight ~ mage + I(mage^2) + factor(msmoke) + mbsmoke:mage + mmarried*fbaby"
                        + " + factor(prenatal):medu", base.withFamily(Family.GAUSSIAN)),
                Arguments.of("logit_noint", "mbsmoke ~ 0 + factor(prenatal) + mage + I(mage^2) + mmarried + fbaby + medu", base),
                Arguments.of("poisson", "nprenatal ~ mage + medu + factor(msmoke) + mmarried:fbaby", base.withFamily(Family.POISSON)),
                Arguments.of("probit_collinear", "lbweight ~ mage + factor(msmoke) + mbsmoke + mmarried",
                        base.withLink(Link.PROBIT).withInformation(Information.EXPECTED)));
    }

    static void assertClose(Map<String, Double> expected, List<String> names, double[] actual, double tol, String what) {
        for (int j = 0; j < names.size(); j++) {
            double e = expected.get(names.get(j));
            assertEquals(e, actual[j], tol * Math.abs(e), what + " " + names.get(j));
        }
    }

    static double[] se(double[][] v) {
        double[] s = new double[v.length];
        for (int j = 0; j < s.length; j++) {
            s[j] = Math.sqrt(v[j][j]);
        }
        return s;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("models")
    void matchesR(String model, String formula, Glm glm) {
        ModelMatrix m = ModelFrame.of(Formula.parse(formula)).withCluster("birthmonth").build(data);
        List<String> rNames = new ArrayList<>();
        List<String> aliased = new ArrayList<>();
        REF.get(model, "coef").forEach((term, value) -> (Double.isNaN(value) ? aliased : rNames).add(term));
        assertEquals(rNames, m.names());
        assertEquals(aliased, m.dropped());
        assertEquals((int) REF.scalar(model, "nobs"), m.rowCount());
        GlmFit fit = glm.fit(m.columns(), m.names(), m.response(), null, m.clusters());
        assertClose(REF.get(model, "coef"), m.names(), fit.coefficients(), 1e-8, "coef");
        double ll = REF.scalar(model, "loglik");
        assertEquals(ll, fit.logLikelihood(), 1e-8 * Math.abs(ll));
        assertClose(REF.get(model, "se_model"), m.names(), fit.standardErrors(), 1e-6, "se");
        assertClose(REF.get(model, "se_hc0"), m.names(), se(fit.variance(VarianceType.ROBUST, SmallSampleCorrection.NONE, null)),
                1e-6, "HC0");
        assertClose(REF.get(model, "se_hc1"), m.names(), se(fit.variance(VarianceType.ROBUST, SmallSampleCorrection.HC1, null)),
                1e-6, "HC1");
        assertClose(REF.get(model, "se_cl_hc0"), m.names(),
                se(fit.variance(VarianceType.CLUSTER, SmallSampleCorrection.CLUSTER, m.clusters())), 1e-6, "vcovCL HC0");
        assertClose(REF.get(model, "se_cl_hc1"), m.names(),
                se(fit.variance(VarianceType.CLUSTER, SmallSampleCorrection.CR1, m.clusters())), 1e-6, "vcovCL HC1");
    }
}
