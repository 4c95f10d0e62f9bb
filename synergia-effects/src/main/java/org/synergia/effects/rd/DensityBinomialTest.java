package org.synergia.effects.rd;

import java.util.ArrayList;
import java.util.List;
import org.hipparchus.distribution.discrete.BinomialDistribution;
import org.hipparchus.special.Beta;
import org.synergia.data.InputException;
import org.synergia.data.OptionName;

/**
 * rddensity's complementary exact binomial tests (Cattaneo, Frandsen and Titiunik 2015; Cattaneo,
 * Titiunik and Vazquez-Bare 2017): in nested windows around the cutoff, whether the units at or
 * above it are a binomial share {@code probability} (0.5) of the units within the window, by the
 * two-sided exact test (R's {@code binom.test}). By default the first window's half-length is the
 * larger of the distances to the 20th nearest unit on each side, the next ones grow by that length
 * (or evenly up to the density test's bandwidth when ten steps would pass it), ten windows in all,
 * and there is one window only when the first already reaches a bandwidth. Settings follow
 * rddensity's {@code binoW}, {@code binoN}, {@code binoWStep}, {@code binoNStep}, {@code binoNW},
 * {@code binoP}.
 */
public final class DensityBinomialTest {

    /** A window and its test. */
    public record Window(double halfLengthLeft, double halfLengthRight, int nLeft, int nRight, double pValue) {
    }

    private final double[] width;
    private final int count;
    private final double[] widthStep;
    private final int countStep;
    private final int windows;
    private final double probability;

    private DensityBinomialTest(double[] width, int count, double[] widthStep, int countStep, int windows,
            double probability) {
        this.width = width;
        this.count = count;
        this.widthStep = widthStep;
        this.countStep = countStep;
        this.windows = windows;
        this.probability = probability;
    }

    /** @return rddensity's defaults: 20 units, 10 windows, probability 0.5 */
    public static DensityBinomialTest withDefaults() {
        return new DensityBinomialTest(null, 20, null, 0, 10, 0.5);
    }

    /**
     * @param left the first window's half-length left of the cutoff ({@code binoW})
     * @param right the same right of it
     * @return a copy with them (which replaces the count of units)
     */
    public DensityBinomialTest withWindow(double left, double right) {
        positive("bino-w", left);
        positive("bino-w", right);
        return new DensityBinomialTest(new double[] {left, right}, count, widthStep, countStep, windows, probability);
    }

    /**
     * @param units the units the first window holds on each side at least ({@code binoN})
     * @return a copy with it
     */
    public DensityBinomialTest withCount(int units) {
        positive("bino-n", units);
        return new DensityBinomialTest(width, units, widthStep, countStep, windows, probability);
    }

    /**
     * @param left the growth of the half-length left of the cutoff ({@code binoWStep})
     * @param right the same right of it
     * @return a copy with them (which replace a count step)
     */
    public DensityBinomialTest withWindowStep(double left, double right) {
        positive("bino-wstep", left);
        positive("bino-wstep", right);
        return new DensityBinomialTest(width, count, new double[] {left, right}, countStep, windows, probability);
    }

    /**
     * @param units the units each window adds at least on the side that needs the longer step ({@code binoNStep})
     * @return a copy with it
     */
    public DensityBinomialTest withCountStep(int units) {
        positive("bino-nstep", units);
        return new DensityBinomialTest(width, count, widthStep, units, windows, probability);
    }

    /**
     * @param number the number of windows ({@code binoNW})
     * @return a copy with it
     */
    public DensityBinomialTest withWindows(int number) {
        positive("bino-nw", number);
        return new DensityBinomialTest(width, count, widthStep, countStep, number, probability);
    }

    /**
     * @param p the share at or above the cutoff under the null ({@code binoP})
     * @return a copy with it
     */
    public DensityBinomialTest withProbability(double p) {
        if (!(p >= 0 && p <= 1)) {
            throw new InputException(RdProblem.BINOMIAL_PROBABILITY, OptionName.of("bino-p"), p);
        }
        return new DensityBinomialTest(width, count, widthStep, countStep, windows, p);
    }

    private static void positive(String option, double v) {
        if (!(v > 0) || Double.isInfinite(v)) {
            throw new InputException(RdProblem.BINOMIAL_NOT_POSITIVE, OptionName.of(option), v);
        }
    }

    /** @return the probability under the null */
    public double probability() {
        return probability;
    }

