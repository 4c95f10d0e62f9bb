package org.synergia.effects.potentialoutcomes;

import org.synergia.stats.glm.Link;

/**
 * Inverse-probability weighting (Stata {@code teffects ipw}): a treatment model (logit, probit, or
 * multinomial logit for more than two levels) and potential-outcome means as weighted means of
 * each arm's outcome with normalised weights {@code 1/p_t(x)} (ATE, POmeans) or
 * {@code p_tau(x)/p_t(x)} (ATT) (Hirano, Imbens &amp; Ridder 2003, Econometrica 71(4); Imbens 2000,
 * Biometrika 87(3) for multi-valued treatments). SEs from the stacked estimating equations,
 * accounting for the estimated probabilities; see {@link StackedEquations}.
 */
public final class Ipw extends PotentialOutcomeEstimator<Ipw> {

    private Ipw(Settings s) {
        super(Method.IPW, s);
    }

    /** @return IPW with the defaults: ATE, logit treatment model, lowest level as control, overlap refused */
    public static Ipw withDefaults() {
        return new Ipw(Settings.DEFAULTS);
    }

    /**
     * @param link the binary treatment model's link, {@link Link#LOGIT} (default) or {@link Link#PROBIT}
     * @return a copy with this link
     */
    public Ipw withLink(Link link) {
        return with(settings.link(link));
    }

    @Override
    Ipw with(Settings s) {
        return new Ipw(s);
    }
}
