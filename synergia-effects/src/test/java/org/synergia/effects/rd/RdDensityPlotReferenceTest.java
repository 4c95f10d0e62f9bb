package org.synergia.effects.rd;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.synergia.testdata.TestFiles;

/**
 * The density plot's estimates against R. Source: R 4.2.2, rddensity 3.0 {@code rdplotdensity} with
 * lpdensity 2.5 (its {@code Estl} and {@code Estr} estimates), the calls below and in the
 * {@code plots} of {@code reference_values_rddensity.json} (synergia-testdata, made by
 * {@code reference_values_rddensity.R}); grid, effective sizes and estimates at 1e-6 relative,
 * standard errors at 1e-4.
 */
class RdDensityPlotReferenceTest {

    record Case(String name, String call, String plot, String data, double cutoff, RdDensity test, RdDensityPlot plotter) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Arguments> references() {
        JsonNode plots = TestFiles.referenceJson("reference_values_rddensity.json").get("plots");
        RdDensity r = RdDensity.withDefaults();
        RdDensityPlot d = RdDensityPlot.withDefaults();
        List<Case> c = List.of(
                new Case("s_default", "rddensity(s)", "rdplotdensity(rdd, X, noPlot = TRUE)", "s", 0, r, d),
                new Case("t_default", "rddensity(t)", "rdplotdensity(rdd, X, noPlot = TRUE)", "t", 0, r, d),
                new Case("b_default", "rddensity(b)", "rdplotdensity(rdd, X, plotN = 15, plotGrid = \"qs\", noPlot = TRUE)",
                        "b", 0, r, d.withPoints(15, 15).withGrid(RdDensityPlot.Grid.QUANTILE_SPACED)),
                new Case("c_h_pair", "rddensity(c40, c = 40, h = c(8, 12))",
                        "rdplotdensity(rdd, X, plotRange = c(20, 60), plotN = c(12, 8), noPlot = TRUE)", "c40", 40,
                        r.withBandwidths(8, 12), d.withRange(20, 60).withPoints(12, 8)),
                new Case("t_nomasspoints", "rddensity(t, massPoints = FALSE)", "rdplotdensity(rdd, X, noPlot = TRUE)", "t",
                        0, r.withMassPoints(false), d),
                new Case("s_p1_uniform", "rddensity(s, p = 1, kernel = \"uniform\")",
                        "rdplotdensity(rdd, X, plotN = 7, noPlot = TRUE)", "s", 0, r.withOrder(1).withKernel(Kernel.UNIFORM),
                        d.withPoints(7, 7)),
                new Case("s_epa_q4", "rddensity(s, kernel = \"epanechnikov\", q = 4)", "rdplotdensity(rdd, X, noPlot = TRUE)",
                        "s", 0, r.withKernel(Kernel.EPANECHNIKOV).withBiasOrder(4), d));
        assertEquals(plots.size(), c.size(), "every reference plot is tested");
        return c.stream().map(k -> Arguments.of(k, plots.get(k.name())));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("references")
    void matchesRdplotdensity(Case c, JsonNode ref) {
        assertEquals(c.call(), ref.get("call").asText(), "the reference's test");
        assertEquals(c.plot(), ref.get("plot").asText(), "the reference's plot");
        double[] x = RdDensityReferenceTest.DATA.get(c.data());
        RdDensityPlotData p = c.plotter().compute(x, c.test().fit(c.data(), x, c.cutoff()));
        List<Executable> checks = new ArrayList<>();
        side(checks, "left", p.left(), ref.get("left"));
        side(checks, "right", p.right(), ref.get("right"));
        assertAll(c.name(), checks);
    }

    private static void side(List<Executable> checks, String what, RdDensityPlotData.Side s, JsonNode ref) {
        checks.add(() -> assertEquals(ref.get("grid").size(), s.grid().length, what + " grid points"));
        for (int j = 0; j < s.grid().length; j++) {
            int k = j;
            String at = what + " " + j + " ";
            RdDensityReferenceTest.check(checks, at + "grid", s.grid()[j], ref.get("grid").get(j), 1e-6);
            checks.add(() -> assertEquals(ref.get("nh").get(k).asInt(), s.nh()[k], at + "nh"));
            RdDensityReferenceTest.check(checks, at + "f_p", s.fP()[j], ref.get("f_p").get(j), 1e-6);
            RdDensityReferenceTest.check(checks, at + "f_q", s.fQ()[j], ref.get("f_q").get(j), 1e-6);
            RdDensityReferenceTest.check(checks, at + "se_p", s.seP()[j], ref.get("se_p").get(j), 1e-4);
            RdDensityReferenceTest.check(checks, at + "se_q", s.seQ()[j], ref.get("se_q").get(j), 1e-4);
        }
    }

    @Test
    void theSvgShowsBandsLinesAndTheHistogram() {
        double[] x = RdDensityReferenceTest.DATA.get("b");
        RdDensityResult r = RdDensity.withDefaults().fit("b", x, 0);
        RdDensityPlotData p = RdDensityPlot.withDefaults().compute(x, r);
        String svg = p.toSvg("Score <b>", "");
        assertTrue(svg.startsWith("<svg") && svg.endsWith("</svg>\n"), svg);
        assertTrue(svg.contains("Score &lt;b&gt;") && svg.contains(">Density</text>"), svg);
        assertEquals(2, svg.split("<polygon", -1).length - 1, "a band on each side");
        assertEquals(2, svg.split("<polyline", -1).length - 1, "a line on each side");
        assertEquals(p.histogram().size(), svg.split("<rect x=", -1).length - 1, "the histogram's bars");
        assertTrue(svg.contains("stroke-dasharray"), "the cutoff");
        // the histogram is a density of the whole sample: its area within the range is the share of units there
        double area = p.histogram().stream().mapToDouble(b -> b.height() * (b.upper() - b.lower())).sum();
        double lo = p.histogram().get(0).lower();
        double hi = p.histogram().get(p.histogram().size() - 1).upper();
        long inside = java.util.Arrays.stream(x).filter(v -> v > lo && v <= hi).count();
        assertEquals(inside / (double) x.length, area, 1e-9);
    }
}