    /**
     * @param d the sample
     * @param hLeft the density test's bandwidth left of the cutoff
     * @param hRight the same right of it
     * @return the windows and their tests, smallest first
     */
    List<Window> run(DensitySample d, double hLeft, double hRight) {
        int nl = d.nLeft;
        int nr = d.nRight();
        int number = windows;
        double[] wl = new double[number];
        double[] wr = new double[number];
        if (width == null) {
            wl[0] = Math.max(d.nearestLeft(count), d.nearestRight(count));
            wr[0] = wl[0];
        } else {
            wl[0] = width[0];
            wr[0] = width[1];
        }
        if (number > 1) {
            if (widthStep != null) {
                for (int j = 1; j < number; j++) {
                    wl[j] = wl[0] + j * widthStep[0];
                    wr[j] = wr[0] + j * widthStep[1];
                }
            } else if (countStep > 0) {
                for (int j = 1; j < number; j++) {
                    double stepLeft = d.nearestLeft(countLeft(d, wl[j - 1]) + countStep) - wl[j - 1];
                    double stepRight = d.nearestRight(countRight(d, wr[j - 1]) + countStep) - wr[j - 1];
                    double step = Math.max(stepLeft, stepRight);
                    wl[j] = wl[j - 1] + step;
                    wr[j] = wr[j - 1] + step;
                }
            } else if (wl[0] >= hLeft || wr[0] >= hRight) {
                number = 1;
            } else {
                grow(wl, hLeft);
                grow(wr, hRight);
            }
        }
        List<Window> out = new ArrayList<>(number);
        for (int j = 0; j < number; j++) {
            int a = countLeft(d, wl[j]);
            int b = countRight(d, wr[j]);
            out.add(new Window(wl[j], wr[j], a, b, twoSided(a, a + b, probability)));
        }
        return out;
    }

    /** The windows after the first: by its length, or evenly up to the bandwidth when that passes it. */
    private static void grow(double[] w, double h) {
        int number = w.length;
        for (int j = 1; j < number; j++) {
            w[j] = w[0] * number > h ? w[0] + j * (h - w[0]) / (number - 1) : w[0] + j * w[0];
        }
    }

    private static int countLeft(DensitySample d, double w) {
        return d.nLeft - d.firstAtLeast(-w);
    }

    private static int countRight(DensitySample d, double w) {
        return d.firstAbove(w) - d.nLeft;
    }

    /**
     * The two-sided exact binomial p-value of {@code x} successes in {@code n} trials, as R's
     * {@code binom.test}: the probability of the outcomes no more likely than {@code x} (with a
     * relative tolerance of 1e-7), the tails computed as incomplete beta functions.
     */
    static double twoSided(int x, int n, double p) {
        if (n == 0) {
            return Double.NaN;
        }
        if (p == 0) {
            return x == 0 ? 1 : 0;
        }
        if (p == 1) {
            return x == n ? 1 : 0;
        }
        BinomialDistribution b = new BinomialDistribution(n, p);
        double d = b.probability(x) * (1 + 1e-7);
        double m = n * p;
        if (x == m) {
            return 1;
        }
        double pv;
        if (x < m) {
            int y = countAtMost(b, (int) Math.ceil(m), n, d);
            pv = lower(x, n, p) + upper(n - y + 1, n, p);
        } else {
            int y = countAtMost(b, 0, (int) Math.floor(m), d);
            pv = lower(y - 1, n, p) + upper(x, n, p);
        }
        return Math.min(1, pv);
    }

    /**
     * How many outcomes in {@code [from, to]} have a probability of at most {@code d}. The
     * probabilities rise up to the mode {@code floor((n + 1) p)} and fall after it, so those outcomes
     * are a prefix of the rising part and a suffix of the falling part, each found by bisection.
     */
    private static int countAtMost(BinomialDistribution b, int from, int to, double d) {
        int mode = (int) Math.floor((b.getNumberOfTrials() + 1) * b.getProbabilityOfSuccess());
        mode = Math.min(Math.max(mode, from), to);
        // rising part [from, mode]: the first outcome above d ends the prefix
        int lo = from;
        int hi = mode + 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (b.probability(mid) > d) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        int count = lo - from;
        // falling part (mode, to]: the first outcome at most d starts the suffix
        lo = mode + 1;
        hi = to + 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (b.probability(mid) <= d) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return count + (to + 1 - lo);
    }

    /** @return {@code P(X <= x)}, as {@code I_(1-p)(n - x, x + 1)} */
    private static double lower(int x, int n, double p) {
        if (x < 0) {
            return 0;
        }
        if (x >= n) {
            return 1;
        }
        return Beta.regularizedBeta(1 - p, n - x, x + 1.0);
    }

    /** @return {@code P(X >= x)}, as {@code I_p(x, n - x + 1)} */
    private static double upper(int x, int n, double p) {
        if (x <= 0) {
            return 1;
        }
        if (x > n) {
            return 0;
        }
        return Beta.regularizedBeta(p, x, n - x + 1.0);
    }
}
