package org.synergia.effects.rd;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.synergia.testdata.TestFiles;

/**
 * The manipulation test against R. Source: R 4.2.2, rddensity 3.0 (rdpackages/rddensity snapshot
 * 94a4583) with lpdensity 2.5, each case's exact call below and in {@code reference_values_rddensity.json}
 * of synergia-testdata (made by {@code reference_values_rddensity.R} beside it, on the simulated files
 * drawn by {@code make_rddensity_data.R}); the test checks that the file's call is the one written
 * here. Bandwidths, effective sizes, densities, the t statistic and p-value at 1e-6 relative, standard
 * errors at 1e-4 (in practice all agree to about 1e-10), rdbwdensity's bandwidth table and the
 * binomial tests at 1e-6.
 */
class RdDensityReferenceTest {

    private static final double TOL = 1e-6;
    private static final double TOL_SE = 1e-4;

    static final Map<String, double[]> DATA = new LinkedHashMap<>();

    static {
        DATA.put("s", TestFiles.numericColumns("rddensity_smooth_dev.csv").get("x"));
        DATA.put("b", TestFiles.numericColumns("rddensity_bunching_dev.csv").get("x"));
        DATA.put("t", TestFiles.numericColumns("rddensity_ties_dev.csv").get("x"));
        DATA.put("c40", TestFiles.numericColumns("rddensity_shifted_dev.csv").get("x"));
    }

    /** One case: the R call and the same test in Java. */
    record Case(String name, String call, String data, double cutoff, RdDensity estimator) {
        @Override
        public String toString() {
            return name;
        }
    }

