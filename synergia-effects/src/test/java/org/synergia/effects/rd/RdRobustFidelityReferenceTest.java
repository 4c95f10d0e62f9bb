package org.synergia.effects.rd;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.synergia.testdata.TestFiles;

/**
 * rdrobust's handling of discrete running variables (mass points: {@code masspoints} adjust, check
 * and off, {@code bwcheck}) and of clusters (vce nn, hc0 and hc1 as CR1, hc2 as CR2, hc3 as CR3; the
 * CER bandwidths with clusters). Source: R 4.2.2, rdrobust 4.0.0 (rdpackages/rdrobust snapshot
 * 34aac07), each case's exact call below and in {@code reference_values_rd_fidelity.json} of
 * synergia-testdata (made by {@code reference_values_rd_fidelity.R} beside it, on the simulated
 * files drawn by {@code make_rd_fidelity_data.R}); the test checks that the file's call is the one
 * written here.
 */
class RdRobustFidelityReferenceTest {

    /** Relative tolerance for bandwidths, estimates and interval bounds. */
    private static final double TOL = 1e-6;
    /** Relative tolerance for standard errors. */
    private static final double TOL_SE = 1e-6;

    private static final Map<String, double[]> D = TestFiles.numericColumns("rd_discrete_dev.csv");
    private static final Map<String, double[]> F8 = TestFiles.numericColumns("rd_fewmass_dev.csv");
    private static final Map<String, double[]> F12 = TestFiles.numericColumns("rd_fewmass12_dev.csv");
    private static final Map<String, double[]> CL = TestFiles.numericColumns("rd_cluster_dev.csv");

