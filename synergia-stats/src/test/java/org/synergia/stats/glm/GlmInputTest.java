package org.synergia.stats.glm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.synergia.data.InputException;
import org.synergia.stats.inference.VarianceType;

/** Bad input and ill-posed models are refused with messages that name the regressor. */
class GlmInputTest {

    static double[] ones(int n) {
        double[] o = new double[n];
        Arrays.fill(o, 1);
        return o;
    }

    static String message(Runnable r) {
        return assertThrows(InputException.class, r::run).getMessage();
    }

    @Test
    void collinearRegressorIsNamed() {
        Lalonde d = Lalonde.load();
        double[] age = d.column("age");
        double[] age2 = Arrays.stream(age).map(a -> 2 * a + 1).toArray();
        String m = message(() -> Glm.withDefaults().fit(new double[][] {ones(age.length), age, age2},
                List.of("(Intercept)", "age", "twice_age"), d.column("treat")));
        assertTrue(m.contains("'twice_age' is collinear with earlier regressors (Intercept), age"), m);
    }

    @Test
    void dummyThatPredictsTheOutcomeIsNamed() {
        double[] y = {0, 0, 1, 1, 0, 1, 1, 0};
        double[] dummy = {0, 0, 0, 1, 0, 1, 1, 0}; // dummy = 1 ⇒ y = 1
        double[] z = {0.3, -1.2, 0.5, 0.1, 2.0, -0.4, 0.9, -0.7};
        String m = message(() -> Glm.withDefaults().fit(new double[][] {ones(8), dummy, z},
                List.of("(Intercept)", "owns_land", "z"), y));
        assertTrue(m.contains("'owns_land' predicts success (1) perfectly when it equals 1 (3 rows)"), m);
    }

    @Test
    void completeSeparationByOneRegressorIsNamed() {
        double[] y = {0, 0, 0, 1, 1, 1};
        double[] x = {1, 2, 3, 4, 5, 6};
        String m = message(() -> Glm.withDefaults().withLink(Link.PROBIT).fit(new double[][] {ones(6), x},
                List.of("(Intercept)", "income"), y));
        assertTrue(m.contains("'income' separates the outcome completely"), m);
    }

    @Test
    void separationByACombinationIsDetectedWhileIterating() {
        // y = 1 exactly when a + b > 0, neither a nor b separates alone
        SplittableRandom rng = new SplittableRandom(7);
        int n = 200;
        double[] a = new double[n];
        double[] b = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            a[i] = rng.nextGaussian();
            b[i] = rng.nextGaussian();
            y[i] = a[i] + b[i] > 0 ? 1 : 0;
        }
        String m = message(() -> Glm.withDefaults().fit(new double[][] {ones(n), a, b}, List.of("(Intercept)", "a", "b"), y));
        assertTrue(m.startsWith("perfect prediction:") && (m.contains("'a'") || m.contains("'b'")), m);
    }

    @Test
    void poissonZeroCellIsNamed() {
        double[] y = {0, 0, 3, 1, 0, 2};
        double[] d = {1, 1, 0, 0, 1, 0};
        String m = message(() -> Glm.withDefaults().withFamily(Family.POISSON).fit(new double[][] {ones(6), d},
                List.of("(Intercept)", "remote"), y));
        assertTrue(m.contains("'remote' predicts a zero count perfectly when it equals 1"), m);
    }

    @Test
    void badValuesAreRefused() {
        double[] x = {1, 2, 3, 4, 5};
        assertTrue(message(() -> Glm.withDefaults().fit(new double[][] {ones(5), x}, List.of("(Intercept)", "x"),
                new double[] {0, 1, 2, 0, 1})).contains("outcome value 2.0 in row 3"));
        assertTrue(message(() -> Glm.withDefaults().withFamily(Family.GAUSSIAN).fit(new double[][] {ones(5),
                {1, 2, Double.NaN, 4, 5}}, List.of("(Intercept)", "x"), x)).contains("'x' is missing or infinite in row 3"));
        assertTrue(message(() -> Glm.withDefaults().withFamily(Family.GAUSSIAN).fit(new double[][] {ones(5), x},
                List.of("(Intercept)", "x"), x, new double[] {1, 1, -1, 1, 1}, null)).contains("row 3 is negative"));
        assertTrue(message(() -> Glm.withDefaults().withFamily(Family.GAUSSIAN).fit(new double[][] {ones(5), x},
                List.of("(Intercept)", "x"), new double[] {1, 3, 2, 5, 4}, new double[] {1, 2, 1, 1, 1}, null))
                .contains("--vce robust"));
        assertTrue(message(() -> Glm.withDefaults().withFamily(Family.GAUSSIAN).withWeights(WeightKind.FREQUENCY)
                .fit(new double[][] {ones(5), x}, List.of("(Intercept)", "x"), x, new double[] {1, 1.5, 1, 1, 1}, null))
                .contains("not a whole number"));
        assertTrue(message(() -> Glm.withDefaults().withFamily(Family.GAUSSIAN).withVariance(VarianceType.CLUSTER)
                .fit(new double[][] {ones(5), x}, List.of("(Intercept)", "x"), new double[] {1, 3, 2, 5, 4}))
                .contains("--cluster"));
        assertTrue(message(() -> Glm.withDefaults().withFamily(Family.POISSON).withLink(Link.PROBIT)
                .fit(new double[][] {ones(5), x}, List.of("(Intercept)", "x"), x)).contains("not supported"));
    }

    @Test
    void olsIsExactInOneStep() {
        double[] x = {1, 2, 3, 4, 5};
        double[] y = {2.1, 3.9, 6.2, 7.8, 10.1};
        GlmFit fit = Glm.withDefaults().withFamily(Family.GAUSSIAN).fit(new double[][] {ones(5), x},
                List.of("(Intercept)", "x"), y);
        // closed form: slope = Sxy/Sxx = 19.9/10, intercept = ybar - slope * xbar
        assertEquals(1.99, fit.coefficients()[1], 1e-13);
        assertEquals(6.02 - 1.99 * 3, fit.coefficients()[0], 1e-13);
    }
}
