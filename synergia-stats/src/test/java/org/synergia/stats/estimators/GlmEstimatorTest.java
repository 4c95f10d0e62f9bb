package org.synergia.stats.estimators;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.synergia.data.Dataset;
import org.synergia.data.InputException;
import org.synergia.data.MissingPolicy;
import org.synergia.data.io.DatasetReaders;
import org.synergia.stats.estimator.Estimation;
import org.synergia.stats.estimator.EstimatorOptions;
import org.synergia.stats.formula.Formula;
import org.synergia.stats.formula.ModelFrame;
import org.synergia.stats.glm.Family;
import org.synergia.stats.glm.Glm;
import org.synergia.stats.glm.Link;
import org.synergia.stats.inference.EstimationResult;
import org.synergia.stats.inference.VarianceType;
import org.synergia.testdata.TestFiles;

/** {@link GlmEstimator} through {@link Estimation} gives exactly the {@link Glm} fit it wraps. */
class GlmEstimatorTest {

    private static final GlmEstimator GLM = new GlmEstimator();

    private static List<Object> parts(EstimationResult r) {
        return List.of(r.method(), r.estimates(), r.n(), r.diagnostics(), r.warnings());
    }

    @Test
    void olsWithFactorsIsTheLibraryFit() {
        Dataset data = DatasetReaders.read(TestFiles.dataset("cattaneo2.dta"));
        String model = "bweight ~ mbsmoke + mage + I(mage^2) + factor(mrace)";
        EstimatorOptions options = EstimatorOptions.of(GLM, Map.of("model", model));
        EstimationResult expected = Glm.withDefaults().withFamily(Family.GAUSSIAN).withVariance(VarianceType.ROBUST)
                .withThreads(options.threads()).fit(ModelFrame.of(Formula.parse(model)).build(data));
        assertEquals(parts(expected), parts(Estimation.of(data, options, MissingPolicy.DROP).result()));
    }

    @Test
    void clusteredLogitIsTheLibraryFit() {
        Dataset data = DatasetReaders.read(TestFiles.reference("lalonde.csv"));
        String model = "treat ~ age + educ + re74";
        EstimatorOptions options = EstimatorOptions.of(GLM, Map.of("model", model, "family", "binomial", "link", "logit",
                "vce", "cluster", "cluster", "educ"));
        EstimationResult expected = Glm.withDefaults().withFamily(Family.BINOMIAL).withVariance(VarianceType.CLUSTER)
                .withThreads(options.threads()).withLink(Link.LOGIT)
                .fit(ModelFrame.of(Formula.parse(model)).withCluster("educ").build(data));
        assertEquals(parts(expected), parts(Estimation.of(data, options, MissingPolicy.DROP).result()));
    }

    @Test
    void clusterAndVceClusterComeTogether() {
        Dataset data = DatasetReaders.read(TestFiles.reference("lalonde.csv"));
        InputException e = assertThrows(InputException.class, () -> Estimation.of(data,
                EstimatorOptions.of(GLM, Map.of("model", "re78 ~ age", "vce", "cluster")), MissingPolicy.DROP));
        assertEquals("--vce cluster needs --cluster C, the variable identifying clusters", e.getMessage());
        assertEquals("options.vce cluster necesita options.cluster C, la variable que identifica los conglomerados",
                e.message(Locale.forLanguageTag("es"), name -> "options." + name));
        InputException alone = assertThrows(InputException.class, () -> Estimation.of(data,
                EstimatorOptions.of(GLM, Map.of("model", "re78 ~ age", "cluster", "educ")), MissingPolicy.DROP));
        assertEquals("--cluster educ is used only with --vce cluster: add --vce cluster or remove --cluster",
                alone.getMessage());
        assertEquals("options.cluster educ ne sert qu’avec options.vce cluster : ajoutez options.vce cluster ou retirez"
                + " options.cluster", alone.message(Locale.FRENCH, name -> "options." + name));
    }
}
