package org.synergia.stats.fewclusters;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.synergia.data.InputException;
import org.synergia.data.NumericColumn;
import org.synergia.data.OptionName;
import org.synergia.stats.inference.Term;

/**
 * The wild cluster bootstrap-t with the null imposed (WCR; Cameron, Gelbach &amp; Miller 2008, Rev. Econ. Stat.
 * 90(3), §III.C) for a coefficient of a least-squares fit with CR1 standard errors, computed as boottest does
 * (Roodman, MacKinnon, Nielsen &amp; Webb 2019, "Fast and wild: bootstrap inference in Stata using boottest",
 * Stata Journal 19(1), §3–5): from cluster sums, without refitting on any draw.
 *
 * <p>To test {@code β_j = r}: the restricted fit {@code β̃ = β̂ - (XᵀWX)⁻¹e_j (β̂_j - r) / [(XᵀWX)⁻¹]_jj} and its
 * residuals {@code ũ}; draw {@code b} multiplies cluster {@code g}'s restricted residuals by {@code v_bg}
 * ({@link WildWeights}), {@code y* = Xβ̃ + ũ ∘ v}, and computes {@code t*_b = (β̂*_j - r) / se_CR1(β̂*_j)}. The
 * symmetric p-value is {@code #{b : |t*_b| > |t|} / B} with {@code t = (β̂_j - r) / se_CR1(β̂_j)} (boottest's
 * default), draws that tie with {@code |t|} to a relative {@code 1e-10} not counting (the all-ones vector
 * reproduces the sample and ties exactly). With Rademacher weights and {@code 2^G ≤ B} all {@code 2^G} sign
 * vectors are used instead of random draws, as boottest does; otherwise the draws come from {@code seed}.
 *
 * <p>Both {@code β̂*_j - r} and the CR1 variance of each draw are polynomials in {@code r} (degree 1 and 2),
 * whose coefficients cost {@code O(GK)} per draw; the p-value at any {@code r} then costs {@code O(B)}. The
 * interval is the set of {@code r} whose p-value is at least {@code 1 - level}: stepping out from {@code β̂_j} by
 * half standard errors up to 20 (then doubling), the first point below is bracketed with the last point at or
 * above and the crossing found by bisection to {@code 1e-6} standard errors (boottest's test inversion).
 */
public final class WildClusterBootstrap {

    /** The bracket width at which the search for an interval's end stops, in CR1 standard errors. */
    static final double TOLERANCE = 1e-6;
    private static final double TIE = 1e-10;
    private static final double ABSOLUTE_TIE = 1e-12;

    private final int draws;
    private final WildWeights weights;
    private final long seed;
    private final double level;

    private WildClusterBootstrap(int draws, WildWeights weights, long seed, double level) {
        this.draws = draws;
        this.weights = weights;
        this.seed = seed;
        this.level = level;
    }

    /**
     * @param draws the number of bootstrap draws {@code B}
     * @return the bootstrap with Rademacher weights, seed 20171 and 95% intervals
     * @throws InputException when {@code draws} is negative
     */
    public static WildClusterBootstrap withDraws(int draws) {
        if (draws < 0) {
            throw new InputException(FewClustersProblem.NEGATIVE_DRAWS, OptionName.of("wild-bootstrap"), String.valueOf(draws));
        }
        return new WildClusterBootstrap(draws, WildWeights.RADEMACHER, 20171, 0.95);
    }

    /** @param w the weights' distribution @return a copy */
    public WildClusterBootstrap withWeights(WildWeights w) {
        return new WildClusterBootstrap(draws, w, seed, level);
    }

    /** @param s the seed of the draws @return a copy */
    public WildClusterBootstrap withSeed(long s) {
        return new WildClusterBootstrap(draws, weights, s, level);
    }

    /** @param l the intervals' confidence level, in (0, 1) @return a copy */
    public WildClusterBootstrap withLevel(double l) {
        if (!(l > 0 && l < 1)) {
            throw new IllegalArgumentException("confidence level " + l);
        }
        return new WildClusterBootstrap(draws, weights, seed, l);
    }

    /** @return the draws asked for */
    public int draws() {
        return draws;
    }

    /** @return the weights' distribution */
    public WildWeights weights() {
        return weights;
    }

    /** @return the fewest draws for intervals at this level, {@code ⌈1 / (1 - level)⌉} */
    public int fewestDraws() {
        return (int) Math.ceil(1 / (1 - level) - 1e-9);
    }

    private String percent() {
        return NumericColumn.formatNumber(100 * level);
    }

