package org.synergia.stats.fewclusters;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.synergia.data.Dataset;
import org.synergia.data.io.DatasetReaders;
import org.synergia.stats.formula.Formula;
import org.synergia.stats.formula.ModelFrame;
import org.synergia.stats.formula.ModelMatrix;
import org.synergia.stats.inference.Estimate;
import org.synergia.stats.inference.Term;
import org.synergia.testdata.TestFiles;

/**
 * CR2 standard errors and Satterthwaite degrees of freedom against R clubSandwich 0.5.8
 * ({@code vcovCR(fit, cluster = village, type = "CR2")}, {@code coef_test(test = "Satterthwaite")}; R 4.2.2,
 * {@code synergia-testdata/.../reference/cr2_clubsandwich.R}) on simulated data with 12 balanced and 9
 * unbalanced clusters, unweighted and weighted (weights varying within clusters and constant within them), and
 * with a regressor constant within clusters. Tolerance 1e-6 relative on SEs, df and p-values.
 */
class Cr2ReferenceTest {

    private static final JsonNode REFERENCE = TestFiles.referenceJson("cr2_clubsandwich.json");

    record Case(String name, String file, String formula, String weights) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Case> cases() {
        return Stream.of(
                new Case("balanced", "cr2_balanced.csv", "y ~ x + treat + z", null),
                new Case("balanced_weighted", "cr2_balanced.csv", "y ~ x + treat + z", "w"),
                new Case("balanced_cluster_weights", "cr2_balanced.csv", "y ~ x + treat + z", "wc"),
                new Case("unbalanced", "cr2_unbalanced.csv", "y ~ x + treat + z", null),
                new Case("unbalanced_weighted", "cr2_unbalanced.csv", "y ~ x + treat + z", "w"),
                new Case("unbalanced_region", "cr2_unbalanced.csv", "y ~ x + treat + factor(region)", null),
                new Case("unbalanced_region_weighted", "cr2_unbalanced.csv", "y ~ x + treat + factor(region)", "w"));
    }

    static ClusteredRegression fit(String file, String formula, String weights) {
        Dataset data = DatasetReaders.read(TestFiles.reference(file));
        ModelMatrix m = ModelFrame.of(Formula.parse(formula)).withWeights(weights).withCluster("village").build(data);
        return ClusteredRegression.of(m.columns(), m.names(), m.response(), m.weights(), m.clusters());
    }

    @ParameterizedTest
    @MethodSource("cases")
    void cr2AndItsDegreesOfFreedomAreClubSandwichs(Case c) {
        JsonNode ref = REFERENCE.get(c.name());
        ClusteredRegression m = fit(c.file(), c.formula(), c.weights());
        Cr2 cr2 = Cr2.of(m);
        List<Term> terms = m.names().stream().map(Term::named).toList();
        List<Estimate> rows = cr2.estimates(terms, 0.95);
        double[] cr1 = se(m.cr1Variance());
        for (int j = 0; j < m.parameters(); j++) {
            assertEquals(ref.get("terms").get(j).asText(), m.names().get(j), c.name());
            close(ref.get("beta").get(j).asDouble(), m.coefficients()[j], 1e-9, c + " beta " + j);
            close(ref.get("se").get(j).asDouble(), cr2.standardErrors()[j], 1e-6, c + " se " + j);
            close(ref.get("df").get(j).asDouble(), cr2.degreesOfFreedom()[j], 1e-6, c + " df " + j);
            close(ref.get("p").get(j).asDouble(), rows.get(j).pValue(), 1e-6, c + " p " + j);
            close(ref.get("se_cr1").get(j).asDouble(), cr1[j], 1e-6, c + " CR1 se " + j);
        }
    }

    private static double[] se(double[][] v) {
        double[] se = new double[v.length];
        for (int j = 0; j < v.length; j++) {
            se[j] = Math.sqrt(v[j][j]);
        }
        return se;
    }

    static void close(double expected, double actual, double relative, String what) {
        assertEquals(expected, actual, relative * Math.max(Math.abs(expected), 1e-300), what);
    }
}
