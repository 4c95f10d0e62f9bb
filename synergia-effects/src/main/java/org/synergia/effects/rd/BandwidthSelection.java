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
     * @param check distinct running-variable values each side must keep within a bandwidth (0: none)
     */
    BandwidthSelection(PreparedSample data, Kernel kernel, int p, BandwidthSelector selector, MassPoints massPoints,
            int neighbours, int check) {
        this.data = data;
        this.kernel = kernel;
        this.p = p;
        this.selector = selector;
        this.massPoints = massPoints;
        this.neighbours = neighbours;
        left = data.left();
        right = data.right();
        minLeft = check > 0 ? left.distinctAbsDist[Math.min(check, left.distinctCount()) - 1] + 1e-8 : 0;
        minRight = check > 0 ? right.distinctAbsDist[Math.min(check, right.distinctCount()) - 1] + 1e-8 : 0;
    }

    /**
     * @param qq the order of the bias-correction polynomial
     * @return {hL, hR, bL, bR}
     * @throws InputException when the estimated constants give no usable bandwidth
     */
    double[] select(int qq) {
        int n = left.n + right.n;
        // rule-of-thumb pilot; with mass-point adjustment the sample size is the number of distinct values
        int pilotSize = massPoints == MassPoints.ADJUST ? left.distinctCount() + right.distinctCount() : n;
        double pilot = kernel.pilotConstant() * Math.min(sd(left, right), iqr(left, right) / 1.349) * Math.pow(pilotSize, -0.2);
        pilot = Math.max(pilot, Math.max(minLeft, minRight));
        // constants of the pilot d of the bias bandwidths: order q+1 fits at the pilot, derivatives over each whole side
        Constants dl = constants(left, qq + 1, qq + 1, qq + 2, pilot, left.range() + 1e-8, false);
        Constants dr = constants(right, qq + 1, qq + 1, qq + 2, pilot, right.range() + 1e-8, false);
        double[] bw = selector.perSide() ? perSide(qq, pilot, dl, dr) : common(qq, pilot, dl, dr);
        if (selector.coverage()) {
            // CCF 2020, section 3.2: shrink the MSE-optimal h to the CER-optimal rate
            int size = data.clusterTotal() > 0 ? data.clusterTotal() : n;
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
        double dbl = bound(Math.pow(dl.v / (dl.b * dl.b), dl.rate), rangeL, minLeft);
        double dbr = bound(Math.pow(dr.v / (dr.b * dr.b), dr.rate), rangeR, minRight);
        Constants cbl = constants(left, qq, p + 1, qq + 1, pilot, dbl, true);
        Constants cbr = constants(right, qq, p + 1, qq + 1, pilot, dbr, true);
        double bl = bound(Math.pow(cbl.v / (cbl.b * cbl.b + cbl.r), cbl.rate), rangeL, minLeft);
        double br = bound(Math.pow(cbr.v / (cbr.b * cbr.b + cbr.r), cbr.rate), rangeR, minRight);
        Constants chl = constants(left, p, 0, qq, pilot, bl, true);
        Constants chr = constants(right, p, 0, qq, pilot, br, true);
        double hl = bound(Math.pow(chl.v / (chl.b * chl.b + chl.r), chl.rate), rangeL, minLeft);
        double hr = bound(Math.pow(chr.v / (chr.b * chr.b + chr.r), chr.rate), rangeR, minRight);
        return new double[] {hl, hr, bl, br};
    }

    /** One MSE-optimal bandwidth for the difference of the boundary estimates ({@code mserd}): {h, h, b, b}. */
    private double[] common(int qq, double pilot, Constants dl, Constants dr) {
        double rangeL = left.range();
        double rangeR = right.range();
        double range = Math.max(rangeL, rangeR);
        double floor = Math.max(minLeft, minRight);
        double d = bound(Math.pow((dl.v + dr.v) / square(dr.b - dl.b), dl.rate), range, floor);
        Constants cbl = constants(left, qq, p + 1, qq + 1, pilot, d, true);
        Constants cbr = constants(right, qq, p + 1, qq + 1, pilot, d, true);
        double b = bound(Math.pow((cbl.v + cbr.v) / (square(cbr.b - cbl.b) + cbl.r + cbr.r), cbl.rate),
                range, floor);
        Constants chl = constants(left, p, 0, qq, pilot, b, true);
        Constants chr = constants(right, p, 0, qq, pilot, b, true);
        double h = bound(Math.pow((chl.v + chr.v) / (square(chr.b - chl.b) + chl.r + chr.r), chl.rate),
                range, floor);
        return new double[] {h, h, b, b};
    }

    private static double bound(double h, double range, double floor) {
        return Math.max(Math.min(h, range), floor);
    }

    private double[][] windowResiduals(LocalPolynomialFit fit, int parameters) {
        if (data.vce() != RdVariance.NN) {
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
        double vs = Residuals.sandwich(side, fv.equivalentKernel(nu), Residuals.combine(windowResiduals(fv, o + 1), s),
                o + 1);
        double v = (2 * nu + 1) * hV * vs;
        double direction = fv.biasDirection()[nu];
        LocalPolynomialFit fb = new LocalPolynomialFit(side, side.window(hB, kernel), oB, hB, kernel);
        double derivative = 0;
        for (int c = 0; c < columns; c++) {
            derivative += s[c] * fb.coefficient(c, o + 1);
        }
        double r = 0;
        if (regularise) {
            double vb = Residuals.sandwich(side, fb.equivalentKernel(o + 1),
                    Residuals.combine(windowResiduals(fb, oB + 1), s), oB + 1) / Math.pow(hB, 2.0 * (o + 1));
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
