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
import org.synergia.stats.inference.Estimate;
import org.synergia.stats.inference.EstimationResult;
import org.synergia.testdata.TestFiles;

/**
 * {@code --by} on the potential-outcome estimators ({@link SubgroupEffects}) on {@code datasets/cattaneo2.dta} of
 * synergia-testdata: RA's ATE and ATT within each subgroup of {@code mmarried} against base R
 * ({@code reference/subgroups_cattaneo2.R}: arm regressions within the subgroup, 1e-9 relative); every subgroup's
 * estimate and SE equal to the estimator on the subgroup's rows alone; the difference's SE the root of the sum of the
 * two variances (the subgroups share no unit, and here no cluster); refusals in one line naming the option.
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
    void refusalsNameTheOption() {
        double[] cluster = new double[data.rowCount()];
        for (int i = 0; i < cluster.length; i++) {
            cluster[i] = i % 50;
        }
        Dataset clustered = data.withColumn(NumericColumn.of("village", cluster));
        InputException crossing = assertThrows(InputException.class, () -> fit(new RaEstimator(), clustered, "outcome-model", MODEL,
                "treatment", "mbsmoke", "by", "mmarried", "cluster", "village"));
        assertTrue(crossing.getMessage().contains("--cluster") && crossing.getMessage().contains("--by"), crossing.getMessage());
        InputException continuous = assertThrows(InputException.class, () -> fit(new RaEstimator(), data, "outcome-model", MODEL,
                "treatment", "mbsmoke", "by", "bweight"));
        assertTrue(continuous.getMessage().contains("--by"), continuous.getMessage());
        InputException balance = assertThrows(InputException.class, () -> fit(new IpwEstimator(), data, "outcome", "bweight",
                "treatment-model", "mbsmoke ~ mage", "by", "mmarried", "balance", "true"));
        assertTrue(balance.getMessage().contains("--balance") && balance.getMessage().contains("--by"), balance.getMessage());
    }
}
