package org.synergia.effects.matching;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.hipparchus.special.Erf;
import org.synergia.data.InputException;
import org.synergia.data.OptionName;

/**
 * Rosenbaum bounds for matched pairs: how far the one-sided Wilcoxon signed-rank p-value and the
 * Hodges-Lehmann estimate can move if, within a pair, the odds of treatment of the two units
 * differ by a factor of at most {@code Γ} because of an unobserved covariate (Rosenbaum 2002,
 * <i>Observational Studies</i>, 2nd ed., ch. 4), with the conventions of R {@code rbounds}
 * ({@code psens} and {@code hlsens}, Keele 2010).
 *
 * <p><b>Signed-rank bounds</b> ({@code psens}; Rosenbaum 2002, section 4.3.2-4.3.3). Let
 * {@code d_i} be the pair differences, treated minus control. Pairs with {@code d_i = 0} are left
 * out; the others, {@code S} of them, get the ranks {@code q_i} of {@code |d_i|} (average ranks for
 * ties), and {@code T = Σ q_i [d_i > 0]}. With hidden bias at most {@code Γ}, the null
 * distribution of {@code T} lies between those of {@code T⁺} and {@code T⁻}, sums of independent
 * {@code q_i B_i} with {@code B_i} Bernoulli of probability {@code p⁺ = Γ/(1+Γ)} and
 * {@code p⁻ = 1/(1+Γ)}: {@code E(T^±) = p^± Σ q_i}, {@code Var(T^±) = p^±(1−p^±) Σ q_i²}. In the
 * normal approximation, without continuity correction, the bounds of the one-sided p-value are
 * {@code p_upper(Γ) = 1 − Φ((T − E(T⁺)) / sd(T⁺))} and {@code p_lower(Γ) = 1 − Φ((T − E(T⁻)) / sd(T⁻))};
 * at {@code Γ = 1} both are the large-sample signed-rank p-value. {@code p_upper} increases with
 * {@code Γ}, continuously, from its value at 1 towards 1 (or 1/2 when every difference is
 * positive), so for {@code α < 1/2} the sensitivity value {@code Γ* = min{Γ ≥ 1: p_upper(Γ) ≥ α}}
 * is the root of {@code p_upper(Γ) = α}, found here by bracketing and bisection to full double
 * precision (not only on the grid), and {@code Γ* = 1} when the test is not significant at
 * {@code α} even without hidden bias.
 *
 * <p><b>Hodges-Lehmann bounds</b> ({@code hlsens}; Rosenbaum 2002, section 4.3.5, and 1993). For a
 * shift {@code τ}, {@code T(τ)} is the signed-rank statistic of all the {@code N} differences
 * {@code d_i − τ} (zeros kept, as {@code hlsens}); it is {@code #{i ≤ j: (d_i + d_j)/2 > τ}}, the
 * number of Walsh averages above {@code τ} (Tukey's identity, exact at every {@code τ} that is not
 * a Walsh average). The smallest and largest Hodges-Lehmann estimates under bias {@code Γ} solve
 * {@code T(τ) = p⁺ N(N+1)/2} and {@code T(τ) = p⁻ N(N+1)/2}, each solution of the step function
 * taken as {@code (sup{τ: T(τ) > c} + inf{τ: T(τ) < c}) / 2}, both found by bisection to full
 * double precision. {@code hlsens} instead steps from the unbiased estimate by {@code pr} (0.1 by
 * default), so its bounds lie within {@code pr} of these, outwards.
 *
 * <p><b>Direction.</b> The test is one-sided in the direction of the estimated effect, the sign of
 * the mean difference (which {@code hlsens} also uses to orient its search): with a negative
 * mean difference the differences are negated first, as R users call {@code psens(control,
 * treated)}, and {@link RosenbaumSensitivity#alternative()} is {@code LESS}; the Hodges-Lehmann
 * bounds are always reported on the scale treated minus control.
 *
 * <pre>{@code
 * RosenbaumSensitivity s = RosenbaumBounds.withDefaults().withGammas(1, 1.5, 2).fit(treated, control);
 * s.gammaStar(); s.bounds().get(1).pUpper();
 * }</pre>
 */
public final class RosenbaumBounds {

    /** The default grid: Γ from 1 to 3 by 0.25. */
    private static final double[] DEFAULT_GAMMAS = {1, 1.25, 1.5, 1.75, 2, 2.25, 2.5, 2.75, 3};

    private final double[] gammas;
    private final double alpha;

    private RosenbaumBounds(double[] gammas, double alpha) {
        this.gammas = gammas;
        this.alpha = alpha;
    }

