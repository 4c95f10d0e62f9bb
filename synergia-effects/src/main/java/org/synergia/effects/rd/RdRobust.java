package org.synergia.effects.rd;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.synergia.data.InputException;
import org.synergia.data.OptionName;
import org.synergia.stats.inference.Estimate;
import org.synergia.stats.inference.Term;

/**
 * Local polynomial regression discontinuity estimator with robust bias-corrected inference
 * (Calonico, Cattaneo and Titiunik 2014, "CCT"; Calonico, Cattaneo and Farrell 2020, "CCF";
 * covariates: Calonico, Cattaneo, Farrell and Titiunik 2019), following the conventions of R
 * {@code rdrobust} 4.0: sharp and fuzzy designs, polynomial order p with bias-correction order q,
 * MSE- and coverage-error-optimal bandwidths, nearest-neighbour or HC0-HC3 residuals, clusters
 * (CR1, CR2, CR3), mass points in the running variable ({@code masspoints}, {@code bwcheck}).
 *
 * <pre>{@code
 * RdResult r = RdRobust.withDefaults().withKernel(Kernel.TRIANGULAR).fit(y, x, 0.0);
 * r.robust().ciLow();
 * }</pre>
 */
public final class RdRobust {

    /** Distinct running-variable values each side must keep within data-driven bandwidths under mass points. */
    private static final int MASS_POINT_MINIMUM = 10;
    /** Share of repeated running-variable values from which a side is said to have mass points. */
    private static final double MASS_POINT_SHARE = 0.2;

    private final Kernel kernel;
    private final int p;
    private final int q;
    private final BandwidthSelector selector;
    private final double hLeft;
    private final double hRight;
    private final double bLeft;
    private final double bRight;
    private final RdVariance variance;
    private final int neighbours;
    private final double level;
    private final MassPoints massPoints;
    /** rdrobust's {@code bwcheck}: distinct values each side keeps within the pilot bandwidths (0: not given). */
    private final int bwcheck;

    private RdRobust(Kernel kernel, int p, int q, BandwidthSelector selector, double hLeft, double hRight,
            double bLeft, double bRight, RdVariance variance, int neighbours, double level, MassPoints massPoints,
            int bwcheck) {
        this.kernel = kernel;
        this.p = p;
        this.q = q;
        this.selector = selector;
        this.hLeft = hLeft;
        this.hRight = hRight;
        this.bLeft = bLeft;
        this.bRight = bRight;
        this.variance = variance;
        this.neighbours = neighbours;
        this.level = level;
        this.massPoints = massPoints;
        this.bwcheck = bwcheck;
    }

    /**
     * rdrobust's defaults: triangular kernel, p = 1, q = 2, {@code mserd} bandwidths,
     * nearest-neighbour variance with 3 neighbours, 95% intervals, mass points adjusted.
     *
     * @return the estimator
     */
    public static RdRobust withDefaults() {
        return new RdRobust(Kernel.TRIANGULAR, 1, -1, BandwidthSelector.MSERD, Double.NaN, Double.NaN, Double.NaN,
                Double.NaN, RdVariance.NN, 3, 0.95, MassPoints.ADJUST, 0);
    }

    /**
     * @param k the kernel
     * @return a copy with this kernel
     */
    public RdRobust withKernel(Kernel k) {
        return new RdRobust(k, p, q, selector, hLeft, hRight, bLeft, bRight, variance, neighbours, level, massPoints,
                bwcheck);
    }

    /**
     * @param order the order p of the local polynomial (bias order q stays p + 1 unless set)
     * @return a copy with this order
     */
    public RdRobust withOrder(int order) {
        if (order < 0 || order > 8) {
            throw new InputException(RdProblem.POLYNOMIAL_ORDER, OptionName.of("p"), order);
        }
        return new RdRobust(kernel, order, q, selector, hLeft, hRight, bLeft, bRight, variance, neighbours, level,
                massPoints, bwcheck);
    }

    /**
     * @param order the order q of the bias-correction polynomial, at least p
     * @return a copy with this order
     */
    public RdRobust withBiasOrder(int order) {
        if (order < 0 || order > 9) {
            throw new InputException(RdProblem.BIAS_ORDER, OptionName.of("q"), order);
        }
        return new RdRobust(kernel, p, order, selector, hLeft, hRight, bLeft, bRight, variance, neighbours, level,
                massPoints, bwcheck);
    }

