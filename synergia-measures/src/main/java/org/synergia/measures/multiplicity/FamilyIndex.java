package org.synergia.measures.multiplicity;

import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.CholeskyDecomposition;
import org.hipparchus.linear.RealMatrix;
import org.synergia.data.InputException;

/**
 * A standardised index over a family of outcomes, standardised on the control group: each
 * outcome is oriented (sign-flipped where lower is better) and turned into a z-score with the
 * control group's mean and standard deviation (divisor n - 1). Then either
 * <ul>
 *   <li>{@link Weighting#EQUAL}: the mean of the available z-scores (Kling, Liebman &amp; Katz
 *   2007, §III.B), or</li>
 *   <li>{@link Weighting#INVERSE_COVARIANCE}: the generalised-least-squares weighted mean
 *   {@code (1' S^-1 1)^-1 1' S^-1 z_i} with weights the row sums of the inverse covariance
 *   matrix S of the z-scores over complete rows, using the weights of the outcomes available for
 *   each row (Anderson 2008, eq. 8), re-standardised to the control group's mean and SD.</li>
 * </ul>
 * Missing outcomes are NaN; a row with no available outcome gets NaN.
 */
public final class FamilyIndex {

    /** How outcomes' z-scores are combined. */
    public enum Weighting {
        /** Equal weights (Kling–Liebman–Katz). */
        EQUAL,
        /** Inverse-covariance weights (Anderson). */
        INVERSE_COVARIANCE
    }

    private final Weighting weighting;

    private FamilyIndex(Weighting weighting) {
        this.weighting = weighting;
    }

    /**
     * @param weighting how to combine the z-scores
     * @return the index builder
     */
    public static FamilyIndex withWeighting(Weighting weighting) {
        return new FamilyIndex(weighting);
    }

    /**
     * @param outcomes K arrays of n values (NaN where missing)
     * @param control whether each row is in the control group
     * @param higherIsBetter for each outcome, whether higher values are better (others are flipped)
     * @return the index for each row
     */
    public double[] compute(double[][] outcomes, boolean[] control, boolean[] higherIsBetter) {
        int k = outcomes.length;
        if (k == 0 || higherIsBetter.length != k) {
            throw new InputException("an index needs at least one outcome and one direction per outcome");
        }
        int n = control.length;
        double[][] z = new double[k][];
        for (int j = 0; j < k; j++) {
            if (outcomes[j].length != n) {
                throw new InputException("outcome " + (j + 1) + " has " + outcomes[j].length + " rows, expected " + n);
            }
            double sign = higherIsBetter[j] ? 1 : -1;
            double[] y = outcomes[j];
            double[] ms = controlMeanSd(y, control, "outcome " + (j + 1));
            z[j] = new double[n];
            for (int i = 0; i < n; i++) {
                z[j][i] = sign * (y[i] - ms[0]) / ms[1];
            }
        }
        double[] weights = weighting == Weighting.EQUAL ? equal(k) : inverseCovarianceWeights(z);
        double[] index = new double[n];
        for (int i = 0; i < n; i++) {
            double num = 0;
            double den = 0;
            for (int j = 0; j < k; j++) {
                if (!Double.isNaN(z[j][i])) {
                    num += weights[j] * z[j][i];
                    den += weights[j];
                }
            }
            index[i] = den == 0 ? Double.NaN : num / den;
        }
        if (weighting == Weighting.EQUAL) {
            return index;
        }
        double[] ms = controlMeanSd(index, control, "the index");
        for (int i = 0; i < n; i++) {
            index[i] = (index[i] - ms[0]) / ms[1];
        }
        return index;
    }

    private static double[] equal(int k) {
        double[] w = new double[k];
        java.util.Arrays.fill(w, 1);
        return w;
    }

    /** Row sums of the inverse covariance matrix of the z-scores over complete rows. */
    private static double[] inverseCovarianceWeights(double[][] z) {
        int k = z.length;
        int n = z[0].length;
        double[] mean = new double[k];
        int complete = 0;
        for (int i = 0; i < n; i++) {
            if (isComplete(z, i)) {
                complete++;
                for (int j = 0; j < k; j++) {
                    mean[j] += z[j][i];
                }
            }
        }
        if (complete <= k) {
            throw new InputException("only " + complete + " rows have all " + k
                    + " outcomes: too few to estimate their covariance for inverse-covariance weights");
        }
        for (int j = 0; j < k; j++) {
            mean[j] /= complete;
        }
        double[][] s = new double[k][k];
        for (int i = 0; i < n; i++) {
            if (isComplete(z, i)) {
                for (int a = 0; a < k; a++) {
                    for (int b = 0; b <= a; b++) {
                        s[a][b] += (z[a][i] - mean[a]) * (z[b][i] - mean[b]) / (complete - 1);
                    }
                }
            }
        }
        for (int a = 0; a < k; a++) {
            for (int b = 0; b < a; b++) {
                s[b][a] = s[a][b];
            }
        }
        RealMatrix inverse;
        try {
            inverse = new CholeskyDecomposition(new Array2DRowRealMatrix(s, false), 1e-12, 1e-12).getSolver().getInverse();
        } catch (org.hipparchus.exception.MathIllegalArgumentException e) {
            throw new InputException("the outcomes' covariance matrix is singular (an outcome is a linear combination"
                    + " of others): drop the redundant outcome from the family", e);
        }
        double[] w = new double[k];
        for (int a = 0; a < k; a++) {
            for (int b = 0; b < k; b++) {
                w[a] += inverse.getEntry(a, b);
            }
        }
        return w;
    }

    private static boolean isComplete(double[][] z, int i) {
        for (double[] zj : z) {
            if (Double.isNaN(zj[i])) {
                return false;
            }
        }
        return true;
    }

    private static double[] controlMeanSd(double[] y, boolean[] control, String what) {
        double sum = 0;
        int count = 0;
        for (int i = 0; i < y.length; i++) {
            if (control[i] && !Double.isNaN(y[i])) {
                sum += y[i];
                count++;
            }
        }
        if (count < 2) {
            throw new InputException(what + " has " + count + " non-missing control rows: standardising needs at least 2");
        }
        double mean = sum / count;
        double ss = 0;
        for (int i = 0; i < y.length; i++) {
            if (control[i] && !Double.isNaN(y[i])) {
                ss += (y[i] - mean) * (y[i] - mean);
            }
        }
        double sd = Math.sqrt(ss / (count - 1));
        if (!(sd > 0)) {
            throw new InputException(what + " does not vary in the control group: it cannot be standardised; drop it");
        }
        return new double[] {mean, sd};
    }
}
