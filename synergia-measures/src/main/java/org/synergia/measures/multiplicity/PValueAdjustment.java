package org.synergia.measures.multiplicity;

import java.util.Comparator;
import java.util.stream.IntStream;
import org.synergia.data.InputException;

/**
 * Adjustments of a family of p-values for multiple testing. Each returns adjusted p-values (or
 * q-values) in the input order; a hypothesis is rejected at level {@code a} when its adjusted
 * value is at most {@code a}.
 */
public enum PValueAdjustment {

    /** Holm (1979) step-down: {@code p~_(i) = max_{j<=i} min(1, (m - j + 1) p_(j))}; controls the FWER. */
    HOLM {
        @Override
        double[] adjustSorted(double[] p) {
            int m = p.length;
            double[] a = new double[m];
            double running = 0;
            for (int i = 0; i < m; i++) {
                running = Math.max(running, Math.min(1, (m - i) * p[i]));
                a[i] = running;
            }
            return a;
        }
    },

    /**
     * Benjamini &amp; Hochberg (1995) step-up: {@code q_(i) = min_{j>=i} min(1, m p_(j) / j)};
     * controls the FDR under independence or positive dependence.
     */
    BENJAMINI_HOCHBERG {
        @Override
        double[] adjustSorted(double[] p) {
            int m = p.length;
            double[] a = new double[m];
            double running = 1;
            for (int i = m - 1; i >= 0; i--) {
                running = Math.min(running, Math.min(1, (double) m * p[i] / (i + 1)));
                a[i] = running;
            }
            return a;
        }
    },

    /**
     * Anderson's (2008) sharpened q-values from the two-stage procedure of Benjamini, Krieger
     * &amp; Yekutieli (2006), on a grid of 0.001 ({@link SharpenedQValues}).
     */
    SHARPENED_Q {
        @Override
        double[] adjustSorted(double[] p) {
            return SharpenedQValues.onGrid(0.001).adjustSorted(p);
        }
    };

    /**
     * @param p p-values in [0, 1]
     * @return the adjusted values, in the input order
     */
    public double[] adjust(double[] p) {
        checkPValues(p);
        int[] order = ascendingOrder(p);
        double[] sorted = new double[p.length];
        for (int i = 0; i < p.length; i++) {
            sorted[i] = p[order[i]];
        }
        double[] adjusted = adjustSorted(sorted);
        double[] out = new double[p.length];
        for (int i = 0; i < p.length; i++) {
            out[order[i]] = adjusted[i];
        }
        return out;
    }

    /** @return adjusted values for p-values sorted ascending */
    abstract double[] adjustSorted(double[] sortedP);

    static int[] ascendingOrder(double[] p) {
        return IntStream.range(0, p.length).boxed().sorted(Comparator.comparingDouble(i -> p[i]))
                .mapToInt(Integer::intValue).toArray();
    }

    static void checkPValues(double[] p) {
        if (p.length == 0) {
            throw new InputException("no p-values to adjust");
        }
        for (int i = 0; i < p.length; i++) {
            if (!(p[i] >= 0 && p[i] <= 1)) {
                throw new InputException("p-value " + (i + 1) + " is " + p[i] + ": p-values must be in [0, 1]");
            }
        }
    }
}