    /**
     * Tests every coefficient of a fit.
     *
     * @param m the fit
     * @return the p-values and intervals, terms named after the coefficients
     * @throws InputException as {@link #test(ClusteredRegression, int[], List)}
     */
    public WildBootstrapResult test(ClusteredRegression m) {
        int[] all = new int[m.parameters()];
        List<Term> terms = new ArrayList<>();
        for (int j = 0; j < all.length; j++) {
            all[j] = j;
            terms.add(Term.named(m.names().get(j)));
        }
        return test(m, all, terms);
    }

    /**
     * Tests some coefficients of a fit, each against 0, with the same draws for all.
     *
     * @param m the fit
     * @param coefficients the coefficients' indices
     * @param terms the term each estimates, parallel to {@code coefficients}
     * @return the p-values and intervals
     * @throws InputException when the draws, or the distinct Rademacher draws of the clusters, are fewer than
     *         {@link #fewestDraws()}
     */
    public WildBootstrapResult test(ClusteredRegression m, int[] coefficients, List<Term> terms) {
        Draws d = draws(m.clusterCount());
        List<WildBootstrapResult.TermResult> out = new ArrayList<>();
        for (int k = 0; k < coefficients.length; k++) {
            Hypothesis h = new Hypothesis(m, coefficients[k], d);
            double[] ci = {end(h, -1), end(h, 1)};
            out.add(new WildBootstrapResult.TermResult(terms.get(k), h.pValueAt(0), ci[0], ci[1]));
        }
        return new WildBootstrapResult(d.count, weights, seed, d.enumerated, level, out);
    }

    /**
     * The draws for {@code g} clusters: every sign vector when Rademacher and {@code 2^g ≤ B}, else {@code B} from the seed.
     *
     * @throws InputException when the draws or the sign vectors are too few for the level
     */
    Draws draws(int g) {
        if (draws < fewestDraws()) {
            throw new InputException(FewClustersProblem.TOO_FEW_DRAWS, OptionName.of("wild-bootstrap"), String.valueOf(draws),
                    percent(), String.valueOf(fewestDraws()));
        }
        boolean enumerate = weights == WildWeights.RADEMACHER && g < 31 && (1 << g) <= draws;
        int count = enumerate ? 1 << g : draws;
        if (count < fewestDraws()) {
            throw new InputException(FewClustersProblem.TOO_FEW_SIGN_VECTORS, OptionName.of("wild-weights"), String.valueOf(g),
                    String.valueOf(count), percent());
        }
        return new Draws(g, count, enumerate, weights, seed);
    }

    /**
     * One end of the interval: from {@code β̂_j} outwards on {@code side} (-1 lower, +1 upper), in standard errors.
     */
    private double end(Hypothesis h, int side) {
        if (!(h.se > 0)) {
            return Double.NaN;
        }
        double alpha = 1 - level;
        double in = 0;
        double out = Double.NaN;
        for (double u = 0.5; u <= 20 && Double.isNaN(out); u += 0.5) {
            if (h.pValueAt(h.estimate + side * u * h.se) < alpha) {
                out = u;
            } else {
                in = u;
            }
        }
        for (double u = 40; Double.isNaN(out) && u <= 0x1p40; u *= 2) {
            if (h.pValueAt(h.estimate + side * u * h.se) < alpha) {
                out = u;
            } else {
                in = u;
            }
        }
        if (Double.isNaN(out)) {
            return side * Double.POSITIVE_INFINITY;
        }
        while (out - in > TOLERANCE) {
            double mid = (in + out) / 2;
            if (h.pValueAt(h.estimate + side * mid * h.se) < alpha) {
                out = mid;
            } else {
                in = mid;
            }
        }
        return h.estimate + side * h.se * (in + out) / 2;
    }

    /** The bootstrap weight vectors, replayed identically for every hypothesis. */
    static final class Draws {

        final int g;
        final int count;
        final boolean enumerated;
        private final WildWeights weights;
        private final long seed;

        Draws(int g, int count, boolean enumerated, WildWeights weights, long seed) {
            this.g = g;
            this.count = count;
            this.enumerated = enumerated;
            this.weights = weights;
            this.seed = seed;
        }

        /** @return all draws, {@code [b][g]} (for tests; the bootstrap replays them without storing) */
        double[][] all() {
            double[][] v = new double[count][g];
            Replay r = replay();
            for (int b = 0; b < count; b++) {
                r.next(v[b]);
            }
            return v;
        }

        Replay replay() {
            return new Replay();
        }

        /** Fills successive draws; draw {@code b} of an enumeration is {@code v_g = -1} where bit {@code g} of {@code b} is set. */
        final class Replay {
            private final SplittableRandom rng = new SplittableRandom(seed);
            private int b;

            void next(double[] v) {
                for (int c = 0; c < g; c++) {
                    v[c] = enumerated ? ((b >> c & 1) == 0 ? 1 : -1) : weights.draw(rng);
                }
                b++;
            }
        }
    }