    /**
     * @return Γ from 1 to 3 by 0.25 (where most published sensitivity values lie; rbounds' default
     *     is 1 to 6 by 1), α = 0.05
     */
    public static RosenbaumBounds withDefaults() {
        return new RosenbaumBounds(DEFAULT_GAMMAS, 0.05);
    }

    /**
     * @param grid the values of Γ at which to give the bounds: at least one, each finite and at
     *     least 1, strictly increasing
     * @return a copy with that grid
     * @throws InputException naming the option {@code gamma} when the grid is not such
     */
    public RosenbaumBounds withGammas(double... grid) {
        OptionName option = OptionName.of("gamma");
        if (grid.length == 0) {
            throw new InputException(MatchingProblem.GAMMA_EMPTY, option);
        }
        for (int i = 0; i < grid.length; i++) {
            if (!(grid[i] >= 1) || Double.isInfinite(grid[i])) {
                throw new InputException(MatchingProblem.GAMMA_VALUE, option, format(grid[i]));
            }
            if (i > 0 && !(grid[i] > grid[i - 1])) {
                throw new InputException(MatchingProblem.GAMMA_NOT_INCREASING, option, format(grid[i]), format(grid[i - 1]));
            }
        }
        return new RosenbaumBounds(grid.clone(), alpha);
    }

    /**
     * @param level the significance level of the one-sided test that defines Γ*, in (0, 0.5)
     * @return a copy with that level
     * @throws InputException naming the option {@code sensitivity-alpha} when outside (0, 0.5)
     */
    public RosenbaumBounds withAlpha(double level) {
        if (!(level > 0 && level < 0.5)) {
            throw new InputException(MatchingProblem.SENSITIVITY_ALPHA, OptionName.of("sensitivity-alpha"), format(level));
        }
        return new RosenbaumBounds(gammas, level);
    }

    /**
     * @param pairs the matched pairs of an ATT matching ({@link MatchingResult#pairs()})
     * @return the bounds
     */
    public RosenbaumSensitivity fit(MatchedPairs pairs) {
        return fit(pairs.treatedOutcomes(), pairs.controlOutcomes());
    }

    /**
     * @param treated the treated outcome of each pair
     * @param control the control outcome of each pair, in the same order
     * @return the bounds
     * @throws InputException naming the option {@code sensitivity} when no pair has a nonzero difference
     */
    public RosenbaumSensitivity fit(double[] treated, double[] control) {
        if (treated.length != control.length) {
            throw new IllegalArgumentException(treated.length + " treated outcomes but " + control.length + " controls");
        }
        int n = treated.length;
        double[] d = new double[n];
        double mean = 0;
        for (int i = 0; i < n; i++) {
            d[i] = treated[i] - control[i];
            if (!Double.isFinite(d[i])) {
                throw new IllegalArgumentException("pair " + (i + 1) + " has a difference of " + d[i]);
            }
            mean += d[i];
        }
        boolean less = mean < 0;
        if (less) {
            for (int i = 0; i < n; i++) {
                d[i] = -d[i];
            }
        }
        SignedRank t = SignedRank.of(d);
        if (t.nonzero() == 0) {
            throw new InputException(MatchingProblem.PAIRS_ALL_ZERO, n, OptionName.of("sensitivity"));
        }
        double[] sorted = d.clone();
        Arrays.sort(sorted);
        double total = n * (n + 1.0) / 2;
        List<RosenbaumSensitivity.Bound> bounds = new ArrayList<>(gammas.length);
        for (double g : gammas) {
            double hi = hodgesLehmann(sorted, total / (1 + g));
            double lo = hodgesLehmann(sorted, total * g / (1 + g));
            // + 0.0 turns a negated zero into 0
            bounds.add(new RosenbaumSensitivity.Bound(g, t.pUpper(g), t.pLower(g), (less ? -hi : lo) + 0.0, (less ? -lo : hi) + 0.0));
        }
        return new RosenbaumSensitivity(n, n - t.nonzero(), less ? RosenbaumSensitivity.Alternative.LESS
                : RosenbaumSensitivity.Alternative.GREATER, t.statistic(), t.pUpper(1), alpha, gammaStar(t), bounds);
    }

