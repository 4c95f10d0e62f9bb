package org.synergia.stats.glm;

import org.hipparchus.special.Erf;
import org.synergia.data.InputException;

/**
 * Per-observation log-likelihood, score and information of the supported family–link pairs, as
 * functions of the linear predictor {@code η}. For observation {@code i} with weight {@code w}:
 * {@code u = w ∂ℓ/∂η} and {@code h = w (-∂²ℓ/∂η²)} (observed) or {@code w E[-∂²ℓ/∂η²]} (expected),
 * so that the score is {@code Σ u_i x_i} and the information {@code Σ h_i x_i x_iᵀ}
 * (McCullagh &amp; Nelder 1989, §2.5).
 */
enum GlmKernel {
    /** Normal, identity link: {@code ℓ = -(y-η)²/2} up to the dispersion. */
    GAUSSIAN_IDENTITY,
    /** Bernoulli, logit link: {@code ℓ = yη - log(1+e^η)}. */
    BINOMIAL_LOGIT,
    /** Bernoulli, probit link: {@code ℓ = y log Φ(η) + (1-y) log Φ(-η)}. */
    BINOMIAL_PROBIT,
    /** Poisson, log link: {@code ℓ = yη - e^η} (without {@code -log y!}). */
    POISSON_LOG;

    private static final double SQRT1_2 = Math.sqrt(0.5);
    private static final double INV_SQRT_2PI = 1 / Math.sqrt(2 * Math.PI);

    static GlmKernel of(Family family, Link link) {
        if (family == Family.GAUSSIAN && link == Link.IDENTITY) {
            return GAUSSIAN_IDENTITY;
        } else if (family == Family.BINOMIAL && link == Link.LOGIT) {
            return BINOMIAL_LOGIT;
        } else if (family == Family.BINOMIAL && link == Link.PROBIT) {
            return BINOMIAL_PROBIT;
        } else if (family == Family.POISSON && link == Link.LOG) {
            return POISSON_LOG;
        }
        throw new InputException("the " + family.name().toLowerCase() + " family with the " + link.name().toLowerCase()
                + " link is not supported: use gaussian/identity, binomial/logit, binomial/probit or poisson/log");
    }

