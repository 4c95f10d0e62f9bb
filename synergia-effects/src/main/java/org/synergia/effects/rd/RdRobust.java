package org.synergia.effects.rd;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.synergia.data.InputException;
import org.synergia.stats.inference.Clusters;
import org.synergia.stats.inference.Estimate;
import org.synergia.stats.inference.Term;
import org.synergia.stats.linalg.Cholesky;

/**
 * Local polynomial regression discontinuity estimator with robust bias-corrected inference
 * (Calonico, Cattaneo and Titiunik 2014, "CCT"; Calonico, Cattaneo and Farrell 2020, "CCF";
 * covariates: Calonico, Cattaneo, Farrell and Titiunik 2019), following the conventions of R
 * {@code rdrobust}: sharp and fuzzy designs, polynomial order p with bias-correction order q,
 * MSE- and coverage-error-optimal bandwidths, nearest-neighbour or HC0-HC3 residuals, clusters.
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
    /** Clusters below which cluster-robust SEs are flagged as unreliable. */
    private static final int FEW_CLUSTERS = 10;

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

    private RdRobust(Kernel kernel, int p, int q, BandwidthSelector selector, double hLeft, double hRight,
            double bLeft, double bRight, RdVariance variance, int neighbours, double level, MassPoints massPoints) {
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
    }

    /**
     * rdrobust's defaults: triangular kernel, p = 1, q = 2, {@code mserd} bandwidths,
     * nearest-neighbour variance with 3 neighbours, 95% intervals, mass points adjusted.
     *
     * @return the estimator
     */
    public static RdRobust withDefaults() {
        return new RdRobust(Kernel.TRIANGULAR, 1, -1, BandwidthSelector.MSERD, Double.NaN, Double.NaN, Double.NaN,
                Double.NaN, RdVariance.NN, 3, 0.95, MassPoints.ADJUST);
    }

    /**
     * @param k the kernel
     * @return a copy with this kernel
     */
    public RdRobust withKernel(Kernel k) {
        return new RdRobust(k, p, q, selector, hLeft, hRight, bLeft, bRight, variance, neighbours, level, massPoints);
    }

    /**
     * @param order the order p of the local polynomial (bias order q stays p + 1 unless set)
     * @return a copy with this order
     */
    public RdRobust withOrder(int order) {
        if (order < 0 || order > 8) {
            throw new InputException("polynomial order --p " + order + " is not supported; use 0 to 8");
        }
        return new RdRobust(kernel, order, q, selector, hLeft, hRight, bLeft, bRight, variance, neighbours, level,
                massPoints);
    }

    /**
     * @param order the order q of the bias-correction polynomial, at least p
     * @return a copy with this order
     */
    public RdRobust withBiasOrder(int order) {
        if (order < 0 || order > 9) {
            throw new InputException("bias-correction order --q " + order + " is not supported; use p to 9");
        }
        return new RdRobust(kernel, p, order, selector, hLeft, hRight, bLeft, bRight, variance, neighbours, level,
                massPoints);
    }

    /**
     * @param s the data-driven bandwidth selector (used when no bandwidth is given)
     * @return a copy with this selector
     */
    public RdRobust withBandwidthSelector(BandwidthSelector s) {
        return new RdRobust(kernel, p, q, s, hLeft, hRight, bLeft, bRight, variance, neighbours, level, massPoints);
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
        checkBandwidth("--h", left);
        checkBandwidth("--h", right);
        return new RdRobust(kernel, p, q, selector, left, right, bLeft, bRight, variance, neighbours, level,
                massPoints);
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
        checkBandwidth("--b", left);
        checkBandwidth("--b", right);
        return new RdRobust(kernel, p, q, selector, hLeft, hRight, left, right, variance, neighbours, level,
                massPoints);
    }

    private static void checkBandwidth(String option, double h) {
        if (!(h > 0) || Double.isInfinite(h)) {
            throw new InputException("bandwidth " + option + " " + h + " must be a positive number");
        }
    }

    /**
     * @param v the residual estimator of the variances
     * @return a copy with it
     */
    public RdRobust withVariance(RdVariance v) {
        return new RdRobust(kernel, p, q, selector, hLeft, hRight, bLeft, bRight, v, neighbours, level, massPoints);
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
                massPoints);
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
                massPoints);
    }

    /**
     * @param m how mass points in the running variable are handled
     * @return a copy with it
     */
    public RdRobust withMassPoints(MassPoints m) {
        return new RdRobust(kernel, p, q, selector, hLeft, hRight, bLeft, bRight, variance, neighbours, level, m);
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
            throw new InputException("bias-correction order --q " + qq + " is below the polynomial order --p " + p
                    + "; use q >= p (rdrobust uses q = p + 1)");
        }
        if (Double.isNaN(hLeft) && !Double.isNaN(bLeft)) {
            throw new InputException("a bias bandwidth --b needs a main bandwidth --h; give --h too or neither");
        }
        if (!Double.isFinite(cutoff)) {
            throw new InputException("the cutoff " + cutoff + " must be a finite number");
        }
        List<String> warnings = new ArrayList<>();
        Prepared data = prepare(sample, cutoff, warnings);
        RdSide left = data.left;
        RdSide right = data.right;

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
        int check = 0;
        if (massPoints != MassPoints.IGNORE) {
            for (RdSide side : List.of(left, right)) {
                double share = 1 - side.distinctCount() / (double) side.n;
                if (share >= MASS_POINT_SHARE) {
                    warnings.add(String.format(Locale.ROOT, "the running variable has mass points: %d units %s the"
                            + " cutoff take only %d distinct values", side.n, side == left ? "left of" : "right of",
                            side.distinctCount()));
                    if (massPoints == MassPoints.ADJUST) {
                        check = MASS_POINT_MINIMUM;
                    }
                }
            }
        }

        double[] bw;
        if (select) {
            bw = new BandwidthSelection(data, check).select(qq);
        } else {
            double bl = Double.isNaN(bLeft) ? hLeft : bLeft;
            double br = Double.isNaN(bRight) ? hRight : bRight;
            bw = new double[] {hLeft, hRight, bl, br};
        }
        return estimate(data, qq, bw, select, warnings, cutoff);
    }

    /** The sample split at the cutoff, sorted, with what the estimators need to know about it. */
    private record Prepared(RdSide left, RdSide right, boolean fuzzy, int estimandColumns, List<String> covariateNames,
            int clusterTotal, RdVariance vce) {
    }

    private Prepared prepare(RdSample sample, double cutoff, List<String> warnings) {
        double[] y = sample.outcome();
        double[] x = sample.running();
        double[] t = sample.treatment();
        double[][] z = sample.covariates();
        double[] w = sample.weights();
        int[] cl = sample.clusters();
        int n = sample.size();
        boolean[] keep = new boolean[n];
        int kept = 0;
        Map<String, Integer> missing = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            String bad = !Double.isFinite(y[i]) ? "outcome"
                    : !Double.isFinite(x[i]) ? "running variable"
                    : t != null && !Double.isFinite(t[i]) ? "treatment" : null;
            for (int j = 0; bad == null && j < z.length; j++) {
                if (!Double.isFinite(z[j][i])) {
                    bad = "covariate " + sample.covariateNames().get(j);
                }
            }
            if (bad == null && w != null) {
                if (!Double.isFinite(w[i])) {
                    bad = "weights";
                } else if (w[i] < 0) {
                    throw new InputException("weight " + w[i] + " in row " + (i + 1) + " is negative; sampling weights"
                            + " must be non-negative");
                } else if (w[i] == 0) {
                    bad = "zero weight";
                }
            }
            if (bad != null) {
                missing.merge(bad, 1, Integer::sum);
            } else {
                keep[i] = true;
                kept++;
            }
        }
        if (kept < n) {
            StringBuilder why = new StringBuilder();
            missing.forEach((k, v) -> why.append(why.length() == 0 ? "" : ", ").append(v).append(' ').append(k));
            warnings.add("dropped " + (n - kept) + " of " + n + " rows with a missing value or zero weight (" + why
                    + ")");
        }
        List<String> names = new ArrayList<>(sample.covariateNames());
        List<double[]> zcols = new ArrayList<>(List.of(z));
        dropCollinear(zcols, names, keep, warnings);

        int cols = 1 + (t != null ? 1 : 0) + zcols.size();
        double[][] columns = new double[cols][];
        columns[0] = y;
        if (t != null) {
            columns[1] = t;
        }
        for (int j = 0; j < zcols.size(); j++) {
            columns[cols - zcols.size() + j] = zcols.get(j);
        }
        int[] codes = null;
        int codeCount = 0;
        int clusterTotal = 0;
        if (cl != null) {
            Clusters clusters = Clusters.of(cl);
            codes = clusters.codes();
            codeCount = clusters.count();
            boolean[] seen = new boolean[codeCount];
            for (int i = 0; i < n; i++) {
                if (keep[i] && !seen[codes[i]]) {
                    seen[codes[i]] = true;
                    clusterTotal++;
                }
            }
            if (clusterTotal < FEW_CLUSTERS) {
                warnings.add("only " + clusterTotal + " clusters: cluster-robust standard errors are unreliable with"
                        + " fewer than " + FEW_CLUSTERS);
            }
        }
        int nl = 0;
        int nr = 0;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            if (keep[i]) {
                if (x[i] < cutoff) {
                    nl++;
                } else {
                    nr++;
                }
                min = Math.min(min, x[i]);
                max = Math.max(max, x[i]);
            }
        }
        if (kept == 0) {
            throw new InputException("no complete rows: every row has a missing outcome, running variable,"
                    + " treatment, covariate or weight");
        }
        if (nl == 0 || nr == 0) {
            throw new InputException(String.format(Locale.ROOT, "the cutoff %s is outside the range of the running"
                    + " variable [%s, %s]: %d units left of it and %d at or right of it; give a cutoff inside the range",
                    num(cutoff), num(min), num(max), nl, nr));
        }
        int[] li = new int[nl];
        int[] ri = new int[nr];
        for (int i = 0, a = 0, b = 0; i < n; i++) {
            if (keep[i]) {
                if (x[i] < cutoff) {
                    li[a++] = i;
                } else {
                    ri[b++] = i;
                }
            }
        }
        RdSide left = new RdSide(li, x, cutoff, columns, w, codes, codeCount);
        RdSide right = new RdSide(ri, x, cutoff, columns, w, codes, codeCount);
        return new Prepared(left, right, t != null, cols, List.copyOf(names), clusterTotal, variance);
    }

    /** Drops covariates that are constant or collinear with earlier ones (with an intercept), warning. */
    private static void dropCollinear(List<double[]> zcols, List<String> names, boolean[] keep,
            List<String> warnings) {
        int d = zcols.size();
        if (d == 0) {
            return;
        }
        double[] mean = new double[d];
        int n = 0;
        for (int i = 0; i < keep.length; i++) {
            if (keep[i]) {
                n++;
                for (int j = 0; j < d; j++) {
                    mean[j] += zcols.get(j)[i];
                }
            }
        }
        for (int j = 0; j < d; j++) {
            mean[j] /= Math.max(n, 1);
        }
        double[][] c = new double[d][d];
        for (int i = 0; i < keep.length; i++) {
            if (keep[i]) {
                for (int a = 0; a < d; a++) {
                    double za = zcols.get(a)[i] - mean[a];
                    for (int b = 0; b <= a; b++) {
                        c[a][b] += za * (zcols.get(b)[i] - mean[b]);
                    }
                }
            }
        }
        List<Integer> kept = new ArrayList<>();
        List<String> dropped = new ArrayList<>();
        for (int j = 0; j < d; j++) {
            List<Integer> trial = new ArrayList<>(kept);
            trial.add(j);
            double[][] sub = new double[trial.size()][trial.size()];
            for (int a = 0; a < trial.size(); a++) {
                for (int b = 0; b < trial.size(); b++) {
                    int ia = Math.max(trial.get(a), trial.get(b));
                    int ib = Math.min(trial.get(a), trial.get(b));
                    sub[a][b] = c[ia][ib];
                }
            }
            if (Cholesky.of(sub).isPositiveDefinite()) {
                kept.add(j);
            } else {
                dropped.add(names.get(j));
            }
        }
        if (!dropped.isEmpty()) {
            warnings.add("dropped covariate(s) " + dropped + ": constant or collinear with the other covariates");
            List<double[]> zk = new ArrayList<>();
            List<String> nk = new ArrayList<>();
            for (int j : kept) {
                zk.add(zcols.get(j));
                nk.add(names.get(j));
            }
            zcols.clear();
            zcols.addAll(zk);
            names.clear();
            names.addAll(nk);
        }
    }

    private static String num(double v) {
        return String.format(Locale.ROOT, "%.6g", v);
    }

    /** Point estimates and variances at the bandwidths {@code {hL, hR, bL, bR}} (CCT 2014, section 3). */
    private RdResult estimate(Prepared data, int qq, double[] bw, boolean selected, List<String> warnings,
            double cutoff) {
        RdSide[] sides = {data.left, data.right};
        LocalPolynomialFit[] fp = new LocalPolynomialFit[2];
        LocalPolynomialFit[] fq = new LocalPolynomialFit[2];
        int[] nEff = new int[2];
        double[][] conventional = new double[2][];
        double[][] corrected = new double[2][];
        double[][] partial = null;
        int cols = data.estimandColumns;
        for (int s = 0; s < 2; s++) {
            RdSide side = sides[s];
            double h = bw[s];
            double b = bw[2 + s];
            nEff[s] = side.window(h, kernel);
            int nb = side.window(b, kernel);
            String where = s == 0 ? "left of" : "at or right of";
            if (nEff[s] == 0) {
                throw new InputException("no units " + where + " the cutoff within the bandwidth h = " + num(h) + " ("
                        + side.n + " units on that side, the nearest at distance " + num(side.absDist[0])
                        + "); use a wider bandwidth --h");
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
            if (!data.covariateNames.isEmpty()) {
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
            if (data.clusterTotal > 0 && side.clustersIn(window) < 2) {
                throw new InputException("only " + side.clustersIn(window) + " cluster " + where
                        + " the cutoff within the bandwidth; cluster-robust variances need at least 2 on each side;"
                        + " use a wider bandwidth or no --cluster");
            }
        }
        double[] thetaCl = new double[cols];
        double[] thetaBc = new double[cols];
        for (int c = 0; c < cols; c++) {
            thetaCl[c] = conventional[1][c] - conventional[0][c];
            thetaBc[c] = corrected[1][c] - corrected[0][c];
        }
        RdEstimand estimand = new RdEstimand(data.fuzzy, cols, partial, data.covariateNames);
        if (data.fuzzy && Math.abs(estimand.treatmentPart(thetaCl)) < 1e-12) {
            throw new InputException("the treatment received does not jump at the cutoff within the bandwidth"
                    + " (first stage is zero); a fuzzy design cannot be estimated");
        }
        double tauCl = estimand.value(thetaCl);
        double[] grad = estimand.gradient(thetaCl);
        double tauBc = tauCl;
        for (int c = 0; c < cols; c++) {
            tauBc -= grad[c] * (thetaCl[c] - thetaBc[c]);
        }
        double vCl = 0;
        double vRb = 0;
        for (int s = 0; s < 2; s++) {
            RdSide side = sides[s];
            double[][] resH = residuals(fp[s], data.vce, p + 1);
            double[][] resB = data.vce == RdVariance.NN ? resH : residuals(fq[s], data.vce, qq + 1);
            double[] omegaCl = fp[s].equivalentKernel(0);
            double[] omegaQ = fq[s].equivalentKernel(p + 1);
            double biasFactor = Math.pow(bw[s] / bw[2 + s], p + 1) * fp[s].biasDirection()[0];
            double[] omegaBc = new double[omegaCl.length];
            for (int i = 0; i < omegaBc.length; i++) {
                omegaBc[i] = omegaCl[i] - biasFactor * omegaQ[i];
            }
            vCl += Residuals.sandwich(side, omegaCl, Residuals.combine(resH, grad), p + 1);
            vRb += Residuals.sandwich(side, omegaBc, Residuals.combine(resB, grad), qq + 1);
        }
        double seCl = Math.sqrt(vCl);
        double seRb = Math.sqrt(vRb);
        if (!(seCl > 0) || !(seRb > 0) || !Double.isFinite(tauBc)) {
            throw new InputException("the standard errors are zero or undefined: the outcome is constant within the"
                    + " bandwidth, or too few units lie within it (" + nEff[0] + " left, " + nEff[1]
                    + " right); use a wider bandwidth");
        }
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("kernel", kernel.name().toLowerCase(Locale.ROOT));
        settings.put("p", p);
        settings.put("q", qq);
        settings.put("bwselect", selected ? selector.name().toLowerCase(Locale.ROOT) : "manual");
        settings.put("vce", data.vce.name().toLowerCase(Locale.ROOT) + (data.clusterTotal > 0 ? "-cluster" : ""));
        settings.put("design", data.fuzzy ? "fuzzy" : "sharp");
        return new RdResult(Estimate.wald(new Term.Discontinuity(Term.RdRow.CONVENTIONAL), tauCl, seCl, level),
                Estimate.wald(new Term.Discontinuity(Term.RdRow.BIAS_CORRECTED), tauBc, seCl, level),
                Estimate.wald(new Term.Discontinuity(Term.RdRow.ROBUST), tauBc, seRb, level),
                bw[0], bw[1], bw[2], bw[3], data.left.n, data.right.n, nEff[0], nEff[1], cutoff, settings, warnings);
    }

    /** rdbwselect: pilot, bias and main bandwidths by plug-in of estimated constants (CCT 2014, section 4). */
    private final class BandwidthSelection {
        private final Prepared data;
        private final RdSide left;
        private final RdSide right;
        private final double minLeft;
        private final double minRight;
        /** Nearest-neighbour residuals by side and window: every pilot fit shares the pilot window. */
        private final Map<Long, double[][]> neighbourResiduals = new HashMap<>();

        /**
         * @param data the prepared sample
         * @param check distinct running-variable values each side must keep within a bandwidth (0: none)
         */
        BandwidthSelection(Prepared data, int check) {
            this.data = data;
            left = data.left;
            right = data.right;
            minLeft = check > 0 ? left.distinctAbsDist[Math.min(check, left.distinctCount()) - 1] + 1e-8 : 0;
            minRight = check > 0 ? right.distinctAbsDist[Math.min(check, right.distinctCount()) - 1] + 1e-8 : 0;
        }

        /** @return {hL, hR, bL, bR} */
        double[] select(int qq) {
            int n = left.n + right.n;
            // rule-of-thumb pilot; with mass-point adjustment the sample size is the number of distinct values
            int pilotSize = massPoints == MassPoints.ADJUST ? left.distinctCount() + right.distinctCount() : n;
            double pilot = kernel.pilotConstant() * Math.min(sd(left, right), iqr(left, right) / 1.349) * Math.pow(pilotSize, -0.2);
            pilot = Math.max(pilot, Math.max(minLeft, minRight));
            double rangeL = left.range();
            double rangeR = right.range();
            Constants dl = constants(left, qq + 1, qq + 1, qq + 2, pilot, rangeL + 1e-8, false);
            Constants dr = constants(right, qq + 1, qq + 1, qq + 2, pilot, rangeR + 1e-8, false);
            double hl;
            double hr;
            double bl;
            double br;
            if (selector.perSide()) {
                double dbl = bound(Math.pow(dl.v / (dl.b * dl.b), dl.rate), rangeL, minLeft);
                double dbr = bound(Math.pow(dr.v / (dr.b * dr.b), dr.rate), rangeR, minRight);
                Constants cbl = constants(left, qq, p + 1, qq + 1, pilot, dbl, true);
                Constants cbr = constants(right, qq, p + 1, qq + 1, pilot, dbr, true);
                bl = bound(Math.pow(cbl.v / (cbl.b * cbl.b + cbl.r), cbl.rate), rangeL, minLeft);
                br = bound(Math.pow(cbr.v / (cbr.b * cbr.b + cbr.r), cbr.rate), rangeR, minRight);
                Constants chl = constants(left, p, 0, qq, pilot, bl, true);
                Constants chr = constants(right, p, 0, qq, pilot, br, true);
                hl = bound(Math.pow(chl.v / (chl.b * chl.b + chl.r), chl.rate), rangeL, minLeft);
                hr = bound(Math.pow(chr.v / (chr.b * chr.b + chr.r), chr.rate), rangeR, minRight);
            } else {
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
                hl = h;
                hr = h;
                bl = b;
                br = b;
            }
            if (selector.coverage()) {
                // CCF 2020, section 3.2: shrink the MSE-optimal h to the CER-optimal rate
                int size = data.clusterTotal > 0 ? data.clusterTotal : n;
                double factor = Math.pow(size, -p / ((3.0 + p) * (3.0 + 2 * p)));
                hl *= factor;
                hr *= factor;
            }
            if (!(hl > 0 && hr > 0 && bl > 0 && br > 0) || !Double.isFinite(hl + hr + bl + br)) {
                throw new InputException("bandwidth selection failed (the estimated bias is zero or undefined, e.g. an"
                        + " outcome that is exactly polynomial in the running variable); give --h explicitly");
            }
            return new double[] {hl, hr, bl, br};
        }

        private double bound(double h, double range, double floor) {
            return Math.max(Math.min(h, range), floor);
        }

        private double[][] windowResiduals(LocalPolynomialFit fit, int parameters) {
            if (data.vce != RdVariance.NN) {
                return residuals(fit, data.vce, parameters);
            }
            long key = (fit.side == left ? 0L : 1L << 40) + fit.n;
            return neighbourResiduals.computeIfAbsent(key, k -> residuals(fit, RdVariance.NN, parameters));
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
            int columns = data.estimandColumns;
            double[] theta = new double[columns];
            for (int c = 0; c < columns; c++) {
                theta[c] = nuFactorial * fv.coefficient(c, nu);
            }
            double[][] partial = data.covariateNames.isEmpty() ? null : fv.partialledCrossProducts();
            double[] s = new RdEstimand(data.fuzzy, columns, partial, data.covariateNames).gradient(theta);
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

    }

    /**
     * Residuals for the sandwich of a fit: nearest-neighbour ones over the fit's window, or the
     * fit's plug-in residuals with the HC scaling for {@code parameters} parameters.
     */
    private double[][] residuals(LocalPolynomialFit fit, RdVariance vce, int parameters) {
        if (vce == RdVariance.NN) {
            return Residuals.nearestNeighbour(fit.side, fit.n, neighbours);
        }
        boolean leverage = vce == RdVariance.HC2 || vce == RdVariance.HC3;
        return Residuals.plugIn(fit, vce, leverage ? fit.leverages() : null, parameters);
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
