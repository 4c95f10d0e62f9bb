package org.synergia.effects.estimators;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.synergia.data.Dataset;
import org.synergia.data.InputException;
import org.synergia.data.MissingPolicy;
import org.synergia.data.NumericColumn;
import org.synergia.data.io.DatasetReaders;
import org.synergia.stats.estimator.Estimation;
import org.synergia.stats.estimator.EstimatorOptions;
import org.synergia.stats.inference.EstimationResult;
import org.synergia.testdata.TestFiles;

/**
 * {@code psmatch} with a treatment of three levels (cattaneo2's {@code msmoke}, 2 and 3 merged): each level against
 * the control is the two-level estimator (tested against Stata and R Matching elsewhere) on the two levels' units,
 * with its own propensity model, to the last bit; its diagnostics sit under its contrast; files are refused.
 */
class MultiArmMatchingTest {

    private static Dataset data;

    @BeforeAll
    static void load() throws IOException {
        Dataset raw = DatasetReaders.read(TestFiles.dataset("cattaneo2.dta"));
        double[] smoke = raw.numeric("msmoke").toDoubleArray();
        double[] arm = new double[smoke.length];
        for (int i = 0; i < arm.length; i++) {
            arm[i] = Math.min(smoke[i], 2);
        }
        data = raw.withColumn(NumericColumn.of("arm", arm));
    }

    private static EstimationResult fit(Dataset d, String... extra) {
        Map<String, String> options = new LinkedHashMap<>(Map.of("treatment-model", "arm ~ mage + medu + mmarried + fbaby",
                "outcome", "bweight"));
        for (int i = 0; i < extra.length; i += 2) {
            options.put(extra[i], extra[i + 1]);
        }
        return Estimation.of(d, EstimatorOptions.of(new PsmatchEstimator(), options), MissingPolicy.DROP).result();
    }

    @Test
    void eachLevelAgainstTheControlIsTheTwoLevelEstimatorOnTheirUnits() {
        EstimationResult all = fit(data, "balance", "true");
        assertEquals(List.of("ATT:1vs0", "ATT:2vs0"), all.estimates().stream().map(e -> e.name()).toList());
        double[] arm = data.numeric("arm").toDoubleArray();
        for (int level = 1; level <= 2; level++) {
            int l = level;
            int[] rows = IntStream.range(0, arm.length).filter(i -> arm[i] == l || arm[i] == 0).toArray();
            EstimationResult two = fit(data.rows(rows), "balance", "true");
            assertEquals(two.estimates().get(0).estimate(), all.estimates().get(level - 1).estimate(), 0);
            assertEquals(two.estimates().get(0).se(), all.estimates().get(level - 1).se(), 0);
            @SuppressWarnings("unchecked")
            Map<String, Object> own = (Map<String, Object>) all.diagnostics().get(level + "vs0");
            assertEquals(two.diagnostics().get("balance"), own.get("balance"), "the comparison's balance under its contrast");
        }
        assertEquals(4642, all.n());
    }

    @Test
    void filesAreRefusedNamingTheOption() {
        InputException e = assertThrows(InputException.class, () -> fit(data, "love-plot", "plot.svg"));
        assertTrue(e.getMessage().contains("--love-plot"), e.getMessage());
    }
}