    /**
     * @param s the data-driven bandwidth selector (used when no bandwidth is given)
     * @return a copy with this selector
     */
    public RdRobust withBandwidthSelector(BandwidthSelector s) {
        return new RdRobust(kernel, p, q, s, hLeft, hRight, bLeft, bRight, variance, neighbours, level, massPoints,
                bwcheck);
    }

    /**
     * A given main bandwidth on both sides; the bias bandwidth defaults to it.
     *
     * @param h the bandwidth, positive
     * @return a copy with this bandwidth
     */
    public RdRobust withBandwidth(double h) {
        return withBandwidths(h, h);
    }

    /**
     * Given main bandwidths; the bias bandwidths default to them.
     *
     * @param left left of the cutoff
     * @param right right of the cutoff
     * @return a copy with these bandwidths
     */
    public RdRobust withBandwidths(double left, double right) {
        checkBandwidth("h", left);
        checkBandwidth("h", right);
        return new RdRobust(kernel, p, q, selector, left, right, bLeft, bRight, variance, neighbours, level,
                massPoints, bwcheck);
    }

    /**
     * A given bias bandwidth on both sides (needs a given main bandwidth).
     *
     * @param b the bandwidth, positive
     * @return a copy with this bias bandwidth
     */
    public RdRobust withBiasBandwidth(double b) {
        return withBiasBandwidths(b, b);
    }

    /**
     * Given bias bandwidths (need given main bandwidths).
     *
     * @param left left of the cutoff
     * @param right right of the cutoff
     * @return a copy with these bias bandwidths
     */
    public RdRobust withBiasBandwidths(double left, double right) {
        checkBandwidth("b", left);
        checkBandwidth("b", right);
        return new RdRobust(kernel, p, q, selector, hLeft, hRight, left, right, variance, neighbours, level,
                massPoints, bwcheck);
    }

    private static void checkBandwidth(String option, double h) {
        if (!(h > 0) || Double.isInfinite(h)) {
            throw new InputException(RdProblem.BANDWIDTH_NOT_POSITIVE, OptionName.of(option), String.valueOf(h));
        }
    }

    /**
     * @param v the residual estimator of the variances
     * @return a copy with it
     */
    public RdRobust withVariance(RdVariance v) {
        return new RdRobust(kernel, p, q, selector, hLeft, hRight, bLeft, bRight, v, neighbours, level, massPoints,
                bwcheck);
    }

    /**
     * @param matches neighbours of the nearest-neighbour variance (rdrobust's {@code nnmatch}, 3)
     * @return a copy with it
     */
    public RdRobust withNeighbours(int matches) {
        if (matches < 1) {
            throw new InputException("the number of nearest neighbours must be at least 1, not " + matches);
        }
        return new RdRobust(kernel, p, q, selector, hLeft, hRight, bLeft, bRight, variance, matches, level,
                massPoints, bwcheck);
    }

    /**
     * @param confidence the confidence level of the intervals, in (0, 1)
     * @return a copy with it
     */
    public RdRobust withLevel(double confidence) {
        if (!(confidence > 0 && confidence < 1)) {
            throw new InputException("confidence level " + confidence + " must be between 0 and 1, e.g. 0.95");
        }
        return new RdRobust(kernel, p, q, selector, hLeft, hRight, bLeft, bRight, variance, neighbours, confidence,
                massPoints, bwcheck);
    }

    /**
     * @param m how mass points in the running variable are handled (rdrobust's {@code masspoints})
     * @return a copy with it
     */
    public RdRobust withMassPoints(MassPoints m) {
        return new RdRobust(kernel, p, q, selector, hLeft, hRight, bLeft, bRight, variance, neighbours, level, m,
                bwcheck);
    }

    /**
     * rdrobust's {@code bwcheck}: the pilot bandwidths of the data-driven selection (the rule of
     * thumb and the bandwidth of the derivative estimate, not the final h and b) are kept wide
     * enough to hold this many distinct running-variable values on each side (all of a side's values
     * when it has fewer), whatever {@link #withMassPoints} says. Without it, {@link MassPoints#ADJUST}
     * uses 10 when it detects mass points. Ignored when the bandwidths are given.
     *
     * @param distinct at least 1
     * @return a copy with it
     */
    public RdRobust withBandwidthCheck(int distinct) {
        if (distinct < 1) {
            throw new InputException(RdProblem.BWCHECK_NOT_POSITIVE, OptionName.of("bwcheck"), distinct);
        }
        return new RdRobust(kernel, p, q, selector, hLeft, hRight, bLeft, bRight, variance, neighbours, level,
                massPoints, distinct);
    }