    /**
     * The test of {@code β_j = r} for every {@code r}: with {@code γ = (XᵀWX)⁻¹e_j}, {@code h_g = H_gγ},
     * {@code d_g = (XᵀWX)⁻¹h_g} and {@code δ = (β̂_j - r) / γ_j}, draw {@code b} has numerator
     * {@code Σ_g v_g (γᵀŝ_g + δ γᵀh_g)} and cluster scores
     * {@code z_g = v_g γᵀŝ_g - d_gᵀΣ_h v_h ŝ_h + δ (v_g γᵀh_g - d_gᵀΣ_h v_h h_h)}, whose CR1 variance is
     * {@code c Σ_g z_g²}; the five sums that give both at any {@code δ} are kept per draw.
     */
    static final class Hypothesis {

        final double estimate;
        final double se;
        private final double ajj;
        private final double c;
        private final double[] n0;
        private final double[] n1;
        private final double[] p;
        private final double[] q;
        private final double[] r;

        Hypothesis(ClusteredRegression m, int j, Draws draws) {
            int k = m.parameters();
            int g = m.clusterCount();
            double[][] a = m.bread();
            double[] gamma = new double[k];
            for (int i = 0; i < k; i++) {
                gamma[i] = a[i][j];
            }
            ajj = a[j][j];
            estimate = m.coefficients()[j];
            c = m.cr1Factor();
            double[] s = new double[g * k];
            double[] h = new double[g * k];
            double[] d = new double[g * k];
            double[] gs = new double[g];
            double[] gh = new double[g];
            double variance = 0;
            for (int cl = 0; cl < g; cl++) {
                double[] hg = ClusteredRegression.times(m.h(cl), gamma);
                double[] dg = ClusteredRegression.times(a, hg);
                System.arraycopy(m.score(cl), 0, s, cl * k, k);
                System.arraycopy(hg, 0, h, cl * k, k);
                System.arraycopy(dg, 0, d, cl * k, k);
                gs[cl] = ClusteredRegression.dot(gamma, m.score(cl));
                gh[cl] = ClusteredRegression.dot(gamma, hg);
                variance += gs[cl] * gs[cl];
            }
            se = Math.sqrt(c * variance);
            int b = draws.count;
            n0 = new double[b];
            n1 = new double[b];
            p = new double[b];
            q = new double[b];
            r = new double[b];
            double[] v = new double[g];
            double[] sv = new double[k];
            double[] hv = new double[k];
            Draws.Replay replay = draws.replay();
            for (int t = 0; t < b; t++) {
                replay.next(v);
                Arrays.fill(sv, 0);
                Arrays.fill(hv, 0);
                double num0 = 0;
                double num1 = 0;
                for (int cl = 0; cl < g; cl++) {
                    double vc = v[cl];
                    int off = cl * k;
                    for (int i = 0; i < k; i++) {
                        sv[i] += vc * s[off + i];
                        hv[i] += vc * h[off + i];
                    }
                    num0 += vc * gs[cl];
                    num1 += vc * gh[cl];
                }
                double pp = 0;
                double qq = 0;
                double rr = 0;
                for (int cl = 0; cl < g; cl++) {
                    int off = cl * k;
                    double ds = 0;
                    double dh = 0;
                    for (int i = 0; i < k; i++) {
                        ds += d[off + i] * sv[i];
                        dh += d[off + i] * hv[i];
                    }
                    double z0 = v[cl] * gs[cl] - ds;
                    double z1 = v[cl] * gh[cl] - dh;
                    pp += z0 * z0;
                    qq += z0 * z1;
                    rr += z1 * z1;
                }
                n0[t] = num0;
                n1[t] = num1;
                p[t] = pp;
                q[t] = qq;
                r[t] = rr;
            }
        }

        private double delta(double null0) {
            return (estimate - null0) / ajj;
        }

        /** @return the observed {@code t = (β̂_j - r) / se_CR1} */
        double t(double null0) {
            return (estimate - null0) / se;
        }

        /** @return draw {@code b}'s {@code t*} under {@code β_j = r} */
        double tStar(int b, double null0) {
            double dl = delta(null0);
            return (n0[b] + dl * n1[b]) / Math.sqrt(c * (p[b] + dl * (2 * q[b] + dl * r[b])));
        }

        /** @return {@code #{b : |t*_b| > |t|} / B} under {@code β_j = r} */
        double pValueAt(double null0) {
            double bound = Math.abs(t(null0)) * (1 + TIE) + ABSOLUTE_TIE;
            int extreme = 0;
            for (int b = 0; b < n0.length; b++) {
                if (Math.abs(tStar(b, null0)) > bound) {
                    extreme++;
                }
            }
            return (double) extreme / n0.length;
        }
    }
}