    /**
     * Evaluates rows {@code from..from+len-1}.
     *
     * @param eta linear predictors of the block ({@code eta[t]} for row {@code from+t})
     * @param y outcomes (whole column)
     * @param w weights (whole column) or null
     * @param from first row
     * @param len rows in the block
     * @param u output: weighted scores {@code w ∂ℓ/∂η}
     * @param h output: weighted information weights, or null when not needed
     * @param observed observed (true) or expected (false) information
     * @return {@code Σ w ℓ} over the block (without terms free of {@code η})
     */
    double evaluate(double[] eta, double[] y, double[] w, int from, int len, double[] u, double[] h, boolean observed) {
        double ll = 0;
        switch (this) {
            case GAUSSIAN_IDENTITY -> {
                for (int t = 0; t < len; t++) {
                    double wt = w == null ? 1.0 : w[from + t];
                    double r = y[from + t] - eta[t];
                    ll -= 0.5 * wt * r * r;
                    u[t] = wt * r;
                    if (h != null) {
                        h[t] = wt;
                    }
                }
            }
            case BINOMIAL_LOGIT -> {
                for (int t = 0; t < len; t++) {
                    double wt = w == null ? 1.0 : w[from + t];
                    double e = eta[t];
                    double yi = y[from + t];
                    double mu;
                    double log1pexp;
                    if (e > 0) {
                        double z = Math.exp(-e);
                        mu = 1 / (1 + z);
                        log1pexp = e + Math.log1p(z);
                    } else {
                        double z = Math.exp(e);
                        mu = z / (1 + z);
                        log1pexp = Math.log1p(z);
                    }
                    ll += wt * (yi * e - log1pexp);
                    u[t] = wt * (yi - mu);
                    if (h != null) {
                        h[t] = wt * mu * (1 - mu);
                    }
                }
            }
            case BINOMIAL_PROBIT -> {
                for (int t = 0; t < len; t++) {
                    double wt = w == null ? 1.0 : w[from + t];
                    double e = eta[t];
                    double yi = y[from + t];
                    double tail = normalCdf(-Math.abs(e)); // the smaller of Φ(η) and Φ(-η), accurate in the tail
                    double cdf = e < 0 ? tail : 1 - tail;
                    double sf = e < 0 ? 1 - tail : tail;
                    double pdf = INV_SQRT_2PI * Math.exp(-0.5 * e * e);
                    double lambda1 = cdf > 1e-300 ? pdf / cdf : -e; // Mills ratios, asymptotic in the far tail
                    double lambda0 = sf > 1e-300 ? pdf / sf : e;
                    ll += wt * ((yi != 0 ? yi * Math.log(cdf) : 0) + (yi != 1 ? (1 - yi) * Math.log(sf) : 0));
                    u[t] = wt * (yi * lambda1 - (1 - yi) * lambda0);
                    if (h != null) {
                        h[t] = wt * (observed
                                ? yi * lambda1 * (e + lambda1) + (1 - yi) * lambda0 * (lambda0 - e)
                                : (cdf > 1e-300 && sf > 1e-300 ? pdf * pdf / (cdf * sf) : 0));
                    }
                }
            }
            case POISSON_LOG -> {
                for (int t = 0; t < len; t++) {
                    double wt = w == null ? 1.0 : w[from + t];
                    double e = eta[t];
                    double yi = y[from + t];
                    double mu = Math.exp(e);
                    ll += wt * (yi * e - mu);
                    u[t] = wt * (yi - mu);
                    if (h != null) {
                        h[t] = wt * mu;
                    }
                }
            }
            default -> throw new IllegalStateException(name());
        }
        return ll;
    }

    /**
     * @param eta the linear predictor
     * @return the mean {@code μ = g⁻¹(η)}
     */
    double mean(double eta) {
        return switch (this) {
            case GAUSSIAN_IDENTITY -> eta;
            case BINOMIAL_LOGIT -> eta > 0 ? 1 / (1 + Math.exp(-eta)) : Math.exp(eta) / (1 + Math.exp(eta));
            case BINOMIAL_PROBIT -> normalCdf(eta);
            case POISSON_LOG -> Math.exp(eta);
        };
    }

    /**
     * Unit deviance {@code d(y, μ)}, so that the deviance is {@code Σ w d} (McCullagh &amp; Nelder 1989, §2.3).
     *
     * @param y outcome
     * @param mu fitted mean
     * @return the unit deviance
     */
    double unitDeviance(double y, double mu) {
        return switch (this) {
            case GAUSSIAN_IDENTITY -> (y - mu) * (y - mu);
            case BINOMIAL_LOGIT, BINOMIAL_PROBIT -> 2 * (xlogy(y, y / mu) + xlogy(1 - y, (1 - y) / (1 - mu)));
            case POISSON_LOG -> 2 * (xlogy(y, y / mu) - (y - mu));
        };
    }

    /** @return the family */
    Family family() {
        return this == GAUSSIAN_IDENTITY ? Family.GAUSSIAN : this == POISSON_LOG ? Family.POISSON : Family.BINOMIAL;
    }

    /** @return true when observed and expected information coincide */
    boolean canonical() {
        return this != BINOMIAL_PROBIT;
    }

    private static double xlogy(double x, double y) {
        return x == 0 ? 0 : x * Math.log(y);
    }

    /**
     * @param z a standard normal quantile
     * @return {@code Φ(z)}, accurate in the tails
     */
    static double normalCdf(double z) {
        return 0.5 * Erf.erfc(-z * SQRT1_2);
    }
}
