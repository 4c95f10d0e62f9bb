package org.synergia.effects.estimators;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.synergia.data.Dataset;
import org.synergia.data.InputException;
import org.synergia.data.MissingPolicy;
import org.synergia.data.io.DatasetReaders;
import org.synergia.stats.estimator.Estimation;
import org.synergia.stats.estimator.EstimatorOptions;
import org.synergia.stats.inference.Estimate;
import org.synergia.stats.inference.EstimationResult;

/**
 * {@code psmatch --multi-arm gps} ({@link org.synergia.effects.matching.GpsMatching}) on {@code reference/factorial_sim.csv}
 * (four levels) against R {@code multilevelMatching} 1.0.0 ({@code reference/gps_matching_factorial.R}, its output
 * {@code .json} beside it): every level's potential-outcome mean, each level against the control and their AI2006
 * variances, and the synergy with the same variance formula for its weights (checked by the script against the
 * package's pairwise variances). The scores come from two independent multinomial-logit fits converged to about 1e-9,
 * hence 1e-7 relative. Refusals in one line naming the option.
 */
class GpsMatchingReferenceTest {

    private static Dataset data;
    private static JsonNode ref;

    @BeforeAll
    static void load() throws Exception {
        data = DatasetReaders.read(Path.of(GpsMatchingReferenceTest.class.getResource("/reference/factorial_sim.csv").toURI()));
        try (InputStream in = GpsMatchingReferenceTest.class.getResourceAsStream("/reference/gps_matching_factorial.json")) {
            ref = new ObjectMapper().readTree(in);
        }
    }

    private static EstimationResult fit(String... pairs) {
        Map<String, String> options = new LinkedHashMap<>();
        options.put("treatment-model", "arm ~ x1 + x2");
        options.put("outcome", "y");
        options.put("multi-arm", "gps");
        options.put("estimand", "ate");
        for (int i = 0; i < pairs.length; i += 2) {
            options.put(pairs[i], pairs[i + 1]);
        }
        return Estimation.of(data, EstimatorOptions.of(new PsmatchEstimator(), options), MissingPolicy.DROP).result();
    }

    private static Estimate term(EstimationResult r, String name) {
        return r.estimates().stream().filter(e -> e.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no term " + name + " in " + r.estimates()));
    }

    private static void close(double expected, double actual, String what) {
        assertEquals(expected, actual, 1e-7 * Math.abs(expected), what);
    }

    @Test
    void meansContrastsAndTheSynergyMatchMultilevelMatching() {
        EstimationResult r = fit("synergy", "3=1+2");
        for (int k = 0; k < 4; k++) {
            close(ref.get("means").get(k).asDouble(), term(r, "POmean:" + k).estimate(), "mean of level " + k);
        }
        for (JsonNode c : ref.get("contrasts")) {
            if (c.get("control").asInt() != 0) {
                continue;
            }
            Estimate e = term(r, "ATE:" + c.get("treated").asInt() + "vs0");
            close(c.get("estimate").asDouble(), e.estimate(), e.name());
            close(c.get("variance").asDouble(), e.se() * e.se(), e.name() + " variance");
        }
        Estimate synergy = term(r, "synergy");
        close(ref.at("/synergy/estimate").asDouble(), synergy.estimate(), "synergy");
        close(ref.at("/synergy/variance").asDouble(), synergy.se() * synergy.se(), "synergy variance");
        assertEquals("gps", r.diagnostics().get("multi_arm"));
        assertEquals(800, r.n());
    }

    @Test
    void refusalsNameTheOption() {
        for (String[] bad : new String[][] {{"estimand", "att"}, {"se", "ai2016"}, {"balance", "true"}, {"caliper", "0.1"}}) {
            InputException e = assertThrows(InputException.class, () -> fit(bad));
            assertTrue(e.getMessage().contains("--" + bad[0]) && e.getMessage().contains("--multi-arm"), e.getMessage());
        }
        Map<String, String> pairwise = new LinkedHashMap<>();
        pairwise.put("treatment-model", "arm ~ x1 + x2");
        pairwise.put("outcome", "y");
        pairwise.put("synergy", "3=1+2");
        InputException e = assertThrows(InputException.class, () -> Estimation.of(data,
                EstimatorOptions.of(new PsmatchEstimator(), pairwise), MissingPolicy.DROP));
        assertTrue(e.getMessage().contains("--synergy") && e.getMessage().contains("--multi-arm gps"), e.getMessage());
    }
}