    static Stream<Arguments> cases() {
        JsonNode ref = TestFiles.referenceJson("reference_values_rd_fidelity.json");
        RdRobust r = RdRobust.withDefaults();
        RdSample d = RdSample.of(D.get("y"), D.get("x"));
        RdSample dSchool = d.withClusters(codes(D.get("school")));
        RdSample f8 = RdSample.of(F8.get("y"), F8.get("x"));
        RdSample f12 = RdSample.of(F12.get("y"), F12.get("x"));
        RdSample cl = RdSample.of(CL.get("y"), CL.get("x")).withClusters(codes(CL.get("village")));
        RdSample clFuzzy = RdSample.of(CL.get("y"), CL.get("x")).withTreatment(CL.get("take"))
                .withClusters(codes(CL.get("village")));
        RdSample clCovs = cl.withCovariates(List.of("z"), new double[][] {CL.get("z")});
        BandwidthSelector msetwo = BandwidthSelector.MSETWO;
        BandwidthSelector cerrd = BandwidthSelector.CERRD;
        BandwidthSelector certwo = BandwidthSelector.CERTWO;
        MassPoints check = MassPoints.CHECK;
        MassPoints off = MassPoints.IGNORE;
        List<Arguments> cases = new ArrayList<>();
        // running variable rounded to integers
        add(cases, ref, "d_p1_mserd_adjust", "rdrobust(d$y, d$x)", r, d);
        add(cases, ref, "d_p1_msetwo_adjust", "rdrobust(d$y, d$x, bwselect = \"msetwo\")",
                r.withBandwidthSelector(msetwo), d);
        add(cases, ref, "d_p1_cerrd_adjust", "rdrobust(d$y, d$x, bwselect = \"cerrd\")",
                r.withBandwidthSelector(cerrd), d);
        add(cases, ref, "d_p1_certwo_adjust", "rdrobust(d$y, d$x, bwselect = \"certwo\")",
                r.withBandwidthSelector(certwo), d);
        add(cases, ref, "d_p1_mserd_check", "rdrobust(d$y, d$x, masspoints = \"check\")", r.withMassPoints(check), d);
        add(cases, ref, "d_p1_msetwo_check", "rdrobust(d$y, d$x, bwselect = \"msetwo\", masspoints = \"check\")",
                r.withBandwidthSelector(msetwo).withMassPoints(check), d);
        add(cases, ref, "d_p1_mserd_off", "rdrobust(d$y, d$x, masspoints = \"off\")", r.withMassPoints(off), d);
        add(cases, ref, "d_p1_certwo_off", "rdrobust(d$y, d$x, bwselect = \"certwo\", masspoints = \"off\")",
                r.withBandwidthSelector(certwo).withMassPoints(off), d);
        RdRobust p2 = r.withOrder(2);
        add(cases, ref, "d_p2_mserd_adjust", "rdrobust(d$y, d$x, p = 2)", p2, d);
        add(cases, ref, "d_p2_msetwo_adjust", "rdrobust(d$y, d$x, p = 2, bwselect = \"msetwo\")",
                p2.withBandwidthSelector(msetwo), d);
        add(cases, ref, "d_p2_cerrd_adjust", "rdrobust(d$y, d$x, p = 2, bwselect = \"cerrd\")",
                p2.withBandwidthSelector(cerrd), d);
        add(cases, ref, "d_p2_certwo_adjust", "rdrobust(d$y, d$x, p = 2, bwselect = \"certwo\")",
                p2.withBandwidthSelector(certwo), d);
        add(cases, ref, "d_p2_mserd_check", "rdrobust(d$y, d$x, p = 2, masspoints = \"check\")",
                p2.withMassPoints(check), d);
        add(cases, ref, "d_p2_cerrd_check", "rdrobust(d$y, d$x, p = 2, bwselect = \"cerrd\", masspoints = \"check\")",
                p2.withBandwidthSelector(cerrd).withMassPoints(check), d);
        add(cases, ref, "d_p2_msetwo_off", "rdrobust(d$y, d$x, p = 2, bwselect = \"msetwo\", masspoints = \"off\")",
                p2.withBandwidthSelector(msetwo).withMassPoints(off), d);
        add(cases, ref, "d_bwcheck25", "rdrobust(d$y, d$x, bwcheck = 25)", r.withBandwidthCheck(25), d);
        add(cases, ref, "d_msetwo_bwcheck30", "rdrobust(d$y, d$x, bwselect = \"msetwo\", bwcheck = 30)",
                r.withBandwidthSelector(msetwo).withBandwidthCheck(30), d);
        add(cases, ref, "d_check_bwcheck20", "rdrobust(d$y, d$x, masspoints = \"check\", bwcheck = 20)",
                r.withMassPoints(check).withBandwidthCheck(20), d);
        add(cases, ref, "d_off_bwcheck25_nn", "rdrobust(d$y, d$x, masspoints = \"off\", bwcheck = 25)",
                r.withMassPoints(off).withBandwidthCheck(25), d);
        // unsorted data (no nn, mass points off): rdrobust counts the right side's distinct values in data order
        add(cases, ref, "d_off_bwcheck25_hc1", "rdrobust(d$y, d$x, masspoints = \"off\", bwcheck = 25, vce = \"hc1\")",
                r.withMassPoints(off).withBandwidthCheck(25).withVariance(RdVariance.HC1), d);
        add(cases, ref, "d_hc2_adjust", "rdrobust(d$y, d$x, vce = \"hc2\")", r.withVariance(RdVariance.HC2), d);
        add(cases, ref, "d_epanechnikov_hc3", "rdrobust(d$y, d$x, kernel = \"epanechnikov\", vce = \"hc3\")",
                r.withKernel(Kernel.EPANECHNIKOV).withVariance(RdVariance.HC3), d);
        add(cases, ref, "d_uniform_msetwo", "rdrobust(d$y, d$x, kernel = \"uniform\", bwselect = \"msetwo\")",
                r.withKernel(Kernel.UNIFORM).withBandwidthSelector(msetwo), d);
        add(cases, ref, "d_fuzzy", "rdrobust(d$y, d$x, fuzzy = d$take)", r, d.withTreatment(D.get("take")));
        add(cases, ref, "d_covariates_hc1", "rdrobust(d$y, d$x, covs = d$z, vce = \"hc1\")",
                r.withVariance(RdVariance.HC1), d.withCovariates(List.of("z"), new double[][] {D.get("z")}));
        add(cases, ref, "d_cluster_nn", "rdrobust(d$y, d$x, cluster = d$school)", r, dSchool);
        add(cases, ref, "d_cluster_hc2_cerrd", "rdrobust(d$y, d$x, cluster = d$school, vce = \"hc2\", bwselect = \"cerrd\")",
                r.withVariance(RdVariance.HC2).withBandwidthSelector(cerrd), dSchool);
        add(cases, ref, "d_cluster_hc3_p2", "rdrobust(d$y, d$x, cluster = d$school, vce = \"hc3\", p = 2)",
                p2.withVariance(RdVariance.HC3), dSchool);
        // few mass points
        add(cases, ref, "f8_p1_mserd", "rdrobust(f8$y, f8$x)", r, f8);
        add(cases, ref, "f8_p1_msetwo", "rdrobust(f8$y, f8$x, bwselect = \"msetwo\")", r.withBandwidthSelector(msetwo), f8);
        add(cases, ref, "f8_p1_hc1", "rdrobust(f8$y, f8$x, vce = \"hc1\")", r.withVariance(RdVariance.HC1), f8);
        add(cases, ref, "f8_p1_hc3", "rdrobust(f8$y, f8$x, vce = \"hc3\")", r.withVariance(RdVariance.HC3), f8);
        add(cases, ref, "f12_p1_mserd", "rdrobust(f12$y, f12$x)", r, f12);
        add(cases, ref, "f12_p1_msetwo", "rdrobust(f12$y, f12$x, bwselect = \"msetwo\")",
                r.withBandwidthSelector(msetwo), f12);
        add(cases, ref, "f12_p1_cerrd", "rdrobust(f12$y, f12$x, bwselect = \"cerrd\")", r.withBandwidthSelector(cerrd), f12);
        add(cases, ref, "f12_p1_certwo", "rdrobust(f12$y, f12$x, bwselect = \"certwo\")",
                r.withBandwidthSelector(certwo), f12);
        add(cases, ref, "f12_p1_msetwo_check", "rdrobust(f12$y, f12$x, bwselect = \"msetwo\", masspoints = \"check\")",
                r.withBandwidthSelector(msetwo).withMassPoints(check), f12);
        add(cases, ref, "f12_p2_mserd", "rdrobust(f12$y, f12$x, p = 2)", p2, f12);
        add(cases, ref, "f12_p2_msetwo", "rdrobust(f12$y, f12$x, p = 2, bwselect = \"msetwo\")",
                p2.withBandwidthSelector(msetwo), f12);
        // clusters: every vce with every selector
        String[] vces = {"nn", "hc0", "hc1", "hc2", "hc3"};
        String[] selectors = {"mserd", "msetwo", "cerrd", "certwo"};
        for (String v : vces) {
            for (String s : selectors) {
                String call = "rdrobust(cl$y, cl$x, cluster = cl$village" + (v.equals("nn") ? "" : ", vce = \"" + v + "\"")
                        + (s.equals("mserd") ? "" : ", bwselect = \"" + s + "\"") + ")";
                add(cases, ref, "cl_" + v + "_" + s, call, r.withVariance(RdVariance.valueOf(v.toUpperCase()))
                        .withBandwidthSelector(BandwidthSelector.valueOf(s.toUpperCase())), cl);
            }
        }
        RdRobust cr2 = r.withVariance(RdVariance.HC2);
        RdRobust cr3 = r.withVariance(RdVariance.HC3);
        add(cases, ref, "cl_hc2_p2", "rdrobust(cl$y, cl$x, cluster = cl$village, vce = \"hc2\", p = 2)",
                cr2.withOrder(2), cl);
        add(cases, ref, "cl_hc3_p2_certwo",
                "rdrobust(cl$y, cl$x, cluster = cl$village, vce = \"hc3\", p = 2, bwselect = \"certwo\")",
                cr3.withOrder(2).withBandwidthSelector(certwo), cl);
        add(cases, ref, "cl_hc2_epanechnikov",
                "rdrobust(cl$y, cl$x, cluster = cl$village, vce = \"hc2\", kernel = \"epanechnikov\")",
                cr2.withKernel(Kernel.EPANECHNIKOV), cl);
        add(cases, ref, "cl_hc3_uniform", "rdrobust(cl$y, cl$x, cluster = cl$village, vce = \"hc3\", kernel = \"uniform\")",
                cr3.withKernel(Kernel.UNIFORM), cl);
        add(cases, ref, "cl_hc2_fuzzy", "rdrobust(cl$y, cl$x, fuzzy = cl$take, cluster = cl$village, vce = \"hc2\")",
                cr2, clFuzzy);
        add(cases, ref, "cl_hc3_fuzzy",
                "rdrobust(cl$y, cl$x, fuzzy = cl$take, cluster = cl$village, vce = \"hc3\", bwselect = \"cerrd\")",
                cr3.withBandwidthSelector(cerrd), clFuzzy);
        add(cases, ref, "cl_hc1_covariates", "rdrobust(cl$y, cl$x, covs = cl$z, cluster = cl$village, vce = \"hc1\")",
                r.withVariance(RdVariance.HC1), clCovs);
        add(cases, ref, "cl_hc3_covariates", "rdrobust(cl$y, cl$x, covs = cl$z, cluster = cl$village, vce = \"hc3\")",
                cr3, clCovs);
        add(cases, ref, "cl_hc2_h_equals_b", "rdrobust(cl$y, cl$x, cluster = cl$village, vce = \"hc2\", h = 0.3)",
                cr2.withBandwidth(0.3), cl);
        add(cases, ref, "cl_hc3_h_equals_b", "rdrobust(cl$y, cl$x, cluster = cl$village, vce = \"hc3\", h = 0.3)",
                cr3.withBandwidth(0.3), cl);
        add(cases, ref, "cl_hc2_h_b", "rdrobust(cl$y, cl$x, cluster = cl$village, vce = \"hc2\", h = 0.3, b = 0.5)",
                cr2.withBandwidth(0.3).withBiasBandwidth(0.5), cl);
        add(cases, ref, "cl_hc3_h_b_sides",
                "rdrobust(cl$y, cl$x, cluster = cl$village, vce = \"hc3\", h = c(0.3, 0.35), b = c(0.25, 0.5))",
                cr3.withBandwidths(0.3, 0.35).withBiasBandwidths(0.25, 0.5), cl);
        return cases.stream();
    }

