package org.synergia.effects.matching;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.DoubleRange;
import org.junit.jupiter.api.Test;
import org.synergia.data.InputException;

/** The sorted-array matcher against hand-worked cases and a brute-force O(n^2) matcher. */
class ScoreMatcherTest {

    private static MatchSet match(double[] score, int[] focal, int[] pool, int m, double caliper, boolean replace,
            double tie) {
        return match(score, focal, pool, m, caliper, false, replace, new Ties.Bound(0, tie));
    }

    private static MatchSet match(double[] score, int[] focal, int[] pool, int m, double caliper, boolean all,
            boolean replace, Ties.Bound ties) {
        return ScoreMatcher.nearest(new SortedScores(score, pool), score, focal, m, caliper, all, replace, ties, false);
    }

    @Test
    void handWorkedTiesCaliperAndNoReplacement() {
        // rows 0-1 focal at 0.5 and 0.5625; pool rows 2-5 at 0.25, 0.375, 0.625, 0.9375 (exact binary fractions)
        double[] s = {0.5, 0.5625, 0.25, 0.375, 0.625, 0.9375};
        int[] focal = {0, 1};
        int[] pool = {2, 3, 4, 5};
        MatchSet one = match(s, focal, pool, 1, Double.POSITIVE_INFINITY, true, 0);
        // 0.5: 0.375 and 0.625 are both 0.125 away, a tie: both kept
        assertEquals(Set.of(3, 4), set(one.matchesOf(0)));
        assertArrayEquals(new int[] {4}, one.matchesOf(1));
        MatchSet caliper = match(s, new int[] {5}, new int[] {2, 3}, 1, 0.1, true, 0);
        assertFalse(caliper.isMatched(0));
        // without replacement, row 0 takes 0.375 (lower score on a tie), row 1 then takes 0.625
        MatchSet greedy = match(s, focal, pool, 1, Double.POSITIVE_INFINITY, false, 0);
        assertArrayEquals(new int[] {3}, greedy.matchesOf(0));
        assertArrayEquals(new int[] {4}, greedy.matchesOf(1));
        double[] used = new double[6];
        double[] usedSq = new double[6];
        one.addUsage(used, usedSq);
        assertArrayEquals(new double[] {0, 0, 0, 0.5, 1.5, 0}, used, 1e-15);
        assertArrayEquals(new double[] {0, 0, 0, 0.25, 1.25, 0}, usedSq, 1e-15);
    }

    @Test
    void allMatchesInsideTheCaliperOrNone() {
        // focal rows 0-1 at 0.5 and 0.9; pool rows 2-4 at 0.45, 0.6, 0.95 (caliper 0.12, two neighbours)
        double[] s = {0.5, 0.9, 0.45, 0.6, 0.95};
        int[] focal = {0, 1};
        int[] pool = {2, 3, 4};
        MatchSet any = match(s, focal, pool, 2, 0.12, false, true, Ties.Bound.EXACT);
        assertEquals(Set.of(2, 3), set(any.matchesOf(0)));
        assertArrayEquals(new int[] {4}, any.matchesOf(1), "one match inside is enough");
        MatchSet all = match(s, focal, pool, 2, 0.12, true, true, Ties.Bound.EXACT);
        assertEquals(Set.of(2, 3), set(all.matchesOf(0)));
        assertFalse(all.isMatched(1), "R: dropped without both matches inside");
        // without replacement a dropped unit takes nothing: row 0 (0.8) has only 0.72 inside and is dropped, so row 1
        // (0.62) finds both 0.6 and 0.72; when one match suffices row 0 takes 0.72 and row 1 keeps 0.6 alone
        double[] g = {0.8, 0.62, 0.45, 0.6, 0.72};
        MatchSet greedy = match(g, focal, pool, 2, 0.12, true, false, Ties.Bound.EXACT);
        assertFalse(greedy.isMatched(0));
        assertEquals(Set.of(3, 4), set(greedy.matchesOf(1)));
        MatchSet greedyAny = match(g, focal, pool, 2, 0.12, false, false, Ties.Bound.EXACT);
        assertArrayEquals(new int[] {4}, greedyAny.matchesOf(0));
        assertArrayEquals(new int[] {3}, greedyAny.matchesOf(1));
    }

