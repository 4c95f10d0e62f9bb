package org.synergia.stats.glm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.synergia.data.InputException;
import org.synergia.data.OptionStyle;
import org.synergia.stats.inference.SmallSampleCorrection;
import org.synergia.stats.inference.VarianceType;

/**
 * The variance refusals are typed: one reason each, whether the fit or a later variance of the fit refuses,
 * and they read in Spanish and French with options spelt as a case specification writes them.
 */
class VarianceRefusalTest {

    private static final OptionStyle SPEC = name -> "options." + name;
    private static final double[] X = {1, 2, 3, 4, 5};
    private static final double[] Y = {1, 3, 2, 5, 4};

    private static double[][] design() {
        double[] ones = new double[5];
        Arrays.fill(ones, 1);
        return new double[][] {ones, X};
    }

    @Test
    void samplingWeightsWithTheModelBasedVarianceAreRefusedByTheFitAndByALaterVariance() {
        InputException fit = assertThrows(InputException.class, () -> Glm.withDefaults().withFamily(Family.GAUSSIAN)
                .fit(design(), List.of("(Intercept)", "x"), Y, new double[] {1, 2, 1, 1, 1}, null));
        assertEquals("sampling weights need a robust or cluster-robust variance: use --vce robust or --vce cluster (the"
                + " model-based variance is not valid with sampling weights)", fit.getMessage());
        assertEquals(GlmProblem.SAMPLING_WEIGHTS_NEED_ROBUST_VARIANCE, fit.reason().orElseThrow());
        assertEquals("los pesos muestrales requieren una varianza robusta o robusta por conglomerados: use options.vce"
                + " robust o options.vce cluster (la varianza basada en el modelo no es válida con pesos muestrales)",
                fit.message(Locale.forLanguageTag("es"), SPEC));

        GlmFit robust = Glm.withDefaults().withFamily(Family.GAUSSIAN).withVariance(VarianceType.ROBUST)
                .fit(design(), List.of("(Intercept)", "x"), Y, new double[] {1, 2, 1, 1, 1}, null);
        InputException later = assertThrows(InputException.class,
                () -> robust.variance(VarianceType.OIM, SmallSampleCorrection.NONE, null));
        assertEquals(fit.getMessage(), later.getMessage());
        assertEquals(fit.reason(), later.reason());
    }

    @Test
    void theClusterRobustVarianceWithoutClustersIsRefused() {
        InputException e = assertThrows(InputException.class, () -> Glm.withDefaults().withFamily(Family.GAUSSIAN)
                .withVariance(VarianceType.CLUSTER).fit(design(), List.of("(Intercept)", "x"), Y));
        assertEquals("the cluster-robust variance needs a cluster variable (--cluster)", e.getMessage());
        assertEquals("la variance robuste par grappes demande une variable de grappes (options.cluster)",
                e.message(Locale.FRENCH, SPEC));
        GlmFit ols = Glm.withDefaults().withFamily(Family.GAUSSIAN).fit(design(), List.of("(Intercept)", "x"), Y);
        assertEquals(GlmProblem.CLUSTER_VARIANCE_NEEDS_CLUSTERS, assertThrows(InputException.class,
                () -> ols.variance(VarianceType.CLUSTER, SmallSampleCorrection.NONE, null)).reason().orElseThrow());
    }
}