    static List<Case> cases() {
        RdDensity r = RdDensity.withDefaults();
        RdDensity plugin = r.withVariance(DensityVariance.PLUGIN);
        RdDensity restricted = r.withModel(DensityModel.RESTRICTED);
        DensityBandwidthRule each = DensityBandwidthRule.EACH;
        DensityBandwidthRule diff = DensityBandwidthRule.DIFF;
        DensityBandwidthRule sum = DensityBandwidthRule.SUM;
        List<Case> c = new ArrayList<>();
        // smooth density, cutoff 0
        c.add(new Case("s_default", "rddensity(s)", "s", 0, r));
        c.add(new Case("s_p1", "rddensity(s, p = 1)", "s", 0, r.withOrder(1)));
        c.add(new Case("s_p3", "rddensity(s, p = 3)", "s", 0, r.withOrder(3)));
        c.add(new Case("s_q4", "rddensity(s, q = 4)", "s", 0, r.withBiasOrder(4)));
        c.add(new Case("s_uniform", "rddensity(s, kernel = \"uniform\")", "s", 0, r.withKernel(Kernel.UNIFORM)));
        c.add(new Case("s_epanechnikov", "rddensity(s, kernel = \"epanechnikov\")", "s", 0,
                r.withKernel(Kernel.EPANECHNIKOV)));
        c.add(new Case("s_each", "rddensity(s, bwselect = \"each\")", "s", 0, r.withBandwidthRule(each)));
        c.add(new Case("s_diff", "rddensity(s, bwselect = \"diff\")", "s", 0, r.withBandwidthRule(diff)));
        c.add(new Case("s_sum", "rddensity(s, bwselect = \"sum\")", "s", 0, r.withBandwidthRule(sum)));
        c.add(new Case("s_plugin", "rddensity(s, vce = \"plugin\")", "s", 0, plugin));
        c.add(new Case("s_plugin_each", "rddensity(s, vce = \"plugin\", bwselect = \"each\")", "s", 0,
                plugin.withBandwidthRule(each)));
        c.add(new Case("s_plugin_p1", "rddensity(s, vce = \"plugin\", p = 1)", "s", 0, plugin.withOrder(1)));
        c.add(new Case("s_plugin_uniform", "rddensity(s, vce = \"plugin\", kernel = \"uniform\")", "s", 0,
                plugin.withKernel(Kernel.UNIFORM)));
        c.add(new Case("s_plugin_epa_p3", "rddensity(s, vce = \"plugin\", kernel = \"epanechnikov\", p = 3)", "s", 0,
                plugin.withKernel(Kernel.EPANECHNIKOV).withOrder(3)));
        c.add(new Case("s_restricted", "rddensity(s, fitselect = \"restricted\")", "s", 0, restricted));
        c.add(new Case("s_restricted_diff", "rddensity(s, fitselect = \"restricted\", bwselect = \"diff\")", "s", 0,
                restricted.withBandwidthRule(diff)));
        c.add(new Case("s_restricted_sum", "rddensity(s, fitselect = \"restricted\", bwselect = \"sum\")", "s", 0,
                restricted.withBandwidthRule(sum)));
        c.add(new Case("s_restricted_plugin", "rddensity(s, fitselect = \"restricted\", vce = \"plugin\")", "s", 0,
                restricted.withVariance(DensityVariance.PLUGIN)));
        c.add(new Case("s_restricted_plugin_p1_sum",
                "rddensity(s, fitselect = \"restricted\", vce = \"plugin\", p = 1, bwselect = \"sum\")", "s", 0,
                restricted.withVariance(DensityVariance.PLUGIN).withOrder(1).withBandwidthRule(sum)));
        c.add(new Case("s_restricted_p3_uniform", "rddensity(s, fitselect = \"restricted\", p = 3, kernel = \"uniform\")",
                "s", 0, restricted.withOrder(3).withKernel(Kernel.UNIFORM)));
        c.add(new Case("s_restricted_epa_plugin_p3",
                "rddensity(s, fitselect = \"restricted\", kernel = \"epanechnikov\", vce = \"plugin\", p = 3)", "s", 0,
                restricted.withKernel(Kernel.EPANECHNIKOV).withVariance(DensityVariance.PLUGIN).withOrder(3)));
        c.add(new Case("s_h", "rddensity(s, h = 0.8)", "s", 0, r.withBandwidth(0.8)));
        c.add(new Case("s_h_pair", "rddensity(s, h = c(0.6, 0.9))", "s", 0, r.withBandwidths(0.6, 0.9)));
        c.add(new Case("s_h_pair_plugin", "rddensity(s, h = c(0.6, 0.9), vce = \"plugin\")", "s", 0,
                plugin.withBandwidths(0.6, 0.9)));
        c.add(new Case("s_restricted_h", "rddensity(s, fitselect = \"restricted\", h = 0.7)", "s", 0,
                restricted.withBandwidth(0.7)));
        c.add(new Case("s_restricted_h_plugin", "rddensity(s, fitselect = \"restricted\", h = 0.7, vce = \"plugin\")",
                "s", 0, restricted.withBandwidth(0.7).withVariance(DensityVariance.PLUGIN)));
        c.add(new Case("s_all", "rddensity(s, all = TRUE)", "s", 0, r.withConventional(true)));
        c.add(new Case("s_all_plugin_p1", "rddensity(s, all = TRUE, vce = \"plugin\", p = 1)", "s", 0,
                plugin.withConventional(true).withOrder(1)));
        c.add(new Case("s_all_restricted", "rddensity(s, all = TRUE, fitselect = \"restricted\")", "s", 0,
                restricted.withConventional(true)));
        c.add(new Case("s_noregularize", "rddensity(s, regularize = FALSE)", "s", 0, r.withRegularization(false)));
        c.add(new Case("s_nlocalmin", "rddensity(s, nLocalMin = 700, nUniqueMin = 0)", "s", 0,
                r.withMinimumUnits(700).withMinimumDistinct(0)));
        c.add(new Case("s_cutoff", "rddensity(s, c = 0.5)", "s", 0.5, r));
        c.add(new Case("s_bino_w", "rddensity(s, binoW = 0.05, binoNW = 5)", "s", 0,
                r.withBinomialTest(DensityBinomialTest.withDefaults().withWindow(0.05, 0.05).withWindows(5))));
        c.add(new Case("s_bino_w_pair",
                "rddensity(s, binoW = c(0.04, 0.06), binoWStep = c(0.02, 0.03), binoNW = 4, binoP = 0.45)", "s", 0,
                r.withBinomialTest(DensityBinomialTest.withDefaults().withWindow(0.04, 0.06).withWindowStep(0.02, 0.03)
                        .withWindows(4).withProbability(0.45))));
        c.add(new Case("s_bino_n", "rddensity(s, binoN = 30, binoNStep = 15, binoNW = 6)", "s", 0,
                r.withBinomialTest(DensityBinomialTest.withDefaults().withCount(30).withCountStep(15).withWindows(6))));
        // bunching just above the cutoff
        c.add(new Case("b_default", "rddensity(b)", "b", 0, r));
        c.add(new Case("b_plugin", "rddensity(b, vce = \"plugin\")", "b", 0, plugin));
        c.add(new Case("b_restricted", "rddensity(b, fitselect = \"restricted\")", "b", 0, restricted));
        c.add(new Case("b_p1_each", "rddensity(b, p = 1, bwselect = \"each\")", "b", 0,
                r.withOrder(1).withBandwidthRule(each)));
        c.add(new Case("b_all", "rddensity(b, all = TRUE)", "b", 0, r.withConventional(true)));
        c.add(new Case("b_epanechnikov_diff", "rddensity(b, kernel = \"epanechnikov\", bwselect = \"diff\")", "b", 0,
                r.withKernel(Kernel.EPANECHNIKOV).withBandwidthRule(diff)));
        c.add(new Case("b_h", "rddensity(b, h = 0.3)", "b", 0, r.withBandwidth(0.3)));
        // mass points
        c.add(new Case("t_default", "rddensity(t)", "t", 0, r));
        c.add(new Case("t_nomasspoints", "rddensity(t, massPoints = FALSE)", "t", 0, r.withMassPoints(false)));
        c.add(new Case("t_plugin", "rddensity(t, vce = \"plugin\")", "t", 0, plugin));
        c.add(new Case("t_restricted", "rddensity(t, fitselect = \"restricted\")", "t", 0, restricted));
        c.add(new Case("t_restricted_plugin", "rddensity(t, fitselect = \"restricted\", vce = \"plugin\")", "t", 0,
                restricted.withVariance(DensityVariance.PLUGIN)));
        c.add(new Case("t_each_uniform", "rddensity(t, bwselect = \"each\", kernel = \"uniform\")", "t", 0,
                r.withBandwidthRule(each).withKernel(Kernel.UNIFORM)));
        c.add(new Case("t_p1_sum", "rddensity(t, p = 1, bwselect = \"sum\")", "t", 0,
                r.withOrder(1).withBandwidthRule(sum)));
        c.add(new Case("t_h", "rddensity(t, h = c(1, 1.5))", "t", 0, r.withBandwidths(1, 1.5)));
        c.add(new Case("t_all", "rddensity(t, all = TRUE)", "t", 0, r.withConventional(true)));
        c.add(new Case("t_cutoff", "rddensity(t, c = 1.05)", "t", 1.05, r));
        c.add(new Case("t_noregularize", "rddensity(t, regularize = FALSE)", "t", 0, r.withRegularization(false)));
        c.add(new Case("t_nunique0", "rddensity(t, nUniqueMin = 0)", "t", 0, r.withMinimumDistinct(0)));
        // scores on 0..100, cutoff 40
        c.add(new Case("c_default", "rddensity(c40, c = 40)", "c40", 40, r));
        c.add(new Case("c_plugin_restricted", "rddensity(c40, c = 40, vce = \"plugin\", fitselect = \"restricted\")",
                "c40", 40, plugin.withModel(DensityModel.RESTRICTED)));
        c.add(new Case("c_each_p3", "rddensity(c40, c = 40, bwselect = \"each\", p = 3)", "c40", 40,
                r.withBandwidthRule(each).withOrder(3)));
        c.add(new Case("c_h_pair", "rddensity(c40, c = 40, h = c(8, 12))", "c40", 40, r.withBandwidths(8, 12)));
        return c;
    }

