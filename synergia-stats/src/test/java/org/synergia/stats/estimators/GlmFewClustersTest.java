package org.synergia.stats.estimators;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
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
import org.synergia.stats.fewclusters.ClusteredRegression;
import org.synergia.stats.fewclusters.WildBootstrapResult;
import org.synergia.stats.fewclusters.WildClusterBootstrap;
import org.synergia.stats.formula.Formula;
import org.synergia.stats.formula.ModelFrame;
import org.synergia.stats.formula.ModelMatrix;
import org.synergia.stats.inference.Estimate;
import org.synergia.stats.inference.EstimationResult;
import org.synergia.testdata.TestFiles;

/**
 * {@code glm --vce cr2} and {@code --wild-bootstrap} on the 9 unbalanced clusters of {@code cr2_unbalanced.csv}:
 * the CR2 rows are R clubSandwich 0.5.8's ({@code cr2_clubsandwich.R}, 1e-6), the bootstrap is the library's
 * seeded by the run's seed, and misuse is refused naming the option.
 */
class GlmFewClustersTest {

    private static final GlmEstimator GLM = new GlmEstimator();
    private static final Dataset DATA = DatasetReaders.read(TestFiles.reference("cr2_unbalanced.csv"));

    private static EstimationResult fit(Dataset data, Map<String, String> options) {
        return Estimation.of(data, EstimatorOptions.of(GLM, options), MissingPolicy.DROP).result();
    }

    private static Map<String, String> options(String... pairs) {
        Map<String, String> o = new HashMap<>();
        o.put("model", "y ~ x + treat + z");
        for (int i = 0; i < pairs.length; i += 2) {
            o.put(pairs[i], pairs[i + 1]);
        }
        return o;
    }

    @Test
    void vceCr2ReportsClubSandwichsSeDegreesOfFreedomAndTIntervals() {
        JsonNode ref = TestFiles.referenceJson("cr2_clubsandwich.json").get("unbalanced_weighted");
        EstimationResult r = fit(DATA, options("vce", "cr2", "cluster", "village", "weights", "w"));
        assertEquals("cr2", r.diagnostics().get("vce"));
        Map<?, ?> df = (Map<?, ?>) r.diagnostics().get("cr2_df");
        for (int j = 0; j < 4; j++) {
            Estimate e = r.estimates().get(j);
            assertEquals(ref.get("terms").get(j).asText(), e.name());
            double se = ref.get("se").get(j).asDouble();
            double dof = ref.get("df").get(j).asDouble();
            assertEquals(se, e.se(), 1e-6 * se);
            assertEquals(dof, (Double) df.get(e.name()), 1e-6 * dof);
            assertEquals(ref.get("p").get(j).asDouble(), e.pValue(), 1e-6 * ref.get("p").get(j).asDouble());
            double q = new org.hipparchus.distribution.continuous.TDistribution(dof).inverseCumulativeProbability(0.975);
            assertEquals(e.estimate() + q * e.se(), e.ciHigh(), 1e-9);
        }
    }

    @Test
    void wildBootstrapAddsItsDiagnosticAndKeepsTheAnalyticRows() {
        Map<String, String> o = options("vce", "cluster", "cluster", "village", "wild-bootstrap", "999");
        EstimationResult plain = fit(DATA, options("vce", "cluster", "cluster", "village"));
        EstimationResult r = Estimation.of(DATA, EstimatorOptions.of(GLM, o).withSeed(99), MissingPolicy.DROP).result();
        assertEquals(plain.estimates(), r.estimates());
        @SuppressWarnings("unchecked")
        Map<String, Object> wb = (Map<String, Object>) r.diagnostics().get("wild_bootstrap");
        ModelMatrix m = ModelFrame.of(Formula.parse("y ~ x + treat + z")).withCluster("village").build(DATA);
        WildBootstrapResult expected = WildClusterBootstrap.withDraws(999).withSeed(99)
                .test(ClusteredRegression.of(m.columns(), m.names(), m.response(), null, m.clusters()));
        assertEquals(expected.toDiagnostic(), wb);
        assertEquals(512, wb.get("draws"));
        assertEquals(true, wb.get("enumerated"));
        assertEquals(List.of("with 9 clusters the wild bootstrap used all 512 Rademacher sign vectors instead of 999 random"
                + " draws (full enumeration, as boottest does)"), r.warnings());
        Map<String, String> webb = new HashMap<>(o);
        webb.put("wild-weights", "webb");
        Map<?, ?> w = (Map<?, ?>) fit(DATA, webb).diagnostics().get("wild_bootstrap");
        assertEquals(999, w.get("draws"));
        assertEquals("webb", w.get("weights"));
        assertTrue(((List<?>) w.get("terms")).size() == 4);
    }

