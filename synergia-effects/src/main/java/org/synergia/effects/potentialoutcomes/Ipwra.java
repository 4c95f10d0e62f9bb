package org.synergia.effects.potentialoutcomes;

import org.synergia.stats.glm.Link;

/**
 * Inverse-probability-weighted regression adjustment (Stata {@code teffects ipwra}), doubly
 * robust: a treatment model, outcome models fitted in each arm by weighted regression with
 * inverse-probability weights {@code 1/p_t(x)} (ATE, POmeans) or {@code p_tau(x)/p_t(x)} (ATT),
 * and potential-outcome means as averages of the arms' predictions (Wooldridge 2007,
 * J. Econometrics 141(2); Wooldridge 2010, §21.3.4). SEs from the stacked estimating equations.
 *
 * <pre>{@code
 * TreatmentEffectResult r = Ipwra.withDefaults().withLink(Link.PROBIT).withEstimand(Estimand.ATT)
 *         .fit(data);
 * }</pre>
 */
public final class Ipwra extends PotentialOutcomeEstimator<Ipwra> {

    private Ipwra(Settings s) {
        super(Method.IPWRA, s);
    }

    /** @return IPWRA with the defaults: ATE, linear outcome models, logit treatment model, overlap refused */
    public static Ipwra withDefaults() {
        return new Ipwra(Settings.DEFAULTS);
    }

    /**
     * @param model the outcome model fitted in each arm (default linear)
     * @return a copy with this outcome model
     */
    public Ipwra withOutcomeModel(OutcomeModel model) {
        return with(settings.outcomeModel(model));
    }

    /**
     * @param link the binary treatment model's link, {@link Link#LOGIT} (default) or {@link Link#PROBIT}
     * @return a copy with this link
     */
    public Ipwra withLink(Link link) {
        return with(settings.link(link));
    }

    @Override
    Ipwra with(Settings s) {
        return new Ipwra(s);
    }
}
