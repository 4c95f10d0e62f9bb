package org.synergia.stats.sensitivity;

/**
 * E-values (VanderWeele and Ding 2017, "Sensitivity analysis in observational research:
 * introducing the E-value", Annals of Internal Medicine 167(4)): the minimum strength of
 * association, on the risk-ratio scale, that an unobserved confounder would need with both
 * treatment and outcome to explain an effect away. A difference on a continuous outcome is first
 * standardised by the outcome's standard deviation and approximated as a risk ratio
 * {@code exp(0.91 d)} with interval {@code exp(0.91 d ± 1.78 se_d)} (VanderWeele 2017), as R
 * {@code EValue::evalues.OLS} does.
 *
 * @param point the E-value of the estimate
 * @param ci the E-value of the confidence limit closer to the null (1 when the interval contains it)
 */
public record EValue(double point, double ci) {

    /**
     * @param estimate a difference in the outcome's units
     * @param se its standard error
     * @param sd the outcome's standard deviation
     * @return its E-values
     */
    public static EValue ofDifference(double estimate, double se, double sd) {
        double d = estimate / sd;
        double sed = se / sd;
        double rr = Math.exp(0.91 * d);
        double near = rr >= 1 ? Math.exp(0.91 * d - 1.78 * sed) : Math.exp(0.91 * d + 1.78 * sed);
        boolean containsNull = rr >= 1 ? near <= 1 : near >= 1;
        return new EValue(ofRiskRatio(rr), containsNull ? 1 : ofRiskRatio(near));
    }

    /**
     * @param rr a risk ratio
     * @return its E-value, {@code RR + sqrt(RR (RR - 1))} for {@code RR >= 1}, of {@code 1 / RR} otherwise
     */
    public static double ofRiskRatio(double rr) {
        double r = rr < 1 ? 1 / rr : rr;
        return r + Math.sqrt(r * (r - 1));
    }
}