    @Test
    void misuseIsRefusedNamingTheOptionAndTheFix() {
        assertEquals("--wild-bootstrap resamples whole clusters: add --cluster C with --vce cluster (or --vce cr2)",
                refusal(options("wild-bootstrap", "999")).getMessage());
        assertEquals("--wild-bootstrap is for linear models (gaussian family, identity link), not binomial with logit: use"
                + " --family gaussian, or remove --wild-bootstrap", refusal(Map.of("model", "treat ~ x", "family", "binomial",
                        "vce", "cluster", "cluster", "village", "wild-bootstrap", "999")).getMessage());
        assertEquals("--vce cr2 is for linear models (gaussian family, identity link), not poisson with log: use --family"
                + " gaussian, or --vce robust or cluster", refusal(Map.of("model", "treat ~ x", "family", "poisson", "link",
                        "log", "vce", "cr2", "cluster", "village")).getMessage());
        assertEquals("--vce cr2 needs --cluster C, the variable identifying clusters", refusal(options("vce", "cr2")).getMessage());
        assertEquals("--wild-bootstrap 10 is too few draws for 95% intervals: use at least 20 (999 or 9999 are usual)",
                refusal(options("vce", "cluster", "cluster", "village", "wild-bootstrap", "10")).getMessage());
        assertEquals("--wild-bootstrap -5 is not a number of draws: give 0 (no bootstrap) or a positive number such as 999",
                refusal(options("vce", "cluster", "cluster", "village", "wild-bootstrap", "-5")).getMessage());
        assertEquals("--wild-weights is used only with --wild-bootstrap B: add --wild-bootstrap or remove --wild-weights",
                refusal(options("vce", "cluster", "cluster", "village", "wild-weights", "webb")).getMessage());
        InputException three = refusal(options("vce", "cluster", "cluster", "region", "wild-bootstrap", "999"));
        assertEquals("with 3 clusters Rademacher weights give only 8 distinct draws, too few for 95% intervals: use"
                + " --wild-weights webb", three.getMessage());
        assertEquals("con 3 conglomerados los pesos de Rademacher dan solo 8 réplicas distintas, muy pocas para intervalos"
                + " al 95 %: use options.wild-weights webb", three.message(Locale.forLanguageTag("es"), n -> "options." + n));
        assertTrue(fit(DATA, options("vce", "cluster", "cluster", "region", "wild-bootstrap", "999", "wild-weights", "webb"))
                .diagnostics().containsKey("wild_bootstrap"));
        Dataset one = withConstant(DATA);
        InputException single = assertThrows(InputException.class,
                () -> fit(one, options("vce", "cluster", "cluster", "one", "wild-bootstrap", "999")));
        assertEquals("--cluster puts every row in one cluster: the wild cluster bootstrap and CR2 need at least two clusters;"
                + " choose a cluster variable with more groups", single.getMessage());
        assertEquals("options.cluster met toutes les lignes dans une seule grappe : le bootstrap sauvage par grappes et CR2 en"
                + " demandent au moins deux ; choisissez une variable de grappes à plus de groupes",
                single.message(Locale.FRENCH, n -> "options." + n));
    }

    private static InputException refusal(Map<String, String> options) {
        return assertThrows(InputException.class, () -> fit(DATA, options));
    }

    private static Dataset withConstant(Dataset data) {
        Map<String, double[]> cols = TestFiles.numericColumns("cr2_unbalanced.csv");
        Dataset.Builder b = Dataset.builder("cr2_unbalanced.csv");
        cols.forEach(b::addNumeric);
        b.addNumeric("one", new double[data.rowCount()]);
        return b.build();
    }
}
