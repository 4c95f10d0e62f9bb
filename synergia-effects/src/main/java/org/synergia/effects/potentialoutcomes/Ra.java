package org.synergia.effects.potentialoutcomes;

/**
 * Regression adjustment (Stata {@code teffects ra}): an outcome model fitted in each treatment
 * arm, potential-outcome means as averages of the arms' predictions over the population (ATE,
 * POmeans) or over the treated (ATT) (Wooldridge 2010, Econometric Analysis, §21.3.1). SEs from
 * the stacked estimating equations; see {@link StackedEquations}.
 *
 * <pre>{@code
 * TreatmentEffectResult r = Ra.withDefaults().withEstimand(Estimand.ATT).fit(data);
 * }</pre>
 */
public final class Ra extends PotentialOutcomeEstimator<Ra> {

    private Ra(Settings s) {
        super(Method.RA, s);
    }

    /** @return RA with the defaults: ATE, linear outcome model, lowest level as control */
    public static Ra withDefaults() {
        return new Ra(Settings.DEFAULTS);
    }

    /**
     * @param model the outcome model fitted in each arm (default linear)
     * @return a copy with this outcome model
     */
    public Ra withOutcomeModel(OutcomeModel model) {
        return with(settings.outcomeModel(model));
    }

    @Override
    Ra with(Settings s) {
        return new Ra(s);
    }
}
