package org.synergia.effects.matching;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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

/** The sorted-array matcher against hand-worked cases and a brute-force O(n^2) matcher. */
class ScoreMatcherTest {

    private static MatchSet match(double[] score, int[] focal, int[] pool, int m, double caliper, boolean replace,
            double tie) {
        return ScoreMatcher.nearest(new SortedScores(score, pool), score, focal, m, caliper, replace, tie, false);
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

    @Property(tries = 200)
    void agreesWithBruteForce(@ForAll @Size(min = 2, max = 40) List<@DoubleRange(min = 0, max = 1) Double> values,
            @ForAll @IntRange(min = 1, max = 3) int m, @ForAll boolean discrete) {
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
        double tie = 1e-4;
        double caliper = 0.3;
        MatchSet fast = match(s, focal, pool, Math.min(m, pool.length), caliper, true, tie);
        for (int k = 0; k < focal.length; k++) {
            assertEquals(bruteForce(s, focal[k], pool, Math.min(m, pool.length), caliper, tie), set(fast.matchesOf(k)));
        }
    }

    /** Within the caliper: the M nearest and every unit with d^2 <= d_M^2 + tie. */
    private static Set<Integer> bruteForce(double[] s, int i, int[] pool, int m, double caliper, double tie) {
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
            for (int q = 0; q < pool.length; q++) {
                if (d[q] <= caliper) {
                    out.add(pool[q]);
                }
            }
            return out;
        }
        double dm = sorted[m - 1];
        double limit = Math.min(Math.sqrt(dm * dm + tie), caliper);
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
