package org.synergia.effects.matching;

import org.synergia.data.InputException;

/**
 * When a unit farther than the M-th nearest is still a match (a tie: kept, every match of the unit
 * weighing {@code 1/#J}, Abadie and Imbens 2006, section 2). Two rules are in use:
 * <ul>
 *   <li>{@link Convention#STATA}, Stata's {@code teffects} option {@code dtolerance(#)}: a unit at
 *       distance {@code d} ties with the M-th nearest, at {@code d_M}, when {@code d <= d_M (1 + tolerance)},
 *       the distance being the metric's own (the score difference for propensity-score matching, the
 *       scaled Euclidean distance for covariate matching); Stata's default is
 *       {@code sqrt(c(epsdouble))} ({@link #STATA_DEFAULT}), so only distances equal up to rounding tie.
 *       The manual does not say whether the tolerance is relative; a relative one reproduces Stata 18 on
 *       {@code cattaneo2} for both {@code psmatch} and {@code nnmatch}, an absolute one of the same size
 *       does not ({@code docs/methods/matching.md});</li>
 *   <li>{@link Convention#MATCHING}, R {@code Matching::Match}'s {@code distance.tolerance}: ties when
 *       {@code d^2 <= d_M^2 + tolerance}, on squared distances in units of the matching variables'
 *       variances (for the score, {@code (d / sd(score))^2}); R's default is {@code 1e-5}.</li>
 * </ul>
 * A tolerance of 0 keeps exact ties only under either rule.
 *
 * @param convention the rule
 * @param tolerance its tolerance, finite and non-negative
 */
public record Ties(Convention convention, double tolerance) {

    /** Whose rule. */
    public enum Convention {
        /** Stata {@code dtolerance(#)}: {@code d <= d_M (1 + tolerance)}. */
        STATA,
        /** R {@code Matching}'s {@code distance.tolerance}: {@code d^2 <= d_M^2 + tolerance}, squared distances in variances. */
        MATCHING
    }

    /** Stata's default {@code dtolerance()}, {@code sqrt(c(epsdouble))} = {@code sqrt(2^-52)}, about 1.49e-8. */
    public static final double STATA_DEFAULT = Math.sqrt(Math.ulp(1.0));

    /** R {@code Matching}'s default {@code distance.tolerance}. */
    public static final double MATCHING_DEFAULT = 1e-5;

    /** @throws InputException when the tolerance is negative or not finite */
    public Ties {
        if (!(tolerance >= 0) || Double.isInfinite(tolerance)) {
            throw new InputException("the tie tolerance must be a non-negative number, got " + tolerance);
        }
    }

    /** @return Stata's rule with its default tolerance (the default of {@code psmatch} and {@code nnmatch}) */
    public static Ties stataDefault() {
        return new Ties(Convention.STATA, STATA_DEFAULT);
    }

    /**
     * @param variance the variance that scales squared distances under R's rule (that of the score; 1 for
     *     covariates already scaled to the metric)
     * @return the rule on this metric's distances
     */
    Bound on(double variance) {
        return convention == Convention.STATA ? new Bound(tolerance, 0) : new Bound(0, tolerance * variance);
    }

    /** @return the JSON description: {@code "stata"} or {@code "matching"} */
    public String conventionName() {
        return convention == Convention.STATA ? "stata" : "matching";
    }

    /**
     * The rule on one metric: a match at distance {@code d} ties with the M-th nearest at {@code d_M} when
     * {@code d <= d_M (1 + relative)} (Stata) or {@code d^2 <= d_M^2 + squared} (R); one of the two is 0.
     */
    record Bound(double relative, double squared) {

        /** Exact ties only. */
        static final Bound EXACT = new Bound(0, 0);

        /** @return the largest distance that ties with an M-th nearest at {@code dm} */
        double limit(double dm) {
            return squared == 0 ? dm * (1 + relative) : Math.sqrt(dm * dm + squared);
        }

        /** @return the largest squared distance that ties with an M-th nearest at squared distance {@code dm2} */
        double limitSquared(double dm2) {
            return squared == 0 ? dm2 * (1 + relative) * (1 + relative) : dm2 + squared;
        }
    }
}
