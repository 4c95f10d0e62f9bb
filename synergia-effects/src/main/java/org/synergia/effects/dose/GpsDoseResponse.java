package org.synergia.effects.dose;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.hipparchus.distribution.continuous.NormalDistribution;
import org.synergia.data.InputException;
import org.synergia.stats.glm.Family;
import org.synergia.stats.glm.Glm;
import org.synergia.stats.glm.Link;
import org.synergia.stats.inference.Estimate;
import org.synergia.stats.inference.Term;
import org.synergia.stats.inference.VarianceType;

/**
 * The dose-response function {@code μ(t) = E[Y(t)]} of a continuous treatment by the generalised
 * propensity score (Hirano &amp; Imbens 2004, in Gelman &amp; Meng (eds.), <i>Applied Bayesian
 * Modeling and Causal Inference from Incomplete-Data Perspectives</i>, ch. 7, §7.4):
 * <ol>
 *   <li>the dose given covariates is normal, {@code T | X ~ N(β₀ + βᵀX, σ²)}, fitted by (weighted)
 *       least squares with the maximum-likelihood {@code σ̂² = Σ w e²/Σ w};</li>
 *   <li>the GPS is {@code R_i = φ((T_i - X_iᵀβ̂)/σ̂)/σ̂};</li>
 *   <li>the outcome model is quadratic in dose and score with their interaction (their eq. 7.4),
 *       {@code E[Y | T, R] = α₀ + α₁T + α₂T² + α₃R + α₄R² + α₅TR}, fitted by least squares;</li>
 *   <li>{@code μ̂(t) = Σ_i w_i [α̂₀ + α̂₁t + α̂₂t² + α̂₃r_i(t) + α̂₄r_i(t)² + α̂₅ t r_i(t)] / Σ w_i}
 *       with {@code r_i(t) = φ((t - X_iᵀβ̂)/σ̂)/σ̂} (their eq. 7.5).</li>
 * </ol>
 * Terms: {@code mu(t)} at each grid dose and {@code effect(t) = μ(t) - μ(t₀)} against the lowest grid
 * dose. SEs and pointwise percentile bands come from a seeded nonparametric bootstrap of all three
 * steps (resampling clusters when the sample has clusters). Requires unconfoundedness of the dose
 * given the covariates and overlap (check the GPS's common support).
 */
public final class GpsDoseResponse {

    private static final NormalDistribution STANDARD_NORMAL = new NormalDistribution(0, 1);
    private static final Glm OLS = Glm.withDefaults().withFamily(Family.GAUSSIAN).withLink(Link.IDENTITY)
            .withVariance(VarianceType.ROBUST).withThreads(1);

    private final double[] grid;
    private final int replications;
    private final long seed;
    private final double level;

    private GpsDoseResponse(double[] grid, int replications, long seed, double level) {
        this.grid = grid;
        this.replications = replications;
        this.seed = seed;
        this.level = level;
    }

    /** @return 10 grid doses evenly spaced between the 5th and 95th percentiles, 200 bootstrap draws, seed 20171, 95% */
    public static GpsDoseResponse withDefaults() {
        return new GpsDoseResponse(null, 200, 20171, 0.95);
    }

    /** @param doses the doses at which to estimate {@code μ(t)}, increasing @return a copy */
    public GpsDoseResponse withGrid(double... doses) {
        if (doses.length == 0) {
            throw new InputException("the dose grid is empty");
        }
        double[] g = doses.clone();
        Arrays.sort(g);
        return new GpsDoseResponse(g, replications, seed, level);
    }

    /** @param b bootstrap replications (at least 20) @return a copy */
    public GpsDoseResponse withBootstrap(int b) {
        if (b < 20) {
            throw new InputException("the bootstrap needs at least 20 replications, got " + b);
        }
        return new GpsDoseResponse(grid, b, seed, level);
    }

    /** @param s the bootstrap's seed @return a copy */
    public GpsDoseResponse withSeed(long s) {
        return new GpsDoseResponse(grid, replications, s, level);
    }

    /** @param l confidence level of the bands, in (0, 1) @return a copy */
    public GpsDoseResponse withConfidenceLevel(double l) {
        if (!(l > 0 && l < 1)) {
            throw new InputException("confidence level " + l + " must be between 0 and 1");
        }
        return new GpsDoseResponse(grid, replications, seed, l);
    }

