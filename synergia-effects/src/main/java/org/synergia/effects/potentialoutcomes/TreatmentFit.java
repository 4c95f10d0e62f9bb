package org.synergia.effects.potentialoutcomes;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.synergia.data.InputException;
import org.synergia.stats.glm.Family;
import org.synergia.stats.glm.Glm;
import org.synergia.stats.glm.GlmFit;
import org.synergia.stats.glm.Link;
import org.synergia.stats.glm.MultinomialLogit;
import org.synergia.stats.glm.MultinomialLogitFit;
import org.synergia.stats.inference.EstimatingFunctions;
import org.synergia.stats.inference.VarianceType;

/**
 * The fitted treatment model: a binary logit or probit of "not control", or a multinomial logit
 * with the control as base, fitted with sampling weights by the project's GLM code. It exposes
 * what the stacked equations need: probabilities {@code p_t(x_i)}, the weighted score
 * contributions, the Hessian, and the derivatives of the IPW factors {@code r_t(x)}.
 *
 * <p>Parameters are ordered by non-control arm, each a block of the treatment design's columns.
 * For the probability of arm {@code t}, {@code dp_t/dgamma_s = D_ts x} with
 * {@code D_ts = p_t (1(t = s) - p_s)} (multinomial logit, base arm 0) or {@code D_11 = f(x'gamma)},
 * {@code D_01 = -f(x'gamma)} (binary, {@code f} the link's density).
 */
final class TreatmentFit {

    private static final double INV_SQRT_2PI = 1 / Math.sqrt(2 * Math.PI);

    private final int n;
    private final int k;
    /** p_t(x_i) at [i * k + t] */
    private final double[] probability;
    /** binary models: f(x_i'gamma); null for the multinomial logit */
    private final double[] density;
    private final EstimatingFunctions scores;
    private final double[][] hessian;

    private TreatmentFit(int n, int k, double[] probability, double[] density, EstimatingFunctions scores,
            double[][] hessian) {
        this.n = n;
        this.k = k;
        this.probability = probability;
        this.density = density;
        this.scores = scores;
        this.hessian = hessian;
    }

    /**
     * Fits the treatment model of the sample.
     *
     * @param d the sample
     * @param link logit or probit (binary treatments)
     * @param threads worker threads
     * @return the fit
     * @throws InputException with the GLM's explanation (collinearity, perfect prediction), prefixed by the model's role
     */
    static TreatmentFit fit(PreparedSample d, Link link, int threads) {
        int n = d.n;
        int k = d.arms();
        boolean weighted = false;
        for (double v : d.w) {
            weighted |= v != 1;
        }
        double[] w = weighted ? d.w : null;
        try {
            if (k == 2) {
                double[] treated = new double[n];
                for (int i = 0; i < n; i++) {
                    treated[i] = d.arm[i];
                }
                GlmFit fit = Glm.withDefaults().withFamily(Family.BINOMIAL).withLink(link).withThreads(threads)
                        .withVariance(weighted ? VarianceType.ROBUST : VarianceType.OIM)
                        .fit(d.xt, Arrays.asList(d.treatmentNames), treated, w, null);
                double[] probability = new double[2 * n];
                double[] density = new double[n];
                for (int i = 0; i < n; i++) {
                    double p1 = fit.fitted(i);
                    double eta = fit.linearPredictor(i);
                    probability[2 * i] = 1 - p1;
                    probability[2 * i + 1] = p1;
                    density[i] = link == Link.LOGIT ? p1 * (1 - p1) : INV_SQRT_2PI * Math.exp(-0.5 * eta * eta);
                }
                if (link == Link.PROBIT) {
                    // 1 - Phi(eta) computed directly in the upper tail
                    for (int i = 0; i < n; i++) {
                        probability[2 * i] = 0.5 * org.hipparchus.special.Erf.erfc(fit.linearPredictor(i) / Math.sqrt(2));
                    }
                }
                return new TreatmentFit(n, 2, probability, density, fit.estimatingFunctions(), negate(fit.information()));
            }
            List<String> levels = new ArrayList<>();
            for (double v : d.levels) {
                levels.add(PreparedSample.level(v));
            }
            MultinomialLogitFit fit = MultinomialLogit.withDefaults().withBase(0).withThreads(threads)
                    .withVariance(weighted ? VarianceType.ROBUST : VarianceType.OIM)
                    .fit(d.xt, Arrays.asList(d.treatmentNames), d.arm, levels, w, null);
            double[] probability = new double[k * n];
            for (int i = 0; i < n; i++) {
                for (int t = 0; t < k; t++) {
                    probability[i * k + t] = fit.probability(i, t);
                }
            }
            return new TreatmentFit(n, k, probability, null, fit.estimatingFunctions(), negate(fit.information()));
        } catch (InputException e) {
            throw new InputException("treatment model: " + e.getMessage(), e);
        }
    }

