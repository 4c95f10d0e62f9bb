package org.synergia.effects.rd;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.synergia.data.InputException;
import org.synergia.stats.linalg.Cholesky;

/**
 * Binned regression discontinuity plot (Calonico, Cattaneo and Titiunik 2015, "Optimal data-driven
 * regression discontinuity plots"): means of the outcome in evenly spaced or quantile-spaced bins
 * of the running variable on each side of the cutoff, with a global polynomial fitted separately on
 * each side (order 4 by default, as in rdplot).
 *
 * <pre>{@code
 * RdPlotData d = RdPlot.withDefaults().withBinning(RdPlot.Binning.QUANTILE_SPACED).compute(y, x, 0);
 * String svg = d.toSvg("Vote share (%)", "Margin of victory (%)", "Senate elections");
 * }</pre>
 */
public final class RdPlot {

    /** How the bins are laid out on each side. */
    public enum Binning {
        /** Bins of equal width between the side's extreme value and the cutoff. */
        EVENLY_SPACED,
        /** Bins holding (nearly) equal numbers of observations. */
        QUANTILE_SPACED
    }

    /** Points on each side's fitted curve. */
    private static final int CURVE_POINTS = 101;

    private final Binning binning;
    private final int binsLeft;
    private final int binsRight;
    private final int order;

    private RdPlot(Binning binning, int binsLeft, int binsRight, int order) {
        this.binning = binning;
        this.binsLeft = binsLeft;
        this.binsRight = binsRight;
        this.order = order;
    }

    /** @return evenly spaced bins, 20 per side, global polynomials of order 4 */
    public static RdPlot withDefaults() {
        return new RdPlot(Binning.EVENLY_SPACED, 20, 20, 4);
    }

    /**
     * @param b the bin layout
     * @return a copy with it
     */
    public RdPlot withBinning(Binning b) {
        return new RdPlot(b, binsLeft, binsRight, order);
    }

    /**
     * @param left number of bins left of the cutoff, at least 1
     * @param right number of bins right of the cutoff, at least 1
     * @return a copy with them
     */
    public RdPlot withBins(int left, int right) {
        if (left < 1 || right < 1) {
            throw new InputException("an RD plot needs at least one bin on each side, not " + left + " and " + right);
        }
        return new RdPlot(binning, left, right, order);
    }

    /**
     * @param p order of the global polynomial on each side (0 to 8)
     * @return a copy with it
     */
    public RdPlot withOrder(int p) {
        if (p < 0 || p > 8) {
            throw new InputException("the RD plot's polynomial order " + p + " is not supported; use 0 to 8");
        }
        return new RdPlot(binning, binsLeft, binsRight, p);
    }

    /**
     * Bins and fitted curves. Rows with a missing outcome or running variable are left out.
     *
     * @param outcome the outcome
     * @param running the running variable
     * @param cutoff the cutoff
     * @return the plot data
     */
    public RdPlotData compute(double[] outcome, double[] running, double cutoff) {
        if (outcome.length != running.length) {
            throw new InputException("outcome has " + outcome.length + " values but the running variable has "
                    + running.length);
        }
        List<double[]> left = new ArrayList<>();
        List<double[]> right = new ArrayList<>();
        int dropped = 0;
        for (int i = 0; i < outcome.length; i++) {
            if (!Double.isFinite(outcome[i]) || !Double.isFinite(running[i])) {
                dropped++;
            } else if (running[i] < cutoff) {
                left.add(new double[] {running[i], outcome[i]});
            } else {
                right.add(new double[] {running[i], outcome[i]});
            }
        }
        if (left.size() <= order || right.size() <= order) {
            throw new InputException("an RD plot with a polynomial of order " + order + " needs more than " + order
                    + " units on each side of the cutoff; found " + left.size() + " left and " + right.size()
                    + " right");
        }
        List<RdPlotData.Bin> bins = new ArrayList<>();
        bins.addAll(bin(sorted(left), binsLeft, false, cutoff));
        bins.addAll(bin(sorted(right), binsRight, true, cutoff));
        return new RdPlotData(cutoff, binning, bins, curve(sorted(left), cutoff), curve(sorted(right), cutoff),
                dropped);
    }