    /**
     * The dose-response curve; with a subgroup variable, one curve per level with terms suffixed
     * {@code |G=g} (and {@link DoseResult#curve()} null: use {@link #fitBySubgroup}).
     *
     * @param s the units (with covariates)
     * @return the curve with bootstrap SEs and bands
     */
    public DoseResult fit(DoseSample s) {
        if (s.subgroupLevels().isEmpty()) {
            return fitOne(s, null);
        }
        List<Estimate> rows = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        Map<String, Object> diag = new LinkedHashMap<>();
        for (Map.Entry<Double, DoseResult> e : fitBySubgroup(s).entrySet()) {
            rows.addAll(e.getValue().estimates());
            warnings.addAll(e.getValue().warnings());
            Term.Subgroup subgroup = new Term.Subgroup(s.subgroupName(), e.getKey());
            e.getValue().diagnostics().forEach((k, v) -> diag.put(k + subgroup, v));
        }
        return new DoseResult("dose", rows, s.size(), diag, warnings, null);
    }

    /**
     * One curve per subgroup level (heterogeneity, e.g. female-headed households or not), on a
     * common grid.
     *
     * @param s the units, with a subgroup variable
     * @return the result of each level, by level
     */
    public Map<Double, DoseResult> fitBySubgroup(DoseSample s) {
        GpsDoseResponse common = grid == null ? withGrid(defaultGrid(s.dose())) : this;
        Map<Double, DoseResult> out = new LinkedHashMap<>();
        for (double lv : s.subgroupLevels()) {
            out.put(lv, common.fitOne(s.subgroup(lv), new Term.Subgroup(s.subgroupName(), lv)));
        }
        return out;
    }

    private DoseResult fitOne(DoseSample s, Term.Subgroup subgroup) {
        double[] g = grid == null ? defaultGrid(s.dose()) : grid;
        Map<String, Object> diag = new LinkedHashMap<>();
        List<String> warnings = new ArrayList<>();
        if (s.covariates().length == 0) {
            warnings.add("no covariates: the generalised propensity score only adjusts for the dose's own distribution");
        }
        double[] mu = curve(s, g, diag);
        int k = g.length;
        double[][] draws = new double[k][replications];
        SplittableRandom rng = new SplittableRandom(seed);
        int valid = 0;
        int[][] members = clusterMembers(s);
        for (int b = 0; b < replications; b++) {
            int[] rows = draw(s.size(), members, rng);
            double[] m;
            try {
                m = curve(s.rows(rows), g, null);
            } catch (InputException e) {
                continue;
            }
            for (int j = 0; j < k; j++) {
                draws[j][valid] = m[j];
            }
            valid++;
        }
        if (valid < replications / 2) {
            throw new InputException("only " + valid + " of " + replications + " bootstrap samples could be fitted:"
                    + " the sample is too small or a covariate is nearly constant");
        }
        if (valid < replications) {
            warnings.add((replications - valid) + " bootstrap samples could not be fitted and were skipped");
        }
        List<Estimate> rows = new ArrayList<>();
        double[] lo = new double[k];
        double[] hi = new double[k];
        double[] contrast = new double[valid];
        for (int j = 0; j < k; j++) {
            double[] d = Arrays.copyOf(draws[j], valid);
            Estimate e = percentileRow(new Term.DosePoint(false, g[j], subgroup), mu[j], d);
            rows.add(e);
            lo[j] = e.ciLow();
            hi[j] = e.ciHigh();
        }
        for (int j = 1; j < k; j++) {
            for (int b = 0; b < valid; b++) {
                contrast[b] = draws[j][b] - draws[0][b];
            }
            rows.add(percentileRow(new Term.DosePoint(true, g[j], subgroup), mu[j] - mu[0], contrast));
        }
        diag.put("reference_dose", g[0]);
        diag.put("bootstrap", valid);
        diag.put("seed", seed);
        diag.put("bootstrap_unit", members == null ? "unit" : "cluster");
        return new DoseResult("dose", rows, s.size(), diag, warnings, new DoseResult.Curve(g.clone(), mu, lo, hi));
    }

    private Estimate percentileRow(Term term, double estimate, double[] draws) {
        double mean = 0;
        for (double v : draws) {
            mean += v;
        }
        mean /= draws.length;
        double ss = 0;
        for (double v : draws) {
            ss += (v - mean) * (v - mean);
        }
        double se = Math.sqrt(ss / (draws.length - 1));
        double[] sorted = draws.clone();
        Arrays.sort(sorted);
        double a = (1 - level) / 2;
        double p = se > 0 ? 2 * STANDARD_NORMAL.cumulativeProbability(-Math.abs(estimate / se)) : estimate == 0 ? 1 : 0;
        return new Estimate(term, estimate, se, quantile(sorted, a), quantile(sorted, 1 - a), p);
    }

    /** Type-7 (linear interpolation) sample quantile of sorted values. */
    private static double quantile(double[] sorted, double q) {
        double h = (sorted.length - 1) * q;
        int lo = (int) Math.floor(h);
        int hi = Math.min(lo + 1, sorted.length - 1);
        return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    }