    private static double[][] negate(double[][] m) {
        for (double[] row : m) {
            for (int j = 0; j < row.length; j++) {
                row[j] = -row[j];
            }
        }
        return m;
    }

    /** @return the number of treatment-model parameters */
    int parameters() {
        return scores.parameters();
    }

    /** @return the Hessian {@code sum_i w_i d2 l_i / dgamma dgamma'}, the derivative of the scores */
    double[][] hessian() {
        return hessian;
    }

    /**
     * @param i an observation
     * @param j a parameter
     * @return the weighted score contribution {@code w_i dl_i/dgamma_j}
     */
    double score(int i, int j) {
        return scores.value(i, j);
    }

    /**
     * @param i an observation
     * @param t an arm
     * @return {@code p_t(x_i)}
     */
    double probability(int i, int t) {
        return probability[i * k + t];
    }

    /** @return the smallest estimated probability of any arm over all observations */
    double minimumProbability() {
        double min = 1;
        for (double p : probability) {
            min = Math.min(min, p);
        }
        return min;
    }

    /**
     * @param bound the overlap bound {@code b}
     * @return for each observation, whether every arm's probability lies in {@code [b, 1 - b]}
     */
    boolean[] overlapping(double bound) {
        boolean[] ok = new boolean[n];
        for (int i = 0; i < n; i++) {
            boolean inside = true;
            for (int t = 0; t < k; t++) {
                double p = probability[i * k + t];
                inside &= p >= bound && p <= 1 - bound;
            }
            ok[i] = inside;
        }
        return ok;
    }

    /**
     * The derivative of observation {@code i}'s IPW factor for its own arm {@code t},
     * {@code dr_t/dgamma_s = grad[s] x_i} for each non-control arm {@code s = 1..K-1}: for ATE
     * {@code r_t = 1/p_t}, so {@code grad = -D_t./p_t^2}; for ATT {@code r_t = p_tau/p_t}, so
     * {@code grad = D_tau./p_t - p_tau D_t./p_t^2}.
     *
     * @param i the observation
     * @param t its arm
     * @param att whether the factor is the ATT's
     * @param tau the treated arm (ATT)
     * @param grad output, length {@code K - 1}
     */
    void ratioGradient(int i, int t, boolean att, int tau, double[] grad) {
        double pt = probability(i, t);
        for (int s = 1; s < k; s++) {
            double dt = derivative(i, t, s);
            grad[s - 1] = att ? derivative(i, tau, s) / pt - probability(i, tau) * dt / (pt * pt) : -dt / (pt * pt);
        }
    }

    /** {@code D_ts}: {@code dp_t/dgamma_s = D_ts x}. */
    private double derivative(int i, int t, int s) {
        if (density != null) {
            return t == 1 ? density[i] : -density[i];
        }
        return probability(i, t) * ((t == s ? 1 : 0) - probability(i, s));
    }
}
