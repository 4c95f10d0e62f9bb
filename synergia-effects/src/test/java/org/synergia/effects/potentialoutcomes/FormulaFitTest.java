package org.synergia.effects.potentialoutcomes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.synergia.data.Dataset;
import org.synergia.data.InputException;
import org.synergia.data.io.DatasetReaders;
import org.synergia.stats.inference.Estimate;
import org.synergia.testdata.TestFiles;

/** The dataset-and-formula entry point gives what the arrays give, and handles missing values. */
class FormulaFitTest {

    private static final String COVARIATES = "age + educ + black + hispan + married + nodegree + re74 + re75";
    private static final Dataset LALONDE = DatasetReaders.read(TestFiles.reference("lalonde.csv"));

    private static void same(TreatmentEffectResult expected, TreatmentEffectResult actual) {
        assertEquals(expected.estimates().size(), actual.estimates().size());
        for (int j = 0; j < expected.estimates().size(); j++) {
            Estimate a = expected.estimates().get(j);
            Estimate b = actual.estimates().get(j);
            assertEquals(a.term(), b.term());
            assertEquals(a.estimate(), b.estimate(), 1e-10 * Math.abs(a.estimate()), a.name());
            assertEquals(a.se(), b.se(), 1e-10 * a.se(), a.name());
        }
    }

    @Test
    void formulasGiveTheArraysResults() {
        TreatmentData arrays = TestData.lalonde();
        same(Ipwra.withDefaults().fit(arrays),
                Ipwra.withDefaults().fit(LALONDE, "re78 ~ " + COVARIATES, "treat ~ " + COVARIATES));
        same(Ipw.withDefaults().withEstimand(Estimand.ATT).fit(arrays),
                Ipw.withDefaults().withEstimand(Estimand.ATT).fit(LALONDE, "re78", "treat ~ " + COVARIATES));
        same(Ra.withDefaults().fit(arrays), Ra.withDefaults().fit(LALONDE, "re78 ~ " + COVARIATES, "treat"));
    }

    @Test
    void weightsAndClustersByName() {
        TreatmentData arrays = TestData.lalonde();
        int n = arrays.size();
        double[] w = new double[n];
        double[] g = new double[n];
        int[] codes = new int[n];
        for (int i = 0; i < n; i++) {
            w[i] = 1 + 0.25 * (i % 4);
            codes[i] = i % 30;
            g[i] = codes[i];
        }
        Dataset data = LALONDE.withColumn(org.synergia.data.NumericColumn.of("w", w))
                .withColumn(org.synergia.data.NumericColumn.of("village", g));
        same(Aipw.withDefaults().fit(arrays.withWeights(w).withClusters(codes)),
                Aipw.withDefaults().withWeights("w").withCluster("village")
                        .fit(data, "re78 ~ " + COVARIATES, "treat ~ " + COVARIATES));
    }

    @Test
    void rowsMissingInEitherModelAreLeftOutAndCounted() {
        double[] educ = LALONDE.numeric("educ").toDoubleArray();
        educ[4] = Double.NaN;
        educ[40] = Double.NaN;
        double[] re78 = LALONDE.numeric("re78").toDoubleArray();
        re78[100] = Double.NaN;
        Dataset data = LALONDE.withColumn(org.synergia.data.NumericColumn.of("educ", educ))
                .withColumn(org.synergia.data.NumericColumn.of("re78", re78));
        TreatmentEffectResult r = Ipwra.withDefaults().fit(data, "re78 ~ age + re74", "treat ~ age + educ + re74");
        assertEquals(611, r.n());
        assertTrue(r.warnings().get(0).startsWith("3 of 614 rows have a missing value"), r.warnings().toString());
    }

    @Test
    void unknownVariableIsNamed() {
        InputException e = assertThrows(InputException.class,
                () -> Ipwra.withDefaults().fit(LALONDE, "re78 ~ age", "treat ~ age + income"));
        assertTrue(e.getMessage().contains("income"), e.getMessage());
    }
}
