package org.synergia.effects.rd;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.hipparchus.distribution.continuous.NormalDistribution;
import org.synergia.data.InputException;
import org.synergia.data.NumericColumn;
import org.synergia.data.OptionName;
import org.synergia.stats.linalg.Cholesky;

/**
 * The density plot of a manipulation test, as R {@code rdplotdensity} draws it: on each side of the
 * cutoff, local polynomial density estimates (Cattaneo, Jansson and Ma 2020; R {@code lpdensity}
 * 2.5) on a grid of points, with the test's bandwidth, orders and kernel; the line is the order-p
 * estimate and the band the pointwise confidence interval of the order-q (bias-corrected) estimate,
 * over a histogram of the running variable. Each side is estimated from its own units only, its
 * density scaled by the side's share {@code n_side / (N - 1)} so that the two sides are on the scale
 * of the whole sample.
 *
 * <p>At a grid point {@code g} the estimator regresses the side's empirical distribution function
 * {@code F(x) = #(X_side <= x) / n_side} on powers of {@code (x - g) / h} with kernel weights; the
 * variance is that of its influence function, {@code Σ_i (a' (M_i - M))^2 / (n^2 h^2)}, with
 * {@code M_i} the kernel-weighted sum over the units at or above unit i and {@code M} its mean.
 * Sorted once; each grid point costs a pass over its window.
 */
public final class RdDensityPlot {

    /** How the grid points are placed on each side. */
    public enum Grid {
        /** Evenly spaced between the plot range's end and the cutoff. */
        EVENLY_SPACED,
        /** At evenly spaced quantiles of the running variable. */
        QUANTILE_SPACED
    }

    private final Grid grid;
    private final int pointsLeft;
    private final int pointsRight;
    private final double[] range;
    private final double level;

    private RdDensityPlot(Grid grid, int pointsLeft, int pointsRight, double[] range, double level) {
        this.grid = grid;
        this.pointsLeft = pointsLeft;
        this.pointsRight = pointsRight;
        this.range = range;
        this.level = level;
    }

    /**
     * @return rdplotdensity's defaults: 10 evenly spaced points a side over the cutoff plus and minus
     *     three bandwidths (within the data), 95% bands
     */
    public static RdDensityPlot withDefaults() {
        return new RdDensityPlot(Grid.EVENLY_SPACED, 10, 10, null, 0.95);
    }

    /** @return a copy with the grid layout */
    public RdDensityPlot withGrid(Grid g) {
        return new RdDensityPlot(g, pointsLeft, pointsRight, range, level);
    }

    /**
     * @param left grid points left of the cutoff (at least 2, the last at the cutoff)
     * @param right grid points right of it (at least 2, the first at the cutoff)
     * @return a copy with them
     */
    public RdDensityPlot withPoints(int left, int right) {
        for (int n : new int[] {left, right}) {
            if (n < 2) {
                throw new InputException(RdProblem.PLOT_POINTS, OptionName.of("plot-n"), n);
            }
        }
        return new RdDensityPlot(grid, left, right, range, level);
    }

    /**
     * @param low the plot's left end, below the cutoff
     * @param high its right end, above the cutoff
     * @return a copy with them (checked against the cutoff when computed)
     */
    public RdDensityPlot withRange(double low, double high) {
        return new RdDensityPlot(grid, pointsLeft, pointsRight, new double[] {low, high}, level);
    }

    /** @return a copy with the bands' confidence level */
    public RdDensityPlot withLevel(double confidence) {
        if (!(confidence > 0 && confidence < 1)) {
            throw new InputException(RdProblem.LEVEL_RANGE, OptionName.of("level"), confidence);
        }
        return new RdDensityPlot(grid, pointsLeft, pointsRight, range, confidence);
    }

