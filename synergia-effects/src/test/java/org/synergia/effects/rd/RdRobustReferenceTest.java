package org.synergia.effects.rd;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.synergia.testdata.TestFiles;

/**
 * rdrobust reference values: R rdrobust 4.0.0 on the US Senate data (Cattaneo, Frandsen and
 * Titiunik 2015) and on a simulated fuzzy design, from {@code reference_values.json} and
 * {@code reference_values_designs.json} of synergia-testdata.
 */
class RdRobustReferenceTest {

    /** Relative tolerance for every compared number. */
    private static final double TOL = 1e-6;

    private static final Map<String, double[]> SENATE = TestFiles.numericColumns("rdrobust_senate.csv");
    private static final Map<String, double[]> FUZZY = TestFiles.numericColumns("rd_fuzzy_dev.csv");

    static Stream<Arguments> cases() {
        JsonNode base = TestFiles.referenceJson("reference_values.json").get("senate_rd");
        JsonNode designs = TestFiles.referenceJson("reference_values_designs.json");
        JsonNode opt = designs.get("senate_rd_options");
        JsonNode fz = designs.get("fuzzy_rd");
        RdRobust d = RdRobust.withDefaults();
        RdSample senate = RdSample.of(SENATE.get("vote"), SENATE.get("margin"));
        RdSample fuzzy = RdSample.of(FUZZY.get("y"), FUZZY.get("score")).withTreatment(FUZZY.get("take"));
        int[] state = new int[SENATE.get("state").length];
        for (int i = 0; i < state.length; i++) {
            state[i] = (int) SENATE.get("state")[i];
        }
        RdSample covs = senate.withCovariates(List.of("termshouse", "termssenate", "population"),
                new double[][] {SENATE.get("termshouse"), SENATE.get("termssenate"), SENATE.get("population")});
        return Stream.of(
                // R rdrobust 4.0.0: rdrobust(vote, margin)
                Arguments.of("default", d, senate, base.get("default")),
                // R rdrobust 4.0.0: rdrobust(vote, margin, h = 15)
                Arguments.of("h15", d.withBandwidth(15), senate, base.get("h15")),
                // R rdrobust 4.0.0: rdrobust(vote, margin, kernel = "uniform", p = 2)
                Arguments.of("uniform_p2", d.withKernel(Kernel.UNIFORM).withOrder(2), senate, base.get("uniform_p2")),
                // R rdrobust 4.0.0: rdrobust(vote, margin, bwselect = "msetwo")
                Arguments.of("msetwo", d.withBandwidthSelector(BandwidthSelector.MSETWO), senate, opt.get("msetwo")),
                // R rdrobust 4.0.0: rdrobust(vote, margin, bwselect = "cerrd")
                Arguments.of("cerrd", d.withBandwidthSelector(BandwidthSelector.CERRD), senate, opt.get("cerrd")),
                // R rdrobust 4.0.0: rdrobust(vote, margin, bwselect = "certwo")
                Arguments.of("certwo", d.withBandwidthSelector(BandwidthSelector.CERTWO), senate, opt.get("certwo")),
                // R rdrobust 4.0.0: rdrobust(vote, margin, vce = "hc1")
                Arguments.of("hc1", d.withVariance(RdVariance.HC1), senate, opt.get("hc1")),
                // R rdrobust 4.0.0: rdrobust(vote, margin, vce = "hc3")
                Arguments.of("hc3", d.withVariance(RdVariance.HC3), senate, opt.get("hc3")),
                // R rdrobust 4.0.0: rdrobust(vote, margin, cluster = state), the default vce "nn", which
                // rdrobust 4.0 replaces with CR1 (plug-in residuals summed within clusters) when clustering
                Arguments.of("cluster_state", d, senate.withClusters(state), opt.get("cluster_state")),
                // the same call with vce = "hc0": also CR1 in rdrobust 4.0, so the same reference values
                Arguments.of("cluster_state_hc0", d.withVariance(RdVariance.HC0), senate.withClusters(state),
                        opt.get("cluster_state")),
                // R rdrobust 4.0.0: rdrobust(vote, margin, covs = cbind(termshouse, termssenate, population),
                // vce = "hc1"); rows with a missing covariate dropped; the file's numbers are those of HC1
                Arguments.of("covariates", d.withVariance(RdVariance.HC1), covs, opt.get("covariates")),
                // R rdrobust 4.0.0: rdrobust(vote, margin, p = 2, kernel = "uniform", h = 20)
                Arguments.of("p2_uniform_h20", d.withOrder(2).withKernel(Kernel.UNIFORM).withBandwidth(20), senate,
                        opt.get("p2_uniform_h20")),
                // R rdrobust 4.0.0: rdrobust(y, score, fuzzy = take)
                Arguments.of("fuzzy_default", d, fuzzy, fz.get("default")),
                // R rdrobust 4.0.0: rdrobust(y, score, fuzzy = take, kernel = "epanechnikov", vce = "hc2")
                Arguments.of("fuzzy_epanechnikov_hc2", d.withKernel(Kernel.EPANECHNIKOV).withVariance(RdVariance.HC2),
                        fuzzy, fz.get("epanechnikov_hc2")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void matchesRdrobust(String name, RdRobust estimator, RdSample sample, JsonNode ref) {
        RdResult r = estimator.fit(sample, 0);
        List<Executable> checks = new ArrayList<>();
        check(checks, "h_left", r.hLeft(), ref.get("h").get(0).asDouble());
        check(checks, "h_right", r.hRight(), ref.get("h").get(1).asDouble());
        check(checks, "b_left", r.bLeft(), ref.get("b").get(0).asDouble());
        check(checks, "b_right", r.bRight(), ref.get("b").get(1).asDouble());
        Function<String, JsonNode> get = ref::get;
        double[] coef = ref.has("coef") ? doubles(get.apply("coef"))
                : new double[] {ref.get("coef_conventional").asDouble(), ref.get("coef_bias_corrected").asDouble(),
                        ref.get("coef_bias_corrected").asDouble()};
        double[] se = ref.has("se") ? doubles(get.apply("se"))
                : new double[] {ref.get("se_conventional").asDouble(), ref.get("se_conventional").asDouble(),
                        ref.get("se_robust").asDouble()};
        for (int k = 0; k < 3; k++) {
            check(checks, "coef " + k, r.estimates().get(k).estimate(), coef[k]);
            check(checks, "se " + k, r.estimates().get(k).se(), se[k]);
        }
        check(checks, "ci_low", r.robust().ciLow(), ref.get("ci_robust").get(0).asDouble());
        check(checks, "ci_high", r.robust().ciHigh(), ref.get("ci_robust").get(1).asDouble());
        checks.add(() -> assertEquals(ref.get("n_eff").get(0).asInt(), r.nEffLeft(), "n_eff_left"));
        checks.add(() -> assertEquals(ref.get("n_eff").get(1).asInt(), r.nEffRight(), "n_eff_right"));
        assertAll(name, checks);
    }

    private static void check(List<Executable> checks, String what, double actual, double expected) {
        checks.add(() -> assertEquals(expected, actual, TOL * Math.abs(expected), what));
    }

    private static double[] doubles(JsonNode n) {
        double[] v = new double[n.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = n.get(i).asDouble();
        }
        return v;
    }
}
