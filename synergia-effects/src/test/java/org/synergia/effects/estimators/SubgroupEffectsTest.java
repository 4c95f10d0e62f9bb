package org.synergia.effects.estimators;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.synergia.data.Dataset;
import org.synergia.data.InputException;
import org.synergia.data.MissingPolicy;
import org.synergia.data.NumericColumn;
import org.synergia.data.io.DatasetReaders;
import org.synergia.stats.estimator.Estimation;
import org.synergia.stats.estimator.Estimator;
import org.synergia.stats.estimator.EstimatorOptions;
import org.synergia.stats.inference.AnnotatedResult;
import org.synergia.stats.inference.Estimate;
import org.synergia.stats.inference.EstimationResult;
import org.synergia.stats.inference.Linearised;
import org.synergia.testdata.TestFiles;

/**
 * {@code --by} on the potential-outcome estimators ({@link SubgroupEffects}) on {@code datasets/cattaneo2.dta} of
 * synergia-testdata: RA's ATE and ATT within each subgroup of {@code mmarried} against base R
 * ({@code reference/subgroups_cattaneo2.R}: arm regressions within the subgroup, 1e-9 relative); every subgroup's
 * estimate and SE equal to the estimator on the subgroup's rows alone; the difference's SE the root of the sum of the
 * two variances (the subgroups share no unit, and here no cluster); with clusters that cross subgroups the joint
 * variance from the influence functions, whose cluster sums reproduce each estimator's own (Stata-tested) variance
 * and make the difference between two identical copies of the data exactly zero; refusals in one line naming the option.
 */
class SubgroupEffectsTest {

    private static final String MODEL = "bweight ~ prenatal1 + mage + fbaby";
    private static Dataset data;
    private static JsonNode ref;

    @BeforeAll
    static void load() throws IOException {
        data = DatasetReaders.read(TestFiles.dataset("cattaneo2.dta"));
        try (InputStream in = SubgroupEffectsTest.class.getResourceAsStream("/reference/subgroups_cattaneo2.json")) {
            ref = new ObjectMapper().readTree(in);
        }
    }

