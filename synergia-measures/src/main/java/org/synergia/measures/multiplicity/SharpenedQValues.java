package org.synergia.measures.multiplicity;

/**
 * Anderson's (2008, §3.B) sharpened q-values: for each q on a grid from 1 down to the grid step,
 * run the two-stage linear step-up procedure of Benjamini, Krieger &amp; Yekutieli (2006,
 * Definition 6): stage 1 is Benjamini–Hochberg at {@code q' = q/(1+q)} with {@code r1}
 * rejections; stage 2 is Benjamini–Hochberg at {@code q' m/(m - r1)}. A hypothesis's sharpened
 * q-value is the smallest grid q at which it is rejected (1 if never). Ranks of tied p-values
 * are averaged, as in Anderson's Stata code ({@code egen rank}).
 */
public final class SharpenedQValues {

    private final int gridPoints;
    private final double step;

    private SharpenedQValues(int gridPoints) {
        this.gridPoints = gridPoints;
        this.step = 1.0 / gridPoints;
    }

    /**
     * @param step the grid step, e.g. 0.001 as Anderson (2008); must divide 1
     * @return the procedure on that grid
     */
    public static SharpenedQValues onGrid(double step) {
        long points = Math.round(1 / step);
        if (!(step > 0 && step <= 0.5) || Math.abs(points * step - 1) > 1e-9) {
            throw new IllegalArgumentException("grid step must divide 1 (e.g. 0.001), got " + step);
        }
        return new SharpenedQValues((int) points);
    }

    /**
     * @param p p-values in [0, 1]
     * @return sharpened q-values, in the input order
     */
    public double[] adjust(double[] p) {
        PValueAdjustment.checkPValues(p);
        int[] order = PValueAdjustment.ascendingOrder(p);
        double[] sorted = new double[p.length];
        for (int i = 0; i < p.length; i++) {
            sorted[i] = p[order[i]];
        }
        double[] q = adjustSorted(sorted);
        double[] out = new double[p.length];
        for (int i = 0; i < p.length; i++) {
            out[order[i]] = q[i];
        }
        return out;
    }

    double[] adjustSorted(double[] p) {
        int m = p.length;
        double[] rank = new double[m];
        for (int i = 0; i < m;) {
            int j = i;
            while (j + 1 < m && p[j + 1] == p[i]) {
                j++;
            }
            double average = (i + j) / 2.0 + 1;
            for (int k = i; k <= j; k++) {
                rank[k] = average;
            }
            i = j + 1;
        }
        double[] q = new double[m];
        java.util.Arrays.fill(q, 1);
        for (int g = gridPoints; g >= 1; g--) {
            double level = g * step;
            double stage1 = level / (1 + level);
            double rejected1 = largestRejectedRank(p, rank, stage1);
            double stage2 = rejected1 >= m ? Double.POSITIVE_INFINITY : stage1 * m / (m - rejected1);
            double rejected2 = largestRejectedRank(p, rank, stage2);
            for (int i = 0; i < m && rank[i] <= rejected2; i++) {
                q[i] = level;
            }
        }
        return q;
    }

    /** The largest rank r with {@code level r / m >= p_(r)} (0 when none): the step-up cut-off. */
    private static double largestRejectedRank(double[] p, double[] rank, double level) {
        int m = p.length;
        double largest = 0;
        for (int i = 0; i < m; i++) {
            if (level * rank[i] / m >= p[i]) {
                largest = Math.max(largest, rank[i]);
            }
        }
        return largest;
    }
}
