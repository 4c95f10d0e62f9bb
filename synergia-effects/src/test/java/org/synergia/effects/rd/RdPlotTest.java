package org.synergia.effects.rd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.synergia.testdata.TestFiles;

/** Binned RD plot data and its SVG. */
class RdPlotTest {

    private static final Map<String, double[]> SENATE = TestFiles.numericColumns("rdrobust_senate.csv");

    @Test
    void evenlySpacedBinsCoverEachSideAndHoldTheirMeans() {
        RdPlotData d = RdPlot.withDefaults().withBins(10, 10).compute(SENATE.get("vote"), SENATE.get("margin"), 0);
        assertEquals(93, d.dropped());
        int n = 0;
        for (RdPlotData.Bin b : d.bins()) {
            n += b.n();
            assertTrue(b.lower() <= b.x() && b.x() <= b.upper(), b.toString());
            assertEquals(b.right(), b.lower() >= 0, b.toString());
            assertEquals(10.0, b.upper() - b.lower(), 1e-9, "margin spans [-100, 100]: bins 10 wide");
        }
        assertEquals(1297, n);
        // the same means by brute force for the first bin left of the cutoff, [-10, 0)
        double s = 0;
        int m = 0;
        for (int i = 0; i < SENATE.get("vote").length; i++) {
            double x = SENATE.get("margin")[i];
            double y = SENATE.get("vote")[i];
            if (Double.isFinite(y) && x >= -10 && x < 0) {
                s += y;
                m++;
            }
        }
        RdPlotData.Bin last = d.bins().stream().filter(b -> !b.right()).reduce((a, b) -> b).orElseThrow();
        assertEquals(m, last.n());
        assertEquals(s / m, last.y(), 1e-12);
    }

    @Test
    void quantileBinsHoldEqualCountsAndTheSvgIsLabelled() {
        RdPlotData d = RdPlot.withDefaults().withBinning(RdPlot.Binning.QUANTILE_SPACED).withBins(5, 6)
                .withOrder(3).compute(SENATE.get("vote"), SENATE.get("margin"), 0);
        assertEquals(11, d.bins().size());
        for (RdPlotData.Bin b : d.bins()) {
            int expected = b.right() ? 702 / 6 : 595 / 5;
            assertTrue(Math.abs(b.n() - expected) <= 1, b.toString());
        }
        String svg = d.toSvg("Vote share (%)", "Margin of victory (%)", "US Senate <elections>");
        assertTrue(svg.startsWith("<svg") && svg.endsWith("</svg>\n"));
        assertTrue(svg.contains("Margin of victory (%)") && svg.contains("Vote share (%)"));
        assertTrue(svg.contains("US Senate &lt;elections&gt;"));
        assertTrue(svg.contains("#0072B2") && svg.contains("#D55E00"));
        assertEquals(11, svg.split("<circle", -1).length - 1);
    }

    @Test
    void globalFitReproducesAnExactPolynomial() {
        double[] x = new double[200];
        double[] y = new double[200];
        for (int i = 0; i < 200; i++) {
            x[i] = -1 + i / 100.0;
            y[i] = x[i] < 0 ? 1 + x[i] * x[i] : 3 - 2 * x[i] + x[i] * x[i] * x[i];
        }
        RdPlotData d = RdPlot.withDefaults().compute(y, x, 0);
        double[][] r = d.rightCurve();
        for (int i = 0; i < r[0].length; i++) {
            double xv = r[0][i];
            assertEquals(3 - 2 * xv + xv * xv * xv, r[1][i], 1e-9);
        }
        assertEquals(2.0, d.leftCurve()[1][0], 1e-9);
    }
}