    private static EstimationResult fit(Estimator e, Dataset d, String... pairs) {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            options.put(pairs[i], pairs[i + 1]);
        }
        return Estimation.of(d, EstimatorOptions.of(e, options), MissingPolicy.DROP).result();
    }

    private static Estimate term(EstimationResult r, String name) {
        return r.estimates().stream().filter(e -> e.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no term " + name + " in " + r.estimates()));
    }

    @Test
    void raWithinEachSubgroupMatchesTheArmRegressionsInR() {
        for (String estimand : new String[] {"ate", "att"}) {
            EstimationResult r = fit(new RaEstimator(), data, "outcome-model", MODEL, "treatment", "mbsmoke", "estimand", estimand,
                    "by", "mmarried");
            String name = estimand.toUpperCase();
            for (String g : new String[] {"0", "1"}) {
                double expected = ref.get(g).get(estimand).asDouble();
                assertEquals(expected, term(r, name + "|mmarried=" + g).estimate(), 1e-9 * Math.abs(expected), name + " " + g);
            }
        }
    }

    @Test
    void eachSubgroupIsTheEstimatorOnItsRowsAndTheDifferenceAddsTheVariances() {
        EstimationResult r = fit(new IpwraEstimator(), data, "outcome-model", MODEL, "treatment-model",
                "mbsmoke ~ prenatal1 + mage + fbaby + medu", "by", "mmarried");
        Estimate[] within = new Estimate[2];
        for (int g = 0; g < 2; g++) {
            double level = g;
            int[] rows = java.util.stream.IntStream.range(0, data.rowCount())
                    .filter(i -> data.numeric("mmarried").value(i) == level).toArray();
            EstimationResult alone = fit(new IpwraEstimator(), data.rows(rows), "outcome-model", MODEL, "treatment-model",
                    "mbsmoke ~ prenatal1 + mage + fbaby + medu");
            within[g] = term(r, "ATE|mmarried=" + g);
            assertEquals(term(alone, "ATE").estimate(), within[g].estimate(), 0);
            assertEquals(term(alone, "ATE").se(), within[g].se(), 0);
            assertEquals(term(alone, "POmean:0").estimate(), term(r, "POmean:0|mmarried=" + g).estimate(), 0);
        }
        Estimate diff = term(r, "ATE|mmarried=1 - ATE|mmarried=0");
        assertEquals(within[1].estimate() - within[0].estimate(), diff.estimate(), 1e-9);
        assertEquals(Math.hypot(within[0].se(), within[1].se()), diff.se(), 1e-12);
        assertEquals(4642, r.n());
    }

    @Test
    void matchingWithinSubgroupsIsTheMatchingOfEachSubgroupsRows() {
        String[][] designs = {
            {"psmatch", "treatment-model", "mbsmoke ~ prenatal1 + mage + fbaby + medu", "outcome", "bweight", "estimand", "ate"},
            {"nnmatch", "outcome", "bweight", "treatment", "mbsmoke", "covariates", "mage + medu + fbaby"}};
        for (String[] design : designs) {
            Estimator e = design[0].equals("psmatch") ? new PsmatchEstimator() : new NnmatchEstimator();
            String[] options = java.util.Arrays.copyOfRange(design, 1, design.length);
            String[] by = java.util.Arrays.copyOf(options, options.length + 2);
            by[options.length] = "by";
            by[options.length + 1] = "mmarried";
            EstimationResult r = fit(e, data, by);
            Estimate[] within = new Estimate[2];
            for (int g = 0; g < 2; g++) {
                double level = g;
                int[] rows = java.util.stream.IntStream.range(0, data.rowCount())
                        .filter(i -> data.numeric("mmarried").value(i) == level).toArray();
                Estimate alone = term(fit(e, data.rows(rows), options), "ATE");
                within[g] = term(r, "ATE|mmarried=" + g);
                assertEquals(alone.estimate(), within[g].estimate(), 0, design[0]);
                assertEquals(alone.se(), within[g].se(), 0, design[0]);
            }
            Estimate diff = term(r, "ATE|mmarried=1 - ATE|mmarried=0");
            assertEquals(within[1].estimate() - within[0].estimate(), diff.estimate(), 1e-9);
            assertEquals(Math.hypot(within[0].se(), within[1].se()), diff.se(), 1e-12);
        }
        InputException balance = assertThrows(InputException.class, () -> fit(new PsmatchEstimator(), data, "treatment-model",
                "mbsmoke ~ mage", "outcome", "bweight", "by", "mmarried", "balance", "true"));
        assertTrue(balance.getMessage().contains("--balance") && balance.getMessage().contains("--by"), balance.getMessage());
    }

    /** cattaneo2 with a cluster variable of 50 clusters that cross the subgroups of mmarried. */
    private static Dataset clustered(Dataset d) {
        double[] cluster = new double[d.rowCount()];
        for (int i = 0; i < cluster.length; i++) {
            cluster[i] = i % 50;
        }
        return d.withColumn(NumericColumn.of("village", cluster));
    }

    /** The squared cluster sums (every unit its own cluster when {@code cluster} is null) of an estimate's influence function. */
    private static double sumOfSquaredClusterSums(EstimationResult r, Estimate e, double[] cluster) {
        Linearised l = (Linearised) AnnotatedResult.unwrap(r);
        double[] influence = l.influence(e.term()).orElseThrow();
        int[] rows = l.influenceRows();
        Map<Double, Double> sums = new LinkedHashMap<>();
        for (int j = 0; j < rows.length; j++) {
            sums.merge(cluster == null ? j : cluster[rows[j]], influence[j], Double::sum);
        }
        return sums.values().stream().mapToDouble(v -> v * v).sum();
    }

    @Test
    void theInfluenceFunctionsGiveTheEstimatorsOwnVariance() {
        Dataset d = clustered(data);
        double[] village = d.numeric("village").toDoubleArray();
        for (Estimator e : new Estimator[] {new RaEstimator(), new IpwraEstimator(), new AipwEstimator()}) {
            boolean ra = e instanceof RaEstimator;
            String[] models = {"outcome-model", MODEL, ra ? "treatment" : "treatment-model",
                    ra ? "mbsmoke" : "mbsmoke ~ prenatal1 + mage + fbaby + medu"};
            EstimationResult robust = fit(e, d, models[0], models[1], models[2], models[3]);
            EstimationResult byCluster = fit(e, d, models[0], models[1], models[2], models[3], "cluster", "village");
            for (String name : new String[] {"ATE", "POmean:0"}) {
                Estimate r = term(robust, name);
                Estimate c = term(byCluster, name);
                assertEquals(r.se() * r.se(), sumOfSquaredClusterSums(robust, r, null), 1e-9 * r.se() * r.se(), e.name() + " " + name);
                assertEquals(c.se() * c.se(), sumOfSquaredClusterSums(byCluster, c, village), 1e-9 * c.se() * c.se(),
                        e.name() + " " + name + " clustered");
            }
        }
    }

    @Test
    void withClustersAcrossSubgroupsTheDifferenceHasTheJointVariance() {
        // every unit twice, once in subgroup 0 and once, identical and in the same cluster, in subgroup 1: the two
        // subgroups' estimates are then the same random quantity, and their difference is exactly zero with variance zero
        int n = data.rowCount();
        int[] twice = new int[2 * n];
        double[] copy = new double[2 * n];
        for (int i = 0; i < n; i++) {
            twice[i] = i;
            twice[n + i] = i;
            copy[n + i] = 1;
        }
        Dataset d = clustered(data).rows(twice).withColumn(NumericColumn.of("copy", copy));
        EstimationResult r = fit(new IpwraEstimator(), d, "outcome-model", MODEL, "treatment-model",
                "mbsmoke ~ prenatal1 + mage + fbaby + medu", "by", "copy", "cluster", "village");
        Estimate diff = term(r, "ATE|copy=1 - ATE|copy=0");
        double se = term(r, "ATE|copy=0").se();
        assertEquals(0, diff.estimate(), 1e-9 * se);
        assertEquals(0, diff.se(), 1e-6 * se);
        assertEquals("joint influence functions (clusters cross subgroups: the covariance of their cluster sums)",
                r.diagnostics().get("difference_variance"));
        // clusters crossing real subgroups: each subgroup's estimate is the estimator on its rows with the same clusters,
        // and the difference's variance is theirs less twice the covariance of their cluster sums
        Dataset c = clustered(data);
        EstimationResult joint = fit(new IpwraEstimator(), c, "outcome-model", MODEL, "treatment-model",
                "mbsmoke ~ prenatal1 + mage + fbaby + medu", "by", "mmarried", "cluster", "village");
        Estimate d0 = term(joint, "ATE|mmarried=0");
        Estimate d1 = term(joint, "ATE|mmarried=1");
        Estimate difference = term(joint, "ATE|mmarried=1 - ATE|mmarried=0");
        assertEquals(d1.estimate() - d0.estimate(), difference.estimate(), 1e-9);
        assertTrue(Math.abs(difference.se() - Math.hypot(d0.se(), d1.se())) > 1e-6 * difference.se(),
                "the covariance across shared clusters changes the difference's SE");
    }

    @Test
    void refusalsNameTheOption() {
        InputException continuous = assertThrows(InputException.class, () -> fit(new RaEstimator(), data, "outcome-model", MODEL,
                "treatment", "mbsmoke", "by", "bweight"));
        assertTrue(continuous.getMessage().contains("--by"), continuous.getMessage());
        InputException balance = assertThrows(InputException.class, () -> fit(new IpwEstimator(), data, "outcome", "bweight",
                "treatment-model", "mbsmoke ~ mage", "by", "mmarried", "balance", "true"));
        assertTrue(balance.getMessage().contains("--balance") && balance.getMessage().contains("--by"), balance.getMessage());
    }
}