    /**
     * A sharp design.
     *
     * @param outcome the outcome
     * @param running the running variable; units with {@code running >= cutoff} are treated
     * @param cutoff the cutoff
     * @return the estimate
     */
    public RdResult fit(double[] outcome, double[] running, double cutoff) {
        return fit(RdSample.of(outcome, running), cutoff);
    }

    /**
     * Any design: sharp or fuzzy, with covariates, weights or clusters as the sample carries them.
     * Units with a missing (non-finite) value in any variable used are dropped, with a warning.
     *
     * @param sample the data
     * @param cutoff the cutoff
     * @return the estimate
     * @throws InputException on unusable data, naming variables and counts
     */
    public RdResult fit(RdSample sample, double cutoff) {
        int qq = q < 0 ? p + 1 : q;
        if (qq < p) {
            throw new InputException(RdProblem.BIAS_ORDER_BELOW_ORDER, OptionName.of("q"), qq, OptionName.of("p"), p);
        }
        if (Double.isNaN(hLeft) && !Double.isNaN(bLeft)) {
            throw new InputException(RdProblem.BIAS_BANDWIDTH_ALONE, OptionName.of("b"), OptionName.of("h"));
        }
        if (!Double.isFinite(cutoff)) {
            throw new InputException("the cutoff " + cutoff + " must be a finite number");
        }
        List<String> warnings = new ArrayList<>();
        PreparedSample data = PreparedSample.of(sample, cutoff, variance, warnings);
        RdSide left = data.left();
        RdSide right = data.right();

        boolean select = Double.isNaN(hLeft);
        int minimum = (select ? qq + 2 : Math.max(p, qq)) + 1;
        for (RdSide side : List.of(left, right)) {
            if (side.distinctCount() < minimum) {
                throw new InputException("only " + side.distinctCount() + " distinct values of the running variable "
                        + (side == left ? "left of" : "at or right of") + " the cutoff (" + side.n + " units); p = " + p
                        + ", q = " + qq + (select ? " with bandwidth selection" : "") + " need at least " + minimum
                        + " on each side; use lower orders or more data");
            }
        }
        int check = massPointCheck(data, warnings);
        clusterVarianceWarning(data, warnings);

        double[] bw;
        if (select) {
            // rdrobust sorts the data (so that it meets the right side's distinct values by distance) only
            // for nn variances or when it checks mass points
            boolean dataOrder = massPoints == MassPoints.IGNORE && variance != RdVariance.NN;
            try {
                bw = new BandwidthSelection(data, kernel, p, selector, massPoints, neighbours, check, dataOrder)
                        .select(qq);
            } catch (InputException e) {
                if (e.reason().orElse(null) != RdProblem.POLYNOMIAL_NOT_IDENTIFIED) {
                    throw e;
                }
                List<Object> a = e.args();
                throw new InputException(RdProblem.SELECTION_NOT_IDENTIFIED, a.get(0), a.get(1), a.get(2), a.get(3),
                        OptionName.of("masspoints"), OptionName.of("bwcheck"), OptionName.of("h"));
            }
        } else {
            double bl = Double.isNaN(bLeft) ? hLeft : bLeft;
            double br = Double.isNaN(bRight) ? hRight : bRight;
            bw = new double[] {hLeft, hRight, bl, br};
        }
        return estimate(data, qq, bw, select, warnings, cutoff, select ? check : 0);
    }

    /**
     * Warns about mass points in the running variable as rdrobust does: when at least 20% of a side's
     * units repeat a value (unless mass points are off).
     *
     * @return the distinct values each side must keep within the pilot bandwidths: the given
     *     {@code bwcheck}, else 10 when mass points are adjusted and found, else 0 (none)
     */
    private int massPointCheck(PreparedSample data, List<String> warnings) {
        boolean found = false;
        if (massPoints != MassPoints.IGNORE) {
            for (RdSide side : List.of(data.left(), data.right())) {
                double share = 1 - side.distinctCount() / (double) side.n;
                if (share >= MASS_POINT_SHARE) {
                    found = true;
                    warnings.add(String.format(Locale.ROOT, "the running variable has mass points: %d units %s the"
                            + " cutoff take only %d distinct values", side.n, side == data.left() ? "left of" : "right of",
                            side.distinctCount()));
                }
            }
            if (found && massPoints == MassPoints.CHECK) {
                warnings.add("mass points were only checked: the bandwidth selection did not adjust for them"
                        + " (rdrobust's masspoints = \"adjust\", the default, does)");
            }
        }
        if (bwcheck > 0) {
            return bwcheck;
        }
        return found && massPoints == MassPoints.ADJUST ? MASS_POINT_MINIMUM : 0;
    }

