package org.synergia.effects.rd;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.synergia.data.InputException;
import org.synergia.data.OptionName;

/**
 * rdbwselect: pilot, bias and main bandwidths by plug-in of estimated constants (CCT 2014,
 * section 4), MSE-optimal ({@code mserd}, {@code msetwo}) or shrunk to the coverage-error-optimal
 * rate ({@code cerrd}, {@code certwo}; CCF 2020, section 3.2).
 */
final class BandwidthSelection {

    private final PreparedSample data;
    private final RdSide left;
    private final RdSide right;
    private final Kernel kernel;
    private final int p;
    private final BandwidthSelector selector;
    private final MassPoints massPoints;
    private final int neighbours;
    private final double minLeft;
    private final double minRight;
    /** Nearest-neighbour residuals by side and window: every pilot fit shares the pilot window. */
    private final Map<Long, double[][]> neighbourResiduals = new HashMap<>();

    /**
     * @param data the prepared sample
     * @param kernel the kernel
     * @param p the order of the local polynomial
     * @param selector the selector
     * @param massPoints how mass points are handled ({@link MassPoints#ADJUST}: the pilot counts distinct values)
     * @param neighbours neighbours of the nearest-neighbour variance
     * @param check distinct running-variable values each side must keep within the pilot bandwidths
     *     (rdrobust's {@code bwcheck}; 0: none)
     * @param rightInDataOrder true when the right side's distinct values are counted in data order
     *     (rdrobust does not sort the data when mass points are off and the variance is not nn)
     */
    BandwidthSelection(PreparedSample data, Kernel kernel, int p, BandwidthSelector selector, MassPoints massPoints,
            int neighbours, int check, boolean rightInDataOrder) {
        this.data = data;
        this.kernel = kernel;
        this.p = p;
        this.selector = selector;
        this.massPoints = massPoints;
        this.neighbours = neighbours;
        left = data.left();
        right = data.right();
        minLeft = check > 0 ? left.distinctAbsDist[Math.min(check, left.distinctCount()) - 1] + 1e-8 : 0;
        int kr = Math.min(check, right.distinctCount());
        minRight = check <= 0 ? 0
                : (rightInDataOrder ? right.distinctAbsDistInDataOrder(kr) : right.distinctAbsDist[kr - 1]) + 1e-8;
    }

    /**
     * rdrobust 4.0's selection: the pilot bandwidths (the rule of thumb and the bandwidth d of the
     * derivative estimate) are capped at the range of the running variable and then kept wide enough
     * to hold the {@code check} distinct values on each side; the bias and main bandwidths b and h are
     * capped at the range only.
     *
     * @param qq the order of the bias-correction polynomial
     * @return {hL, hR, bL, bR}
     * @throws InputException when the estimated constants give no usable bandwidth
     */
    double[] select(int qq) {
        int n = left.n + right.n;
        // rule-of-thumb pilot; with mass-point adjustment the sample size is the number of distinct values
        int pilotSize = massPoints == MassPoints.ADJUST ? left.distinctCount() + right.distinctCount() : n;
        double pilot = kernel.pilotConstant() * Math.min(sd(left, right), iqr(left, right) / 1.349) * Math.pow(pilotSize, -0.2);
        pilot = Math.max(Math.min(pilot, Math.max(left.range(), right.range())), Math.max(minLeft, minRight));
        // constants of the pilot d of the bias bandwidths: order q+1 fits at the pilot, derivatives over each whole side
        Constants dl = constants(left, qq + 1, qq + 1, qq + 2, pilot, left.range(), false);
        Constants dr = constants(right, qq + 1, qq + 1, qq + 2, pilot, right.range(), false);
        double[] bw = selector.perSide() ? perSide(qq, pilot, dl, dr) : common(qq, pilot, dl, dr);
        if (selector.coverage()) {
            // CCF 2020, section 3.2: shrink the MSE-optimal h to the CER-optimal rate; with clusters
            // rdrobust's size is the number of clusters of each side, summed
            int size = data.clusterTotal() > 0 ? left.clustersIn(left.n) + right.clustersIn(right.n) : n;
            double factor = Math.pow(size, -p / ((3.0 + p) * (3.0 + 2 * p)));
            bw[0] *= factor;
            bw[1] *= factor;
        }
        if (!(bw[0] > 0 && bw[1] > 0 && bw[2] > 0 && bw[3] > 0) || !Double.isFinite(bw[0] + bw[1] + bw[2] + bw[3])) {
            throw new InputException(RdProblem.BANDWIDTH_SELECTION_FAILED, OptionName.of("h"));
        }
        return bw;
    }

    /** MSE-optimal bandwidths of each side's boundary estimate ({@code msetwo}): {hL, hR, bL, bR}. */
    private double[] perSide(int qq, double pilot, Constants dl, Constants dr) {
        double rangeL = left.range();
        double rangeR = right.range();
        double dbl = Math.max(Math.min(Math.pow(dl.v / (dl.b * dl.b), dl.rate), rangeL), minLeft);
        double dbr = Math.max(Math.min(Math.pow(dr.v / (dr.b * dr.b), dr.rate), rangeR), minRight);
        Constants cbl = constants(left, qq, p + 1, qq + 1, pilot, dbl, true);
        Constants cbr = constants(right, qq, p + 1, qq + 1, pilot, dbr, true);
        double bl = Math.min(Math.pow(cbl.v / (cbl.b * cbl.b + cbl.r), cbl.rate), rangeL);
        double br = Math.min(Math.pow(cbr.v / (cbr.b * cbr.b + cbr.r), cbr.rate), rangeR);
        Constants chl = constants(left, p, 0, qq, pilot, bl, true);
        Constants chr = constants(right, p, 0, qq, pilot, br, true);
        double hl = Math.min(Math.pow(chl.v / (chl.b * chl.b + chl.r), chl.rate), rangeL);
        double hr = Math.min(Math.pow(chr.v / (chr.b * chr.b + chr.r), chr.rate), rangeR);
        return new double[] {hl, hr, bl, br};
    }

