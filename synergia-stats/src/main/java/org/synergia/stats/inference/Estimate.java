package org.synergia.stats.inference;

import org.hipparchus.distribution.continuous.NormalDistribution;

/**
 * One row of an estimation result: a term with its point estimate, standard error, confidence
 * interval and two-sided p-value.
 *
 * @param term what is estimated; its {@code toString()} is the name the command-line contract spells
 *        ({@code ATE}, {@code mage}, ...)
 * @param estimate the point estimate
 * @param se the standard error
 * @param ciLow lower end of the confidence interval
 * @param ciHigh upper end of the confidence interval
 * @param pValue two-sided p-value of the hypothesis that the term is zero
 */
public record Estimate(Term term, double estimate, double se, double ciLow, double ciHigh, double pValue) {

    private static final NormalDistribution STANDARD_NORMAL = new NormalDistribution(0, 1);

    /**
     * A row of a term known by its name only ({@link Term#named(String)}).
     *
     * @param name the term's name
     * @param estimate the point estimate
     * @param se the standard error
     * @param ciLow lower end of the confidence interval
     * @param ciHigh upper end of the confidence interval
     * @param pValue two-sided p-value
     */
    public Estimate(String name, double estimate, double se, double ciLow, double ciHigh, double pValue) {
        this(Term.named(name), estimate, se, ciLow, ciHigh, pValue);
    }

    /** @return the term's name, as the command-line contract spells it */
    public String name() {
        return term.toString();
    }

    /**
     * @param other the term to carry instead
     * @return this row for another term (same numbers)
     */
    public Estimate withTerm(Term other) {
        return new Estimate(other, estimate, se, ciLow, ciHigh, pValue);
    }

    /**
     * A named row with a normal-approximation (Wald) interval and p-value.
     *
     * @param name the term's name
     * @param estimate the point estimate
     * @param se its standard error
     * @param level the confidence level, for example 0.95
     * @return the row
     */
    public static Estimate wald(String name, double estimate, double se, double level) {
        return wald(Term.named(name), estimate, se, level);
    }

    /**
     * A row with a normal-approximation (Wald) interval and p-value.
     *
     * @param term the term
     * @param estimate the point estimate
     * @param se its standard error
     * @param level the confidence level, for example 0.95
     * @return the row
     */
    public static Estimate wald(Term term, double estimate, double se, double level) {
        double z = STANDARD_NORMAL.inverseCumulativeProbability(0.5 + level / 2);
        double p = 2 * STANDARD_NORMAL.cumulativeProbability(-Math.abs(estimate / se));
        return new Estimate(term, estimate, se, estimate - z * se, estimate + z * se, p);
    }
}