    static Stream<Arguments> references() {
        JsonNode tests = TestFiles.referenceJson("reference_values_rddensity.json").get("tests");
        List<Case> cs = cases();
        assertEquals(tests.size(), cs.size(), "every reference case is tested");
        return cs.stream().map(c -> Arguments.of(c, tests.get(c.name())));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("references")
    void matchesRddensity(Case c, JsonNode ref) {
        assertEquals(c.call(), ref.get("call").asText(), "the reference's call");
        RdDensityResult r = c.estimator().fit(c.data(), DATA.get(c.data()), c.cutoff());
        List<Executable> checks = new ArrayList<>();
        check(checks, "h_left", r.hLeft(), ref.get("h").get(0), TOL);
        check(checks, "h_right", r.hRight(), ref.get("h").get(1), TOL);
        JsonNode n = ref.get("N");
        checks.add(() -> assertEquals(n.get(0).asInt(), r.n(), "N"));
        checks.add(() -> assertEquals(n.get(1).asInt(), r.nLeft(), "N left"));
        checks.add(() -> assertEquals(n.get(2).asInt(), r.nRight(), "N right"));
        checks.add(() -> assertEquals(n.get(3).asInt(), r.nEffLeft(), "N_eff left"));
        checks.add(() -> assertEquals(n.get(4).asInt(), r.nEffRight(), "N_eff right"));
        checkTest(checks, "", r.biasCorrected(), ref.get("hat"), ref.get("sd"), ref.get("test"));
        if (ref.has("hat_p")) {
            checkTest(checks, "conventional ", r.conventional(), ref.get("hat_p"), ref.get("sd_p"), ref.get("test_p"));
        } else {
            checks.add(() -> assertNull(r.conventional(), "no conventional test without all"));
        }
        if (ref.has("bw")) {
            JsonNode bw = ref.get("bw");
            DensityBandwidths t = r.bandwidths();
            List<DensityBandwidths.Candidate> rows = List.of(t.left(), t.right(), t.difference(), t.sum());
            String[] names = {"l", "r", "diff", "sum"};
            // the squared biases at the scale of the table's largest (an exact zero is 1e-35 in R)
            double biasScale = 0;
            for (String name : names) {
                biasScale = Math.max(biasScale, bw.get(name).get(2).asDouble());
            }
            for (int i = 0; i < 4; i++) {
                DensityBandwidths.Candidate row = rows.get(i);
                JsonNode e = bw.get(names[i]);
                int k = i;
                check(checks, "bw " + names[i], row.h(), e.get(0), TOL);
                check(checks, "variance " + names[i], row.variance(), e.get(1), TOL);
                double b2 = e.get(2).asDouble();
                double scale = biasScale;
                checks.add(() -> assertEquals(b2, row.biasSquared(), TOL * scale, "bias^2 " + names[k]));
            }
        } else {
            checks.add(() -> assertNull(r.bandwidths(), "given bandwidths"));
        }
        JsonNode bino = ref.get("bino");
        checks.add(() -> assertEquals(bino.get("pval").size(), r.binomialTests().size(), "binomial windows"));
        for (int j = 0; j < Math.min(bino.get("pval").size(), r.binomialTests().size()); j++) {
            DensityBinomialTest.Window w = r.binomialTests().get(j);
            int k = j;
            check(checks, "window left " + j, w.halfLengthLeft(), bino.get("left_window").get(j), TOL);
            check(checks, "window right " + j, w.halfLengthRight(), bino.get("right_window").get(j), TOL);
            checks.add(() -> assertEquals(bino.get("left_n").get(k).asInt(), w.nLeft(), "bino n left " + k));
            checks.add(() -> assertEquals(bino.get("right_n").get(k).asInt(), w.nRight(), "bino n right " + k));
            check(checks, "bino p " + j, w.pValue(), bino.get("pval").get(j), TOL);
        }
        assertAll(c.name(), checks);
    }

    private static void checkTest(List<Executable> checks, String what, RdDensityResult.DensityTest t, JsonNode hat,
            JsonNode sd, JsonNode test) {
        check(checks, what + "density left", t.densityLeft(), hat.get(0), TOL);
        check(checks, what + "density right", t.densityRight(), hat.get(1), TOL);
        check(checks, what + "difference", t.difference(), hat.get(2), TOL);
        check(checks, what + "se left", t.seLeft(), sd.get(0), TOL_SE);
        check(checks, what + "se right", t.seRight(), sd.get(1), TOL_SE);
        check(checks, what + "se difference", t.seDifference(), sd.get(2), TOL_SE);
        check(checks, what + "t", t.t(), test.get(0), TOL);
        check(checks, what + "p", t.pValue(), test.get(1), TOL);
    }

    static void check(List<Executable> checks, String what, double actual, JsonNode expected, double tol) {
        if (expected.isNull()) {
            checks.add(() -> assertEquals(Double.NaN, actual, what + " (NA in R)"));
            return;
        }
        double e = expected.asDouble();
        checks.add(() -> assertEquals(e, actual, tol * Math.abs(e), what));
    }
}
