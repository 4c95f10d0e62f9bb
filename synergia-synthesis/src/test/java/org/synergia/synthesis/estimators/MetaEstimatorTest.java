package org.synergia.synthesis.estimators;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.synergia.data.Dataset;
import org.synergia.data.InputException;
import org.synergia.data.MissingPolicy;
import org.synergia.data.NumericColumn;
import org.synergia.data.io.DatasetReaders;
import org.synergia.stats.estimator.Estimation;
import org.synergia.stats.estimator.EstimatorOptions;
import org.synergia.stats.inference.Estimate;
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

    private static Path resource(String name) throws URISyntaxException {
        return Path.of(MetaEstimatorTest.class.getResource("/reference/" + name).toURI());
    }

    @Test
    void moderatorsAreAFormulaAsForGlmMatchingMetafor() throws Exception {
        // R 4.2.2 metafor 3.8.1: rma(yi, vi, mods = ~ factor(alloc) + log(ablat + 1), data = dat_bcg_alloc, method = "REML")
        // (reference/meta_formula_moderators.R); estimates to 1e-6, SEs to 1e-4 relative
        Dataset data = DatasetReaders.read(resource("dat_bcg_alloc.csv"));
        List<String[]> ref = Files.readAllLines(resource("meta_formula_moderators.csv")).stream().skip(1)
                .map(l -> l.split(",")).toList();
        EstimationResult r = fit(data, Map.of("effect", "yi", "variance", "vi", "moderators", "factor(alloc) + log(ablat + 1)"));
        Map<String, String> ours = Map.of("intrcpt", "pooled", "factor(alloc)random", "factor(alloc)random",
                "factor(alloc)systematic", "factor(alloc)systematic", "log(ablat + 1)", "log(ablat + 1)");
        for (String[] row : ref) {
            String term = row[0];
            double est = Double.parseDouble(row[1]);
            if (term.equals("tau2")) {
                assertEquals(est, (Double) r.diagnostics().get("tau2"), 1e-6 * est);
                continue;
            }
            Estimate e = r.estimates().stream().filter(x -> x.term().toString().equals(ours.get(term))).findFirst()
                    .orElseThrow(() -> new AssertionError("no term " + ours.get(term) + " in " + r.estimates()));
            double se = Double.parseDouble(row[2]);
            assertEquals(est, e.estimate(), 1e-6 * Math.abs(est), term);
            assertEquals(se, e.se(), 1e-4 * se, term + " se");
        }
    }

    @Test
    void anUnfinishedModeratorFormulaIsRefusedNamingTheOption() {
        Dataset data = DatasetReaders.read(TestFiles.reference("dat_bcg.csv"));
        InputException e = assertThrows(InputException.class,
                () -> fit(data, Map.of("effect", "yi", "variance", "vi", "moderators", "ablat +")));
        assertEquals("--moderators: formula 'ablat +': it ends too early", e.getMessage());
    }

    @Test
    void exactlyOneOfVarianceAndSe() {
        InputException e = assertThrows(InputException.class,
                () -> EstimatorOptions.of(META, Map.of("effect", "yi", "variance", "vi", "se", "vi")));
        assertEquals("meta takes only one of the options 'variance', 'se'", e.getMessage());
    }
}