    /**
     * @param running the running variable the test was computed on (non-finite values are left out)
     * @param test the test, whose cutoff, bandwidths, orders, kernel and mass-point setting the plot uses
     * @return the plot's estimates and histogram
     */
    public RdDensityPlotData compute(double[] running, RdDensityResult test) {
        double c = test.cutoff();
        double[] x = DensitySample.sortedFinite(running);
        int n = x.length;
        double lo = range == null ? Math.max(x[0], c - 3 * test.hLeft()) : range[0];
        double hi = range == null ? Math.min(x[n - 1], c + 3 * test.hRight()) : range[1];
        if (!(lo < c && hi > c)) {
            throw new InputException(RdProblem.PLOT_RANGE, OptionName.of("plot-range"),
                    NumericColumn.formatNumber(lo) + "," + NumericColumn.formatNumber(hi), c);
        }
        int nLeft = 0;
        while (nLeft < n && x[nLeft] < c) {
            nLeft++;
        }
        double[] gl;
        double[] gr;
        if (grid == Grid.EVENLY_SPACED) {
            gl = sequence(lo, c, pointsLeft);
            gr = sequence(c, hi, pointsRight);
        } else {
            gl = quantiles(x, sequence(share(x, lo, true), nLeft / (double) n, pointsLeft));
            gr = quantiles(x, sequence(nLeft / (double) n, share(x, hi, true), pointsRight));
        }
        gl[pointsLeft - 1] = c;
        gr[0] = c;
        RdDensityResult.Settings s = test.settings();
        double z = new NormalDistribution(0, 1).inverseCumulativeProbability(0.5 + level / 2);
        double[] left = Arrays.copyOfRange(x, 0, nLeft);
        double[] right = Arrays.copyOfRange(x, nLeft, n);
        RdDensityPlotData.Side sl = side(left, gl, test.hLeft(), s, nLeft / (n - 1.0), z);
        RdDensityPlotData.Side sr = side(right, gr, test.hRight(), s, (n - nLeft) / (n - 1.0), z);
        return new RdDensityPlotData(c, level, sl, sr, histogram(x, lo, hi, c));
    }

    /** R's {@code seq(from, to, length.out = m)}. */
    private static double[] sequence(double from, double to, int m) {
        double[] s = new double[m];
        double by = (to - from) / (m - 1);
        for (int i = 0; i < m; i++) {
            s[i] = from + i * by;
        }
        s[m - 1] = to;
        return s;
    }

    /** The share of values at most {@code v}. */
    private static double share(double[] x, double v, boolean inclusive) {
        int k = 0;
        while (k < x.length && (inclusive ? x[k] <= v : x[k] < v)) {
            k++;
        }
        return k / (double) x.length;
    }

    /** Quantiles of sorted values, R's type 7. */
    private static double[] quantiles(double[] x, double[] probs) {
        int n = x.length;
        double[] q = new double[probs.length];
        for (int j = 0; j < probs.length; j++) {
            double index = 1 + (n - 1) * probs[j];
            int lo = (int) Math.floor(index);
            int hi = (int) Math.ceil(index);
            double v = x[lo - 1];
            double h = index - lo;
            if (index > lo && x[hi - 1] != v) {
                v = (1 - h) * v + h * x[hi - 1];
            }
            q[j] = v;
        }
        return q;
    }

    /** One side's estimates at its grid points. */
    private static RdDensityPlotData.Side side(double[] data, double[] grid, double h, RdDensityResult.Settings s,
            double scale, double z) {
        int m = grid.length;
        int n = data.length;
        // the side's distribution function at each unit, and its distinct values' groups
        double[] fn = new double[n];
        for (int i = n - 1; i >= 0; ) {
            int last = i;
            do {
                fn[i] = (s.massPoints() ? last + 1 : i + 1) / (double) n;
                i--;
            } while (i >= 0 && data[i] == data[last]);
        }
        int[] nh = new int[m];
        double[] fp = new double[m];
        double[] fq = new double[m];
        double[] sep = new double[m];
        double[] seq = new double[m];
        for (int j = 0; j < m; j++) {
            double g = grid[j];
            int lo = firstDifferenceAtLeast(data, g, -h);
            int hi = firstDifferenceAbove(data, g, h);
            nh[j] = hi - lo;
            double[] est = estimate(data, fn, lo, hi, g, h, s.p(), s.kernel(), s.massPoints());
            double[] bc = s.q() > s.p() ? estimate(data, fn, lo, hi, g, h, s.q(), s.kernel(), s.massPoints()) : est;
            boolean identified = !Double.isNaN(est[0]);
            fp[j] = est[0] * scale;
            sep[j] = est[1] * scale;
            fq[j] = identified ? bc[0] * scale : Double.NaN;
            seq[j] = identified ? bc[1] * scale : Double.NaN;
        }
        double[] low = new double[m];
        double[] high = new double[m];
        for (int j = 0; j < m; j++) {
            low[j] = fq[j] - z * seq[j];
            high[j] = fq[j] + z * seq[j];
        }
        return new RdDensityPlotData.Side(grid, nh, fp, fq, sep, seq, low, high);
    }

    private static int firstDifferenceAtLeast(double[] x, double g, double v) {
        int lo = 0;
        int hi = x.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (x[mid] - g >= v) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return lo;
    }

    private static int firstDifferenceAbove(double[] x, double g, double v) {
        int lo = 0;
        int hi = x.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (x[mid] - g > v) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return lo;
    }