    /** rdrobust 4.0 replaces hc0-hc3 by its cluster variances when there are clusters, with a warning. */
    private void clusterVarianceWarning(PreparedSample data, List<String> warnings) {
        if (data.clusterTotal() > 0 && variance != RdVariance.NN) {
            warnings.add("with clusters the " + variance.name().toLowerCase(Locale.ROOT) + " variance is the"
                    + " cluster-robust " + clusterType(variance) + " (rdrobust's convention)");
        }
    }

    /** The cluster-robust variance rdrobust 4.0 computes for a vce with clusters. */
    private static String clusterType(RdVariance v) {
        return switch (v) {
            case HC2 -> "CR2";
            case HC3 -> "CR3";
            default -> "CR1";
        };
    }

    /** A number in messages. */
    static String num(double v) {
        return String.format(Locale.ROOT, "%.6g", v);
    }

    /**
     * The order-p and order-q fits of both sides at the bandwidths {@code {hL, hR, bL, bR}}, with
     * each side's conventional and bias-corrected boundary estimates of every column and the summed
     * partialled cross products of the covariates (null without covariates).
     */
    private record SideFits(LocalPolynomialFit[] fp, LocalPolynomialFit[] fq, int[] nEff, double[][] conventional,
            double[][] corrected, double[][] partial) {
    }

    private SideFits fitSides(PreparedSample data, int qq, double[] bw) {
        RdSide[] sides = {data.left(), data.right()};
        LocalPolynomialFit[] fp = new LocalPolynomialFit[2];
        LocalPolynomialFit[] fq = new LocalPolynomialFit[2];
        int[] nEff = new int[2];
        double[][] conventional = new double[2][];
        double[][] corrected = new double[2][];
        double[][] partial = null;
        int cols = data.estimandColumns();
        for (int s = 0; s < 2; s++) {
            RdSide side = sides[s];
            double h = bw[s];
            double b = bw[2 + s];
            nEff[s] = side.window(h, kernel);
            int nb = side.window(b, kernel);
            if (nEff[s] == 0) {
                throw new InputException(RdProblem.NO_UNITS_IN_BANDWIDTH, s, num(h), side.n, num(side.absDist[0]),
                        OptionName.of("h"));
            }
            int window = Math.max(nEff[s], nb);
            fp[s] = new LocalPolynomialFit(side, window, p, h, kernel);
            fq[s] = new LocalPolynomialFit(side, window, qq, b, kernel);
            double biasFactor = Math.pow(h / b, p + 1) * fp[s].biasDirection()[0];
            conventional[s] = new double[cols];
            corrected[s] = new double[cols];
            for (int c = 0; c < cols; c++) {
                conventional[s][c] = fp[s].beta[c][0];
                corrected[s][c] = fp[s].beta[c][0] - biasFactor * fq[s].beta[c][p + 1];
            }
            if (!data.covariateNames().isEmpty()) {
                double[][] part = fp[s].partialledCrossProducts();
                if (partial == null) {
                    partial = part;
                } else {
                    for (int a = 0; a < cols; a++) {
                        for (int c = 0; c < cols; c++) {
                            partial[a][c] += part[a][c];
                        }
                    }
                }
            }
            if (data.clusterTotal() > 0 && side.clustersIn(window) < 2) {
                throw new InputException(RdProblem.TOO_FEW_CLUSTERS, side.clustersIn(window), s, OptionName.of("cluster"));
            }
        }
        return new SideFits(fp, fq, nEff, conventional, corrected, partial);
    }

