package org.synergia.measures.estimators;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.synergia.data.Dataset;
import org.synergia.data.MissingPolicy;
import org.synergia.data.io.DatasetReaders;
import org.synergia.measures.poverty.PovertyMeasures;
import org.synergia.measures.survey.DesignVariables;
import org.synergia.measures.survey.SurveyDesign;
import org.synergia.measures.survey.SurveyEstimator;
import org.synergia.stats.estimator.Estimation;
import org.synergia.stats.estimator.Estimator;
import org.synergia.stats.estimator.EstimatorOptions;
import org.synergia.stats.inference.EstimationResult;
import org.synergia.testdata.TestFiles;

/**
 * {@link MeanEstimator}, {@link TotalEstimator} and {@link PovertyEstimator} through {@link Estimation}
 * give exactly the {@link SurveyEstimator} and {@link PovertyMeasures} results they wrap, the rows
 * missing the variable a domain of the whole design.
 */
class SurveyEstimatorsTest {

    private static List<Object> parts(EstimationResult r) {
        return List.of(r.method(), r.estimates(), r.n(), r.diagnostics(), r.warnings());
    }

    private static EstimationResult fit(Estimator estimator, Dataset data, Map<String, String> options) {
        return Estimation.of(data, EstimatorOptions.of(estimator, options), MissingPolicy.DROP).result();
    }

    @Test
    void meanWithMissingValuesIsTheDomainMean() {
        Dataset data = DatasetReaders.read(TestFiles.reference("missing/apistrat_missing.csv"));
        boolean[] domain = new boolean[data.rowCount()];
        for (int i = 0; i < domain.length; i++) {
            domain[i] = !data.column("api00").isMissing(i);
        }
        EstimationResult expected = SurveyEstimator.withDefaults().mean(
                new DesignVariables("pw", "stype", null, null, "fpc", null).design(data),
                data.numeric("api00").toDoubleArray(), "api00", domain);
        assertEquals(parts(expected), parts(fit(new MeanEstimator(), data,
                Map.of("variable", "api00", "weights", "pw", "strata", "stype", "fpc", "fpc"))));
    }

    @Test
    void totalByGroupWithClusterAsPsuIsTheLibraryTotal() {
        Dataset data = DatasetReaders.read(TestFiles.reference("apistrat.csv"));
        SurveyDesign design = new DesignVariables("pw", "stype", "cds", null, null, null).design(data);
        List<String> labels = new ArrayList<>();
        int[] group = DesignVariables.codes(data, "stype", labels, null);
        EstimationResult expected = SurveyEstimator.withDefaults().totalByGroup(design,
                data.numeric("enroll").toDoubleArray(), "enroll", group, labels.toArray(String[]::new), null);
        assertEquals(parts(expected), parts(fit(new TotalEstimator(), data,
                Map.of("variable", "enroll", "by", "stype", "weights", "pw", "strata", "stype", "cluster", "cds"))));
    }

    @Test
    void povertyIsTheLibraryFit() {
        Dataset data = DatasetReaders.read(TestFiles.reference("eusilc.csv"));
        SurveyDesign design = new DesignVariables("weight", null, null, null, null, null).design(data);
        double[] y = data.numeric("eq_income").toDoubleArray();
        assertEquals(parts(PovertyMeasures.atLine(10000).fit(design, y, null)),
                parts(fit(new PovertyEstimator(), data, Map.of("variable", "eq_income", "line", "10000", "weights", "weight"))));
        List<String> labels = new ArrayList<>();
        int[] group = DesignVariables.codes(data, "region", labels, null);
        assertEquals(parts(PovertyMeasures.atLine(10000).fitByGroup(design, y, group, labels.toArray(String[]::new), null)),
                parts(fit(new PovertyEstimator(), data,
                        Map.of("variable", "eq_income", "line", "10000", "by", "region", "weights", "weight"))));
    }
}