    private static void add(List<Arguments> cases, JsonNode ref, String name, String call, RdRobust estimator,
            RdSample sample) {
        cases.add(Arguments.of(name, call, estimator, sample, ref.get(name)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void matchesRdrobust(String name, String call, RdRobust estimator, RdSample sample, JsonNode ref) {
        assertEquals(call, ref.get("call").asText(), "the reference's call");
        RdResult r = estimator.fit(sample, 0);
        List<Executable> checks = new ArrayList<>();
        check(checks, "h_left", r.hLeft(), ref.get("h").get(0).asDouble(), TOL);
        check(checks, "h_right", r.hRight(), ref.get("h").get(1).asDouble(), TOL);
        check(checks, "b_left", r.bLeft(), ref.get("b").get(0).asDouble(), TOL);
        check(checks, "b_right", r.bRight(), ref.get("b").get(1).asDouble(), TOL);
        for (int k = 0; k < 3; k++) {
            check(checks, "coef " + k, r.estimates().get(k).estimate(), ref.get("coef").get(k).asDouble(), TOL);
            check(checks, "se " + k, r.estimates().get(k).se(), ref.get("se").get(k).asDouble(), TOL_SE);
        }
        check(checks, "ci_low", r.robust().ciLow(), ref.get("ci_robust").get(0).asDouble(), TOL);
        check(checks, "ci_high", r.robust().ciHigh(), ref.get("ci_robust").get(1).asDouble(), TOL);
        checks.add(() -> assertEquals(ref.get("n_eff").get(0).asInt(), r.nEffLeft(), "n_eff_left"));
        checks.add(() -> assertEquals(ref.get("n_eff").get(1).asInt(), r.nEffRight(), "n_eff_right"));
        Map<String, Object> diagnostics = r.diagnostics();
        if (!"off".equals(diagnostics.get("masspoints"))) {
            checks.add(() -> assertEquals(ref.get("M").get(0).asInt(), diagnostics.get("n_unique_left"), "M left"));
            checks.add(() -> assertEquals(ref.get("M").get(1).asInt(), diagnostics.get("n_unique_right"), "M right"));
        }
        if (ref.has("n_clust")) {
            checks.add(() -> assertEquals(ref.get("n_clust").get(0).asInt(), diagnostics.get("clusters_left"), "g left"));
            checks.add(() -> assertEquals(ref.get("n_clust").get(1).asInt(), diagnostics.get("clusters_right"), "g right"));
        }
        assertAll(name, checks);
    }

    private static void check(List<Executable> checks, String what, double actual, double expected, double tol) {
        checks.add(() -> assertEquals(expected, actual, tol * Math.abs(expected), what));
    }

    private static int[] codes(double[] ids) {
        int[] c = new int[ids.length];
        for (int i = 0; i < ids.length; i++) {
            c[i] = (int) ids[i];
        }
        return c;
    }
}