    /**
     * The density estimate at {@code g} from a fit of order {@code o} on the window {@code [lo, hi)}
     * and its standard error (unscaled), or NaN when the window does not identify the polynomial.
     */
    private static double[] estimate(double[] x, double[] fn, int lo, int hi, double g, double h, int o, Kernel kernel,
            boolean massPoints) {
        int n = x.length;
        int k = o + 1;
        double[] moments = new double[2 * k - 1];
        double[] rhs = new double[k];
        for (int i = lo; i < hi; i++) {
            double u = (x[i] - g) / h;
            double w = kernel.weight(u) / h;
            double pw = w;
            for (int t = 0; t < moments.length; t++) {
                moments[t] += pw;
                if (t < k) {
                    rhs[t] += pw * fn[i];
                }
                pw *= u;
            }
        }
        double[][] gram = new double[k][k];
        for (int a = 0; a < k; a++) {
            for (int b = 0; b < k; b++) {
                gram[a][b] = moments[a + b];
            }
        }
        Cholesky factor = Cholesky.of(gram, 1e-13);
        if (hi - lo == 0 || !factor.isPositiveDefinite()) {
            return new double[] {Double.NaN, Double.NaN};
        }
        double[][] inv = factor.inverse();
        double[] beta = KernelMoments.times(inv, rhs);
        double f = beta[1] / h;
        // zeta_i = w_i e_1' G^-1 r_i: the unit's weight in the density coefficient
        double[] a = inv[1];
        double total = 0;
        double mean = 0;
        for (int i = lo; i < hi; i++) {
            double zeta = zeta(x[i], g, h, kernel, a);
            total += zeta;
            mean += zeta * fn[i];
        }
        double ss = lo * (total - mean) * (total - mean) + (n - hi) * mean * mean;
        double suffix = 0;
        int i = hi - 1;
        while (i >= lo) {
            int j = i;
            if (massPoints) {
                while (j > lo && x[j - 1] == x[i]) {
                    j--;
                }
            }
            double zeta = zeta(x[i], g, h, kernel, a);
            int freq = i - j + 1;
            suffix += freq * zeta;
            double d = suffix - mean;
            ss += freq * d * d;
            i = j - 1;
        }
        return new double[] {f, Math.sqrt(ss) / (n * h)};
    }

    private static double zeta(double xi, double g, double h, Kernel kernel, double[] a) {
        double u = (xi - g) / h;
        double s = 0;
        for (int t = a.length - 1; t >= 0; t--) {
            s = s * u + a[t];
        }
        return kernel.weight(u) / h * s;
    }

    /**
     * rdplotdensity's histogram: {@code ceil(min(sqrt(m), 10 log10(m)))} equal bins on each side
     * between the plot range's ends and the cutoff ({@code m} the side's units within the range),
     * shifted left by a hundred-millionth of the range so that units at the cutoff fall right of it;
     * heights {@code count / (N width)}, the density of the whole sample.
     */
    private static List<RdDensityPlotData.Bar> histogram(double[] x, double lo, double hi, double c) {
        int inLeft = 0;
        int inRight = 0;
        for (double v : x) {
            if (v >= lo && v < c) {
                inLeft++;
            } else if (v >= c && v <= hi) {
                inRight++;
            }
        }
        int bl = Math.max(1, (int) Math.ceil(Math.min(Math.sqrt(inLeft), 10 * Math.log10(inLeft))));
        int br = Math.max(1, (int) Math.ceil(Math.min(Math.sqrt(inRight), 10 * Math.log10(inRight))));
        double shift = (lo - hi) / 1e8;
        double[] edges = new double[bl + br + 1];
        double[] l = sequence(lo, c, bl + 1);
        double[] r = sequence(c, hi, br + 1);
        for (int i = 0; i <= bl; i++) {
            edges[i] = l[i] + shift;
        }
        for (int i = 1; i <= br; i++) {
            edges[bl + i] = r[i] + shift;
        }
        int[] counts = new int[edges.length - 1];
        for (double v : x) {
            if (v < edges[0] || v > edges[edges.length - 1]) {
                continue;
            }
            int b = Arrays.binarySearch(edges, v);
            // bins are closed on the right, the first one also on the left
            int bin = b >= 0 ? Math.max(b - 1, 0) : -b - 2;
            counts[bin]++;
        }
        List<RdDensityPlotData.Bar> bars = new ArrayList<>(counts.length);
        for (int i = 0; i < counts.length; i++) {
            double width = edges[i + 1] - edges[i];
            bars.add(new RdDensityPlotData.Bar(edges[i], edges[i + 1], counts[i] / (x.length * width), i >= bl));
        }
        return bars;
    }
}
