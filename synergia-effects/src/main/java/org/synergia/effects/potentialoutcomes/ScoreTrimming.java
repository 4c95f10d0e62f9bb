package org.synergia.effects.potentialoutcomes;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * Trimming of the estimated treatment probabilities chosen by the user, before the effects are
 * estimated on the units kept (every model refitted on them, as Stata users do with
 * {@code teffects ... if} on the trimmed sample):
 * <ul>
 * <li>{@link Rule#BOUNDS}: keep units whose probability of the treated level (binary treatment), or of
 *     every level (more than two), lies in {@code [low, high]};</li>
 * <li>{@link Rule#CRUMP}: the optimal rule of Crump, Hotz, Imbens and Mitnik (2009, Biometrika 96(1)),
 *     binary treatment only: with {@code g = 1 / (p (1 - p))}, no trimming when {@code max g <= 2 E[g]},
 *     else keep {@code g <= γ}, {@code γ = 2 E[g | g <= γ]} (solved on the sample, with the sampling
 *     weights), that is {@code α <= p <= 1 - α} with {@code α = 1/2 - sqrt(1/4 - 1/γ)}. The sample equation
 *     can have several solutions a few units apart, where the step function {@code γ - 2 E[g | g <= γ]}
 *     crosses zero more than once; their variance bounds differ by rounding, and the largest, which keeps
 *     the most units, is taken (R {@code PSweight}'s root finder lands there on the data tested).</li>
 * </ul>
 *
 * @param rule the rule
 * @param low the lower bound (BOUNDS)
 * @param high the upper bound (BOUNDS)
 */
public record ScoreTrimming(Rule rule, double low, double high) {

    /** How units are trimmed. */
    public enum Rule {
        /** No trimming. */
        NONE,
        /** Fixed bounds on the probabilities. */
        BOUNDS,
        /** Crump et al.'s optimal bounds for the variance of the ATE. */
        CRUMP
    }

    /** No trimming. */
    public static final ScoreTrimming NONE = new ScoreTrimming(Rule.NONE, 0, 1);

    /**
     * @param low the lowest probability kept, in {@code [0, 1)}
     * @param high the highest probability kept, in {@code (low, 1]}
     * @return the rule
     */
    public static ScoreTrimming bounds(double low, double high) {
        if (!(low >= 0 && low < high && high <= 1)) {
            throw new IllegalArgumentException("score bounds must satisfy 0 <= low < high <= 1: " + low + ", " + high);
        }
        return new ScoreTrimming(Rule.BOUNDS, low, high);
    }

    /** @return Crump et al.'s rule */
    public static ScoreTrimming crump() {
        return new ScoreTrimming(Rule.CRUMP, Double.NaN, Double.NaN);
    }

    /**
     * The units kept and the bounds applied.
     *
     * @param keep whether each unit is kept
     * @param low the lower bound applied
     * @param high the upper bound applied
     */
    record Kept(boolean[] keep, double low, double high) {
        int dropped() {
            return (int) IntStream.range(0, keep.length).filter(i -> !keep[i]).count();
        }
    }

    /**
     * @param tm the treatment model's fit on the sample
     * @param d the sample
     * @return the units kept
     */
    Kept apply(TreatmentFit tm, PreparedSample d) {
        double lo = low;
        double hi = high;
        if (rule == Rule.CRUMP) {
            double[] p = new double[d.n];
            for (int i = 0; i < d.n; i++) {
                p[i] = tm.probability(i, 1);
            }
            lo = crumpAlpha(p, d.w);
            hi = 1 - lo;
        }
        boolean[] keep = new boolean[d.n];
        for (int i = 0; i < d.n; i++) {
            keep[i] = true;
            for (int t = d.arms() == 2 ? 1 : 0; t < d.arms() && keep[i]; t++) {
                double p = tm.probability(i, t);
                keep[i] = p >= lo && p <= hi;
            }
        }
        return new Kept(keep, lo, hi);
    }

    /**
     * @param p the probabilities of the treated level
     * @param w the sampling weights
     * @return Crump et al.'s {@code α}, 0 when no trimming improves the variance bound
     */
    static double crumpAlpha(double[] p, double[] w) {
        int n = p.length;
        double[] g = new double[n];
        double sum = 0;
        double weight = 0;
        double max = 0;
        for (int i = 0; i < n; i++) {
            g[i] = 1 / (p[i] * (1 - p[i]));
            sum += w[i] * g[i];
            weight += w[i];
            max = Math.max(max, g[i]);
        }
        if (max <= 2 * sum / weight) {
            return 0;
        }
        Integer[] order = IntStream.range(0, n).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingDouble(i -> g[i]));
        double cumulative = 0;
        double cumulativeWeight = 0;
        double gamma = Double.NaN;
        for (int k = 0; k < n; k++) {
            int i = order[k];
            cumulative += w[i] * g[i];
            cumulativeWeight += w[i];
            double twiceMean = 2 * cumulative / cumulativeWeight;
            // gamma = 2 E[g | g <= gamma] lies between this unit's g and the next one's; the last such solution
            double next = k + 1 < n ? g[order[k + 1]] : Double.POSITIVE_INFINITY;
            if (g[i] <= twiceMean && twiceMean < next) {
                gamma = twiceMean;
            }
        }
        return 0.5 - Math.sqrt(0.25 - 1 / gamma);
    }
}
