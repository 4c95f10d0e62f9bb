package org.synergia.effects.potentialoutcomes;

import org.synergia.stats.glm.Link;

/**
 * Augmented inverse-probability weighting (Stata {@code teffects aipw}), doubly robust: outcome
 * models fitted by arm (unweighted), a treatment model, and potential-outcome means
 * {@code mu_t = sum_i w_i [a_i m_t(x_i) + v_it (y_i - m_t(x_i))] / sum_i w_i a_i} (Robins, Rotnitzky
 * &amp; Zhao 1994, JASA 89(427); Cattaneo 2010, J. Econometrics 155, eq. 2.6). For ATT,
 * {@code a_i = 1(T_i = tau)} and {@code v_it = 1(T_i = t) p_tau/p_t}, the doubly robust estimator
 * of the ATT (Hahn 1998, Econometrica 66(2)); Stata offers AIPW for ATE and POmeans only.
 */
public final class Aipw extends PotentialOutcomeEstimator<Aipw> {

    private Aipw(Settings s) {
        super(Method.AIPW, s);
    }

    /** @return AIPW with the defaults: ATE, linear outcome models, logit treatment model, overlap refused */
    public static Aipw withDefaults() {
        return new Aipw(Settings.DEFAULTS);
    }

    /**
     * @param model the outcome model fitted in each arm (default linear)
     * @return a copy with this outcome model
     */
    public Aipw withOutcomeModel(OutcomeModel model) {
        return with(settings.outcomeModel(model));
    }

    /**
     * @param link the binary treatment model's link, {@link Link#LOGIT} (default) or {@link Link#PROBIT}
     * @return a copy with this link
     */
    public Aipw withLink(Link link) {
        return with(settings.link(link));
    }

    @Override
    Aipw with(Settings s) {
        return new Aipw(s);
    }
}