    private static double[][] sorted(List<double[]> points) {
        double[][] a = points.toArray(new double[0][]);
        Arrays.sort(a, (p, q) -> Double.compare(p[0], q[0]));
        return a;
    }

    private List<RdPlotData.Bin> bin(double[][] pts, int bins, boolean right, double cutoff) {
        int n = pts.length;
        double lo = right ? cutoff : pts[0][0];
        double hi = right ? pts[n - 1][0] : cutoff;
        List<RdPlotData.Bin> out = new ArrayList<>();
        int start = 0;
        for (int j = 0; j < bins; j++) {
            int end;
            double lower;
            double upper;
            if (binning == Binning.EVENLY_SPACED) {
                lower = lo + (hi - lo) * j / bins;
                upper = j == bins - 1 ? hi : lo + (hi - lo) * (j + 1) / bins;
                end = start;
                while (end < n && (pts[end][0] < upper || (j == bins - 1 && end < n))) {
                    end++;
                }
            } else {
                end = (int) Math.round((double) n * (j + 1) / bins);
                lower = start < n ? pts[start][0] : hi;
                upper = end > 0 ? pts[end - 1][0] : lo;
            }
            if (end > start) {
                double sx = 0;
                double sy = 0;
                for (int i = start; i < end; i++) {
                    sx += pts[i][0];
                    sy += pts[i][1];
                }
                int m = end - start;
                double my = sy / m;
                double ss = 0;
                for (int i = start; i < end; i++) {
                    ss += (pts[i][1] - my) * (pts[i][1] - my);
                }
                double se = m > 1 ? Math.sqrt(ss / (m - 1) / m) : Double.NaN;
                out.add(new RdPlotData.Bin(right, lower, upper, sx / m, my, m, se));
            }
            start = end;
        }
        return out;
    }

    /** Least-squares polynomial of the plot's order on one side, evaluated on a grid. */
    private double[][] curve(double[][] pts, double cutoff) {
        int n = pts.length;
        double scale = Math.max(Math.abs(pts[0][0] - cutoff), Math.abs(pts[n - 1][0] - cutoff));
        int k = order + 1;
        double[][] g = new double[k][k];
        double[] rhs = new double[k];
        double[] r = new double[k];
        for (double[] pt : pts) {
            double u = (pt[0] - cutoff) / scale;
            double pw = 1;
            for (int t = 0; t < k; t++) {
                r[t] = pw;
                pw *= u;
            }
            for (int a = 0; a < k; a++) {
                rhs[a] += r[a] * pt[1];
                for (int b = 0; b <= a; b++) {
                    g[a][b] += r[a] * r[b];
                }
            }
        }
        for (int a = 0; a < k; a++) {
            for (int b = a + 1; b < k; b++) {
                g[a][b] = g[b][a];
            }
        }
        Cholesky factor = Cholesky.of(g, 1e-13);
        if (!factor.isPositiveDefinite()) {
            throw new InputException("the RD plot's polynomial of order " + order + " is not identified on one side ("
                    + n + " units); use a lower order");
        }
        double[] beta = factor.solve(rhs);
        double[][] curve = new double[2][CURVE_POINTS];
        for (int i = 0; i < CURVE_POINTS; i++) {
            double xv = pts[0][0] + (pts[n - 1][0] - pts[0][0]) * i / (CURVE_POINTS - 1);
            double u = (xv - cutoff) / scale;
            double s = 0;
            for (int t = k - 1; t >= 0; t--) {
                s = s * u + beta[t];
            }
            curve[0][i] = xv;
            curve[1][i] = s;
        }
        return curve;
    }
}
