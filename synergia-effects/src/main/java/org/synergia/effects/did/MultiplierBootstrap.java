package org.synergia.effects.did;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.hipparchus.distribution.continuous.NormalDistribution;
import org.synergia.stats.inference.Clusters;

/**
 * Critical values of uniform (simultaneous, sup-t) confidence bands by the multiplier bootstrap
 * of Callaway &amp; Sant'Anna (2021, §4.1 and Remark 10), as R {@code did}'s {@code mboot}: each
 * draw multiplies every unit's influence function by a Rademacher weight (±1 with probability 1/2;
 * with clusters one weight per cluster, on the cluster sums), giving a draw {@code b_k} of each
 * estimate's scaled error; each estimate's bootstrap scale is its interquartile range over
 * {@code q(0.75) − q(0.25)} of the normal; the critical value is the {@code level} quantile of
 * {@code max_k |b_k| / scale_k}. Quantiles are R's type 1 (the inverse of the empirical
 * distribution). Estimates with a degenerate influence function (zero, as the universal base
 * period's own cells) are left out of the maximum, as in did. The same draws serve every family of
 * estimates; the draws are seeded, so a run is reproducible.
 */
final class MultiplierBootstrap {

    private static final NormalDistribution NORMAL = new NormalDistribution(0, 1);
    private static final double TINY = Math.sqrt(Math.ulp(1.0)) * 10;

    private final int draws;
    private final long seed;
    private final double level;

    /**
     * @param draws the bootstrap draws
     * @param seed their seed
     * @param level the bands' coverage, e.g. 0.95
     */
    MultiplierBootstrap(int draws, long seed, double level) {
        this.draws = draws;
        this.seed = seed;
        this.level = level;
    }

    /**
     * @param families per family of estimates, one influence function per estimate (over the units)
     * @param clusters the units' clusters, or null
     * @return per family its critical value, NaN when no estimate of the family varies
     */
    double[] criticalValues(List<double[][]> families, Clusters clusters) {
        int n = families.get(0).length == 0 ? 0 : families.get(0)[0].length;
        double[][][] cols = new double[families.size()][][];
        for (int f = 0; f < cols.length; f++) {
            cols[f] = clusters == null ? families.get(f) : clusterSums(families.get(f), clusters);
        }
        int m = clusters == null ? n : clusters.count();
        double scale = 1 / Math.sqrt(n);
        double[][][] b = new double[cols.length][][];
        for (int f = 0; f < cols.length; f++) {
            b[f] = new double[cols[f].length][draws];
        }
        SplittableRandom random = new SplittableRandom(seed);
        double[] v = new double[m];
        for (int d = 0; d < draws; d++) {
            rademacher(random, v);
            for (int f = 0; f < cols.length; f++) {
                for (int k = 0; k < cols[f].length; k++) {
                    double[] a = cols[f][k];
                    double s = 0;
                    for (int i = 0; i < m; i++) {
                        s += v[i] * a[i];
                    }
                    b[f][k][d] = s * scale;
                }
            }
        }
        double[] out = new double[cols.length];
        for (int f = 0; f < cols.length; f++) {
            out[f] = critical(b[f]);
        }
        return out;
    }

    /** The sup-t critical value of one family of draws (one row per estimate). */
    private double critical(double[][] b) {
        double[] sigma = new double[b.length];
        double iqr = NORMAL.inverseCumulativeProbability(0.75) - NORMAL.inverseCumulativeProbability(0.25);
        boolean any = false;
        for (int k = 0; k < b.length; k++) {
            double ss = 0;
            for (double x : b[k]) {
                ss += x * x;
            }
            double[] sorted = b[k].clone();
            Arrays.sort(sorted);
            sigma[k] = ss > TINY ? (quantile(sorted, 0.75) - quantile(sorted, 0.25)) / iqr : Double.NaN;
            if (!(sigma[k] > TINY)) {
                sigma[k] = Double.NaN;
            }
            any |= !Double.isNaN(sigma[k]);
        }
        if (!any) {
            return Double.NaN;
        }
        double[] t = new double[draws];
        for (int d = 0; d < draws; d++) {
            double max = 0;
            for (int k = 0; k < b.length; k++) {
                if (!Double.isNaN(sigma[k])) {
                    max = Math.max(max, Math.abs(b[k][d] / sigma[k]));
                }
            }
            t[d] = max;
        }
        Arrays.sort(t);
        return quantile(t, level);
    }

    /** R's quantile type 1 of sorted values: the smallest value whose empirical distribution reaches {@code p}. */
    static double quantile(double[] sorted, double p) {
        int j = (int) Math.ceil(sorted.length * p - 1e-12);
        return sorted[Math.min(sorted.length, Math.max(1, j)) - 1];
    }

    private static void rademacher(SplittableRandom random, double[] v) {
        long bits = 0;
        for (int i = 0; i < v.length; i++) {
            if ((i & 63) == 0) {
                bits = random.nextLong();
            }
            v[i] = (bits & 1L) == 0 ? -1 : 1;
            bits >>>= 1;
        }
    }

    private static double[][] clusterSums(double[][] psi, Clusters clusters) {
        int[] code = clusters.codes();
        double[][] out = new double[psi.length][clusters.count()];
        for (int k = 0; k < psi.length; k++) {
            for (int u = 0; u < code.length; u++) {
                out[k][code[u]] += psi[k][u];
            }
        }
        return out;
    }
}