    /** One MSE-optimal bandwidth for the difference of the boundary estimates ({@code mserd}): {h, h, b, b}. */
    private double[] common(int qq, double pilot, Constants dl, Constants dr) {
        double range = Math.max(left.range(), right.range());
        double d = Math.max(Math.min(Math.pow((dl.v + dr.v) / square(dr.b - dl.b), dl.rate), range),
                Math.max(minLeft, minRight));
        Constants cbl = constants(left, qq, p + 1, qq + 1, pilot, d, true);
        Constants cbr = constants(right, qq, p + 1, qq + 1, pilot, d, true);
        double b = Math.min(Math.pow((cbl.v + cbr.v) / (square(cbr.b - cbl.b) + cbl.r + cbr.r), cbl.rate), range);
        Constants chl = constants(left, p, 0, qq, pilot, b, true);
        Constants chr = constants(right, p, 0, qq, pilot, b, true);
        double h = Math.min(Math.pow((chl.v + chr.v) / (square(chr.b - chl.b) + chl.r + chr.r), chl.rate), range);
        return new double[] {h, h, b, b};
    }

    private double[][] windowResiduals(LocalPolynomialFit fit, int parameters) {
        if (data.vce() != RdVariance.NN || data.clusterTotal() > 0) {
            return Residuals.of(fit, data.vce(), neighbours, parameters);
        }
        long key = (fit.side == left ? 0L : 1L << 40) + fit.n;
        return neighbourResiduals.computeIfAbsent(key, k -> Residuals.of(fit, RdVariance.NN, neighbours, parameters));
    }

    /** The estimated variance and bias constants of one side (rdrobust's building block). */
    private record Constants(double v, double b, double r, double rate) {
    }

    /**
     * Variance constant from an order-o fit at the pilot bandwidth hV, bias constant from the
     * (o+1)-th derivative estimated by an order-oB fit at hB, and the regularisation term
     * (variance of that derivative estimate), for the nu-th derivative at the cutoff.
     */
    private Constants constants(RdSide side, int o, int nu, int oB, double hV, double hB, boolean regularise) {
        LocalPolynomialFit fv = new LocalPolynomialFit(side, side.window(hV, kernel), o, hV, kernel);
        double nuFactorial = factorial(nu);
        int columns = data.estimandColumns();
        double[] theta = new double[columns];
        for (int c = 0; c < columns; c++) {
            theta[c] = nuFactorial * fv.coefficient(c, nu);
        }
        double[][] partial = data.covariateNames().isEmpty() ? null : fv.partialledCrossProducts();
        double[] s = new RdEstimand(data.fuzzy(), columns, partial, data.covariateNames()).gradient(theta);
        double vs = Residuals.variance(fv, fv.equivalentKernel(nu), Residuals.combine(windowResiduals(fv, o + 1), s),
                o + 1, data.vce());
        double v = (2 * nu + 1) * hV * vs;
        double direction = fv.biasDirection()[nu];
        LocalPolynomialFit fb = new LocalPolynomialFit(side, side.window(hB, kernel), oB, hB, kernel);
        double derivative = 0;
        for (int c = 0; c < columns; c++) {
            derivative += s[c] * fb.coefficient(c, o + 1);
        }
        double r = 0;
        if (regularise) {
            double vb = Residuals.variance(fb, fb.equivalentKernel(o + 1),
                    Residuals.combine(windowResiduals(fb, oB + 1), s), oB + 1, data.vce()) / Math.pow(hB, 2.0 * (o + 1));
            r = 2 * (o + 1 - nu) * 3 * direction * direction * vb;
        }
        double b = Math.sqrt(2.0 * (o + 1 - nu)) * direction * derivative;
        return new Constants(v, b, r, 1.0 / (2 * o + 3));
    }

    private static double square(double v) {
        return v * v;
    }

    private static double factorial(int k) {
        double f = 1;
        for (int i = 2; i <= k; i++) {
            f *= i;
        }
        return f;
    }

    /** Sample standard deviation (divisor n - 1), two-pass. */
    private static double sd(RdSide left, RdSide right) {
        double m = 0;
        for (RdSide side : List.of(left, right)) {
            for (double a : side.x) {
                m += a;
            }
        }
        int n = left.n + right.n;
        m /= n;
        double s = 0;
        for (RdSide side : List.of(left, right)) {
            for (double a : side.x) {
                s += (a - m) * (a - m);
            }
        }
        return Math.sqrt(s / (n - 1));
    }

    /**
     * Interquartile range with Hyndman and Fan's (1996) definition 2 (inverse of the empirical
     * distribution function, averaging at discontinuities), read from the sorted sides.
     */
    private static double iqr(RdSide left, RdSide right) {
        return quantile(left, right, 0.75) - quantile(left, right, 0.25);
    }

    private static double quantile(RdSide left, RdSide right, double prob) {
        int n = left.n + right.n;
        double np = n * prob;
        int j = (int) Math.floor(np);
        if (Math.abs(np - j) < 1e-12 * Math.max(1, np)) {
            return (ordered(left, right, Math.max(j - 1, 0)) + ordered(left, right, Math.min(j, n - 1))) / 2;
        }
        return ordered(left, right, Math.min(j, n - 1));
    }

    /** The k-th smallest running-variable value (0-based): left side descending, then right ascending. */
    private static double ordered(RdSide left, RdSide right, int k) {
        return k < left.n ? left.x[left.n - 1 - k] : right.x[k - left.n];
    }
}
