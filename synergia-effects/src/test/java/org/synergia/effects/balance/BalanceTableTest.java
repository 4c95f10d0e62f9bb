package org.synergia.effects.balance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.synergia.data.Dataset;
import org.synergia.data.io.DatasetReaders;
import org.synergia.testdata.TestFiles;

/**
 * Balance statistics on lalonde.csv with MatchIt's nearest-neighbour weights, against
 * R 4.2.2 MatchIt 4.5.1 {@code summary(matchit(..., method = "nearest", distance = p, replace = TRUE), un = TRUE)}
 * (matching_lalonde.R). MatchIt standardises by the treated SD, as our ATT table does.
 */
class BalanceTableTest {

    private static final double TOL = 1e-9;
    private static final String[] NAMES = {"age", "educ", "black", "hispan", "married", "nodegree", "re74", "re75"};

    @Test
    void matchesMatchItSummary() throws IOException {
        Dataset lalonde = DatasetReaders.read(TestFiles.reference("lalonde.csv"));
        int n = lalonde.rowCount();
        double[] arm = lalonde.numeric("treat").toDoubleArray();
        boolean[] treated = new boolean[n];
        for (int i = 0; i < n; i++) {
            treated[i] = arm[i] == 1;
        }
        double[][] x = new double[NAMES.length][];
        for (int j = 0; j < NAMES.length; j++) {
            x[j] = lalonde.numeric(NAMES[j]).toDoubleArray();
        }
        double[] w = new double[n];
        try (BufferedReader r = new BufferedReader(new InputStreamReader(
                getClass().getResourceAsStream("/reference/matchit_weights.csv"), StandardCharsets.UTF_8))) {
            r.readLine();
            for (int i = 0; i < n; i++) {
                w[i] = Double.parseDouble(r.readLine());
            }
        }
        JsonNode ref;
        try (InputStream in = getClass().getResourceAsStream("/reference/matching_lalonde.json")) {
            ref = new ObjectMapper().readTree(in).get("matchit");
        }
        BalanceTable t = BalanceTable.of(List.of(NAMES), x, treated, w, BalanceTable.SdDenominator.TREATED);
        for (BalanceRow row : t.rows()) {
            JsonNode b = ref.get("before").get(row.covariate());
            JsonNode a = ref.get("after").get(row.covariate());
            String c = row.covariate();
            close(b.get("Means Treated").asDouble(), row.meanTreatedBefore(), c);
            close(b.get("Means Control").asDouble(), row.meanControlBefore(), c);
            close(a.get("Means Control").asDouble(), row.meanControlAfter(), c);
            close(b.get("eCDF Max").asDouble(), row.ecdfMaxBefore(), c + " eCDF max before");
            close(a.get("eCDF Max").asDouble(), row.ecdfMaxAfter(), c + " eCDF max after");
            if (row.binary()) {
                // cobalt reports binary covariates as raw differences in proportions
                close(row.meanTreatedAfter() - row.meanControlAfter(), row.smdAfter(), c);
                assertTrue(a.get("Var. Ratio").isNull());
            } else {
                close(b.get("Std. Mean Diff.").asDouble(), row.smdBefore(), c + " smd before");
                close(a.get("Std. Mean Diff.").asDouble(), row.smdAfter(), c + " smd after");
                close(b.get("Var. Ratio").asDouble(), row.varianceRatioBefore(), c + " variance ratio before");
                close(a.get("Var. Ratio").asDouble(), row.varianceRatioAfter(), c + " variance ratio after");
                close(b.get("eCDF Mean").asDouble(), row.ecdfMeanBefore(), c + " eCDF mean before");
                close(a.get("eCDF Mean").asDouble(), row.ecdfMeanAfter(), c + " eCDF mean after");
            }
        }
        close(ref.get("ess_control_after").asDouble(), t.essControlAfter(), "ESS");
        String svg = LovePlot.svg(t, "lalonde");
        assertTrue(svg.startsWith("<svg") && svg.contains("re75") && svg.contains("#0072B2") && svg.contains("Adjusted"));
        assertFalse(svg.contains("NaN"));
    }

    private static void close(double expected, double actual, String what) {
        assertEquals(expected, actual, Math.max(1e-12, Math.abs(expected) * TOL), what);
    }
}