    /** Point estimates and variances at the bandwidths {@code {hL, hR, bL, bR}} (CCT 2014, section 3). */
    private RdResult estimate(PreparedSample data, int qq, double[] bw, boolean selected, List<String> warnings,
            double cutoff, int check) {
        SideFits fits = fitSides(data, qq, bw);
        int cols = data.estimandColumns();
        double[] thetaCl = new double[cols];
        double[] thetaBc = new double[cols];
        for (int c = 0; c < cols; c++) {
            thetaCl[c] = fits.conventional[1][c] - fits.conventional[0][c];
            thetaBc[c] = fits.corrected[1][c] - fits.corrected[0][c];
        }
        RdEstimand estimand = new RdEstimand(data.fuzzy(), cols, fits.partial, data.covariateNames());
        if (data.fuzzy() && Math.abs(estimand.treatmentPart(thetaCl)) < 1e-12) {
            throw new InputException("the treatment received does not jump at the cutoff within the bandwidth"
                    + " (first stage is zero); a fuzzy design cannot be estimated");
        }
        double tauCl = estimand.value(thetaCl);
        double[] grad = estimand.gradient(thetaCl);
        double tauBc = tauCl;
        for (int c = 0; c < cols; c++) {
            tauBc -= grad[c] * (thetaCl[c] - thetaBc[c]);
        }
        double[] v = variances(data, fits, qq, bw, grad);
        double seCl = Math.sqrt(v[0]);
        double seRb = Math.sqrt(v[1]);
        int[] nEff = fits.nEff;
        if (!(seCl > 0) || !(seRb > 0) || !Double.isFinite(tauBc)) {
            throw new InputException("the standard errors are zero or undefined: the outcome is constant within the"
                    + " bandwidth, or too few units lie within it (" + nEff[0] + " left, " + nEff[1]
                    + " right); use a wider bandwidth");
        }
        return new RdResult(Estimate.wald(new Term.Discontinuity(Term.RdRow.CONVENTIONAL), tauCl, seCl, level),
                Estimate.wald(new Term.Discontinuity(Term.RdRow.BIAS_CORRECTED), tauBc, seCl, level),
                Estimate.wald(new Term.Discontinuity(Term.RdRow.ROBUST), tauBc, seRb, level),
                bw[0], bw[1], bw[2], bw[3], data.left().n, data.right().n, nEff[0], nEff[1], cutoff,
                settings(data, qq, selected, check), warnings);
    }

    /**
     * The conventional and the robust (bias-corrected, with the bias estimate's variance) variances
     * of the estimand whose gradient is {@code grad}.
     *
     * @return {conventional, robust}
     */
    private double[] variances(PreparedSample data, SideFits fits, int qq, double[] bw, double[] grad) {
        double vCl = 0;
        double vRb = 0;
        for (int s = 0; s < 2; s++) {
            LocalPolynomialFit fp = fits.fp[s];
            LocalPolynomialFit fq = fits.fq[s];
            double[][] resH = Residuals.of(fp, data.vce(), neighbours, p + 1);
            boolean sameResiduals = data.vce() == RdVariance.NN && data.clusterTotal() == 0;
            double[][] resB = sameResiduals ? resH : Residuals.of(fq, data.vce(), neighbours, qq + 1);
            double[] omegaCl = fp.equivalentKernel(0);
            double[] omegaQ = fq.equivalentKernel(p + 1);
            double biasFactor = Math.pow(bw[s] / bw[2 + s], p + 1) * fp.biasDirection()[0];
            double[] omegaBc = new double[omegaCl.length];
            for (int i = 0; i < omegaBc.length; i++) {
                omegaBc[i] = omegaCl[i] - biasFactor * omegaQ[i];
            }
            vCl += Residuals.variance(fp, omegaCl, Residuals.combine(resH, grad), p + 1, data.vce());
            vRb += Residuals.variance(fq, omegaBc, Residuals.combine(resB, grad), qq + 1, data.vce());
        }
        return new double[] {vCl, vRb};
    }

    /** The settings reported with the estimate, with rdrobust's counts of distinct values and clusters. */
    private Map<String, Object> settings(PreparedSample data, int qq, boolean selected, int check) {
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("kernel", kernel.name().toLowerCase(Locale.ROOT));
        settings.put("p", p);
        settings.put("q", qq);
        settings.put("bwselect", selected ? selector.name().toLowerCase(Locale.ROOT) : "manual");
        settings.put("vce", data.vce().name().toLowerCase(Locale.ROOT) + (data.clusterTotal() > 0 ? "-cluster" : ""));
        settings.put("design", data.fuzzy() ? "fuzzy" : "sharp");
        boolean clustered = data.clusterTotal() > 0;
        settings.put("vce_type", clustered ? clusterType(data.vce()).toLowerCase(Locale.ROOT)
                : data.vce().name().toLowerCase(Locale.ROOT));
        settings.put("masspoints", massPoints == MassPoints.IGNORE ? "off" : massPoints.name().toLowerCase(Locale.ROOT));
        if (massPoints != MassPoints.IGNORE) {
            settings.put("n_unique_left", data.left().distinctCount());
            settings.put("n_unique_right", data.right().distinctCount());
        }
        if (check > 0) {
            settings.put("bwcheck", check);
        }
        if (clustered) {
            settings.put("clusters_left", data.left().clustersIn(data.left().n));
            settings.put("clusters_right", data.right().clustersIn(data.right().n));
        }
        return settings;
    }
}
