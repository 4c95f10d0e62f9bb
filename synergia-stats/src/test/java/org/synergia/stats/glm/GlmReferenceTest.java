package org.synergia.stats.glm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.synergia.stats.inference.Clusters;
import org.synergia.stats.inference.SmallSampleCorrection;
import org.synergia.stats.inference.VarianceType;

/**
 * GLMs on lalonde against R: {@code glm(control = glm.control(epsilon = 1e-14))} and
 * {@code sandwich::vcovHC} / {@code vcovCL} (R 4.2.2, sandwich 3.0-2; script
 * {@code reference/glm_lalonde.R}). Estimates to 1e-8 relative, standard errors to 1e-6.
 */
class GlmReferenceTest {

    static final GlmReference REF = GlmReference.load();
    static final Lalonde DATA = Lalonde.load();
    static final double EST_TOL = 1e-8;
    static final double SE_TOL = 1e-6;

    record Case(String model, Glm glm, String outcome, double[] weights) {
        @Override
        public String toString() {
            return model;
        }
    }

    static Stream<Arguments> cases() {
        Glm base = Glm.withDefaults().withThreads(1);
        return Stream.of(
                Arguments.of(new Case("logit", base, "treat", null)),
                // R's glm and sandwich use the expected information for the probit bread
                Arguments.of(new Case("probit", base.withLink(Link.PROBIT).withInformation(Information.EXPECTED), "treat", null)),
                Arguments.of(new Case("poisson", base.withFamily(Family.POISSON), "re78k", null)),
                Arguments.of(new Case("ols", base.withFamily(Family.GAUSSIAN), "re78", null)));
    }

    static double[] column(String name) {
        return switch (name) {
            case "re78k" -> Arrays.stream(DATA.column("re78")).map(v -> Math.rint(v / 1000)).toArray();
            default -> DATA.column(name);
        };
    }

    static GlmFit fit(String model, Glm glm, String outcome, double[] weights) {
        List<String> terms = REF.terms(model);
        List<String> regressors = terms.subList(1, terms.size());
        return glm.fit(DATA.design(regressors), terms, column(outcome), weights, null);
    }

    static Clusters educ() {
        return Clusters.of(DATA.column("educ"), "educ");
    }

    static void assertClose(Map<String, Double> expected, double[] actual, double tol, String what) {
        List<String> terms = new ArrayList<>(expected.keySet());
        for (int j = 0; j < terms.size(); j++) {
            double e = expected.get(terms.get(j));
            assertEquals(e, actual[j], tol * Math.abs(e), what + " " + terms.get(j));
        }
    }

    static double[] se(double[][] v) {
        double[] s = new double[v.length];
        for (int j = 0; j < s.length; j++) {
            s[j] = Math.sqrt(v[j][j]);
        }
        return s;
    }

    @ParameterizedTest
    @MethodSource("cases")
    void estimatesAndVariancesMatchR(Case c) {
        GlmFit fit = fit(c.model(), c.glm(), c.outcome(), c.weights());
        assertClose(REF.get(c.model(), "coef"), fit.coefficients(), EST_TOL, "coef");
        assertEquals(REF.scalar(c.model(), "loglik"), fit.logLikelihood(), EST_TOL * Math.abs(REF.scalar(c.model(), "loglik")));
        assertEquals(REF.scalar(c.model(), "deviance"), fit.deviance(), EST_TOL * REF.scalar(c.model(), "deviance"));
        assertClose(REF.get(c.model(), "se_model"), fit.standardErrors(), SE_TOL, "OIM se");
        assertClose(REF.get(c.model(), "se_hc0"), se(fit.variance(VarianceType.ROBUST, SmallSampleCorrection.NONE, null)),
                SE_TOL, "HC0 se");
        assertClose(REF.get(c.model(), "se_hc1"), se(fit.variance(VarianceType.ROBUST, SmallSampleCorrection.HC1, null)),
                SE_TOL, "HC1 se");
        assertClose(REF.get(c.model(), "se_cl_hc0"),
                se(fit.variance(VarianceType.CLUSTER, SmallSampleCorrection.CLUSTER, educ())), SE_TOL, "vcovCL HC0 se");
        assertClose(REF.get(c.model(), "se_cl_hc1"),
                se(fit.variance(VarianceType.CLUSTER, SmallSampleCorrection.CR1, educ())), SE_TOL, "vcovCL HC1 (CR1) se");
        double[][] v = fit.variance(VarianceType.CLUSTER, SmallSampleCorrection.CR1, educ());
        double[] flat = Arrays.stream(v).flatMapToDouble(Arrays::stream).toArray();
        // covariances to 1e-6 relative to the product of the standard errors
        Map<String, Double> ref = REF.get(c.model(), "vcov_cl_hc1");
        List<String> keys = new ArrayList<>(ref.keySet());
        int p = v.length;
        for (int t = 0; t < flat.length; t++) {
            double scale = Math.sqrt(v[t / p][t / p] * v[t % p][t % p]);
            assertEquals(ref.get(keys.get(t)), flat[t], SE_TOL * scale, "vcovCL " + keys.get(t));
        }
    }

    @org.junit.jupiter.api.Test
    void samplingWeightsMatchRSandwich() {
        double[] w = Arrays.stream(DATA.column("age")).map(a -> 1 + (a % 3) / 2).toArray();
        GlmFit fit = fit("logit_pw", Glm.withDefaults().withVariance(VarianceType.ROBUST)
                .withCorrection(SmallSampleCorrection.NONE), "treat", w);
        assertClose(REF.get("logit_pw", "coef"), fit.coefficients(), EST_TOL, "coef");
        assertClose(REF.get("logit_pw", "se_hc0"), fit.standardErrors(), SE_TOL, "HC0 se");
        assertClose(REF.get("logit_pw", "se_cl_hc0"),
                se(fit.variance(VarianceType.CLUSTER, SmallSampleCorrection.CLUSTER, educ())), SE_TOL, "cluster se");
    }

    @org.junit.jupiter.api.Test
    void frequencyWeightsMatchTheExpandedData() {
        double[] f = new double[DATA.rows()];
        for (int i = 0; i < f.length; i++) {
            f[i] = 1 + (i + 1) % 3;
        }
        GlmFit fit = fit("logit_fw", Glm.withDefaults().withWeights(WeightKind.FREQUENCY), "treat", f);
        assertClose(REF.get("logit_fw", "coef"), fit.coefficients(), EST_TOL, "coef");
        assertClose(REF.get("logit_fw", "se_model"), fit.standardErrors(), SE_TOL, "OIM se");
        assertClose(REF.get("logit_fw", "se_hc1"), se(fit.variance(VarianceType.ROBUST, SmallSampleCorrection.HC1, null)),
                SE_TOL, "HC1 se");
        double ll = REF.scalar("logit_fw", "loglik");
        assertEquals(ll, fit.logLikelihood(), EST_TOL * Math.abs(ll));
    }
}
