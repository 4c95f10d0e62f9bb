package org.synergia.stats.glm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.synergia.data.InputException;
import org.synergia.stats.inference.Clusters;
import org.synergia.stats.inference.SmallSampleCorrection;
import org.synergia.stats.inference.VarianceType;

class MultinomialLogitTest {

    static final List<String> REGRESSORS = List.of("age", "educ", "married", "nodegree", "re74k");
    static final Lalonde DATA = Lalonde.load();

    static double[][] design() {
        double[][] x = new double[REGRESSORS.size() + 1][];
        x[0] = new double[DATA.rows()];
        Arrays.fill(x[0], 1);
        for (int j = 0; j < REGRESSORS.size(); j++) {
            String r = REGRESSORS.get(j);
            x[j + 1] = r.equals("re74k") ? Arrays.stream(DATA.column("re74")).map(v -> v / 1000).toArray() : DATA.column(r);
        }
        return x;
    }

    static List<String> names() {
        List<String> names = new ArrayList<>();
        names.add("(Intercept)");
        names.addAll(REGRESSORS);
        return names;
    }

    static int[] race() {
        int[] y = new int[DATA.rows()];
        double[] black = DATA.column("black");
        double[] hispan = DATA.column("hispan");
        for (int i = 0; i < y.length; i++) {
            y[i] = black[i] == 1 ? 1 : hispan[i] == 1 ? 2 : 0;
        }
        return y;
    }

    @Test
    void matchesNnetMultinom() {
        // R 4.2.2 nnet 7.3-18 multinom(factor(race) ~ age + educ + married + nodegree + re74k, reltol = 1e-15,
        // Hess = TRUE). nnet stops BFGS short of the exact maximum (its estimates are within 1e-7 standard errors of
        // it; small coefficients differ by up to 1.3e-6 relative), so estimates are compared in SE units (1e-6 SE),
        // standard errors (from its finite-difference Hessian) to 1e-4 relative; the log-likelihood to 1e-10
        GlmReference ref = GlmReference.load();
        MultinomialLogitFit fit = MultinomialLogit.withDefaults().fit(design(), names(), race(), List.of("0", "1", "2"));
        assertEquals(ref.get("mlogit", "coef").keySet().stream().toList(), fit.terms());
        double[] coef = fit.coefficients();
        double[] se = fit.standardErrors();
        List<Double> expected = new ArrayList<>(ref.get("mlogit", "coef").values());
        for (int t = 0; t < coef.length; t++) {
            assertEquals(expected.get(t), coef[t], 1e-6 * se[t], fit.terms().get(t));
        }
        GlmReferenceTest.assertClose(ref.get("mlogit", "se_model"), fit.standardErrors(), 1e-4, "se");
        double ll = ref.scalar("mlogit", "loglik");
        assertEquals(ll, fit.logLikelihood(), 1e-10 * Math.abs(ll));
        double[] score = fit.estimatingFunctions().sum();
        for (double s : score) {
            assertEquals(0, s, 1e-8);
        }
        for (int i = 0; i < 5; i++) {
            assertEquals(1, fit.probability(i, 0) + fit.probability(i, 1) + fit.probability(i, 2), 1e-14);
        }
    }

    @Test
    void twoLevelsEqualTheBinaryLogit() {
        double[][] x = design();
        double[] treat = DATA.column("treat");
        int[] codes = Arrays.stream(treat).mapToInt(v -> (int) v).toArray();
        MultinomialLogitFit m = MultinomialLogit.withDefaults().fit(x, names(), codes, List.of("control", "treated"));
        GlmFit g = Glm.withDefaults().fit(x, names(), treat);
        double[] a = m.coefficients();
        double[] b = g.coefficients();
        double[] sa = m.standardErrors();
        double[] sb = g.standardErrors();
        for (int j = 0; j < a.length; j++) {
            assertEquals(b[j], a[j], 1e-10 * Math.abs(b[j]));
            assertEquals(sb[j], sa[j], 1e-9 * sb[j]);
        }
        assertEquals(g.logLikelihood(), m.logLikelihood(), 1e-10 * Math.abs(g.logLikelihood()));
        assertEquals("treated:age", m.terms().get(1));
        Clusters educ = Clusters.of(DATA.column("educ"), "educ");
        for (VarianceType type : VarianceType.values()) {
            SmallSampleCorrection c = type == VarianceType.CLUSTER
                    ? SmallSampleCorrection.CR1 : SmallSampleCorrection.HC1;
            double[][] vm = m.variance(type, c, educ);
            double[][] vg = g.variance(type, c, educ);
            for (int j = 0; j < a.length; j++) {
                assertEquals(vg[j][j], vm[j][j], 1e-8 * vg[j][j], type + " " + m.terms().get(j));
            }
        }
    }

    @Test
    void baseLevelChangesTheContrastsOnly() {
        MultinomialLogitFit b0 = MultinomialLogit.withDefaults().fit(design(), names(), race(), List.of("0", "1", "2"));
        MultinomialLogitFit b2 = MultinomialLogit.withDefaults().withBase(2)
                .fit(design(), names(), race(), List.of("0", "1", "2"));
        assertEquals(b0.logLikelihood(), b2.logLikelihood(), 1e-10 * Math.abs(b0.logLikelihood()));
        assertEquals(List.of("0:(Intercept)"), b2.terms().subList(0, 1));
        // β_1 - β_2 under base 0 equals β_1 under base 2
        double[] c0 = b0.coefficients();
        double[] c2 = b2.coefficients();
        int p = names().size();
        for (int j = 0; j < p; j++) {
            assertEquals(c0[j] - c0[p + j], c2[p + j], 1e-8 * (1 + Math.abs(c2[p + j])));
        }
    }

    @Test
    void unobservedLevelAndPerfectPredictionAreRefused() {
        InputException e = assertThrows(InputException.class, () -> MultinomialLogit.withDefaults()
                .fit(design(), names(), race(), List.of("0", "1", "2", "3")));
        assertTrue(e.getMessage().contains("'3' is never observed"), e.getMessage());
        // 'black' is a dummy that determines race level 1
        double[][] x = design();
        double[][] withBlack = Arrays.copyOf(x, x.length + 1);
        withBlack[x.length] = DATA.column("black");
        List<String> names = new ArrayList<>(names());
        names.add("black");
        e = assertThrows(InputException.class, () -> MultinomialLogit.withDefaults()
                .fit(withBlack, names, race(), List.of("0", "1", "2")));
        assertTrue(e.getMessage().contains("'black' predicts perfectly"), e.getMessage());
    }
}