    private static double[] defaultGrid(double[] dose) {
        double[] sorted = dose.clone();
        Arrays.sort(sorted);
        double lo = quantile(sorted, 0.05);
        double hi = quantile(sorted, 0.95);
        if (!(hi > lo)) {
            throw new InputException("the dose takes (almost) a single value: a dose-response curve needs variation");
        }
        double[] g = new double[10];
        for (int j = 0; j < 10; j++) {
            g[j] = lo + (hi - lo) * j / 9.0;
        }
        return g;
    }

    private static int[][] clusterMembers(DoseSample s) {
        if (s.clusterIds() == null) {
            return null;
        }
        var c = s.clusters();
        int[] size = new int[c.count()];
        for (int i = 0; i < s.size(); i++) {
            size[c.code(i)]++;
        }
        int[][] m = new int[c.count()][];
        for (int g = 0; g < m.length; g++) {
            m[g] = new int[size[g]];
        }
        int[] fill = new int[m.length];
        for (int i = 0; i < s.size(); i++) {
            int g = c.code(i);
            m[g][fill[g]++] = i;
        }
        return m;
    }

    private static int[] draw(int n, int[][] members, SplittableRandom rng) {
        if (members == null) {
            int[] rows = new int[n];
            for (int i = 0; i < n; i++) {
                rows[i] = rng.nextInt(n);
            }
            return rows;
        }
        int[] rows = new int[n];
        int m = 0;
        for (int k = 0; k < members.length; k++) {
            int[] cl = members[rng.nextInt(members.length)];
            if (m + cl.length > rows.length) {
                rows = Arrays.copyOf(rows, Math.max(2 * rows.length, m + cl.length));
            }
            System.arraycopy(cl, 0, rows, m, cl.length);
            m += cl.length;
        }
        return Arrays.copyOf(rows, m);
    }

    /** Steps 1–4: {@code μ̂(t)} at the grid; fills diagnostics when given a map. */
    private static double[] curve(DoseSample s, double[] grid, Map<String, Object> diag) {
        int n = s.size();
        double[] w = s.weights();
        double[] one = new double[n];
        Arrays.fill(one, 1);
        double[][] x = new double[1 + s.covariates().length][];
        x[0] = one;
        List<String> names = new ArrayList<>();
        names.add("(Intercept)");
        for (int j = 0; j < s.covariates().length; j++) {
            x[1 + j] = s.covariates()[j];
            names.add(s.covariateNames().get(j));
        }
        double[] t = s.dose();
        var doseModel = OLS.fit(x, names, t, w, null);
        double[] index = doseModel.fittedValues();
        double sw = 0;
        double ss = 0;
        for (int i = 0; i < n; i++) {
            double wi = w == null ? 1 : w[i];
            double e = t[i] - index[i];
            sw += wi;
            ss += wi * e * e;
        }
        double sigma = Math.sqrt(ss / sw);
        if (!(sigma > 0)) {
            throw new InputException("the covariates predict the dose '" + s.doseName() + "' exactly: the generalised"
                    + " propensity score is degenerate; drop covariates");
        }
        double[] r = new double[n];
        double[] t2 = new double[n];
        double[] r2 = new double[n];
        double[] tr = new double[n];
        for (int i = 0; i < n; i++) {
            r[i] = density((t[i] - index[i]) / sigma) / sigma;
            t2[i] = t[i] * t[i];
            r2[i] = r[i] * r[i];
            tr[i] = t[i] * r[i];
        }
        String d = s.doseName();
        double[] a = OLS.fit(new double[][] {one, t, t2, r, r2, tr},
                List.of("(Intercept)", d, d + "^2", "gps", "gps^2", d + ":gps"), s.outcome(), w, null).coefficients();
        double[] mu = new double[grid.length];
        for (int j = 0; j < grid.length; j++) {
            double g = grid[j];
            double acc = 0;
            for (int i = 0; i < n; i++) {
                double ri = density((g - index[i]) / sigma) / sigma;
                double wi = w == null ? 1 : w[i];
                acc += wi * (a[0] + a[1] * g + a[2] * g * g + a[3] * ri + a[4] * ri * ri + a[5] * g * ri);
            }
            mu[j] = acc / sw;
        }
        if (diag != null) {
            diag.put("gps_sigma", sigma);
            diag.put("gps_model_r2", 1 - ss / sw / variance(t, w));
        }
        return mu;
    }

    private static double variance(double[] v, double[] w) {
        double sw = 0;
        double m = 0;
        for (int i = 0; i < v.length; i++) {
            double wi = w == null ? 1 : w[i];
            sw += wi;
            m += wi * v[i];
        }
        m /= sw;
        double s = 0;
        for (int i = 0; i < v.length; i++) {
            double wi = w == null ? 1 : w[i];
            s += wi * (v[i] - m) * (v[i] - m);
        }
        return s / sw;
    }

    private static double density(double z) {
        return Math.exp(-0.5 * z * z) / Math.sqrt(2 * Math.PI);
    }
}