    /** Γ* = the root of p_upper(Γ) = α, or 1 when p_upper(1) >= α; bracketed by doubling, then bisected. */
    private double gammaStar(SignedRank t) {
        if (t.pUpper(1) >= alpha) {
            return 1;
        }
        double lo = 1;
        double hi = 2;
        while (t.pUpper(hi) < alpha) {
            lo = hi;
            hi *= 2;
        }
        for (int i = 0; i < 2100; i++) {
            double mid = 0.5 * (lo + hi);
            if (mid <= lo || mid >= hi) {
                break;
            }
            if (t.pUpper(mid) < alpha) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return hi;
    }

    /**
     * The Hodges-Lehmann solution of {@code T(τ) = c}: {@code (sup{τ: T(τ) > c} + inf{τ: T(τ) < c}) / 2}.
     *
     * @param sorted the differences, ascending
     * @param c the target, in {@code (0, N(N+1)/2)}
     */
    private static double hodgesLehmann(double[] sorted, double c) {
        return 0.5 * (crossing(sorted, c, true) + crossing(sorted, c, false));
    }

    /**
     * @param above true: {@code sup{τ: T(τ) > c}}; false: {@code inf{τ: T(τ) < c}}
     */
    private static double crossing(double[] sorted, double c, boolean above) {
        // T is non-increasing: T(lo) satisfies the side's condition (> c, or >= c), T(hi) does not
        double lo = sorted[0] - 1;
        double hi = sorted[sorted.length - 1] + 1;
        for (int i = 0; i < 2100; i++) {
            double mid = 0.5 * (lo + hi);
            if (mid <= lo || mid >= hi) {
                break;
            }
            double w = walshAbove(sorted, mid);
            if (above ? w > c : w >= c) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return above ? lo : hi;
    }

    /**
     * @param sorted the differences, ascending
     * @param tau a shift
     * @return {@code #{i <= j: sorted[i] + sorted[j] > 2 tau}}, counted in one pass
     */
    static double walshAbove(double[] sorted, double tau) {
        int n = sorted.length;
        double twice = 2 * tau;
        long count = 0;
        int j = n;
        // for each i, j is the first index with sorted[i] + sorted[j] > 2 tau; it only moves left as i grows
        for (int i = 0; i < n; i++) {
            while (j > 0 && sorted[i] + sorted[j - 1] > twice) {
                j--;
            }
            count += n - Math.max(i, j);
        }
        return count;
    }

    private static String format(double v) {
        return org.synergia.data.NumericColumn.formatNumber(v);
    }

    /**
     * The signed-rank statistic of the nonzero differences and the sums that its bounding
     * distributions need.
     *
     * @param statistic {@code T}, the sum of the ranks of the positive differences
     * @param rankSum {@code Σ q_i}
     * @param rankSquares {@code Σ q_i²}
     * @param nonzero the number of nonzero differences
     */
    private record SignedRank(double statistic, double rankSum, double rankSquares, int nonzero) {

        static SignedRank of(double[] d) {
            double[] abs = Arrays.stream(d).filter(v -> v != 0).map(Math::abs).toArray();
            boolean[] positive = new boolean[abs.length];
            int p = 0;
            for (double v : d) {
                if (v != 0) {
                    positive[p++] = v > 0;
                }
            }
            double[] rank = averageRanks(abs);
            double t = 0;
            double s1 = 0;
            double s2 = 0;
            for (int i = 0; i < abs.length; i++) {
                t += positive[i] ? rank[i] : 0;
                s1 += rank[i];
                s2 += rank[i] * rank[i];
            }
            return new SignedRank(t, s1, s2, abs.length);
        }

        double pUpper(double gamma) {
            return tail(gamma / (1 + gamma));
        }

        double pLower(double gamma) {
            return tail(1 / (1 + gamma));
        }

        /** {@code 1 − Φ((T − p Σq) / sqrt(p (1−p) Σq²))}, from the complementary error function. */
        private double tail(double p) {
            double z = (statistic - p * rankSum) / Math.sqrt(p * (1 - p) * rankSquares);
            return 0.5 * Erf.erfc(z / Math.sqrt(2));
        }

        /** Ranks from 1, ties given the mean of the ranks they span (R's {@code ties.method = "average"}). */
        private static double[] averageRanks(double[] x) {
            Integer[] order = new Integer[x.length];
            for (int i = 0; i < x.length; i++) {
                order[i] = i;
            }
            Arrays.sort(order, (a, b) -> Double.compare(x[a], x[b]));
            double[] rank = new double[x.length];
            int i = 0;
            while (i < x.length) {
                int j = i;
                while (j + 1 < x.length && x[order[j + 1]] == x[order[i]]) {
                    j++;
                }
                double r = (i + j) / 2.0 + 1;
                for (int k = i; k <= j; k++) {
                    rank[order[k]] = r;
                }
                i = j + 1;
            }
            return rank;
        }
    }
}
