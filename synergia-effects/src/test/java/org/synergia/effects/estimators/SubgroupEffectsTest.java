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

    /** The options followed by more name-value pairs. */
    private static String[] with(String[] options, String... more) {
        String[] all = java.util.Arrays.copyOf(options, options.length + more.length);
        System.arraycopy(more, 0, all, options.length, more.length);
        return all;
    }

    /** The rows where the variable takes the level. */
    private static int[] rowsOf(Dataset d, String variable, double level) {
        return java.util.stream.IntStream.range(0, d.rowCount()).filter(i -> d.numeric(variable).value(i) == level).toArray();
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
            int[] rows = rowsOf(data, "mmarried", g);
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
            String[] by = with(options, "by", "mmarried");
            EstimationResult r = fit(e, data, by);
            Estimate[] within = new Estimate[2];
            for (int g = 0; g < 2; g++) {
                int[] rows = rowsOf(data, "mmarried", g);
                Estimate alone = term(fit(e, data.rows(rows), options), "ATE");
                within[g] = term(r, "ATE|mmarried=" + g);
                assertEquals(alone.estimate(), within[g].estimate(), 0, design[0]);
                assertEquals(alone.se(), within[g].se(), 0, design[0]);
            }
            Estimate diff = term(r, "ATE|mmarried=1 - ATE|mmarried=0");
            assertEquals(within[1].estimate() - within[0].estimate(), diff.estimate(), 1e-9);
            assertEquals(Math.hypot(within[0].se(), within[1].se()), diff.se(), 1e-12);
        }
        InputException plot = assertThrows(InputException.class, () -> fit(new PsmatchEstimator(), data, "treatment-model",
                "mbsmoke ~ mage", "outcome", "bweight", "by", "mmarried", "love-plot", "plot.svg"));
        assertTrue(plot.getMessage().contains("--love-plot") && plot.getMessage().contains("--by"), plot.getMessage());
    }

    /**
     * A simulated two-period panel (600 units in 60 villages, subgroup {@code g} by unit, crossing the villages) and a
     * sharp RD (1,500 units), for the estimators without influence functions in the result.
     */
    private static Dataset panel() {
        java.util.SplittableRandom rng = new java.util.SplittableRandom(7);
        int units = 600;
        Dataset.Builder b = Dataset.builder("panel");
        double[] id = new double[2 * units];
        double[] t = new double[2 * units];
        double[] d = new double[2 * units];
        double[] y = new double[2 * units];
        double[] x = new double[2 * units];
        double[] g = new double[2 * units];
        double[] village = new double[2 * units];
        for (int u = 0; u < units; u++) {
            double xu = rng.nextGaussian();
            double du = rng.nextDouble() < 0.4 + 0.1 * Math.signum(xu) ? 1 : 0;
            double gu = rng.nextInt(2);
            double base = 1 + 0.5 * xu + rng.nextGaussian();
            for (int p = 0; p < 2; p++) {
                int r = 2 * u + p;
                id[r] = u;
                t[r] = p;
                d[r] = du;
                x[r] = xu;
                g[r] = gu;
                village[r] = u % 60;
                y[r] = base + 0.3 * p + (1 + gu) * du * p + rng.nextGaussian();
            }
        }
        return b.addNumeric("id", id).addNumeric("t", t).addNumeric("d", d).addNumeric("y", y).addNumeric("x", x)
                .addNumeric("g", g).addNumeric("village", village).build();
    }

    private static Dataset discontinuity() {
        java.util.SplittableRandom rng = new java.util.SplittableRandom(11);
        int n = 1500;
        double[] score = new double[n];
        double[] y = new double[n];
        double[] g = new double[n];
        double[] village = new double[n];
        for (int i = 0; i < n; i++) {
            score[i] = 2 * rng.nextDouble() - 1;
            g[i] = rng.nextInt(2);
            village[i] = i % 40;
            y[i] = 0.5 * score[i] + (score[i] >= 0 ? 1 + g[i] : 0) + 0.5 * rng.nextGaussian();
        }
        return Dataset.builder("rd").addNumeric("score", score).addNumeric("y", y).addNumeric("g", g)
                .addNumeric("village", village).build();
    }

    @Test
    void didAndRdWithinSubgroupsAreEachSubgroupsFitAndRefuseCrossingClusters() {
        Object[][] designs = {
            {new DidEstimator(), panel(), new String[] {"outcome", "y", "time", "t", "group", "d", "id", "id",
                "covariates", "x"}, "ATT"},
            {new RdEstimator(), discontinuity(), new String[] {"outcome", "y", "running", "score"}, "robust"}};
        for (Object[] design : designs) {
            Estimator e = (Estimator) design[0];
            Dataset d = (Dataset) design[1];
            String[] options = (String[]) design[2];
            String term = (String) design[3];
            String[] by = with(options, "by", "g");
            EstimationResult r = fit(e, d, by);
            Estimate[] within = new Estimate[2];
            for (int g = 0; g < 2; g++) {
                int[] rows = rowsOf(d, "g", g);
                Estimate alone = term(fit(e, d.rows(rows), options), term);
                within[g] = term(r, term + "|g=" + g);
                assertEquals(alone.estimate(), within[g].estimate(), 0, e.name());
                assertEquals(alone.se(), within[g].se(), 0, e.name());
            }
            Estimate diff = term(r, term + "|g=1 - " + term + "|g=0");
            assertEquals(within[1].estimate() - within[0].estimate(), diff.estimate(), 1e-12, e.name());
            assertEquals(Math.hypot(within[0].se(), within[1].se()), diff.se(), 1e-12, e.name());
            assertTrue(diff.estimate() > 0.5 && diff.ciLow() > 0, e.name() + ": the planted difference of 1 is found: " + diff);
            String[] clustered = with(by, "cluster", "village");
            InputException crossing = assertThrows(InputException.class, () -> fit(e, d, clustered));
            assertTrue(crossing.getMessage().startsWith("--cluster village has cluster ") && crossing.getMessage().contains("--by"),
                    crossing.getMessage());
        }
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
    @SuppressWarnings("unchecked")
    void eachSubgroupKeepsItsOwnDiagnosticsBalanceAndSensitivityIncluded() {
        String[] options = {"outcome-model", MODEL, "treatment-model", "mbsmoke ~ prenatal1 + mage + fbaby + medu", "balance",
            "true", "sensitivity", "ATE"};
        String[] by = with(options, "by", "mmarried");
        EstimationResult r = fit(new IpwraEstimator(), data, by);
        java.util.List<Map<String, Object>> subgroups = (java.util.List<Map<String, Object>>) r.diagnostics().get("subgroups");
        for (int g = 0; g < 2; g++) {
            int[] rows = rowsOf(data, "mmarried", g);
            EstimationResult alone = fit(new IpwraEstimator(), data.rows(rows), options);
            Map<String, Object> own = (Map<String, Object>) subgroups.get(g).get("diagnostics");
            assertEquals(alone.diagnostics().get("balance"), own.get("balance"), "balance of subgroup " + g);
            assertEquals(alone.diagnostics().get("sensitivity"), own.get("sensitivity"), "sensitivity of subgroup " + g);
            assertEquals(alone.diagnostics().get("balance_n"), own.get("balance_n"));
        }
    }

    @Test
    void refusalsNameTheOption() {
        InputException continuous = assertThrows(InputException.class, () -> fit(new RaEstimator(), data, "outcome-model", MODEL,
                "treatment", "mbsmoke", "by", "bweight"));
        assertTrue(continuous.getMessage().contains("--by"), continuous.getMessage());
        InputException weights = assertThrows(InputException.class, () -> fit(new PsmatchEstimator(), data, "treatment-model",
                "mbsmoke ~ mage", "outcome", "bweight", "by", "mmarried", "save-weights", "w.csv"));
        assertTrue(weights.getMessage().contains("--save-weights") && weights.getMessage().contains("--by"), weights.getMessage());
    }
}