    @Test
    void stataTiesAreRelativeRTiesAreOnSquaredDistances() {
        Ties.Bound stata = new Ties(Ties.Convention.STATA, 1e-6).on(4);
        assertEquals(0.2 * (1 + 1e-6), stata.limit(0.2), 1e-18);
        assertEquals(0.04 * (1 + 1e-6) * (1 + 1e-6), stata.limitSquared(0.04), 1e-18);
        Ties.Bound r = new Ties(Ties.Convention.MATCHING, 1e-5).on(4);
        assertEquals(Math.sqrt(0.04 + 4e-5), r.limit(0.2), 1e-15);
        assertEquals(0.04 + 4e-5, r.limitSquared(0.04), 1e-18);
        assertEquals(0.2, Ties.Bound.EXACT.limit(0.2));
        assertThrows(InputException.class, () -> new Ties(Ties.Convention.STATA, -1));
    }

    @Property(tries = 200)
    void agreesWithBruteForce(@ForAll @Size(min = 2, max = 40) List<@DoubleRange(min = 0, max = 1) Double> values,
            @ForAll @IntRange(min = 1, max = 3) int m, @ForAll boolean discrete, @ForAll boolean all,
            @ForAll boolean stata) {
        int n = values.size();
        double[] s = new double[n];
        for (int i = 0; i < n; i++) {
            // discrete scores create many exact ties
            s[i] = discrete ? Math.round(values.get(i) * 5) / 5.0 : values.get(i);
        }
        List<Integer> f = new ArrayList<>();
        List<Integer> p = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            (i % 2 == 0 ? f : p).add(i);
        }
        int[] focal = f.stream().mapToInt(Integer::intValue).toArray();
        int[] pool = p.stream().mapToInt(Integer::intValue).toArray();
        Ties.Bound ties = stata ? new Ties.Bound(1e-2, 0) : new Ties.Bound(0, 1e-4);
        double caliper = 0.3;
        MatchSet fast = match(s, focal, pool, Math.min(m, pool.length), caliper, all, true, ties);
        for (int k = 0; k < focal.length; k++) {
            assertEquals(bruteForce(s, focal[k], pool, Math.min(m, pool.length), caliper, all, ties),
                    set(fast.matchesOf(k)));
        }
    }

    /** Within the caliper: the M nearest and every unit that ties with the M-th; fewer than M inside: all or none. */
    private static Set<Integer> bruteForce(double[] s, int i, int[] pool, int m, double caliper, boolean all,
            Ties.Bound ties) {
        double[] d = new double[pool.length];
        for (int q = 0; q < pool.length; q++) {
            d[q] = Math.abs(s[pool[q]] - s[i]);
        }
        double[] sorted = d.clone();
        Arrays.sort(sorted);
        Set<Integer> out = new HashSet<>();
        int inside = 0;
        for (double v : sorted) {
            if (v <= caliper) {
                inside++;
            }
        }
        if (inside == 0) {
            return out;
        }
        if (inside < m) {
            for (int q = 0; q < pool.length && !all; q++) {
                if (d[q] <= caliper) {
                    out.add(pool[q]);
                }
            }
            return out;
        }
        double dm = sorted[m - 1];
        double limit = Math.min(ties.limit(dm), caliper);
        for (int q = 0; q < pool.length; q++) {
            if (d[q] <= limit) {
                out.add(pool[q]);
            }
        }
        return out;
    }

    private static Set<Integer> set(int[] a) {
        Set<Integer> s = new HashSet<>();
        for (int v : a) {
            s.add(v);
        }
        return s;
    }

    @Test
    void withoutReplacementUsesEachPoolUnitOnce() {
        java.util.SplittableRandom rng = new java.util.SplittableRandom(7);
        int n = 3000;
        double[] s = new double[n];
        for (int i = 0; i < n; i++) {
            s[i] = rng.nextDouble();
        }
        int[] focal = java.util.stream.IntStream.range(0, 1000).toArray();
        int[] pool = java.util.stream.IntStream.range(1000, n).toArray();
        MatchSet g = match(s, focal, pool, 2, Double.POSITIVE_INFINITY, false, 0);
        Set<Integer> seen = new HashSet<>();
        for (int k = 0; k < focal.length; k++) {
            assertEquals(2, g.matchCount(k));
            for (int r : g.matchesOf(k)) {
                assertTrue(seen.add(r), "pool row used twice: " + r);
            }
        }
    }
}
