package org.synergia.synthesis.estimators;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.synergia.data.Dataset;
import org.synergia.data.InputException;
import org.synergia.data.MissingPolicy;
import org.synergia.data.NumericColumn;
import org.synergia.data.io.DatasetReaders;
import org.synergia.stats.estimator.Estimation;
import org.synergia.stats.estimator.EstimatorOptions;
import org.synergia.stats.inference.EstimationResult;
import org.synergia.synthesis.meta.MetaAnalysis;
import org.synergia.synthesis.meta.MetaTest;
import org.synergia.synthesis.meta.Tau2Estimator;
import org.synergia.testdata.TestFiles;

/** {@link MetaEstimator} through {@link Estimation} gives exactly the {@link MetaAnalysis} fit it wraps. */
class MetaEstimatorTest {

    private static final MetaEstimator META = new MetaEstimator();

    private static List<Object> parts(EstimationResult r) {
        return List.of(r.method(), r.estimates(), r.n(), r.diagnostics(), r.warnings());
    }

    private static EstimationResult fit(Dataset data, Map<String, String> options) {
        return Estimation.of(data, EstimatorOptions.of(META, options), MissingPolicy.DROP).result();
    }

    @Test
    void remlMetaAnalysisIsTheLibraryFit() {
        Dataset data = DatasetReaders.read(TestFiles.reference("dat_bcg.csv"));
        EstimationResult expected = MetaAnalysis.withDefaults().withMethod(Tau2Estimator.REML).withTest(MetaTest.Z)
                .fit(data.numeric("yi").toDoubleArray(), data.numeric("vi").toDoubleArray(), new double[0][], new String[0]);
        assertEquals(parts(expected), parts(fit(data, Map.of("effect", "yi", "variance", "vi"))));
    }

    @Test
    void knappHartungMetaRegressionFromStandardErrorsIsTheLibraryFit() {
        Dataset data = DatasetReaders.read(TestFiles.reference("dat_bcg.csv"));
        double[] se = data.numeric("vi").toDoubleArray();
        double[] v = new double[se.length];
        for (int i = 0; i < se.length; i++) {
            se[i] = Math.sqrt(se[i]);
            v[i] = se[i] * se[i];
        }
        Dataset withSe = data.withColumn(NumericColumn.of("sei", se));
        EstimationResult expected = MetaAnalysis.withDefaults().withMethod(Tau2Estimator.DL)
                .withTest(MetaTest.KNAPP_HARTUNG).fit(data.numeric("yi").toDoubleArray(), v,
                        new double[][] {data.numeric("ablat").toDoubleArray()}, new String[] {"ablat"});
        assertEquals(parts(expected), parts(fit(withSe,
                Map.of("effect", "yi", "se", "sei", "method", "dl", "test", "knha", "moderators", "ablat"))));
    }

    @Test
    void anEmptyModeratorTermIsRefusedNamingTheOption() {
        Dataset data = DatasetReaders.read(TestFiles.reference("dat_bcg.csv"));
        InputException e = assertThrows(InputException.class,
                () -> fit(data, Map.of("effect", "yi", "variance", "vi", "moderators", "+ ablat")));
        assertEquals("--moderators '+ ablat' has an empty term: write it as \"x1 + x2\"", e.getMessage());
        assertEquals("options.moderators « + ablat » contient un terme vide : écrivez-le sous la forme « x1 + x2 »",
                e.message(Locale.FRENCH, name -> "options." + name));
    }

    @Test
    void exactlyOneOfVarianceAndSe() {
        InputException e = assertThrows(InputException.class,
                () -> EstimatorOptions.of(META, Map.of("effect", "yi", "variance", "vi", "se", "vi")));
        assertEquals("meta takes only one of the options 'variance', 'se'", e.getMessage());
    }
}
